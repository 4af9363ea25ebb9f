package org.joinedup.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Two builds of the service against one database and one index, and the first one's body sent
 * directly to Elasticsearch, taking turns request by request (the order of the three rotating with
 * each request), one search at a time over the mix of {@link SearchScaleBenchmark}. A change of the
 * machine's speed then falls on both builds and on Elasticsearch alike, so what one build saves
 * shows even on a noisy machine, and each build's overhead over the direct query is measured in the
 * same run. Start the two copies first (e.g. the bench copy of {@code bench/lib.sh} on 8092 and the
 * other build on 8094 with {@code QUARKUS_FLYWAY_MIGRATE_AT_START=false}; docs/benchmarks.md has
 * the commands):
 *
 * <pre>
 * java -Xmx1g -cp "target/test-classes:target/classes:target/quarkus-app/lib/main/*" org.joinedup.bench.ServiceBuildsBenchmark \
 *     --a http://127.0.0.1:8094 --b http://127.0.0.1:8092 --rounds 100
 * </pre>
 */
public final class ServiceBuildsBenchmark {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        var opt = Options.parse(args, Map.of("--a", "http://127.0.0.1:8094", "--b", "http://127.0.0.1:8092",
                "--es", "http://127.0.0.1:9200", "--alias", "bench-leaders", "--user", "bench-admin",
                "--password", "bench-admin-password", "--warmup-rounds", "300", "--rounds", "100"));
        new ServiceBuildsBenchmark().run(opt);
    }

    private void run(Options opt) throws Exception {
        var a = opt.value("--a");
        var b = opt.value("--b");
        var tokenA = Measure.signIn(http, a, opt.value("--user"), opt.value("--password"));
        var tokenB = Measure.signIn(http, b, opt.value("--user"), opt.value("--password"));
        var kinds = SearchScaleBenchmark.MIX;
        // sides: 0 build a, 1 build b, 2 a's body sent directly
        var requests = new ArrayList<HttpRequest[]>();
        for (var kind : kinds) {
            var body = send(get(a + "/api/admin/search/query?" + kind.params(), tokenA));
            var direct = HttpRequest.newBuilder(URI.create(opt.value("--es") + "/" + opt.value("--alias")
                    + "/_search?typed_keys=true&request_cache=true")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            requests.add(new HttpRequest[] {get(a + "/api/search/leaders?" + kind.params(), tokenA),
                    get(b + "/api/search/leaders?" + kind.params(), tokenB), direct});
        }
        System.err.printf("... warming up both builds: %s rounds of the mix each%n", opt.value("--warmup-rounds"));
        var unused = new long[3][kinds.size() * opt.integer("--warmup-rounds")];
        turns(requests, opt.integer("--warmup-rounds"), unused);
        int rounds = opt.integer("--rounds");
        var nanos = new long[3][kinds.size() * rounds];
        System.err.printf("... %d rounds of the mix, taking turns%n", rounds);
        turns(requests, rounds, nanos);

        double[] p50 = new double[3];
        for (int side = 0; side < 3; side++) {
            var sorted = nanos[side].clone();
            Arrays.sort(sorted);
            p50[side] = Measure.percentile(sorted, 50) / 1e6;
        }
        var differences = new long[nanos[0].length];
        for (int i = 0; i < differences.length; i++) {
            differences[i] = nanos[1][i] - nanos[0][i];
        }
        Arrays.sort(differences);
        System.out.printf("Two builds taking turns, %d searches each, concurrency 1: mix p50 a %.1f ms, b %.1f ms, direct %.1f ms%n",
                nanos[0].length, p50[0], p50[1], p50[2]);
        System.out.printf("a/direct %.2f (%.1f ms added), b/direct %.2f (%.1f ms added); b - a, median of the paired differences: %.2f ms%n",
                p50[0] / p50[2], p50[0] - p50[2], p50[1] / p50[2], p50[1] - p50[2], Measure.percentile(differences, 50) / 1e6);
    }

    /** Each kind to all three sides before the next kind, the first side moving on by one with each request. */
    private void turns(List<HttpRequest[]> requests, int rounds, long[][] nanos) throws IOException, InterruptedException {
        int i = 0;
        for (int round = 0; round < rounds; round++) {
            for (var sides : requests) {
                for (int k = 0; k < 3; k++) {
                    int side = (i + k) % 3;
                    long t0 = System.nanoTime();
                    var response = http.send(sides[side], BodyHandlers.discarding());
                    nanos[side][i] = System.nanoTime() - t0;
                    if (response.statusCode() != 200) {
                        throw new IOException(sides[side].uri() + ": " + response.statusCode());
                    }
                }
                i++;
            }
        }
    }

    private String send(HttpRequest request) throws IOException, InterruptedException {
        var response = http.send(request, BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            throw new IOException(request.uri() + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static HttpRequest get(String uri, String token) {
        return HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token).GET().build();
    }
}
