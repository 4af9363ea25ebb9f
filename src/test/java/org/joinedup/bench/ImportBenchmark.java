package org.joinedup.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.joinedup.importing.ImportCsv;
import org.postgresql.PGConnection;

/**
 * Benchmark tooling, not part of the service (bench/import runs it): makes an import file of N
 * leaders with M records each, loads it with a plain COPY into a staging table and SQL into the
 * registry's tables (the upper bound: no checks, audit or outbox), removes that again, imports the
 * same file through the running service (POST /api/admin/imports, the job followed to its end),
 * then waits until Elasticsearch holds every leader (write-to-searchable), and imports it once more
 * (nothing to change). Refuses a database whose name does not end in {@code _bench}.
 *
 * <pre>
 * ImportBenchmark --app URL --es URL --alias A --jdbc URL --user U --password P --admin NAME --admin-password P
 *                 [--leaders 10000] [--records-per-leader 5] [--file PATH]
 * </pre>
 */
public final class ImportBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        var options = Options.parse(args, Map.of());
        String app = options.get("--app").orElse("http://127.0.0.1:8097");
        String es = options.get("--es").orElse("http://127.0.0.1:9200");
        String alias = options.get("--alias").orElse("import-bench");
        String jdbc = options.get("--jdbc").orElse("jdbc:postgresql://127.0.0.1:5442/joinedup_import_bench");
        if (!jdbc.endsWith("_bench")) {
            throw new IllegalArgumentException("refusing " + jdbc + ": the benchmark only writes to databases whose name ends in _bench");
        }
        int leaders = options.get("--leaders").map(Integer::parseInt).orElse(10_000);
        int perLeader = options.get("--records-per-leader").map(Integer::parseInt).orElse(5);
        var file = Path.of(options.get("--file").orElse("target/bench/import-" + leaders + "x" + perLeader + ".csv"));
        var token = token(app, options.get("--admin").orElse("bench-admin"), options.get("--admin-password").orElse("bench-admin-password"));

        long madeAt = System.nanoTime();
        int rows = makeFile(app, file, leaders, perLeader);
        System.out.printf("file: %s, %d rows (%d leaders x %d records), %.1f MB, made in %d ms%n", file, rows, leaders, perLeader,
                Files.size(file) / 1e6, ms(madeAt));

        try (Connection db = DriverManager.getConnection(jdbc, options.get("--user").orElse("joinedup"), options.get("--password").orElse("joinedup"))) {
            long copyMillis = copyLoad(db, file);
            System.out.printf("COPY loader: %d rows in %d ms = %.0f rows/s (%.0f leaders/s)%n", rows, copyMillis, rows * 1000.0 / copyMillis,
                    leaders * 1000.0 / copyMillis);
            clear(db);

            long started = System.nanoTime();
            var job = importFile(app, token, file);
            long serviceMillis = ms(started);
            long doneAt = System.nanoTime();
            System.out.printf("service import: %s, %d rows in %d ms (POST to job end, checking included) = %.0f rows/s (%.0f leaders/s);"
                    + " job's own rate %.0f rows/s; result %s%n", job.path("state").asText(), rows, serviceMillis, rows * 1000.0 / serviceMillis,
                    leaders * 1000.0 / serviceMillis, job.path("result").path("rowsPerSecond").asDouble(), job.path("result"));
            long searchable = awaitIndexed(es, alias, leaders, doneAt);
            System.out.printf("write-to-searchable: all %d leaders in the index %d ms after the job ended%n", leaders, searchable);
            System.out.printf("ratio: the service imports at %.1f%% of the COPY loader's rate (target >= 15%%)%n",
                    100.0 * copyMillis / serviceMillis);

            started = System.nanoTime();
            var again = importFile(app, token, file);
            System.out.printf("the same file again: %s in %d ms, result %s%n", again.path("state").asText(), ms(started), again.path("result"));
        }
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    /** Codes from the running service (its vocabularies and geography), so the file holds only what it accepts. */
    static int makeFile(String app, Path file, int leaders, int perLeader) throws Exception {
        var areas = codes(get(app + "/api/areas?type=local-authority", null).path("areas"), "code");
        var services = codes(get(app + "/api/vocabularies/services", null), "code");
        var approaches = codes(get(app + "/api/vocabularies/approaches", null), "code");
        var scopes = codes(get(app + "/api/vocabularies/scopes", null), "code");
        var roles = codes(get(app + "/api/vocabularies/roles", null), "code");
        var metrics = codes(get(app + "/api/vocabularies/outcome-metrics", null), "code");
        var random = new Random(7);
        var rows = new ArrayList<Map<String, String>>();
        for (int l = 1; l <= leaders; l++) {
            var area = areas.get(random.nextInt(areas.size()));
            var leader = new LinkedHashMap<String, String>();
            leader.put("leader_external_id", "bench-" + l);
            leader.put("name", "Bench Leader " + l);
            leader.put("current_role", "Director of integration");
            leader.put("organisation", area);
            leader.put("home_area", area);
            leader.put("visibility", "public");
            leader.put("mentoring_willing", l % 3 == 0 ? "yes" : "no");
            leader.put("mentoring_capacity", l % 3 == 0 ? "2" : "");
            leader.put("email", "bench-" + l + "@example.org");
            for (int r = 1; r <= perLeader; r++) {
                var row = new LinkedHashMap<>(leader);
                int s = random.nextInt(services.size() - 1);
                row.put("record_external_id", "bench-" + l + "-" + r);
                row.put("title", "Joined up " + services.get(s) + " and " + services.get(s + 1) + " in " + area + ", part " + r);
                row.put("summary", "Synthetic record for the import benchmark.");
                row.put("areas", area);
                row.put("services", services.get(s) + ";" + services.get(s + 1));
                row.put("scope", scopes.get(random.nextInt(scopes.size())));
                row.put("approaches", approaches.get(random.nextInt(approaches.size())));
                row.put("role", roles.get(random.nextInt(roles.size())));
                row.put("partner_organisations", area);
                row.put("period_start", (2010 + random.nextInt(10)) + "-04-01");
                row.put("period_end", "2022-03-31");
                row.put("outcome_metric", metrics.get(random.nextInt(metrics.size())));
                row.put("outcome_baseline", String.valueOf(50 + random.nextInt(50)));
                row.put("outcome_result", String.valueOf(40 + random.nextInt(50)));
                row.put("evidence_urls", "https://example.org/bench/" + l + "/" + r);
                rows.add(row);
            }
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, ImportCsv.write(rows));
        return rows.size();
    }

    private static List<String> codes(JsonNode items, String field) {
        var codes = new ArrayList<String>();
        items.forEach(item -> codes.add(item.path(field).asText()));
        return codes;
    }

    /** COPY into an unlogged staging table, then plain SQL into the registry's tables, in one transaction. */
    private static long copyLoad(Connection db, Path file) throws Exception {
        db.setAutoCommit(false);
        long started = System.nanoTime();
        try (var statement = db.createStatement()) {
            // quoted: current_role is a reserved word in SQL
            statement.execute("create unlogged table bench_stage (\"" + String.join("\" text, \"", ImportCsv.columns()) + "\" text)");
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                db.unwrap(PGConnection.class).getCopyAPI().copyIn("copy bench_stage from stdin with (format csv, header true)", reader);
            }
            statement.execute("""
                    insert into leader (id, version, revision, name, role_title, organisation_code, home_area_code, visibility,
                                        mentoring_willing, mentoring_capacity, mentoring_formats, contact_email, external_id, created_at, updated_at)
                    select nextval('leader_seq'), 0, 1, name, nullif("current_role", ''), nullif(organisation, ''), home_area, visibility,
                           mentoring_willing = 'yes', coalesce(nullif(mentoring_capacity, '')::int, 0),
                           coalesce(string_to_array(nullif(mentoring_formats, ''), ';'), '{}'), nullif(email, ''), leader_external_id, now(), now()
                      from (select distinct on (leader_external_id) * from bench_stage order by leader_external_id) s""");
            statement.execute("""
                    insert into integration_record (id, leader_id, version, title, summary, services, scope, approaches, programme, role,
                                                    period_start, period_end, verification, verification_since, revision, source,
                                                    source_list, external_id, created_at, updated_at)
                    select nextval('record_seq'), l.id, 0, s.title, nullif(s.summary, ''), string_to_array(s.services, ';'), s.scope,
                           coalesce(string_to_array(nullif(s.approaches, ''), ';'), '{}'), nullif(s.programme, ''), s.role,
                           s.period_start::date, nullif(s.period_end, '')::date, 'self-reported', now(), 1, 'import', 'bench.csv',
                           s.record_external_id, now(), now()
                      from bench_stage s join leader l on l.external_id = s.leader_external_id
                     where s.record_external_id <> ''""");
            statement.execute("""
                    insert into record_area (record_id, position, area_code)
                    select r.id, a.ord - 1, a.code from bench_stage s join integration_record r on r.external_id = s.record_external_id,
                           unnest(string_to_array(s.areas, ';')) with ordinality a(code, ord)""");
            statement.execute("""
                    insert into record_partner (record_id, position, organisation_code)
                    select r.id, a.ord - 1, a.code from bench_stage s join integration_record r on r.external_id = s.record_external_id,
                           unnest(string_to_array(nullif(s.partner_organisations, ''), ';')) with ordinality a(code, ord)""");
            statement.execute("""
                    insert into record_outcome (record_id, position, metric, baseline, result, unit)
                    select r.id, 0, s.outcome_metric, nullif(s.outcome_baseline, '')::numeric, nullif(s.outcome_result, '')::numeric,
                           nullif(s.outcome_unit, '')
                      from bench_stage s join integration_record r on r.external_id = s.record_external_id where s.outcome_metric <> ''""");
            statement.execute("""
                    insert into record_evidence (record_id, position, url)
                    select r.id, 0, s.evidence_urls from bench_stage s join integration_record r on r.external_id = s.record_external_id
                     where s.evidence_urls <> ''""");
            statement.execute("drop table bench_stage");
        }
        db.commit();
        return ms(started);
    }

    /** What the COPY loader wrote goes again, so the service imports into the same, empty tables. */
    private static void clear(Connection db) throws Exception {
        try (var statement = db.createStatement()) {
            statement.execute("delete from leader where external_id like 'bench-%'");
            statement.execute("delete from search_outbox");
        }
        db.commit();
    }

    static JsonNode importFile(String app, String token, Path file) throws Exception {
        var response = HTTP.send(HttpRequest.newBuilder(URI.create(app + "/api/admin/imports?fileName=" + file.getFileName()))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("import refused: " + response.statusCode() + " " + response.body().substring(0,
                    Math.min(2000, response.body().length())));
        }
        var given = response.headers().firstValue("Location").orElseThrow();
        var location = given.startsWith("http") ? given : app + given;
        while (true) {
            var job = get(location, token);
            if (List.of("succeeded", "failed").contains(job.path("state").asText())) {
                return job;
            }
            Thread.sleep(100);
        }
    }

    static long awaitIndexed(String es, String alias, int leaders, long since) throws Exception {
        long deadline = System.nanoTime() + 30L * 60 * 1_000_000_000;
        while (System.nanoTime() < deadline) {
            var count = HTTP.send(HttpRequest.newBuilder(URI.create(es + "/" + alias + "/_count")).build(), HttpResponse.BodyHandlers.ofString());
            if (count.statusCode() == 200 && JSON.readTree(count.body()).path("count").asLong() >= leaders) {
                return ms(since);
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the index did not reach " + leaders + " leaders in 30 minutes");
    }

    static String token(String app, String user, String password) throws Exception {
        return Measure.signIn(HTTP, app, user, password);
    }

    private static JsonNode get(String url, String token) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return JSON.readTree(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).body());
    }
}
