package org.joinedup.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Searches a second and the service's CPU a search of two or more running copies of the service, at a given
 * concurrency: the copies take turns in blocks of some seconds, the order reversed every block, each client
 * cycling through the mix of {@link SearchScaleBenchmark}. A copy's CPU is its process's (found by its port),
 * read from /proc around each block, its idle work included. For copies that differ in how they are run (JVM
 * options, settings) rather than in their code; {@link ServiceBuildsBenchmark} takes turns request by request
 * at concurrency 1. Warm the copies with a first run.
 *
 * <pre>
 * java -Xmx1g -cp "target/test-classes:target/classes:target/quarkus-app/lib/main/*" org.joinedup.bench.CopiesThroughputBenchmark \
 *     --ports 8092,8094 --clients 4 --seconds 20 --blocks 8
 * </pre>
 */
public final class CopiesThroughputBenchmark {

    private static final Pattern LISTENER_PID = Pattern.compile("pid=(\\d+)");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    /** A copy: where it answers, its bearer token and its process. */
    private record Copy(int port, String token, String pid) {
    }

    /** One block of one copy: searches a second and ms of its CPU a search. */
    private record Block(double searchesPerSecond, double cpuMsPerSearch) {
    }

    public static void main(String[] args) throws Exception {
        var opt = Options.parse(args, Map.of("--ports", "8092,8094", "--clients", "4", "--seconds", "20", "--blocks", "8",
                "--user", "bench-admin", "--password", "bench-admin-password"));
        new CopiesThroughputBenchmark().run(opt);
    }

    private void run(Options opt) throws Exception {
        var copies = new ArrayList<Copy>();
        for (var port : opt.value("--ports").split(",")) {
            int p = Integer.parseInt(port.trim());
            copies.add(new Copy(p, Measure.signIn(http, "http://127.0.0.1:" + p, opt.value("--user"), opt.value("--password")), listener(p)));
        }
        var blocks = new LinkedHashMap<Copy, List<Block>>();
        copies.forEach(copy -> blocks.put(copy, new ArrayList<>()));
        for (int b = 0; b < opt.integer("--blocks"); b++) {
            var order = new ArrayList<>(copies);
            if (b % 2 == 1) {
                Collections.reverse(order);
            }
            for (var copy : order) {
                blocks.get(copy).add(block(copy, opt.integer("--clients"), opt.integer("--seconds")));
            }
        }
        System.out.printf("Copies taking turns in blocks of %s s, %s clients, %s blocks each%n", opt.value("--seconds"),
                opt.value("--clients"), opt.value("--blocks"));
        blocks.forEach((copy, measured) -> System.out.printf("%d: searches/s median %.1f (blocks %s), CPU a search median %.2f ms%n",
                copy.port, Measure.percentile(measured.stream().map(Block::searchesPerSecond).toList(), 50),
                String.join(" ", measured.stream().map(Block::searchesPerSecond).sorted().map(r -> String.format("%.1f", r)).toList()),
                Measure.percentile(measured.stream().map(Block::cpuMsPerSearch).toList(), 50)));
    }

    private Block block(Copy copy, int clients, int seconds) throws Exception {
        var searches = new AtomicLong();
        var failure = new AtomicLong();
        long stop = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        var kinds = SearchScaleBenchmark.MIX;
        var threads = new ArrayList<Thread>();
        double cpuBefore = Measure.cpuSeconds(copy.pid);
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int first = c;
            var thread = new Thread(() -> {
                for (int k = first; System.nanoTime() < stop && failure.get() == 0; k++) {
                    var kind = kinds.get(k % kinds.size());
                    var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + copy.port + "/api/search/leaders?" + kind.params()))
                            .header("Authorization", "Bearer " + copy.token).GET().build();
                    try {
                        int status = http.send(request, BodyHandlers.discarding()).statusCode();
                        if (status != 200) {
                            System.err.printf("port %d: HTTP %d for %s%n", copy.port, status, kind.params());
                            failure.incrementAndGet();
                        }
                        searches.incrementAndGet();
                    } catch (IOException | InterruptedException e) {
                        System.err.printf("port %d: %s%n", copy.port, e);
                        failure.incrementAndGet();
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (var thread : threads) {
            thread.join();
        }
        if (failure.get() > 0) {
            throw new IllegalStateException("a search through port " + copy.port + " failed; see above");
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        return new Block(searches.get() / elapsed, (Measure.cpuSeconds(copy.pid) - cpuBefore) * 1000 / searches.get());
    }

    /** The process listening on the port, as {@code ss} names it (the copies run as the same user). */
    private static String listener(int port) throws IOException, InterruptedException {
        var ss = new ProcessBuilder("ss", "-Hltnp", "sport = :" + port).redirectErrorStream(true).start();
        var out = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        ss.waitFor();
        var pid = LISTENER_PID.matcher(out);
        if (!pid.find()) {
            throw new IOException("no process of ours listens on port " + port + ": " + out.strip());
        }
        return pid.group(1);
    }
}
