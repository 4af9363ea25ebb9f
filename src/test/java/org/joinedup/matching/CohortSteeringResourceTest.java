package org.joinedup.matching;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.joinedup.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 19 through the API: the mode, locks and bans, the price of each, and the refusals naming what is wrong.
 * Mentor A (one place) suits the first request fully and the second in part; mentor B suits only the first, in
 * part (B also has acute care, which neither wants). Everyone first must give B to the first request and A to the second.
 */
@QuarkusTest
class CohortSteeringResourceTest {

    private long a;
    private long b;
    private long first;
    private long second;

    @BeforeAll
    static void actAsProgrammeStaff() {
        Fixtures.actAs("demo-admin");
    }

    @BeforeEach
    void cohort() {
        String suffix = Long.toString(System.nanoTime() % 1_000_000);
        a = mentor("Steer Mentor A " + suffix, "Steer Org A " + suffix, 1, List.of("gp", "social-care", "housing"));
        b = mentor("Steer Mentor B " + suffix, "Steer Org B " + suffix, 1, List.of("gp", "acute"));
        first = createRequest(request(learner("Steer Learner 1 " + suffix, "Steer L1 " + suffix, List.of()), List.of("gp", "social-care")));
        second = createRequest(request(learner("Steer Learner 2 " + suffix, "Steer L2 " + suffix, List.of()), List.of("housing", "learning-disability")));
        awaitIndexInStep(Duration.ofSeconds(10));
    }

    private Map<String, Object> body(Object... more) {
        var body = new HashMap<String, Object>(Map.of("requests", List.of(first, second), "mentors", List.of(a, b)));
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }

    private static JsonPath run(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/cohort-matches")
                .then().statusCode(201).extract().jsonPath();
    }

    private static Map<String, Object> pair(long request, long mentor) {
        return Map.of("requestId", request, "mentorId", mentor);
    }

    @Test
    void everyoneFirstMatchesBothAndBothModesAreReported() {
        var everyone = run(body("mode", "everyone-first"));
        assertEquals("everyone-first", everyone.getString("mode"));
        assertEquals(List.of(first, second), everyone.getList("assignments.requestId", Long.class));
        assertEquals(List.of(b, a), everyone.getList("assignments.mentorId", Long.class));
        assertEquals(2, everyone.getInt("matched"));
        assertEquals(List.of("best-total", "everyone-first"), everyone.getList("modes.mode"));
        assertEquals(2, everyone.getInt("modes[1].matched"));
        assertEquals(everyone.getDouble("totalScore"), everyone.getDouble("modes[1].totalScore"), 1e-9);
        assertTrue(everyone.getDouble("modes[0].totalScore") >= everyone.getDouble("modes[1].totalScore"));
        assertTrue(everyone.getInt("modes[0].matched") <= 2);

        var best = run(body());
        assertEquals("best-total", best.getString("mode"));
        assertEquals(best.getList("modes"), everyone.getList("modes"), "the same two figures whichever mode was chosen");
        assertEquals(best.getDouble("totalScore"), best.getDouble("modes[0].totalScore"), 1e-9);
        assertEquals(0, best.getInt("optimalityCheck.pairsAdded"));
        assertEquals(1, best.getInt("optimalityCheck.rounds"));
    }

    @Test
    void aLockIsKeptAndPricedAndABanIsHonouredAndPriced() {
        var locked = run(body("mode", "everyone-first", "locks", List.of(pair(first, a))));
        assertEquals(List.of(first), locked.getList("assignments.requestId", Long.class), "A has one place, so the second goes without");
        assertEquals(List.of(true), locked.getList("assignments.locked"));
        assertEquals(List.of(second), locked.getList("unmatched.requestId", Long.class));
        assertEquals("lock", locked.getString("overrides[0].kind"));
        assertEquals(1, locked.getInt("overrides[0].matchedWith"));
        assertEquals(2, locked.getInt("overrides[0].matchedWithout"), "without the lock both are matched");

        var banned = run(body("mode", "everyone-first", "bans", List.of(pair(first, b))));
        assertEquals(1, banned.getInt("matched"));
        assertTrue(banned.getList("assignments.mentorId", Long.class).stream().noneMatch(m -> m == b));
        assertEquals("ban", banned.getString("overrides[0].kind"));
        assertEquals(first, banned.getLong("overrides[0].requestId"));
        assertEquals(2, banned.getInt("overrides[0].matchedWithout"));
        assertTrue(banned.getDouble("overrides[0].totalWith") <= banned.getDouble("overrides[0].totalWithout") + 1e-9
                || banned.getInt("overrides[0].matchedWith") < banned.getInt("overrides[0].matchedWithout"));
    }

    @Test
    void infeasibleLocksAreConflictsNamingThem() {
        // no service in common
        given().contentType(ContentType.JSON).body(body("locks", List.of(pair(second, b)))).when().post("/api/cohort-matches")
                .then().statusCode(409).contentType("application/problem+json").body("violations[0].field", equalTo("locks[0]"))
                .body("detail", containsString("not an eligible pair"));
        // A has one place
        given().contentType(ContentType.JSON).body(body("locks", List.of(pair(first, a), pair(second, a)))).when().post("/api/cohort-matches")
                .then().statusCode(409).body("violations[0].field", equalTo("locks[1]")).body("detail", containsString("1 place left"));
        // two locks on a request that takes one mentor
        given().contentType(ContentType.JSON).body(body("locks", List.of(pair(first, a), pair(first, b)))).when().post("/api/cohort-matches")
                .then().statusCode(409).body("violations[0].field", equalTo("locks[1]")).body("detail", containsString("takes 1 mentor"));
        // locked and banned
        given().contentType(ContentType.JSON).body(body("locks", List.of(pair(first, a)), "bans", List.of(pair(first, a))))
                .when().post("/api/cohort-matches").then().statusCode(409).body("detail", containsString("also banned"));
        // a mentor left out of the mentors drawn on
        given().contentType(ContentType.JSON).body(body("mentors", List.of(b), "locks", List.of(pair(first, a))))
                .when().post("/api/cohort-matches").then().statusCode(409).body("detail", containsString("not available"));
        // a conflict of interest: this learner declares mentor A's organisation
        String orgA = given().when().get("/api/leaders/" + a).then().extract().path("organisation.name");
        long wary = createRequest(request(learner("Steer Wary Learner " + System.nanoTime(), "Steer Wary Org", List.of(orgA)), List.of("gp")));
        var cohort = body("requests", List.of(first, wary), "locks", List.of(pair(wary, a)));
        given().contentType(ContentType.JSON).body(cohort).when().post("/api/cohort-matches")
                .then().statusCode(409).body("violations[0].field", equalTo("locks[0]")).body("detail", containsString("conflict of interest"));
    }

    @Test
    void badModesLocksAndBansAreRefusedNamingTheField() {
        given().contentType(ContentType.JSON).body(body("mode", "fairest")).when().post("/api/cohort-matches")
                .then().statusCode(400).body("violations[0].field", equalTo("mode"))
                .body("violations[0].allowed", equalTo(List.of("best-total", "everyone-first")));
        given().contentType(ContentType.JSON).body(body("locks", List.of(pair(987_654_321L, a)))).when().post("/api/cohort-matches")
                .then().statusCode(400).body("violations[0].field", equalTo("locks[0].requestId"));
        given().contentType(ContentType.JSON).body(body("bans", List.of(pair(first, 987_654_321L)))).when().post("/api/cohort-matches")
                .then().statusCode(400).body("violations[0].field", equalTo("bans[0].mentorId"));
        given().contentType(ContentType.JSON).body(body("bans", List.of(pair(first, a), pair(first, a)))).when().post("/api/cohort-matches")
                .then().statusCode(400).body("violations[0].field", equalTo("bans[1]"));
        var many = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < 21; i++) {
            many.add(pair(first, 1_000_000L + i));
        }
        given().contentType(ContentType.JSON).body(body("bans", many)).when().post("/api/cohort-matches")
                .then().statusCode(400).body("violations[0].field", equalTo("bans"));
        given().contentType(ContentType.JSON).body(body("locks", List.of(Map.of("requestId", first)))).when().post("/api/cohort-matches")
                .then().statusCode(400).body("violations[0].field", containsString("mentorId"));
    }
}
