package org.joinedup.matching;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.nullValue;
import static org.joinedup.Fixtures.awaitIndexInStep;
import static org.joinedup.matching.MatchingFixtures.createRequest;
import static org.joinedup.matching.MatchingFixtures.learner;
import static org.joinedup.matching.MatchingFixtures.mentor;
import static org.joinedup.matching.MatchingFixtures.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.joinedup.Fixtures;
import org.joinedup.security.Roles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The attacker's moves on issue 19's pause and matching-profile endpoints: stale and missing If-Match, numbers far out of
 * range, someone else's leader or profile, eight identical requests at once, forged bodies. Never a 5xx, nothing half-written.
 * Also that a single match under a profile that gives the words part no weight asks the index nothing about the words.
 */
@QuarkusTest
class PauseAndProfileAttackTest {

    private static final String PASSWORD = "a-test-password-long-enough";
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    /** The programme these tests change; stp stays on the default for MatchingProfileResourceTest. */
    private static final String PROGRAMME = "ics";

    @Inject
    MatchService matchService;

    @BeforeAll
    static void actAsAdmin() {
        Fixtures.actAs("demo-admin");
    }

    private static String suffix() {
        return Long.toString(System.nanoTime() % 100_000_000);
    }

    private static String account(String prefix, String role, Long leaderId) {
        var username = (prefix + "-" + System.nanoTime()).toLowerCase(Locale.ROOT);
        var body = new HashMap<String, Object>(Map.of("username", username, "password", PASSWORD, "roles", List.of(role), "fullName", "Ada " + prefix));
        if (leaderId != null) {
            body.put("leaderId", leaderId);
        }
        given().contentType(ContentType.JSON).body(body).when().post("/api/admin/accounts").then().statusCode(201);
        return Fixtures.token(username, PASSWORD);
    }

    private static RequestSpecification as(String token) {
        return given().header("Authorization", Fixtures.bearer(token)).contentType(ContentType.JSON);
    }

    private static ValidatableResponse putPause(long leader, Object body) {
        return given().contentType(ContentType.JSON).body(body).when().put("/api/leaders/" + leader + "/pause").then();
    }

    private static Map<String, Object> pause(Object until, String reason) {
        var body = new HashMap<String, Object>();
        body.put("until", until);
        if (reason != null) {
            body.put("reason", reason);
        }
        return body;
    }

    private static JsonPath leader(long id) {
        return given().when().get("/api/leaders/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath profile(String programme) {
        return given().when().get("/api/matching-profiles/" + programme).then().statusCode(200).extract().jsonPath();
    }

    private static ValidatableResponse putProfile(String programme, Object body) {
        return given().contentType(ContentType.JSON).body(body).when().put("/api/matching-profiles/" + programme).then();
    }

    private static long audited(String entityType, String entityId, String action) {
        return given().queryParam("entityType", entityType).queryParam("entityId", entityId).queryParam("action", action)
                .when().get("/api/admin/audit").then().statusCode(200).extract().jsonPath().getLong("total");
    }

    /** The statuses of eight copies of one call made at once. */
    private static List<Integer> eightAtOnce(Supplier<Integer> call) throws Exception {
        var pool = Executors.newFixedThreadPool(8);
        try {
            var calls = new ArrayList<Callable<Integer>>();
            for (int i = 0; i < 8; i++) {
                calls.add(call::get);
            }
            var statuses = new ArrayList<Integer>();
            for (var f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- the pause ----

    @Test
    void aStaleIfMatchOnThePauseIs412AndNoIfMatchIsAllowed() {
        var s = suffix();
        long mentor = mentor("Stale Pause Mentor " + s, "Stale Pause Org " + s, 1, List.of("gp", "social-care"));
        var read = given().when().get("/api/leaders/" + mentor).then().statusCode(200).extract();
        var etag = read.header("ETag");
        var until = TODAY.plusDays(40);
        // the ETag read: accepted, and the leader moves on a version
        given().contentType(ContentType.JSON).header("If-Match", etag).body(pause(until.toString(), null))
                .when().put("/api/leaders/" + mentor + "/pause").then().statusCode(200);
        // the same ETag again is stale now: 412 on both setting and ending, nothing changes
        given().contentType(ContentType.JSON).header("If-Match", etag).body(pause(until.plusDays(1).toString(), null))
                .when().put("/api/leaders/" + mentor + "/pause").then().statusCode(412).contentType("application/problem+json");
        given().header("If-Match", etag).when().delete("/api/leaders/" + mentor + "/pause").then().statusCode(412);
        given().contentType(ContentType.JSON).header("If-Match", "W/" + etag).body(pause(until.plusDays(1).toString(), null))
                .when().put("/api/leaders/" + mentor + "/pause").then().statusCode(412);
        given().contentType(ContentType.JSON).header("If-Match", "\"99999999999999999999\"").body(pause(until.plusDays(1).toString(), null))
                .when().put("/api/leaders/" + mentor + "/pause").then().statusCode(lessThan(500));
        assertEquals(until.toString(), leader(mentor).getString("mentoring.pausedUntil"));
        // If-Match is optional: the pause is a whole sub-resource replaced by each PUT (documented on the operation)
        putPause(mentor, pause(until.plusDays(2).toString(), null)).statusCode(200)
                .body("mentoring.pausedUntil", equalTo(until.plusDays(2).toString()));
        given().when().delete("/api/leaders/" + mentor + "/pause").then().statusCode(200).body("mentoring.pausedUntil", nullValue());
    }

    @Test
    void hugeAndForgedDatesAre400NamingUntilAndNothingIsWritten() {
        var s = suffix();
        long mentor = mentor("Huge Date Mentor " + s, "Huge Date Org " + s, 1, List.of("gp", "social-care"));
        for (Object bad : List.of("+99999-01-01", "99999-01-01", "9999-12-31", 20270301, 1e12, 2147483648L, true, List.of("2027-03-01"),
                Map.of("year", 2027), "2027-02-30", "")) {
            var body = putPause(mentor, pause(bad, null)).statusCode(400).contentType("application/problem+json").extract().asString();
            assertTrue(body.contains("until"), bad + " is refused naming until: " + body);
        }
        putPause(mentor, pause(TODAY.plusDays(3).toString(), "x".repeat(501))).statusCode(400).body("violations[0].field", equalTo("reason"));
        putPause(mentor, pause(TODAY.plusDays(3).toString(), null)).statusCode(200);
        // forged fields: unknown ones are refused by name, the path's leader is the one paused whatever the body says
        long other = mentor("Forged Body Other " + s, "Forged Org " + s, 1, List.of("gp", "social-care"));
        var forged = pause(TODAY.plusDays(9).toString(), null);
        forged.put("id", other);
        putPause(mentor, forged).statusCode(400).body(containsString("id"));
        forged.remove("id");
        forged.put("leaderId", other);
        putPause(mentor, forged).statusCode(400).body(containsString("leaderId"));
        forged.remove("leaderId");
        forged.put("pausedUntil", TODAY.plusDays(500).toString());
        putPause(mentor, forged).statusCode(400).body(containsString("pausedUntil"));
        given().contentType(ContentType.JSON).body("{\"until\": \"" + TODAY.plusDays(9) + "\", \"until\": \"" + TODAY.plusDays(700) + "\"}")
                .when().put("/api/leaders/" + mentor + "/pause").then().statusCode(lessThan(500));
        given().contentType(ContentType.JSON).body("[]").when().put("/api/leaders/" + mentor + "/pause").then().statusCode(400);
        given().contentType(ContentType.JSON).body("null").when().put("/api/leaders/" + mentor + "/pause").then().statusCode(400);
        assertEquals(null, leader(other).getString("mentoring.pausedUntil"), "the other leader is untouched");
        // huge and odd ids in the path: a page of not found, never a failure
        putPause(987654321L, pause(TODAY.plusDays(3).toString(), null)).statusCode(404);
        for (var id : List.of("99999999999999999999", "-1", "1e3", "0x10")) {
            given().contentType(ContentType.JSON).body(pause(TODAY.plusDays(3).toString(), null)).when().put("/api/leaders/" + id + "/pause")
                    .then().statusCode(lessThan(500));
        }
    }

    @Test
    void aLeaderMayNotPauseAnotherLeaderNorACommissionerAnyone() {
        var s = suffix();
        long mine = mentor("Own Pause Mentor " + s, "Own Pause Org " + s, 1, List.of("gp", "social-care"));
        long theirs = mentor("Their Pause Mentor " + s, "Their Pause Org " + s, 1, List.of("gp", "social-care"));
        var leader = account("al", Roles.LEADER, mine);
        var commissioner = account("ac", Roles.COMMISSIONER, null);
        putPause(theirs, pause(TODAY.plusDays(20).toString(), "theirs")).statusCode(200);
        as(leader).body(pause(TODAY.plusDays(5).toString(), "hijack")).when().put("/api/leaders/" + theirs + "/pause").then().statusCode(403);
        as(leader).when().delete("/api/leaders/" + theirs + "/pause").then().statusCode(403);
        as(commissioner).body(pause(TODAY.plusDays(5).toString(), null)).when().put("/api/leaders/" + mine + "/pause").then().statusCode(403);
        as(commissioner).when().delete("/api/leaders/" + theirs + "/pause").then().statusCode(403);
        given().noFilters().contentType(ContentType.JSON).body(pause(TODAY.plusDays(5).toString(), null))
                .when().put("/api/leaders/" + mine + "/pause").then().statusCode(401);
        var after = leader(theirs);
        assertEquals(TODAY.plusDays(20).toString(), after.getString("mentoring.pausedUntil"));
        assertEquals("theirs", after.getString("mentoring.pauseReason"));
        assertEquals(null, leader(mine).getString("mentoring.pausedUntil"));
        // and the leader's own is theirs to set
        as(leader).body(pause(TODAY.plusDays(5).toString(), null)).when().put("/api/leaders/" + mine + "/pause").then().statusCode(200);
    }

    @Test
    void eightIdenticalPausesAtOnceLeaveOnePauseAndOneAuditEntry() throws Exception {
        var s = suffix();
        long mentor = mentor("Eight Pauses Mentor " + s, "Eight Pauses Org " + s, 1, List.of("gp", "social-care"));
        var until = TODAY.plusDays(33).toString();
        var admin = Fixtures.token("demo-admin");
        var statuses = eightAtOnce(() -> as(admin).body(pause(until, "Eight at once")).when().put("/api/leaders/" + mentor + "/pause")
                .then().extract().statusCode());
        // the leader's row is locked while a pause changes, so the seven others find it made: all 200, none a lost race
        assertEquals(List.of(200, 200, 200, 200, 200, 200, 200, 200), statuses);
        var after = leader(mentor);
        assertEquals(until, after.getString("mentoring.pausedUntil"));
        assertEquals("Eight at once", after.getString("mentoring.pauseReason"));
        assertEquals(1, audited("leader", Long.toString(mentor), "pause"), "one change, so one entry: " + statuses);

        var ends = eightAtOnce(() -> as(admin).when().delete("/api/leaders/" + mentor + "/pause").then().extract().statusCode());
        assertEquals(List.of(200, 200, 200, 200, 200, 200, 200, 200), ends);
        assertEquals(null, leader(mentor).getString("mentoring.pausedUntil"));
        assertEquals(1, audited("leader", Long.toString(mentor), "end-pause"), "one change, so one entry: " + ends);
    }

    // ---- the matching profile ----

    @Test
    void aStaleOrMissingVersionOnAProfileIsRefused() {
        int version = profile(PROGRAMME).getInt("version");
        var read = given().when().get("/api/matching-profiles/" + PROGRAMME).then().statusCode(200).extract();
        var etag = read.header("ETag");
        assertEquals("\"" + version + "\"", etag);
        // neither If-Match nor a version: 400 naming version (a profile is changed in place, so the version is required)
        putProfile(PROGRAMME, Map.of("weights", Map.of("services", 7))).statusCode(400).body("violations[0].field", equalTo("version"));
        given().contentType(ContentType.JSON).header("If-Match", "\"" + (version + 7) + "\"").body(Map.of("weights", Map.of("services", 7)))
                .when().put("/api/matching-profiles/" + PROGRAMME).then().statusCode(412);
        given().contentType(ContentType.JSON).header("If-Match", etag).body(Map.of("weights", Map.of("services", 7), "version", version + 1))
                .when().put("/api/matching-profiles/" + PROGRAMME).then().statusCode(400);
        putProfile(PROGRAMME, Map.of("weights", Map.of("services", 7), "version", version + 3)).statusCode(409);
        assertEquals(version, profile(PROGRAMME).getInt("version"), "nothing written");
    }

    @Test
    void hugeWeightsAndPagesAre400NamingTheFieldNever500() {
        int version = profile(PROGRAMME).getInt("version");
        for (Object bad : List.of(11, -1, 1e12, 2147483648L, 1e308, -0.5, 10.000001)) {
            putProfile(PROGRAMME, Map.of("weights", Map.of("distance", bad), "version", version)).statusCode(400)
                    .contentType("application/problem+json").body("violations.field", hasItem("weights.distance"));
        }
        for (Object bad : List.of("ten", true, List.of(3), Map.of("n", 3))) {
            var body = putProfile(PROGRAMME, Map.of("weights", Map.of("distance", bad), "version", version)).statusCode(400).extract().asString();
            assertTrue(body.contains("weights") || body.contains("distance"), bad + ": " + body);
        }
        given().contentType(ContentType.JSON).body("{\"weights\": {\"distance\": 1e999999}, \"version\": " + version + "}")
                .when().put("/api/matching-profiles/" + PROGRAMME).then().statusCode(400);
        putProfile(PROGRAMME, Map.of("weights", Map.of(), "version", 2147483648L)).statusCode(400).body(containsString("version"));
        var many = new HashMap<String, Object>();
        for (int i = 0; i < 25; i++) {
            many.put("part" + i, 1);
        }
        putProfile(PROGRAMME, Map.of("weights", many, "version", version)).statusCode(400).body(containsString("weights"));
        putProfile(PROGRAMME, Map.of("musts", java.util.Collections.nCopies(11, "trained"), "version", version)).statusCode(400)
                .body(containsString("musts"));
        assertEquals(version, profile(PROGRAMME).getInt("version"), "nothing written");

        for (var page : List.of("2147483648", "99999999999", "-1", "1e3")) {
            given().queryParam("page", page).when().get("/api/matching-profiles").then().statusCode(400).body("violations[0].field", equalTo("page"));
        }
        for (var size : List.of("101", "2147483648", "0", "-5")) {
            given().queryParam("size", size).when().get("/api/matching-profiles").then().statusCode(400).body("violations[0].field", equalTo("size"));
        }
        // beyond what page x size can reach: 400 naming the page; a far page that can be reached is simply empty
        given().queryParam("page", "999999999").queryParam("size", "100").when().get("/api/matching-profiles").then().statusCode(400)
                .body("violations[0].field", equalTo("page"));
        given().queryParam("page", "9999999").queryParam("size", "100").when().get("/api/matching-profiles").then().statusCode(200)
                .body("items.size()", equalTo(0)).body("total", equalTo(7));
    }

    @Test
    void aCommissionerOrLeaderMayNotEditAProfileAndForgedFieldsChangeNothingElse() {
        int version = profile(PROGRAMME).getInt("version");
        var commissioner = account("pc", Roles.COMMISSIONER, null);
        var s = suffix();
        var leader = account("pl", Roles.LEADER, mentor("Profile Attack Leader " + s, "Profile Attack Org " + s, 1, List.of("gp", "housing")));
        for (var token : List.of(commissioner, leader)) {
            as(token).body(Map.of("weights", Map.of("services", 0), "version", version)).when().put("/api/matching-profiles/" + PROGRAMME)
                    .then().statusCode(403);
            as(token).header("If-Match", "*").body(Map.of("weights", Map.of("services", 0))).when().put("/api/matching-profiles/stp")
                    .then().statusCode(403);
        }
        assertEquals(version, profile(PROGRAMME).getInt("version"));
        assertEquals(0, profile("stp").getInt("version"), "stp is still on the default");

        // an unknown field is refused by name; the read-only fields of a GET are ignored, so the path decides the programme
        putProfile(PROGRAMME, Map.of("weights", Map.of("services", 4), "version", version, "owner", "me")).statusCode(400)
                .body(containsString("owner"));
        int stpBefore = profile("stp").getInt("version");
        var forged = new HashMap<String, Object>(Map.of("weights", Map.of("services", 4), "version", version, "programme", "stp",
                "builtIn", true, "programmeLabel", "Forged"));
        putProfile(PROGRAMME, forged).statusCode(200).body("programme", equalTo(PROGRAMME)).body("weights.services", equalTo(4))
                .body("builtIn", equalTo(false)).body("programmeLabel", equalTo("Integrated care systems"));
        assertEquals(stpBefore, profile("stp").getInt("version"), "the programme named in the body is untouched");
    }

    @Test
    void eightIdenticalProfilePutsAtOnceMakeOneChange() throws Exception {
        var read = given().when().get("/api/matching-profiles/" + PROGRAMME).then().statusCode(200).extract();
        int version = read.jsonPath().getInt("version");
        int services = read.jsonPath().getInt("weights.services") == 9 ? 8 : 9;
        long auditedBefore = audited("matching-profile", PROGRAMME, "update");
        var admin = Fixtures.token("demo-admin");
        // as a careless client would: If-Match * (no version check), the same body eight times at once
        var statuses = eightAtOnce(() -> as(admin).header("If-Match", "*").body(Map.of("weights", Map.of("services", services), "musts", List.of()))
                .when().put("/api/matching-profiles/" + PROGRAMME).then().extract().statusCode());
        assertEquals(List.of(200, 200, 200, 200, 200, 200, 200, 200), statuses);
        var after = profile(PROGRAMME);
        assertEquals(services, after.getInt("weights.services"));
        assertEquals(version + 1, after.getInt("version"), "one change: the other seven found it already made");
        assertEquals(auditedBefore + 1, audited("matching-profile", PROGRAMME, "update"));

        // eight with the version read: one changes, seven are stale (or find it already made), never a failure
        int now = after.getInt("version");
        int next = services == 9 ? 8 : 9;
        var versioned = eightAtOnce(() -> putProfile(PROGRAMME, Map.of("weights", Map.of("services", next), "version", now)).extract().statusCode());
        assertTrue(versioned.stream().allMatch(st -> st == 200 || st == 409), versioned.toString());
        assertEquals(now + 1, profile(PROGRAMME).getInt("version"));
    }

    // ---- the words part and the index ----

    @Test
    void theDefaultProfileAsksTheIndexNothingAboutTheWords() {
        var s = suffix();
        mentor("Words Count Mentor " + s, "Words Count Org " + s, 2, List.of("gp", "housing"));
        var ask = new HashMap<>(request(learner("Words Count Learner " + s, "Words Count L " + s, List.of()), List.of("gp", "housing")));
        ask.put("need", "How the neighbourhood hub shared its records " + s);
        long plain = createRequest(ask);
        awaitIndexInStep(Duration.ofSeconds(10));

        long before = matchService.wordSearches();
        given().when().get("/api/learning-requests/" + plain + "/matches?size=5").then().statusCode(200);
        assertEquals(before, matchService.wordSearches(), "the default profile weighs the words 0: no words search");

        // a programme that weighs the words: the same request under it asks once
        int version = profile("vanguard").getInt("version");
        var weights = new HashMap<String, Object>(profile("vanguard").getMap("weights"));
        weights.put("words", 3);
        putProfile("vanguard", Map.of("weights", weights, "musts", List.of(), "version", version)).statusCode(200);
        ask.put("programme", "vanguard");
        long worded = createRequest(ask);
        long beforeWorded = matchService.wordSearches();
        given().when().get("/api/learning-requests/" + worded + "/matches?size=5").then().statusCode(200);
        assertEquals(beforeWorded + 1, matchService.wordSearches(), "words weighed above 0: one search for the request's words");

        // and back to 0: none again
        weights.put("words", 0);
        putProfile("vanguard", Map.of("weights", weights, "musts", List.of(), "version", version + 1)).statusCode(200);
        long beforeOff = matchService.wordSearches();
        given().when().get("/api/learning-requests/" + worded + "/matches?size=5").then().statusCode(200);
        assertEquals(beforeOff, matchService.wordSearches());
    }
}
