package org.joinedup.bench;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 18, streamed export: loads leaders with records through the bulk import (ImportBenchmark's
 * file), then exports every one of them through GET /api/search/export.csv and prints rows, time to
 * first byte, total time, rows/s and the service's heap in use (from the management port's
 * Prometheus metrics) before, at its highest while the export ran, and after.
 *
 * <p>ExportBenchmark --app URL --management URL --es URL --alias A --admin NAME --admin-password P
 * [--leaders 2000] [--records-per-leader 5] [--runs 3]
 */
public final class ExportBenchmark {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        var options = Options.parse(args, Map.of());
        String app = options.get("--app").orElse("http://127.0.0.1:8099");
        String management = options.get("--management").orElse("http://127.0.0.1:9099");
        String es = options.get("--es").orElse("http://127.0.0.1:9200");
        String alias = options.get("--alias").orElse("export-bench");
        int leaders = options.get("--leaders").map(Integer::parseInt).orElse(2000);
        int perLeader = options.get("--records-per-leader").map(Integer::parseInt).orElse(5);
        int runs = options.get("--runs").map(Integer::parseInt).orElse(3);
        var token = ImportBenchmark.token(app, options.get("--admin").orElse("bench-admin"),
                options.get("--admin-password").orElse("bench-admin-password"));

        var file = Path.of("target/bench/export-" + leaders + "x" + perLeader + ".csv");
        int rows = ImportBenchmark.makeFile(app, file, leaders, perLeader);
        long started = System.nanoTime();
        var job = ImportBenchmark.importFile(app, token, file);
        System.out.printf("loaded: %d leaders x %d records (%d rows) through the import, %s in %d ms%n", leaders, perLeader, rows,
                job.path("state").asText(), ms(started));
        ImportBenchmark.awaitIndexed(es, alias, leaders, System.nanoTime());
        Thread.sleep(2000);

        for (int run = 1; run <= runs; run++) {
            export(app, management, token, "full export (no filter)", "", run);
        }
        export(app, management, token, "filtered export (service=social-care)", "?service=social-care", 1);
    }

    private static void export(String app, String management, String token, String what, String query, int run) throws Exception {
        long heapBefore = heap(management);
        var peak = new AtomicLong(heapBefore);
        var sampling = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    peak.accumulateAndGet(heap(management), Math::max);
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    // a missed sample is not a result
                }
            }
        });
        sampling.setDaemon(true);
        sampling.start();

        long started = System.nanoTime();
        var response = HTTP.send(HttpRequest.newBuilder(URI.create(app + "/api/search/export.csv" + query))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofInputStream());
        long firstByte = -1;
        long lines = 0;
        long bytes = 0;
        try (InputStream body = response.body()) {
            var buffer = new byte[64 * 1024];
            int read;
            while ((read = body.read(buffer)) >= 0) {
                if (firstByte < 0 && read > 0) {
                    firstByte = ms(started);
                }
                bytes += read;
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        long total = ms(started);
        sampling.interrupt();
        sampling.join();
        long heapAfter = heap(management);
        long rows = lines - 1;
        System.out.printf("%s, run %d: HTTP %d, %d rows, %.1f MB; first byte %d ms, total %d ms, %.0f rows/s; heap used %d MB before,"
                + " %d MB at most during, %d MB after%n", what, run, response.statusCode(), rows, bytes / 1e6, firstByte, total,
                rows * 1000.0 / Math.max(1, total), heapBefore >> 20, peak.get() >> 20, heapAfter >> 20);
    }

    /** Heap in use, all spaces together, as the service reports it on the management port. */
    private static long heap(String management) throws Exception {
        var text = HTTP.send(HttpRequest.newBuilder(URI.create(management + "/q/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        double used = 0;
        for (var line : text.split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                used += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return (long) used;
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }
}
