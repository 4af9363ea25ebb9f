package org.joinedup.drills;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.joinedup.bench.Measure;

/** Searches in a loop from several threads, spread over the copies, counting every answer that is not 200. */
final class SearchLoad {

    static final List<String> QUERIES = List.of("q=discharge", "q=GP", "service=gp&service=social-care", "region=E40000011",
            "nearArea=E10000024&within=50km", "verification=endorsed", "mentoring=available", "q=integrated&sort=recent");

    private final Api admin;
    private final List<String> bases;
    private final int concurrency;
    private final int seconds;

    SearchLoad(Api admin, List<String> bases, Map<String, String> options) {
        this.admin = admin;
        this.bases = bases;
        this.concurrency = DrillDriver.intOption(options, "concurrency", 4);
        this.seconds = DrillDriver.intOption(options, "seconds", 60);
    }

    boolean run() throws InterruptedException {
        var statuses = new ConcurrentHashMap<Integer, Integer>();
        var latencies = new Measure.Latencies();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        var pool = Executors.newFixedThreadPool(concurrency);
        for (int t = 0; t < concurrency; t++) {
            int thread = t;
            pool.submit(() -> {
                for (int i = 0; System.nanoTime() < end; i++) {
                    var api = admin.at(bases.get((thread + i) % bases.size()));
                    var query = QUERIES.get((thread + i) % QUERIES.size());
                    var timed = Measure.timed(() -> api.get("/api/search/leaders?" + query));
                    latencies.add(timed.nanos());
                    statuses.merge(timed.answer().status(), 1, Integer::sum);
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60, TimeUnit.SECONDS);
        var counted = new TreeMap<>(statuses);
        int failed = counted.entrySet().stream().filter(e -> e.getKey() != 200).mapToInt(Map.Entry::getValue).sum();
        System.out.printf("searches: %d in %d s at concurrency %d, answers %s, p50 %.1f ms, p99 %.1f ms, failed %d%n", latencies.count(),
                seconds, concurrency, counted, latencies.percentile(50), latencies.percentile(99), failed);
        return failed == 0;
    }
}
