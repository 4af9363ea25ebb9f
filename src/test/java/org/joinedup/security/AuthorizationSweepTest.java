package org.joinedup.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.joinedup.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Calls every operation in the OpenAPI document as the public and as every role, with an id the
 * caller may use (own), another's (foreign: a hidden leader's, or someone else's thing) and one
 * that does not exist (missing), and writes the statuses to target/authorization-sweep.md. No call
 * may answer 5xx, and no read may hand a caller a hidden leader it may not see.
 */
@QuarkusTest
class AuthorizationSweepTest {

    private static final String ANONYMOUS = "anonymous";
    private static final List<String> CALLERS = List.of(ANONYMOUS, Roles.LEADER, Roles.COMMISSIONER, Roles.PROGRAMME, Roles.ADMIN);
    private static final List<String> KINDS = List.of("own", "foreign", "missing");
    /** Callers a leader with programme visibility is hidden from. */
    private static final List<String> HIDDEN_FROM = List.of(ANONYMOUS, Roles.LEADER, Roles.COMMISSIONER);
    private static final String MISSING = "999999999";
    private static final String HIDDEN_NAME = "Hiddenleigh Sweepwell";
    private static final String HIDDEN_RECORD = "Sweepwell hidden pilot";
    /**
     * Calls that would wreck the data or sessions every other call (and every later test class) relies on:
     * signing the demo accounts out everywhere or disabling them would revoke the tokens the test run
     * shares. The matrix test and their own tests (AccountSessionsTest, SigningKeysTest) cover them.
     */
    private static final List<String> NOT_CALLED_WHEN_ALLOWED = List.of("DELETE /api/me", "POST /api/admin/reindex",
            "POST /api/auth/sign-out", "POST /api/auth/sign-out-everywhere", "POST /api/admin/signing-keys/rotate", "POST /api/admin/accounts/{id}/disable",
            "POST /api/admin/accounts/{id}/enable");

    private final Map<String, String> tokens = new LinkedHashMap<>();
    private long ownLeader;
    private long hiddenLeader;
    private long ownRecord;
    private long hiddenRecord;

    @BeforeAll
    static void noDefaultToken() {
        Fixtures.actAnonymously();
    }

    @Test
    void everyOperationAsEveryCallerWithOwnForeignAndMissingIds() throws Exception {
        setUp();
        var operations = operations();
        var table = new TreeMap<String, Map<String, String>>();
        var serverErrors = new ArrayList<String>();
        var leaks = new ArrayList<String>();
        // deletions last, so every other call still finds what it needs, and a record before its leader
        var ordered = new ArrayList<>(operations.stream().filter(o -> !o.startsWith("DELETE")).toList());
        ordered.addAll(operations.stream().filter(o -> o.startsWith("DELETE")).sorted(Comparator.reverseOrder()).toList());
        for (var operation : ordered) {
            var row = table.computeIfAbsent(operation, k -> new LinkedHashMap<>());
            for (var caller : CALLERS) {
                for (var kind : kinds(operation)) {
                    var cell = caller + "/" + kind;
                    if (skipped(operation, caller, kind)) {
                        row.put(cell, "skip");
                        continue;
                    }
                    var path = substitute(operation, caller, kind);
                    if (path.isEmpty()) {
                        row.put(cell, "n/a");
                        continue;
                    }
                    var response = call(operation, path.get(), tokens.get(caller));
                    int status = response.statusCode();
                    row.put(cell, String.valueOf(status));
                    if (status >= 500) {
                        serverErrors.add(operation + " as " + cell + " (" + path.get() + "): " + status + " " + response.body().asString());
                    }
                    if (operation.startsWith("GET") && HIDDEN_FROM.contains(caller) && status == 200) {
                        var body = response.body().asString();
                        if (body.contains(HIDDEN_NAME) || body.contains(HIDDEN_RECORD)) {
                            leaks.add(operation + " as " + cell + " (" + path.get() + ") showed the hidden leader");
                        }
                    }
                }
            }
        }
        var report = render(table);
        var file = Path.of("target", "authorization-sweep.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report);
        System.out.println(report);
        assertEquals(List.of(), serverErrors, "5xx answers");
        assertEquals(List.of(), leaks, "reads of a hidden leader by a caller who may not see them");
    }

    private void setUp() {
        for (var role : List.of(Roles.COMMISSIONER, Roles.PROGRAMME, Roles.ADMIN)) {
            tokens.put(role, Fixtures.token("demo-" + role));
        }
        ownLeader = SecurityFixtures.leader("Owenna Sweepself", "public");
        tokens.put(Roles.LEADER, SecurityFixtures.leaderAccount(ownLeader));
        hiddenLeader = SecurityFixtures.leader(HIDDEN_NAME, "programme");
        ownRecord = SecurityFixtures.record(ownLeader, Fixtures.record("Sweepself own pilot"));
        hiddenRecord = SecurityFixtures.record(hiddenLeader, Fixtures.record(HIDDEN_RECORD));
        Fixtures.awaitIndexInStep(Duration.ofSeconds(60));
    }

    private static List<String> operations() {
        var operations = new ArrayList<>(AuthorizationMatrixTest.documentedEndpoints());
        operations.sort(null);
        assertTrue(operations.size() > 40, "the OpenAPI document lists the operations: " + operations.size());
        return operations;
    }

    /** A deletion of one's own thing goes last: a leader deleting their profile is erased, account and all. */
    private static List<String> kinds(String operation) {
        if (!hasIds(operation)) {
            return List.of("none");
        }
        return operation.startsWith("DELETE") ? List.of("missing", "foreign", "own") : KINDS;
    }

    private static boolean hasIds(String operation) {
        return operation.contains("{");
    }

    private static boolean skipped(String operation, String caller, String kind) {
        boolean allowed = AuthorizationMatrixTest.RULES.getOrDefault(operation, Set.of()).contains(caller);
        if (allowed && NOT_CALLED_WHEN_ALLOWED.contains(operation)) {
            return true;
        }
        // an admin's delete of a real thing succeeds by design; it would only remove what other calls use,
        // and an admin's edit of the hidden leader (with a public sample body) would unhide them for the rest
        boolean adminsRealDelete = operation.startsWith("DELETE") && Roles.ADMIN.equals(caller) && !"missing".equals(kind);
        boolean adminUnhides = operation.equals("PUT /api/leaders/{id}") && Roles.ADMIN.equals(caller) && "foreign".equals(kind);
        return adminsRealDelete || adminUnhides;
    }

    /** The operation's path with its ids for this caller and kind; empty when there is no such thing to use. */
    private Optional<String> substitute(String operation, String caller, String kind) {
        var path = operation.split(" ", 2)[1];
        if (!hasIds(operation)) {
            return Optional.of(path);
        }
        if (path.startsWith("/api/vocabularies/")) {
            return Optional.of(path.replace("{name}", "missing".equals(kind) ? "no-such-vocabulary" : "services"));
        }
        if (path.startsWith("/api/areas/")) {
            return Optional.of(path.replace("{code}", "missing".equals(kind) ? "E99999999" : "E10000024"));
        }
        var id = switch (kind) {
            case "missing" -> Optional.of(MISSING);
            case "own" -> ownId(path, caller);
            default -> foreignId(path, caller);
        };
        return id.map(value -> path.replaceAll("\\{[^}]+}", value));
    }

    private Optional<String> ownId(String path, String caller) {
        if (path.startsWith("/api/leaders/")) {
            return Optional.of(String.valueOf(ownLeader));
        }
        if (path.startsWith("/api/records/")) {
            return Optional.of(String.valueOf(ownRecord));
        }
        return listedIds(collection(path), tokens.get(caller)).stream().findFirst();
    }

    private Optional<String> foreignId(String path, String caller) {
        if (path.startsWith("/api/leaders/")) {
            return Optional.of(String.valueOf(hiddenLeader));
        }
        if (path.startsWith("/api/records/")) {
            return Optional.of(String.valueOf(hiddenRecord));
        }
        var own = listedIds(collection(path), tokens.get(caller));
        return listedIds(collection(path), tokens.get(Roles.ADMIN)).stream().filter(id -> !own.contains(id)).findFirst();
    }

    private static String collection(String path) {
        return path.substring(0, path.indexOf("/{"));
    }

    /** The ids a caller sees listing a collection (a plain list or a page of items); none if it may not list it. */
    private static List<String> listedIds(String collection, String token) {
        var request = given();
        if (token != null) {
            request.header("Authorization", Fixtures.bearer(token));
        }
        var response = request.when().get(collection).then().extract();
        if (response.statusCode() != 200) {
            return List.of();
        }
        var json = new JsonPath(response.body().asString());
        Object root = json.get("$");
        List<Object> ids = root instanceof List<?> ? json.getList("id") : json.getList("items.id");
        return ids == null ? List.of() : ids.stream().filter(Objects::nonNull).map(String::valueOf).toList();
    }

    private ExtractableResponse<Response> call(String operation, String path, String token) {
        var method = operation.split(" ", 2)[0];
        var request = given().contentType(ContentType.JSON);
        if (token != null) {
            request.header("Authorization", Fixtures.bearer(token));
        }
        if (method.equals("POST") || method.equals("PUT")) {
            request.body(body(operation));
        }
        return request.when().request(method, path).then().extract();
    }

    /** A sample valid body where validation would otherwise stop the call before authorisation is decided. */
    private static Object body(String operation) {
        return switch (operation) {
            case "POST /api/leaders" -> Fixtures.leader("Sweep Created");
            case "PUT /api/leaders/{id}" -> withVersion(Fixtures.leader("Sweep Edited"));
            case "POST /api/leaders/{leaderId}/records" -> Fixtures.record("Sweep record");
            case "PUT /api/records/{id}" -> withVersion(Fixtures.record("Sweep record edited"));
            case "POST /api/records/{id}/endorsements" -> Map.of("decision", "confirmed");
            case "POST /api/records/{id}/verifications" -> Map.of("programme", "pioneer-2013", "decision", "confirmed");
            case "POST /api/records/{id}/corroboration-requests" -> Map.of("organisation", "RK5"); // a partner of Fixtures.record
            case "PUT /api/follow-ups/{id}" -> Map.of("whatChanged", "Sweep answer", "wouldRecommend", true);
            default -> "{}";
        };
    }

    private static Map<String, Object> withVersion(Map<String, Object> body) {
        body.put("version", 0);
        return body;
    }

    private static String render(Map<String, Map<String, String>> table) {
        var out = new StringBuilder("# Authorization sweep\n\nStatus per operation, caller and id kind (own/foreign/missing; "
                + "foreign leader and record ids belong to a leader with programme visibility; skip = not called, n/a = no such thing to use).\n\n");
        out.append("| operation |");
        CALLERS.forEach(c -> out.append(' ').append(c).append(" (own/foreign/missing) |"));
        out.append("\n|---|");
        CALLERS.forEach(c -> out.append("---|"));
        out.append('\n');
        table.forEach((operation, row) -> {
            out.append("| ").append(operation).append(" |");
            for (var caller : CALLERS) {
                var cells = hasIds(operation) ? KINDS.stream().map(k -> row.get(caller + "/" + k)).toList() : List.of(row.get(caller + "/none"));
                out.append(' ').append(String.join(" / ", cells)).append(" |");
            }
            out.append('\n');
        });
        return out.toString();
    }
}
