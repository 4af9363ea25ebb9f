package org.joinedup.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

/**
 * Issue 17's speed targets, run by {@code bench/search-speed} against a running service: in one run
 * and on the same documents, the search mix of {@link SearchScaleBenchmark#MIX} four ways, taking
 * turns, at each concurrency level:
 * <ul>
 * <li><b>service</b>: {@code GET /api/search/leaders}, as a client sees it;
 * <li><b>direct</b>: the body the service sends, straight to Elasticsearch;
 * <li><b>baseline</b>: the bodies the service sent before issue 17 (main at 72f1e38, mapping
 * version 7; kept in {@code bench/search-scale-baseline/}), against an index made from that mapping
 * holding the same documents;
 * <li><b>floor</b>: the service's body without its facets (hits only), straight to Elasticsearch;
 * <li><b>before</b>: the bodies main sent just before the speed work (b23200d, kept beside the
 * baseline's) against the live index: what this step changed.
 * </ul>
 * With {@code --request-cache true} (the service's default) the direct and floor bodies may be
 * answered from the shard request cache as the service's are: the warm case, a search repeated
 * on an unchanged index. The cold case is the service started with
 * {@code JOINEDUP_SEARCH_REQUEST_CACHE=false} and {@code --request-cache false} here. The baseline's
 * bodies use {@code now}, which Elasticsearch never caches.
 */
public final class SearchSpeedBenchmark {

    /** The four ways of sending a kind of the mix. */
    enum Side { SERVICE, DIRECT, BASELINE, FLOOR, BEFORE }

    /** A kind of the mix with what each side sends. */
    record Query(SearchScaleBenchmark.Kind kind, String body, String baselineBody, String floorBody, String beforeBody) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Options opt;
    private final String app;
    private final String es;
    private final String alias;
    private final String baselineIndex;
    private final String cache;
    private final String token;

    private SearchSpeedBenchmark(Options opt) throws IOException, InterruptedException {
        this.opt = opt;
        this.app = opt.value("--app");
        this.es = opt.value("--es");
        this.alias = opt.value("--alias");
        this.baselineIndex = alias + "-baseline";
        this.cache = opt.value("--request-cache");
        this.token = Measure.signIn(http, app, opt.value("--user"), opt.value("--password"));
    }

    public static void main(String[] args) throws Exception {
        var opt = Options.parse(args, Map.ofEntries(
                Map.entry("--app", "http://127.0.0.1:8092"), Map.entry("--es", "http://127.0.0.1:9200"),
                Map.entry("--alias", "bench-leaders"), Map.entry("--baseline-dir", "bench/search-scale-baseline"),
                Map.entry("--request-cache", "true"), Map.entry("--warmup-rounds", "2"), Map.entry("--service-warmup-rounds", "400"),
                Map.entry("--rounds", "12"),
                Map.entry("--levels", "1,4"), Map.entry("--user", "bench-admin"), Map.entry("--password", "bench-admin-password")));
        var bench = new SearchSpeedBenchmark(opt);
        bench.prepareBaselineIndex();
        bench.measure();
    }

    // ---- the baseline index: mapping 7, the same documents, both indices merged alike ----

    /**
     * Makes {@code <alias>-baseline} from the baseline mapping (with {@code dynamic: false}, so the
     * fields added since are kept in the source but not indexed) and copies the live index's
     * documents into it when it does not hold as many; then merges both to one segment, so neither
     * side gains from how its documents happened to be written.
     */
    private void prepareBaselineIndex() throws IOException {
        long live = count(alias);
        boolean exists = send(HttpRequest.newBuilder(URI.create(es + "/" + baselineIndex)).method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build()).statusCode() == 200;
        if (!exists || count(baselineIndex) != live) {
            if (exists) {
                send(HttpRequest.newBuilder(URI.create(es + "/" + baselineIndex)).DELETE().build());
            }
            var mapping = (ObjectNode) json.readTree(Path.of(opt.value("--baseline-dir"), "leaders-mapping-7.json").toFile());
            ((ObjectNode) mapping.path("mappings")).put("dynamic", false);
            ok(HttpRequest.newBuilder(URI.create(es + "/" + baselineIndex)).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(mapping.toString())).build());
            progress("copying %,d leaders into %s ...", live, baselineIndex);
            copyLiveIndex();
        }
        progress("merging %s and %s to one segment each ...", alias, baselineIndex);
        ok(post(es + "/" + alias + "," + baselineIndex + "/_forcemerge?max_num_segments=1", ""));
    }

    /** Scroll and bulk: the test distribution of Elasticsearch has no _reindex. */
    private void copyLiveIndex() throws IOException {
        var page = ok(post(es + "/" + alias + "/_search?scroll=2m", "{\"size\":1000,\"sort\":[\"_doc\"]}"));
        while (page.path("hits").path("hits").size() > 0) {
            var bulk = new StringBuilder();
            for (var hit : page.path("hits").path("hits")) {
                bulk.append("{\"index\":{\"_id\":").append(json.writeValueAsString(hit.path("_id").asText())).append("}}\n")
                        .append(hit.path("_source").toString()).append('\n');
            }
            var answer = ok(HttpRequest.newBuilder(URI.create(es + "/" + baselineIndex + "/_bulk")).header("Content-Type", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofString(bulk.toString())).build());
            if (answer.path("errors").asBoolean()) {
                throw new IOException("the baseline copy failed: " + answer.toString().substring(0, 500));
            }
            page = ok(post(es + "/_search/scroll", json.createObjectNode().put("scroll", "2m")
                    .put("scroll_id", page.path("_scroll_id").asText()).toString()));
        }
        ok(post(es + "/" + baselineIndex + "/_refresh", ""));
    }

    // ---- the four sides, taking turns ----

    private void measure() throws Exception {
        var baselineBodies = json.readTree(Path.of(opt.value("--baseline-dir"), "bodies.json").toFile());
        var beforeBodies = json.readTree(Path.of(opt.value("--baseline-dir"), "bodies-b23200d.json").toFile());
        var queries = new ArrayList<Query>();
        System.out.printf("%n=== search speed (issue 17): service, direct, baseline (mapping 7 and its bodies), floor (hits only) ===%n");
        System.out.printf("%,d leaders; request cache for the service's bodies: %s; Elasticsearch heap %s%n", count(alias), cache, esHeap());
        System.out.printf("%-18s %9s %9s %9s %9s %9s%n", "kind", "service", "direct", "baseline", "floor", "before");
        for (var kind : SearchScaleBenchmark.MIX) {
            var body = (ObjectNode) ok(get(app + "/api/admin/search/query?" + kind.params()));
            var floor = body.deepCopy();
            floor.remove("aggs");
            var baseline = baselineBodies.get(kind.params());
            if (baseline == null) {
                throw new IOException("no baseline body for " + kind.params() + " in " + opt.value("--baseline-dir"));
            }
            var query = new Query(kind, body.toString(), baseline.toString(), floor.toString(), beforeBodies.get(kind.params()).toString());
            long[] totals = new long[Side.values().length];
            for (var side : Side.values()) {
                var answer = ok(request(query, side));
                totals[side.ordinal()] = side == Side.SERVICE ? answer.path("total").asLong() : answer.path("hits").path("total").path("value").asLong();
            }
            // the baseline may differ where issue 17 changed what is found (stemming, outcome text)
            System.out.printf("%-18s %,9d %,9d %,9d %,9d %,9d%s%n", kind.name(), totals[0], totals[1], totals[2], totals[3], totals[4],
                    totals[0] == totals[1] && totals[1] == totals[3] && totals[3] == totals[4] ? "" : "  MISMATCH");
            queries.add(query);
        }
        progress("warming up ...");
        for (var side : Side.values()) {
            run(queries, side, 4, opt.integer("--warmup-rounds"));
        }
        // A service just started is still compiling its hot paths for its first few thousand searches on two shared
        // cores: with 80 rounds here (960 searches) its figures at the demo size still carried that, about twice
        // what it adds once steady (docs/benchmarks.md, "At the demo size", twelfth session).
        progress("warming up the service: %s rounds of the mix ...", opt.value("--service-warmup-rounds"));
        run(queries, Side.SERVICE, 4, (opt.integer("--service-warmup-rounds") + 3) / 4);
        for (var level : opt.value("--levels").split(",")) {
            int threads = Integer.parseInt(level.strip());
            int perThread = (int) Math.ceil(opt.integer("--rounds") / (2.0 * threads));
            var samples = new ArrayList<List<long[]>>();
            var seconds = new double[Side.values().length];
            var count = new int[Side.values().length];
            for (var side : Side.values()) {
                samples.add(new ArrayList<>());
            }
            // two halves, each side in turn, so a drift of the machine falls on all sides alike
            for (int half = 0; half < 2; half++) {
                for (var side : Side.values()) {
                    progress("concurrency %d, %s, half %d ...", threads, side, half + 1);
                    var r = run(queries, side, threads, perThread);
                    samples.get(side.ordinal()).add(r.nanos);
                    seconds[side.ordinal()] += r.seconds;
                    count[side.ordinal()] += r.requests;
                }
            }
            report(queries, threads, samples, seconds, count);
            reportTurns(queries, threads, run(queries, List.of(Side.SERVICE, Side.DIRECT), threads, 2 * perThread));
        }
    }

    /**
     * The service against its body sent directly, taking turns request by request: the fairest measure of what the
     * service adds, as the halves above can fall on a machine that changed speed between them.
     */
    private static void reportTurns(List<Query> queries, int threads, List<Spell> spells) {
        double service = Measure.percentile(flat(List.of(spells.get(0).nanos()), -1, queries.size()), 50);
        double direct = Measure.percentile(flat(List.of(spells.get(1).nanos()), -1, queries.size()), 50);
        System.out.printf("Taking turns request by request at concurrency %d: mix p50 service %.1f ms, direct %.1f ms; service/direct %.2f"
                + " (under 1.2), %.1f ms added%n", threads, ms(service), ms(direct), service / direct, ms(service - direct));
    }

    private void report(List<Query> queries, int threads, List<List<long[]>> samples, double[] seconds, int[] count) {
        int sides = Side.values().length;
        double[] mixP50 = new double[sides];
        double[][] kindP50 = new double[sides][queries.size()];
        for (int s = 0; s < sides; s++) {
            mixP50[s] = Measure.percentile(flat(samples.get(s), -1, queries.size()), 50);
            for (int k = 0; k < queries.size(); k++) {
                kindP50[s][k] = Measure.percentile(flat(samples.get(s), k, queries.size()), 50);
            }
        }
        System.out.printf("%nConcurrency %d: p50 per kind (ms) and its ratio to the baseline%n", threads);
        System.out.printf("%-18s %8s %8s %8s %8s %8s | %9s %9s %9s%n", "kind", "service", "direct", "baseline", "floor", "before",
                "svc/base", "dir/floor", "dir/before");
        double worst = 0;
        for (int k = 0; k < queries.size(); k++) {
            double toBaseline = kindP50[0][k] / kindP50[2][k];
            worst = Math.max(worst, toBaseline);
            System.out.printf("%-18s %8.1f %8.1f %8.1f %8.1f %8.1f | %9.2f %9.2f %9.2f%n", queries.get(k).kind().name(), ms(kindP50[0][k]),
                    ms(kindP50[1][k]), ms(kindP50[2][k]), ms(kindP50[3][k]), ms(kindP50[4][k]), toBaseline, kindP50[1][k] / kindP50[3][k],
                    kindP50[1][k] / kindP50[4][k]);
        }
        double[] throughput = new double[sides];
        for (int s = 0; s < sides; s++) {
            throughput[s] = count[s] / seconds[s];
        }
        System.out.printf("%-18s %8.1f %8.1f %8.1f %8.1f %8.1f | %9.2f %9.2f %9.2f%n", "mix", ms(mixP50[0]), ms(mixP50[1]), ms(mixP50[2]),
                ms(mixP50[3]), ms(mixP50[4]), mixP50[0] / mixP50[2], mixP50[1] / mixP50[3], mixP50[1] / mixP50[4]);
        System.out.printf("%-18s %8.1f %8.1f %8.1f %8.1f %8.1f%n", "searches/s", throughput[0], throughput[1], throughput[2], throughput[3],
                throughput[4]);
        System.out.printf("Targets at concurrency %d: mix p50 service/baseline %.2f (at most 0.33); worst kind %.2f (at most 0.5);"
                + " searches/s service/baseline %.2f (at least 3 at concurrency 4); full/floor (direct/floor) %.2f (at most 1.5);"
                + " service/direct %.2f (under 1.2)%n", threads, mixP50[0] / mixP50[2], worst, throughput[0] / throughput[2],
                mixP50[1] / mixP50[3], mixP50[0] / mixP50[1]);
    }

    /** The samples of one kind ({@code -1}: all) of a side's halves, sorted. */
    private static long[] flat(List<long[]> halves, int kind, int kinds) {
        return halves.stream().flatMapToLong(h -> {
            var b = LongStream.builder();
            for (int i = 0; i < h.length; i += 2) {
                if (kind < 0 || h[i] == kind) {
                    b.add(h[i + 1]);
                }
            }
            return b.build();
        }).sorted().toArray();
    }

    /** What one spell of one side measured: pairs of (kind, nanos), flattened. */
    private record Spell(long[] nanos, double seconds, int requests) {
    }

    /** {@code threads} threads each run {@code rounds} whole rounds of the mix on one side, each from its own starting kind. */
    private Spell run(List<Query> queries, Side side, int threads, int rounds) throws Exception {
        return run(queries, List.of(side), threads, rounds).get(0);
    }

    /**
     * The same, taking turns between {@code sides} request by request (each kind sent to every side before the
     * next kind), so a drift of the machine falls on them alike; one spell per side, its seconds the whole run's.
     */
    private List<Spell> run(List<Query> queries, List<Side> sides, int threads, int rounds) throws Exception {
        var requests = sides.stream().map(side -> queries.stream().map(q -> request(q, side)).toList()).toList();
        int perSide = rounds * queries.size();
        var pool = Executors.newFixedThreadPool(threads);
        long started = System.nanoTime();
        var futures = new ArrayList<Future<long[][]>>();
        for (int t = 0; t < threads; t++) {
            int first = t * queries.size() / threads;
            futures.add(pool.submit(() -> {
                var pairs = new long[sides.size()][2 * perSide];
                for (int i = 0; i < perSide; i++) {
                    int kind = (first + i) % queries.size();
                    for (int s = 0; s < sides.size(); s++) {
                        long t0 = System.nanoTime();
                        var response = http.send(requests.get(s).get(kind), BodyHandlers.discarding());
                        if (response.statusCode() != 200) {
                            throw new IOException(sides.get(s) + " " + queries.get(kind).kind().params() + ": " + response.statusCode());
                        }
                        pairs[s][2 * i] = kind;
                        pairs[s][2 * i + 1] = System.nanoTime() - t0;
                    }
                }
                return pairs;
            }));
        }
        var all = new ArrayList<long[][]>();
        for (var future : futures) {
            all.add(future.get());
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        var spells = new ArrayList<Spell>();
        for (int s = 0; s < sides.size(); s++) {
            int side = s;
            spells.add(new Spell(all.stream().flatMapToLong(pairs -> Arrays.stream(pairs[side])).toArray(), seconds, threads * perSide));
        }
        return spells;
    }

    private HttpRequest request(Query query, Side side) {
        var search = "/_search?typed_keys=true&request_cache=";
        return switch (side) {
            case SERVICE -> get(app + "/api/search/leaders?" + query.kind().params());
            case DIRECT -> post(es + "/" + alias + search + cache, query.body());
            case BASELINE -> post(es + "/" + baselineIndex + "/_search?typed_keys=true", query.baselineBody());
            case FLOOR -> post(es + "/" + alias + search + cache, query.floorBody());
            case BEFORE -> post(es + "/" + alias + "/_search?typed_keys=true", query.beforeBody());
        };
    }

    // ---- plumbing ----

    private long count(String index) throws IOException {
        return ok(get(es + "/" + index + "/_count")).path("count").asLong();
    }

    private String esHeap() throws IOException {
        var node = ok(get(es + "/_nodes/_local/jvm")).path("nodes").elements().next();
        return (node.path("jvm").path("mem").path("heap_max_in_bytes").asLong() >> 20) + " MB";
    }

    private HttpRequest get(String uri) {
        var request = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(60)).GET();
        return (uri.startsWith(app) ? request.header("Authorization", "Bearer " + token) : request).build();
    }

    private HttpRequest post(String uri, String body) {
        return HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(600)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** Sends and parses a 2xx JSON answer; anything else stops the run. */
    private JsonNode ok(HttpRequest request) throws IOException {
        try {
            var response = http.send(request, BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() / 100 != 2) {
                throw new IOException(request.method() + " " + request.uri() + ": " + response.statusCode() + " " + response.body());
            }
            return json.readTree(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private HttpResponse<Void> send(HttpRequest request) throws IOException {
        try {
            return http.send(request, BodyHandlers.discarding());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static double ms(double nanos) {
        return nanos / 1e6;
    }

    private static void progress(String format, Object... args) {
        System.err.println("... " + String.format(format, args));
    }
}
