package org.joinedup.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.joinedup.search.index.LeaderDocument;

/**
 * Benchmark tooling for issue 3 (search at scale), run by {@code bench/search-scale} against a
 * running service and its Elasticsearch. In one run it measures the reindex against a plain bulk
 * load of the same documents, search latency through the service against the same Elasticsearch
 * queries sent directly, and the delay from a write's 201 to the record being searchable. Every
 * figure is printed in one block at the end; progress goes to stderr.
 */
public final class SearchScaleBenchmark {

    /** A kind of search in the mix: a name for the report and the query string the service takes. */
    record Kind(String name, String params) {
    }

    /** A kind with the exact Elasticsearch body the service sends for it. */
    record Query(Kind kind, String body) {
    }

    /** One timed request of a kind. */
    record Sample(int kind, long nanos) {
    }

    /** What one load phase measured. */
    record Samples(List<Sample> samples, int errors, double seconds, Cpu cpu) {

        Samples plus(Samples other) {
            var all = new ArrayList<>(samples);
            all.addAll(other.samples);
            return new Samples(all, errors + other.errors, seconds + other.seconds, cpu.plus(other.cpu));
        }

        long[] nanos(int kind) {
            return samples.stream().filter(s -> kind < 0 || s.kind == kind).mapToLong(Sample::nanos).sorted().toArray();
        }

        double throughput() {
            return samples.size() / seconds;
        }
    }

    /**
     * CPU seconds the service, Elasticsearch, PostgreSQL (all its processes) and everything else on
     * the machine but this harness used over {@code seconds} of wall time: "others" shows when
     * another user's work disturbed a measurement.
     */
    record Cpu(double app, double es, double postgres, double others, double seconds) {

        Cpu plus(Cpu other) {
            return new Cpu(app + other.app, es + other.es, postgres + other.postgres, others + other.others, seconds + other.seconds);
        }

        /** Other processes took more than a quarter of a core on average. */
        boolean disturbed() {
            return others > DISTURBED_CORES * seconds;
        }

        @Override
        public String toString() {
            return String.format("service %.0f s, Elasticsearch %.0f s, PostgreSQL %.0f s, others %.0f s", app, es, postgres, others);
        }
    }

    /** CPU counters at one moment; PostgreSQL per process, since backends come and go. */
    record CpuReading(long nanos, double app, double es, Map<String, Double> postgres, double machine, double self) {

        Cpu since(CpuReading before) {
            double pg = postgres.entrySet().stream()
                    .mapToDouble(e -> e.getValue() - before.postgres.getOrDefault(e.getKey(), 0.0)).sum();
            double others = machine - before.machine - (app - before.app) - (es - before.es) - pg - (self - before.self);
            return new Cpu(app - before.app, es - before.es, pg, Math.max(0, others), (nanos - before.nanos) / 1e9);
        }
    }

    /** Both sides of one concurrency level. */
    record Level(int threads, Samples service, Samples direct) {

        Cpu cpu() {
            return service.cpu.plus(direct.cpu);
        }
    }

    record Reindex(long documents, long millis, double documentsPerSecond, long wallMillis, Cpu cpu) {
    }

    record PlainLoad(long documents, long bulkMillis, long refreshMillis, int requests, int failedItems, Cpu cpu) {

        double documentsPerSecond() {
            return documents * 1000.0 / bulkMillis;
        }
    }

    /**
     * The mix: broad text, a vocabulary synonym, the same-record service pair, geography (region,
     * distance filter, distance sort), corroboration, mentoring, programme with outcome, text with
     * filters and a deep page. Codes come from seed-data/.
     */
    static final List<Kind> MIX = List.of(
            new Kind("text", "q=discharge"),
            new Kind("synonym", "q=GP"),
            new Kind("services", "service=gp&service=social-care"),
            new Kind("region", "region=E40000011"),
            new Kind("region+services", "region=E40000003&service=mental-health&service=social-care"),
            new Kind("near+within", "nearArea=E10000024&within=50km"),
            new Kind("sort=distance", "nearArea=E08000025&sort=distance"),
            new Kind("verified", "verification=verified"),
            new Kind("mentoring", "mentoring=available"),
            new Kind("programme+outcome", "programme=vanguard&outcome=non-elective-admissions"),
            new Kind("text+filters", "q=reablement&region=E40000014&verification=endorsed"),
            new Kind("deep page", "service=social-care&page=10"));

    private static final int BULK_SIZE = 500;
    private static final double DISTURBED_CORES = 0.25;
    private static final int DUMP_PAGE = 1000;

    private final ObjectMapper json = new ObjectMapper();
    /** Reads and writes {@link LeaderDocument}s as the service's own mapper does (ISO dates, unknown fields skipped). */
    private final ObjectMapper documents = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final StringBuilder report = new StringBuilder();
    private final Options opt;
    private final String app;
    private final String es;
    private final String alias;
    /** The admin's bearer token, sent with every request to the service (none to Elasticsearch). */
    private final String token;

    private SearchScaleBenchmark(Options opt) throws IOException, InterruptedException {
        this.opt = opt;
        this.app = opt.value("--app");
        this.es = opt.value("--es");
        this.alias = opt.value("--alias");
        this.token = Measure.signIn(http, app, opt.value("--user"), opt.value("--password"));
    }

    public static void main(String[] args) throws Exception {
        var opt = Options.parse(args, Map.ofEntries(
                Map.entry("--app", "http://127.0.0.1:8092"), Map.entry("--es", "http://127.0.0.1:9200"),
                Map.entry("--alias", "bench-leaders"), Map.entry("--plain-index", "bench-plain"),
                Map.entry("--mapping", "index-mappings/leaders.json"), Map.entry("--work-dir", "target/bench"),
                Map.entry("--parts", "reindex,search,writes"), Map.entry("--tries", "3"), Map.entry("--reindex-runs", "2"),
                Map.entry("--warmup-rounds", "4"), Map.entry("--rounds", "24"), Map.entry("--levels", "1,4,8"),
                Map.entry("--write-rate", "5"), Map.entry("--write-seconds", "60"),
                Map.entry("--write-warmup-seconds", "30"), Map.entry("--poll-ms", "25"),
                Map.entry("--poll-via", "index"),
                Map.entry("--user", "bench-admin"), Map.entry("--password", "bench-admin-password")));
        var bench = new SearchScaleBenchmark(opt);
        var parts = List.of(opt.value("--parts").split(","));
        bench.facts();
        if (parts.contains("reindex")) {
            bench.reindexAgainstPlainBulk();
        }
        if (parts.contains("search")) {
            bench.searchLatency();
        }
        if (parts.contains("writes")) {
            bench.writeToSearchable();
        }
        System.out.println();
        System.out.println("=== search at scale: results ===");
        System.out.print(bench.report);
        System.out.println("=== end of results ===");
    }

    // ---- facts ----

    private void facts() throws IOException {
        var node = json(get(es + "/_nodes/_local/jvm")).path("nodes").elements().next();
        var memTotal = Measure.readQuietly(Path.of("/proc/meminfo")).lines().findFirst().orElse("").replaceAll("\\D", "");
        line("Machine: %d cores, %s GB RAM, Java %s", Runtime.getRuntime().availableProcessors(),
                memTotal.isEmpty() ? "?" : String.valueOf(Math.round(Long.parseLong(memTotal) / 1048576.0)), System.getProperty("java.version"));
        line("Service max heap %s; Elasticsearch %s, heap %d MB", appHeap(), node.path("version").asText(),
                node.path("jvm").path("mem").path("heap_max_in_bytes").asLong() >> 20);
    }

    /**
     * The service's max heap, from its Micrometer metrics (G1's old generation max is the heap max),
     * on its management interface: the HTTP port + 1000, as bench/search-scale starts it.
     */
    private String appHeap() {
        try {
            var uri = URI.create(app);
            var management = uri.getScheme() + "://" + uri.getHost() + ":" + (uri.getPort() + 1000);
            var metrics = new String(send(get(management + "/q/metrics")).body(), StandardCharsets.UTF_8);
            double max = metrics.lines().filter(l -> l.startsWith("jvm_memory_max_bytes") && l.contains("area=\"heap\""))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).filter(v -> v > 0).sum();
            return String.format("%.0f MB", max / (1 << 20));
        } catch (RuntimeException e) {
            return "unknown";
        }
    }

    // ---- reindex against a plain bulk load ----

    private void reindexAgainstPlainBulk() throws IOException {
        int runs = opt.integer("--reindex-runs");
        var reindexes = new ArrayList<Reindex>();
        reindexes.add(leastDisturbed("reindex", this::reindex, Reindex::cpu));
        var file = Path.of(opt.value("--work-dir"), "plain-bulk.docs");
        Files.createDirectories(file.getParent());
        long documents = dumpLiveIndex(file);
        // the baseline has the live index's analysis: its synonym rules are filled in when the service
        // creates an index, and the mapping file's are empty (the third load shows what they cost)
        var liveAnalysis = liveAnalysis();
        var plain = leastDisturbed("plain bulk", () -> plainBulkLoad(file, documents, false, liveAnalysis), PlainLoad::cpu);
        var versioned = leastDisturbed("versioned bulk", () -> plainBulkLoad(file, documents, true, liveAnalysis), PlainLoad::cpu);
        var noRules = leastDisturbed("plain bulk, no synonym rules", () -> plainBulkLoad(file, documents, false, null), PlainLoad::cpu);
        Files.delete(file);
        for (int i = 1; i < runs; i++) {
            reindexes.add(leastDisturbed("reindex", this::reindex, Reindex::cpu));
        }
        line("");
        line("Reindex (POST /api/admin/reindex) against a plain bulk load of the same documents");
        line("%-34s %9s %10s %8s %8s  %s", "", "documents", "time (ms)", "docs/s", "vs plain", "CPU used meanwhile");
        for (int i = 0; i < reindexes.size(); i++) {
            var r = reindexes.get(i);
            line("%-34s %,9d %,10d %,8.0f %7.0f%%  %s", "reindex run " + (i + 1), r.documents, r.millis, r.documentsPerSecond,
                    100 * r.documentsPerSecond / plain.documentsPerSecond(), r.cpu);
        }
        var loads = new LinkedHashMap<String, PlainLoad>();
        loads.put("plain bulk", plain);
        loads.put("plain bulk, external versions", versioned);
        loads.put("plain bulk, empty synonym rules", noRules);
        loads.forEach((name, load) -> line("%-34s %,9d %,10d %,8.0f %7.0f%%  %s", name, load.documents, load.bulkMillis,
                load.documentsPerSecond(), 100 * load.documentsPerSecond() / plain.documentsPerSecond(), load.cpu));
        line("plain bulk: %d requests of %d, one in flight, %d + %d + %d failed items; refresh afterwards %,d / %,d / %,d ms (not counted);"
                + " the index made from the mapping file with the live index's analysis (its synonym rules), the last with the file's own (empty)",
                plain.requests, BULK_SIZE, plain.failedItems, versioned.failedItems, noRules.failedItems,
                plain.refreshMillis, versioned.refreshMillis, noRules.refreshMillis);
        line("reindex time is the service's own figure (create, bulk, refresh, reconcile, swap);"
                + " wall time from POST to the job's end, polled every 500 ms, %s ms", reindexes.stream().map(r -> String.format("%,d", r.wallMillis)).collect(Collectors.joining(" / ")));
        double best = reindexes.stream().mapToDouble(Reindex::documentsPerSecond).max().orElse(0);
        line("Each measured up to %s times while other processes used over %.2f of a core; the least disturbed try is shown",
                opt.value("--tries"), DISTURBED_CORES);
        line("Target: reindex >= 80%% of the plain bulk rate: best run %.0f%% -> %s", 100 * best / plain.documentsPerSecond(),
                best >= 0.8 * plain.documentsPerSecond() ? "MET" : "NOT MET");
    }

    private Reindex reindex() throws IOException {
        progress("reindex through the service ...");
        var before = cpu();
        long started = System.nanoTime();
        HttpResponse<byte[]> answer = send(post(app + "/api/admin/reindex", "", "application/json").build());
        if (answer.statusCode() != 202) {
            throw new IOException("POST /api/admin/reindex: " + answer.statusCode() + " " + new String(answer.body(), StandardCharsets.UTF_8));
        }
        // the rebuild is a job: follow it until it ends
        var job = app + answer.headers().firstValue("Location").map(l -> l.replaceFirst("^https?://[^/]+", "")).orElseThrow();
        var state = json.readTree(answer.body());
        while (!List.of("succeeded", "failed").contains(state.path("state").asText())) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            state = json(get(job));
        }
        if (!state.path("state").asText().equals("succeeded")) {
            throw new IOException("the rebuild failed: " + state.path("failure").asText());
        }
        var response = state.path("result");
        long wall = (System.nanoTime() - started) / 1_000_000;
        var r = new Reindex(response.path("documents").asLong(), response.path("millis").asLong(),
                response.path("documentsPerSecond").asDouble(), wall, cpu().since(before));
        progress("reindex: %d documents in %d ms (%.0f/s)", r.documents, r.millis, r.documentsPerSecond);
        return r;
    }

    /** The analysis settings of the index behind the alias, as the service made them (synonym rules filled in). */
    private JsonNode liveAnalysis() throws IOException {
        var settings = json(get(es + "/" + alias + "/_settings"));
        return settings.elements().next().path("settings").path("index").path("analysis");
    }

    /**
     * The baseline: the documents the reindex just wrote (read back into a file first), bulk-loaded
     * into a fresh index made from the same mapping file with refresh off, 500 per request, one
     * request in flight. Only the bulk requests are timed. {@code versioned} sends each leader's
     * revision as an external version, as the service does, to show what versioning costs;
     * {@code analysis}, when given, replaces the file's analysis settings.
     */
    private PlainLoad plainBulkLoad(Path file, long documents, boolean versioned, JsonNode analysis) throws IOException {
        var plainIndex = opt.value("--plain-index");
        send(HttpRequest.newBuilder(URI.create(es + "/" + plainIndex)).DELETE().build());
        var mapping = (ObjectNode) json.readTree(Path.of(opt.value("--mapping")).toFile());
        var settings = (ObjectNode) mapping.path("settings");
        settings.put("refresh_interval", "-1").put("number_of_replicas", 0);
        if (analysis != null) {
            settings.set("analysis", analysis);
        }
        json(HttpRequest.newBuilder(URI.create(es + "/" + plainIndex)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(mapping.toString())).build());

        progress("plain bulk load of %d documents into %s%s ...", documents, plainIndex, versioned ? ", external versions" : "");
        var before = cpu();
        long bulkNanos = 0;
        int requests = 0;
        int failedItems = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            var body = new StringBuilder();
            int inBody = 0;
            String key;
            while (true) {
                key = in.readLine();
                if (key != null) {
                    var idAndRevision = key.split(" ");
                    body.append("{\"index\":{\"_id\":\"").append(idAndRevision[0])
                            .append(versioned ? "\",\"version\":" + idAndRevision[1] + ",\"version_type\":\"external\"}}" : "\"}}")
                            .append('\n').append(in.readLine()).append('\n');
                    inBody++;
                }
                if (inBody == BULK_SIZE || (key == null && inBody > 0)) {
                    var request = post(es + "/" + plainIndex + "/_bulk", body.toString(), "application/x-ndjson").build();
                    long t = System.nanoTime();
                    var response = json(request);
                    bulkNanos += System.nanoTime() - t;
                    requests++;
                    failedItems += failedItems(response);
                    body.setLength(0);
                    inBody = 0;
                }
                if (key == null) {
                    break;
                }
            }
        }
        var cpu = cpu().since(before);
        long t = System.nanoTime();
        json(HttpRequest.newBuilder(URI.create(es + "/" + plainIndex + "/_settings")).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"index\":{\"refresh_interval\":\"1s\"}}")).build());
        json(post(es + "/" + plainIndex + "/_refresh", "", "application/json").build());
        long refreshMillis = (System.nanoTime() - t) / 1_000_000;
        long indexed = json(get(es + "/" + plainIndex + "/_count")).path("count").asLong();
        if (indexed != documents) {
            throw new IllegalStateException(plainIndex + " holds " + indexed + " documents, expected " + documents);
        }
        // the node has a small heap: keep one copy of the data set besides the live one, not two
        send(HttpRequest.newBuilder(URI.create(es + "/" + plainIndex)).DELETE().build());
        var plain = new PlainLoad(documents, bulkNanos / 1_000_000, refreshMillis, requests, failedItems, cpu);
        progress("plain bulk: %d documents in %d ms (%.0f/s)", documents, plain.bulkMillis, plain.documentsPerSecond());
        return plain;
    }

    /**
     * Writes every document of the live index as a line "id revision" and a line of the document as the service writes
     * it, paging with search_after on id. The stored source lacks the fields the service derives and leaves out of it
     * (the facet values, by region, service and level, and a record's experience points): read back into a
     * {@link LeaderDocument} and written out again, each document has them, so the plain load indexes what the
     * service's reindex indexes.
     */
    private long dumpLiveIndex(Path file) throws IOException {
        progress("reading every document back from %s ...", alias);
        long count = 0;
        JsonNode after = null;
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            while (true) {
                var page = json.createObjectNode().put("size", DUMP_PAGE).put("track_total_hits", false);
                page.putArray("sort").addObject().put("id", "asc");
                if (after != null) {
                    page.set("search_after", after);
                }
                var hits = json(post(es + "/" + alias + "/_search", page.toString(), "application/json").build()).path("hits").path("hits");
                if (hits.isEmpty()) {
                    return count;
                }
                for (var hit : hits) {
                    var source = hit.path("_source");
                    out.write(source.path("id").asLong() + " " + source.path("revision").asLong() + "\n");
                    out.write(documents.writeValueAsString(documents.treeToValue(source, LeaderDocument.class)));
                    out.write('\n');
                    count++;
                }
                after = hits.get(hits.size() - 1).path("sort");
            }
        }
    }

    private static int failedItems(JsonNode bulkResponse) {
        if (!bulkResponse.path("errors").asBoolean()) {
            return 0;
        }
        int failed = 0;
        for (var item : bulkResponse.path("items")) {
            failed += item.path("index").has("error") ? 1 : 0;
        }
        return failed;
    }

    // ---- search latency: service against the same query sent directly ----

    private void searchLatency() throws Exception {
        var queries = new ArrayList<Query>();
        var stats = json(get(es + "/" + alias + "/_stats/docs,store")).path("_all").path("primaries");
        long leaders = json(get(es + "/" + alias + "/_count")).path("count").asLong();
        line("");
        line("Index searched (%s): %,d leaders, %,d records as nested documents, %d MB on disk", alias, leaders,
                stats.path("docs").path("count").asLong() - leaders, stats.path("store").path("size_in_bytes").asLong() >> 20);
        line("Query mix (each thread loops over it); totals from the service and from the direct query must agree");
        line("%-18s %-58s %9s %9s", "kind", "parameters", "service", "direct");
        for (var kind : MIX) {
            var body = new String(send(get(app + "/api/admin/search/query?" + kind.params)).body(), StandardCharsets.UTF_8);
            var query = new Query(kind, body);
            long viaService = json(serviceRequest(query)).path("total").asLong();
            long direct = json(directRequest(query)).path("hits").path("total").path("value").asLong();
            line("%-18s %-58s %,9d %,9d%s", kind.name, kind.params, viaService, direct, viaService == direct ? "" : "  MISMATCH");
            queries.add(query);
        }

        int rounds = opt.integer("--rounds");
        progress("warming up: %s rounds of the mix on each side at concurrency 4 ...", opt.value("--warmup-rounds"));
        run(queries, true, 4, opt.integer("--warmup-rounds"));
        run(queries, false, 4, opt.integer("--warmup-rounds"));

        var levels = new ArrayList<Level>();
        for (var level : opt.value("--levels").split(",")) {
            int threads = Integer.parseInt(level.strip());
            // whole rounds, so both sides run exactly the same mix
            int perThread = (int) Math.ceil(rounds / (2.0 * threads));
            levels.add(leastDisturbed("concurrency " + threads, () -> {
                progress("concurrency %d: %d rounds of the mix per side, alternating halves ...", threads, 2 * perThread * threads);
                // halves alternate (service, direct, service, direct) so drift hits both sides alike
                var service = run(queries, true, threads, perThread);
                var direct = run(queries, false, threads, perThread);
                service = service.plus(run(queries, true, threads, perThread));
                direct = direct.plus(run(queries, false, threads, perThread));
                return new Level(threads, service, direct);
            }, Level::cpu));
        }
        var rows = new ArrayList<String>();
        var cpuRows = new ArrayList<String>();
        double worstRatio = 0;
        for (var l : levels) {
            var service = l.service;
            var direct = l.direct;
            double ratio = Measure.percentile(service.nanos(-1), 50) / Measure.percentile(direct.nanos(-1), 50);
            worstRatio = Math.max(worstRatio, ratio);
            // the mix's p50 falls between kinds that differ sevenfold; the kinds' own p50 ratios are steadier
            double[] perKind = new double[queries.size()];
            for (int k = 0; k < perKind.length; k++) {
                perKind[k] = Measure.percentile(service.nanos(k), 50) / Measure.percentile(direct.nanos(k), 50);
            }
            Arrays.sort(perKind);
            rows.add(String.format("%11d %8.1f %8.1f %8.1f %5d | %8.1f %8.1f %8.1f %5d | %6.2f (%+4.0f%%) | %6.2f (%+4.0f%%)", l.threads,
                    ms(Measure.percentile(service.nanos(-1), 50)), ms(Measure.percentile(service.nanos(-1), 99)), service.throughput(), service.errors,
                    ms(Measure.percentile(direct.nanos(-1), 50)), ms(Measure.percentile(direct.nanos(-1), 99)), direct.throughput(), direct.errors,
                    ratio, 100 * (ratio - 1), perKind[perKind.length / 2], 100 * (perKind[perKind.length / 2] - 1)));
            cpuRows.add(String.format("%11d | service side: %s | direct side: %s", l.threads, service.cpu, direct.cpu));
        }
        var firstService = levels.get(0).service;
        var firstDirect = levels.get(0).direct;
        line("");
        line("Search latency, at least %d rounds of the %d-kind mix per side and level, after warm-up (ms; req/s;"
                + " non-200 or failed = errors)", rounds, queries.size());
        line("%11s %8s %8s %8s %5s | %8s %8s %8s %5s | %s | %s", "concurrency", "svc p50", "svc p99", "svc r/s", "err", "dir p50",
                "dir p99", "dir r/s", "err", "p50 service/direct", "median of the kinds' p50 ratios");
        rows.forEach(row -> line("%s", row));
        line("CPU used meanwhile, per level and side (a level was measured again, up to %s times, while others used over"
                + " %.2f of a core):", opt.value("--tries"), DISTURBED_CORES);
        cpuRows.forEach(row -> line("%s", row));
        line("");
        line("Per kind at concurrency %s (ms)", opt.value("--levels").split(",")[0]);
        line("%-18s %8s %8s %8s %8s %7s %8s", "kind", "svc p50", "svc p99", "dir p50", "dir p99", "ratio", "added");
        for (int k = 0; k < queries.size(); k++) {
            double s50 = Measure.percentile(firstService.nanos(k), 50);
            double d50 = Measure.percentile(firstDirect.nanos(k), 50);
            line("%-18s %8.1f %8.1f %8.1f %8.1f %7.2f %8.1f", queries.get(k).kind.name, ms(s50), ms(Measure.percentile(firstService.nanos(k), 99)),
                    ms(d50), ms(Measure.percentile(firstDirect.nanos(k), 99)), s50 / d50, ms(s50 - d50));
        }
        line("Target: the service adds under 20%% to the direct p50: worst level %+.0f%% -> %s", 100 * (worstRatio - 1),
                worstRatio < 1.2 ? "MET" : "NOT MET");
    }

    private HttpRequest serviceRequest(Query query) {
        return get(app + "/api/search/leaders?" + query.kind.params);
    }

    /**
     * typed_keys and request_cache as the service's Elasticsearch client sends them, so both get the same
     * response the same way (bench/search-speed measures the cache on and off).
     */
    private HttpRequest directRequest(Query query) {
        return post(es + "/" + alias + "/_search?typed_keys=true&request_cache=true", query.body, "application/json").build();
    }

    /** {@code threads} threads each run {@code rounds} whole rounds of the mix, each from its own starting kind. */
    private Samples run(List<Query> queries, boolean viaService, int threads, int rounds) throws Exception {
        var requests = queries.stream().map(q -> viaService ? serviceRequest(q) : directRequest(q)).toList();
        var pool = Executors.newFixedThreadPool(threads);
        var before = cpu();
        long started = System.nanoTime();
        var errors = new AtomicInteger();
        var futures = new ArrayList<Future<List<Sample>>>();
        for (int t = 0; t < threads; t++) {
            int first = t * queries.size() / threads;
            futures.add(pool.submit(() -> {
                var samples = new ArrayList<Sample>();
                for (int i = first; i < first + rounds * requests.size(); i++) {
                    int kind = i % requests.size();
                    long t0 = System.nanoTime();
                    try {
                        var response = http.send(requests.get(kind), BodyHandlers.discarding());
                        long nanos = System.nanoTime() - t0;
                        if (response.statusCode() == 200) {
                            samples.add(new Sample(kind, nanos));
                        } else {
                            errors.incrementAndGet();
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                    }
                }
                return samples;
            }));
        }
        var all = new ArrayList<Sample>();
        for (var future : futures) {
            all.addAll(future.get());
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        return new Samples(all, errors.get(), elapsed, cpu().since(before));
    }

    // ---- write-to-searchable delay ----

    /** What one spell of steady writes measured, in nanoseconds, sorted. */
    record Writes(long[] delays, long[] writes, List<String> failures, int searches, Cpu cpu, EsWork es) {
    }

    /** Where Elasticsearch's time went in a spell, from its node stats: milliseconds and counts. */
    record EsWork(long indexMillis, long refreshMillis, long refreshes, long mergeMillis, long merges, long queryMillis, long queries) {

        static EsWork of(JsonNode indices) {
            return new EsWork(indices.path("indexing").path("index_time_in_millis").asLong(),
                    indices.path("refresh").path("total_time_in_millis").asLong(), indices.path("refresh").path("total").asLong(),
                    indices.path("merges").path("total_time_in_millis").asLong(), indices.path("merges").path("total").asLong(),
                    indices.path("search").path("query_time_in_millis").asLong(), indices.path("search").path("query_total").asLong());
        }

        EsWork since(EsWork before) {
            return new EsWork(indexMillis - before.indexMillis, refreshMillis - before.refreshMillis, refreshes - before.refreshes,
                    mergeMillis - before.mergeMillis, merges - before.merges, queryMillis - before.queryMillis, queries - before.queries);
        }

        @Override
        public String toString() {
            return String.format("indexing %.1f s, %d refreshes %.1f s, %d merges %.1f s (wall time, all threads), %d queries %.1f s",
                    indexMillis / 1e3, refreshes, refreshMillis / 1e3, merges, mergeMillis / 1e3, queries, queryMillis / 1e3);
        }
    }

    private EsWork esWork() throws IOException {
        return EsWork.of(json(get(es + "/_nodes/_local/stats/indices/indexing,refresh,merge,search")).path("nodes").elements().next()
                .path("indices"));
    }

    /**
     * Steady writes through the API: a leader, then a record whose title holds a made-up token;
     * the delay runs from the record's 201 to the first poll for the token that finds it. One spell
     * for each way of polling asked for (--poll-via index,service), in that order.
     */
    private void writeToSearchable() throws Exception {
        // as the search part warms up before it measures: a service just started spends its first minute compiling
        // (in a profile of an unwarmed spell its own code took a sixth of its CPU), unlike one that has been running
        int warmup = (int) (opt.decimal("--write-rate") * opt.decimal("--write-warmup-seconds"));
        if (warmup > 0) {
            steadyWrites(opt.decimal("--write-rate"), warmup, opt.integer("--poll-ms"), "index");
        }
        for (var via : opt.value("--poll-via").split(",")) {
            writeToSearchable(via);
        }
    }

    private void writeToSearchable(String via) throws Exception {
        double rate = opt.decimal("--write-rate");
        int total = (int) (rate * opt.decimal("--write-seconds"));
        long pollMillis = opt.integer("--poll-ms");
        var w = leastDisturbed("write-to-searchable", () -> steadyWrites(rate, total, pollMillis, via), Writes::cpu);
        line("");
        line("Write-to-searchable under steady writes: %d leader+record writes at %.0f/s for %s s, polling the %s every %d ms",
                total, rate, opt.value("--write-seconds"), via, pollMillis);
        line("delay from the record's 201 to the first search that finds it: p50 %.0f ms, p99 %.0f ms, max %.0f ms (%d measured,"
                + " %d failed or not found in 30 s)", ms(Measure.percentile(w.delays, 50)), ms(Measure.percentile(w.delays, 99)),
                w.delays.length == 0 ? Double.NaN : ms(w.delays[w.delays.length - 1]), w.delays.length, w.failures.size());
        line("the writes themselves (POST leader + POST record): p50 %.0f ms, p99 %.0f ms; %d polls meanwhile",
                ms(Measure.percentile(w.writes, 50)), ms(Measure.percentile(w.writes, 99)), w.searches);
        line("CPU used meanwhile: %s", w.cpu);
        line("Elasticsearch meanwhile: %s", w.es);
        if (!w.failures.isEmpty()) {
            line("first failure: %s", w.failures.get(0));
        }
        line("Target: p99 write-to-searchable under 2 s: %.0f ms -> %s", ms(Measure.percentile(w.delays, 99)),
                w.failures.isEmpty() && Measure.percentile(w.delays, 99) < 2e9 ? "MET" : "NOT MET");
    }

    /** Writes at a steady rate, each probe polling for its own token; removes the probe leaders afterwards. */
    private Writes steadyWrites(double rate, int total, long pollMillis, String via) throws InterruptedException, IOException {
        progress("write-to-searchable: %d writes at %.0f/s, polling the %s every %d ms ...", total, rate, via, pollMillis);
        var delays = new ConcurrentLinkedQueue<Long>();
        var writeNanos = new ConcurrentLinkedQueue<Long>();
        var leaders = new ConcurrentLinkedQueue<Long>();
        var failures = new ConcurrentLinkedQueue<String>();
        var ticker = Executors.newSingleThreadScheduledExecutor();
        var workers = Executors.newCachedThreadPool();
        // unseeded: a token from an earlier try or run must never be found again
        var random = new Random();
        var searches = new AtomicInteger();
        var before = cpu();
        var esBefore = esWork();
        for (int i = 0; i < total; i++) {
            String token = "zq" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
            int n = i;
            ticker.schedule(() -> workers.submit(() -> {
                try {
                    probe(n, token, pollMillis, via, delays, writeNanos, leaders, searches);
                } catch (Exception e) {
                    failures.add(e.getMessage());
                }
            }), (long) (i * 1000 / rate), TimeUnit.MILLISECONDS);
        }
        ticker.shutdown();
        ticker.awaitTermination(1, TimeUnit.HOURS);
        workers.shutdown();
        workers.awaitTermination(1, TimeUnit.HOURS);
        var cpu = cpu().since(before);
        var esDone = esWork().since(esBefore);
        for (long id : leaders) {
            send(signed(HttpRequest.newBuilder(URI.create(app + "/api/leaders/" + id)).DELETE(), app).build());
        }
        return new Writes(delays.stream().mapToLong(Long::longValue).sorted().toArray(),
                writeNanos.stream().mapToLong(Long::longValue).sorted().toArray(), List.copyOf(failures), searches.get(), cpu, esDone);
    }

    private void probe(int n, String token, long pollMillis, String via, ConcurrentLinkedQueue<Long> delays,
            ConcurrentLinkedQueue<Long> writeNanos, ConcurrentLinkedQueue<Long> leaders, AtomicInteger searches)
            throws IOException, InterruptedException {
        long writeStarted = System.nanoTime();
        var leader = json(post(app + "/api/leaders", json.createObjectNode().put("name", "Bench probe " + n)
                .put("homeArea", "E10000024").put("visibility", "public").toString(), "application/json").build());
        long leaderId = leader.path("id").asLong();
        leaders.add(leaderId);
        var record = json.createObjectNode().put("title", "Benchmark probe " + token).put("scope", "place").put("role", "led")
                .put("periodStart", "2024-01-01");
        record.putArray("areas").addObject().put("code", "E10000024");
        record.putArray("services").add("gp").add("social-care");
        var response = send(post(app + "/api/leaders/" + leaderId + "/records", record.toString(), "application/json").build());
        long committed = System.nanoTime();
        if (response.statusCode() != 201) {
            throw new IOException("POST record: " + response.statusCode());
        }
        writeNanos.add(committed - writeStarted);
        var service = get(app + "/api/search/leaders?size=1&q=" + token);
        // Polled through the service, every miss is a search that finds nobody, so it also asks for spelling
        // suggestions and wider counts, thousands a minute: load of the observer's own. So it polls the index with
        // a cheap count unless asked (on a warm service both gave the same p99, docs/benchmarks.md), and once the
        // record is there, checks that the service finds it too: nothing but the index stands between them.
        var poll = via.equals("service") ? service : indexCount(token);
        while (System.nanoTime() - committed < 30_000_000_000L) {
            var found = send(poll);
            searches.incrementAndGet();
            if (found.statusCode() == 200 && found(json.readTree(found.body()))) {
                delays.add(System.nanoTime() - committed);
                if (!found(json(service))) {
                    throw new IOException("record with " + token + " in the index but not found through the service");
                }
                return;
            }
            Thread.sleep(pollMillis);
        }
        throw new IOException("record with " + token + " not searchable after 30 s");
    }

    /** A count of the leaders whose record title holds the token, straight from the index. */
    private HttpRequest indexCount(String token) {
        var query = json.createObjectNode();
        query.putObject("query").putObject("nested").put("path", "records").putObject("query")
                .putObject("match").put("records.title", token);
        return post(es + "/" + alias + "/_count", query.toString(), "application/json").build();
    }

    /** Whether a service search or an index count found somebody. */
    private static boolean found(JsonNode answer) {
        return answer.path("total").asLong() > 0 || answer.path("count").asLong() > 0;
    }

    // ---- plumbing ----

    /** What a measurement does; may throw. */
    interface Measurement<T> {
        T take() throws Exception;
    }

    /**
     * Takes a measurement again, up to --tries times, while other processes on the shared machine
     * took more than a quarter of a core meanwhile; returns the least disturbed try.
     */
    private <T> T leastDisturbed(String what, Measurement<T> measurement, Function<T, Cpu> cpu) throws IOException {
        T best = null;
        for (int attempt = 1; attempt <= opt.integer("--tries"); attempt++) {
            T result;
            try {
                result = measurement.take();
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(e);
            }
            if (best == null || cpu.apply(result).others() / cpu.apply(result).seconds() < cpu.apply(best).others() / cpu.apply(best).seconds()) {
                best = result;
            }
            var used = cpu.apply(result);
            if (!used.disturbed()) {
                break;
            }
            progress("%s, try %d: other processes used %.2f cores meanwhile", what, attempt, used.others() / used.seconds());
        }
        return best;
    }

    private HttpRequest get(String uri) {
        return signed(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(60)).GET(), uri).build();
    }

    private HttpRequest.Builder post(String uri, String body, String contentType) {
        return signed(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(120)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)), uri);
    }

    private HttpRequest.Builder signed(HttpRequest.Builder request, String uri) {
        return uri.startsWith(app) ? request.header("Authorization", "Bearer " + token) : request;
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return http.send(request, BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends and parses a 2xx JSON answer; anything else stops the run, since figures from a failing setup mean nothing. */
    private JsonNode json(HttpRequest request) throws IOException {
        var response = send(request);
        if (response.statusCode() / 100 != 2) {
            throw new IOException(request.method() + " " + request.uri() + ": " + response.statusCode() + " "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return json.readTree(response.body());
    }

    /** CPU counters from /proc: the service and Elasticsearch by pid (when given), PostgreSQL per process. */
    private CpuReading cpu() {
        var postgres = Measure.cpuSecondsBy(p -> Measure.readQuietly(p.resolve("stat")).contains("(postgres)") ? p.getFileName().toString() : null);
        return new CpuReading(System.nanoTime(), opt.get("--app-pid").map(Measure::cpuSeconds).orElse(0.0),
                opt.get("--es-pid").map(Measure::cpuSeconds).orElse(0.0), postgres, Measure.machineBusySeconds(),
                Measure.cpuSeconds(Path.of("/proc/self/stat")));
    }

    private static double ms(double nanos) {
        return nanos / 1e6;
    }

    private void line(String format, Object... args) {
        var text = String.format(format, args);
        report.append(text).append('\n');
        System.err.println(text);
    }

    private static void progress(String format, Object... args) {
        System.err.println("... " + String.format(format, args));
    }
}
