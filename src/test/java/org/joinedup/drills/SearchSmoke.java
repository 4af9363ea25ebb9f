package org.joinedup.drills;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

/**
 * Search and sync, end to end through the API against whatever Elasticsearch the copy uses: writes
 * show up in search, facets count, geo distance and same-record service filters hold, an update and
 * a removal follow, a rebuild from PostgreSQL swaps in a new index, and the index ends equal to the
 * database. Its leaders sit at a place abroad and carry a made-up word, so other data cannot disturb
 * the answers.
 */
final class SearchSmoke {

    private static final String NEAR = "near=0.5,100.5&within=50km";

    private final Api admin;
    private final int timeoutSeconds;
    private final String word = "Smoke" + letters(8);
    private final List<String> failures = new ArrayList<>();

    SearchSmoke(Api admin, Map<String, String> options) {
        this.admin = admin;
        this.timeoutSeconds = DrillDriver.intOption(options, "timeout", 60);
    }

    boolean run() throws Exception {
        long together = leader("Both In One Record " + word);
        record(together, word + " GP and social care together", List.of("gp", "social-care"), 100.55);
        long split = leader("Split Across Records " + word);
        record(split, word + " GP and housing", List.of("gp", "housing"), 100.5);
        record(split, word + " social care and hospital", List.of("social-care", "acute"), 100.5);

        long written = System.nanoTime();
        var found = await("q=" + word, hits -> records(hits, together) == 1 && records(hits, split) == 2);
        check(found != null, "both new leaders found by their word, with all three records, after %.1f s", (System.nanoTime() - written) / 1e9);
        if (found != null) {
            check(count(found, "service", "gp") == 2 && count(found, "service", "social-care") == 2,
                    "service facet: gp %d, social-care %d leaders (2 each)", count(found, "service", "gp"), count(found, "service", "social-care"));
        }
        var sameRecord = admin.get("/api/search/leaders?q=" + word + "&service=gp&service=social-care").json();
        check(ids(sameRecord).equals(List.of(together)), "gp and social care in one record: %s (only %d)", ids(sameRecord), together);
        var near = admin.get("/api/search/leaders?q=" + word + "&" + NEAR + "&sort=distance").json();
        check(ids(near).equals(List.of(split, together)) && distances(near).stream().allMatch(d -> d <= 50),
                "within 50 km by distance: %s at %s km (%d then %d)", ids(near), distances(near), split, together);
        var far = admin.get("/api/search/leaders?q=" + word + "&near=51.5,-0.1&within=50km").json();
        check(far.path("total").asLong() == 0, "none within 50 km of London: %d", far.path("total").asLong());

        long recordId = recordOf(together);
        var renamed = "Renamed" + letters(8);
        var input = Payloads.record(word + " " + renamed);
        input.put("services", List.of("gp", "social-care"));
        input.put("areas", List.of(abroad(100.55)));
        input.put("version", admin.get("/api/records/" + recordId).json().path("version").asInt());
        var put = admin.send("PUT", "/api/records/" + recordId, input);
        check(put.status() == 200, "record renamed: %d", put.status());
        check(await("q=" + renamed, hits -> ids(hits).equals(List.of(together))) != null, "the new title is searchable");

        var removed = admin.send("DELETE", "/api/leaders/" + split, null);
        check(removed.status() == 204, "leader removed: %d", removed.status());
        check(await("q=" + word, hits -> !ids(hits).contains(split)) != null, "the removal leaves search");

        // the rebuild from PostgreSQL: a new index filled in bulk, then the alias swapped over to it
        var rebuilt = admin.send("POST", "/api/admin/reindex", null);
        var report = rebuilt.status() == 200 ? rebuilt.json() : null;
        check(rebuilt.status() / 100 == 2 && (report == null || !report.path("index").asText().equals(report.path("previousIndex").asText())),
                "index rebuilt from PostgreSQL: %d %s", rebuilt.status(), report == null ? "" : report.path("previousIndex").asText() + " -> "
                        + report.path("index").asText() + ", " + report.path("documents").asLong() + " documents");
        check(await("q=" + renamed, hits -> ids(hits).equals(List.of(together))) != null, "found again after the rebuild");
        check(new IndexAgreement(admin, Map.of("timeout", String.valueOf(timeoutSeconds))).run(), "index equal to the database");
        System.out.printf("search smoke checks: %s%n", failures.isEmpty() ? "all passed" : "FAILED " + failures);
        return failures.isEmpty();
    }

    private long leader(String name) {
        var answer = admin.send("POST", "/api/leaders", Payloads.leader(name));
        require(answer, 201);
        return answer.json().path("id").asLong();
    }

    private void record(long leader, String title, List<String> services, double longitude) {
        var record = Payloads.record(title);
        record.put("services", services);
        record.put("areas", List.of(abroad(longitude)));
        require(admin.send("POST", "/api/leaders/" + leader + "/records", record), 201);
    }

    private long recordOf(long leader) {
        return admin.get("/api/leaders/" + leader + "/records").json().path("items").path(0).path("id").asLong();
    }

    private static Map<String, Object> abroad(double longitude) {
        return Map.of("country", "SG", "place", "Smoke test place", "latitude", 0.5, "longitude", longitude);
    }

    /** Polls the search until the hits satisfy the condition; null when they never do in time. */
    private JsonNode await(String query, Predicate<JsonNode> condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        do {
            var answer = admin.get("/api/search/leaders?size=50&" + query);
            if (answer.status() == 200 && condition.test(answer.json())) {
                return answer.json();
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        return null;
    }

    private static List<Long> ids(JsonNode result) {
        var ids = new ArrayList<Long>();
        result.path("hits").forEach(hit -> ids.add(hit.path("leader").path("id").asLong()));
        return ids;
    }

    /** How many records the hits say the leader has; 0 when the leader is not among them. */
    private static int records(JsonNode result, long leader) {
        for (var hit : result.path("hits")) {
            if (hit.path("leader").path("id").asLong() == leader) {
                return hit.path("leader").path("recordCount").asInt();
            }
        }
        return 0;
    }

    private static List<Double> distances(JsonNode result) {
        var km = new ArrayList<Double>();
        result.path("hits").forEach(hit -> km.add(hit.path("distanceKm").asDouble(Double.NaN)));
        return km;
    }

    private static long count(JsonNode result, String facet, String code) {
        for (var bucket : result.path("facets").path(facet)) {
            if (code.equals(bucket.path("code").asText())) {
                return bucket.path("leaders").asLong();
            }
        }
        return 0;
    }

    private void check(boolean kept, String format, Object... args) {
        var line = String.format(format, args);
        System.out.printf("%s %s%n", kept ? "ok  " : "FAIL", line);
        if (!kept) {
            failures.add(line);
        }
    }

    private static void require(Api.Answer answer, int status) {
        if (answer.status() != status) {
            throw new IllegalStateException("expected " + status + ", got " + answer.status() + ": " + answer.body());
        }
    }

    private static String letters(int n) {
        var random = new Random();
        var word = new StringBuilder();
        for (int i = 0; i < n; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }
}
