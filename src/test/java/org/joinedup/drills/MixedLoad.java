package org.joinedup.drills;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.joinedup.bench.Measure;

/**
 * A mixed workload at rising concurrency (60% search, 20% profile reads, 15% record writes, 5%
 * matching), closed loop: throughput, median and p99 per level, errors, and the cores each
 * process used, to find the knee and where the time goes.
 */
final class MixedLoad {

    private final Api admin;
    private final List<Integer> levels;
    private final int seconds;

    MixedLoad(Api admin, Map<String, String> options) {
        this.admin = admin;
        this.levels = Arrays.stream(options.getOrDefault("levels", "1,2,4,8,16,32").split(",")).map(Integer::valueOf).toList();
        this.seconds = DrillDriver.intOption(options, "seconds", 30);
    }

    boolean run() throws InterruptedException {
        long writer = admin.send("POST", "/api/leaders", Payloads.leader("Load Writer")).json().path("id").asLong();
        var leaderIds = admin.get("/api/leaders?size=100").json().path("items").findValuesAsText("id");
        var requestIds = admin.get("/api/learning-requests?size=100").json().path("items").findValuesAsText("id");
        System.out.println("concurrency | requests/s | p50 ms | p99 ms | search p50 | read p50 | write p50 | match p50 | errors | cores: service, elasticsearch, postgresql, driver");
        int errors = 0;
        for (int level : levels) {
            var all = new Measure.Latencies();
            var byKind = new ConcurrentHashMap<String, Measure.Latencies>();
            var failed = new AtomicInteger();
            var cpuBefore = CpuShares.seconds();
            long start = System.nanoTime();
            long end = start + seconds * 1_000_000_000L;
            var pool = Executors.newFixedThreadPool(level);
            for (int t = 0; t < level; t++) {
                var random = new Random(level * 1000L + t);
                pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        int dice = random.nextInt(100);
                        String kind;
                        Measure.Request<Api.Answer, RuntimeException> request;
                        if (dice < 60) {
                            kind = "search";
                            request = () -> admin.get("/api/search/leaders?" + SearchLoad.QUERIES.get(random.nextInt(SearchLoad.QUERIES.size())));
                        } else if (dice < 80) {
                            kind = "read";
                            request = () -> admin.get("/api/leaders/" + leaderIds.get(random.nextInt(leaderIds.size())));
                        } else if (dice < 95) {
                            kind = "write";
                            request = () -> admin.send("POST", "/api/leaders/" + writer + "/records", Payloads.record("Load record"));
                        } else {
                            kind = "match";
                            request = () -> admin.get("/api/learning-requests/" + requestIds.get(random.nextInt(requestIds.size())) + "/matches?size=5");
                        }
                        var timed = Measure.timed(request);
                        var answer = timed.answer();
                        all.add(timed.nanos());
                        byKind.computeIfAbsent(kind, k -> new Measure.Latencies()).add(timed.nanos());
                        if (answer.status() >= 300 || answer.status() == 0) {
                            failed.incrementAndGet();
                        }
                    }
                });
            }
            pool.shutdown();
            pool.awaitTermination(seconds + 120, TimeUnit.SECONDS);
            double wall = (System.nanoTime() - start) / 1e9;
            var cores = CpuShares.coresBetween(cpuBefore, CpuShares.seconds(), wall);
            System.out.printf("%11d | %10.1f | %6.1f | %6.1f | %10.1f | %8.1f | %9.1f | %9.1f | %6d | %s, %s, %s, %s%n", level, all.count() / wall,
                    all.percentile(50), all.percentile(99), p50(byKind, "search"), p50(byKind, "read"), p50(byKind, "write"),
                    p50(byKind, "match"), failed.get(), cores.get("service"), cores.get("elasticsearch"), cores.get("postgresql"),
                    cores.get("load driver"));
            errors += failed.get();
        }
        return errors == 0;
    }

    private static double p50(Map<String, Measure.Latencies> byKind, String kind) {
        return byKind.containsKey(kind) ? byKind.get(kind).percentile(50) : Double.NaN;
    }
}
