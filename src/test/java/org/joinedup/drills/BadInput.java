package org.joinedup.drills;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Thousands of malformed, oversized, wrongly typed and hostile requests against every documented
 * endpoint: none may answer 5xx, every refusal must be problem+json, and the database must come
 * out exactly as it went in.
 */
final class BadInput {

    /**
     * Endpoints left out: a rebuild takes seconds, and replaying the outbox or queueing the check's
     * differences changes nothing a client sent;
     * signing the drill's admin out everywhere, disabling accounts or rotating the signing key would
     * end the sessions the drill (and, in the build, every later test) runs on. BadInputCases and
     * their own tests cover those.
     */
    static final List<String> SKIPPED = List.of("POST /api/admin/reindex", "POST /api/admin/outbox/replay",
            "POST /api/admin/search/check/fix", "POST /api/auth/token",
            "POST /api/auth/sign-out", "POST /api/auth/sign-out-everywhere", "POST /api/admin/signing-keys/rotate", "POST /api/admin/accounts/{id}/disable",
            "POST /api/admin/accounts/{id}/enable");
    private static final List<String> HOSTILE = List.of("' OR 1=1 --", "\"; DROP TABLE leader; --", "<script>alert(1)</script>",
            "${jndi:ldap://x/a}", "../../../../etc/passwd", "\u0000\u0001", "名前", "🙂", "%00", "*:*", "name:* AND id:*", "{\"$ne\": null}",
            "\\", "NaN", "-1", "99999999999999999999999", "1e400", "", " ", "null", "true", "[]", "{}");

    private final Api admin;
    private final int requests;
    private final Random random;
    private final String jdbc;
    /** The named cases of issue 12 ({@link BadInputCases}) too; they add data, so after the comparison. */
    private final boolean cases;

    BadInput(Api admin, Map<String, String> options) {
        this.admin = admin;
        this.requests = DrillDriver.intOption(options, "requests", 5000);
        this.random = new Random(DrillDriver.intOption(options, "seed", 7));
        this.jdbc = options.get("jdbc");
        this.cases = Boolean.parseBoolean(options.getOrDefault("cases", "false"));
    }

    boolean run() throws Exception {
        var endpoints = endpoints();
        var before = snapshot();
        var statuses = new TreeMap<Integer, Integer>();
        var broken = new ArrayList<String>();
        var accepted = new ArrayList<String>();
        for (int i = 0; i < requests; i++) {
            var endpoint = endpoints.get(random.nextInt(endpoints.size()));
            var method = endpoint.split(" ")[0];
            var path = path(endpoint.split(" ")[1]) + query();
            var body = method.equals("GET") || method.equals("DELETE") ? null : body();
            var contentType = random.nextInt(10) == 0 ? "text/plain" : "application/json";
            var answer = admin.sendRaw(method, path, body, contentType);
            statuses.merge(answer.status(), 1, Integer::sum);
            if (answer.status() == 0 || answer.status() >= 500 || answer.status() >= 400 && !answer.isProblem()) {
                if (broken.size() < 20) {
                    broken.add(answer.status() + " " + method + " " + path + " -> " + answer.body().substring(0, Math.min(200, answer.body().length())));
                }
            } else if (answer.status() < 300 && !method.equals("GET")) {
                accepted.add(method + " " + path);
            }
        }
        var after = snapshot();
        System.out.printf("bad input: %d requests over %d endpoints, answers %s%n", requests, endpoints.size(), statuses);
        System.out.printf("5xx or non-problem refusals: %d %s%n", broken.size(), broken);
        System.out.printf("writes accepted by chance: %d %s%n", accepted.size(), accepted.subList(0, Math.min(5, accepted.size())));
        System.out.printf("database before %s%ndatabase after  %s%n", before, after);
        boolean unchanged = accepted.isEmpty() ? before.equals(after) : true;
        var findings = cases ? new BadInputCases(admin).run() : List.<String>of();
        if (cases) {
            System.out.printf("named cases (paging, outcome, forged endorsement, foreign ids, CSV, ?done=, cookie without CSRF token, check?fix, stale token, eight requests and eight guesses at once): %d findings%n", findings.size());
            findings.forEach(f -> System.out.println("  " + f));
        }
        return broken.isEmpty() && unchanged && findings.isEmpty();
    }

    private List<String> endpoints() {
        var paths = admin.get("/q/openapi?format=json").json().path("paths");
        var endpoints = new ArrayList<String>();
        paths.fields().forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(m -> {
            var endpoint = m.toUpperCase() + " " + p.getKey();
            if (List.of("GET", "POST", "PUT", "DELETE").contains(m.toUpperCase()) && !SKIPPED.contains(endpoint)) {
                endpoints.add(endpoint);
            }
        }));
        return endpoints;
    }

    private String path(String template) {
        return template.replaceAll("\\{[^}]+}", encode(pick(List.of("abc", "-1", "0", "99999999999999999999", "1.5", "%2e%2e", "987654321"))));
    }

    private String query() {
        if (random.nextInt(3) != 0) {
            return "";
        }
        var names = List.of("q", "near", "within", "size", "page", "region", "service", "sort", "verification", "nearArea", "from", "status");
        var query = new StringBuilder("?");
        for (int i = 0; i < 1 + random.nextInt(4); i++) {
            query.append(i == 0 ? "" : "&").append(pick(names)).append('=').append(encode(hostileOrLong()));
        }
        return query.toString();
    }

    private String body() {
        return switch (random.nextInt(8)) {
            case 0 -> "{\"name\": ";
            case 1 -> "not json at all " + pick(HOSTILE);
            case 2 -> "{\"name\": " + random.nextInt() + ", \"homeArea\": [1,2], \"services\": \"gp\", \"periodStart\": \"" + pick(HOSTILE) + "\"}";
            case 3 -> "{\"unknownField\": \"" + escape(pick(HOSTILE)) + "\"}";
            case 4 -> "{\"title\": \"" + "x".repeat(100_000) + "\"}";
            case 5 -> "{\"title\": \"" + "y".repeat(1_100_000) + "\"}";
            case 6 -> "[" + "[".repeat(2000) + "]".repeat(2000) + "]";
            default -> "{\"name\": \"" + escape(pick(HOSTILE)) + "\", \"homeArea\": \"" + escape(pick(HOSTILE)) + "\", \"version\": \"x\"}";
        };
    }

    private String hostileOrLong() {
        return random.nextInt(5) == 0 ? "z".repeat(5000) : pick(HOSTILE);
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\u0000", "\\u0000").replace("\u0001", "\\u0001");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Row counts and version sums of every table the API writes. */
    private Map<String, Long> snapshot() throws Exception {
        var counts = new TreeMap<String, Long>();
        if (jdbc == null) {
            return counts;
        }
        try (var connection = DriverManager.getConnection(jdbc, "joinedup", "joinedup"); var statement = connection.createStatement()) {
            for (var table : List.of("leader", "integration_record", "record_area", "record_outcome", "record_evidence", "endorsement",
                    "learning_request", "mentorship", "cohort_match", "account", "introduction", "audit_entry")) {
                try (var rows = statement.executeQuery("select count(*) from " + table)) {
                    rows.next();
                    counts.put(table, rows.getLong(1));
                }
            }
            try (var rows = statement.executeQuery("select coalesce(sum(version), 0) + coalesce(sum(revision), 0) from leader")) {
                rows.next();
                counts.put("leader versions", rows.getLong(1));
            }
        }
        return counts;
    }
}
