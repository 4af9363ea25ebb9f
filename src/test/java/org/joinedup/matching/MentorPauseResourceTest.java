package org.joinedup.matching;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.joinedup.Fixtures.awaitIndexInStep;
import static org.joinedup.matching.MatchingFixtures.createRequest;
import static org.joinedup.matching.MatchingFixtures.learner;
import static org.joinedup.matching.MatchingFixtures.mentor;
import static org.joinedup.matching.MatchingFixtures.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.joinedup.Fixtures;
import org.joinedup.security.Roles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 19's pause through the API: a paused mentor leaves single matches, search's mentoring=available and
 * cohorts (a lock on them is a 409 naming it) until the pause is ended; bad dates and other people's pauses are
 * refused; the reason is seen only by programme staff, admins and the leader.
 */
@QuarkusTest
class MentorPauseResourceTest {

    private static final String PASSWORD = "a-test-password-long-enough";
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @BeforeAll
    static void actAsAdmin() {
        Fixtures.actAs("demo-admin");
    }

    private static String suffix() {
        return Long.toString(System.nanoTime() % 100_000_000);
    }

    private record Account(String username, String token) {
    }

    private static String account(String prefix, String role, Long leaderId) {
        return newAccount(prefix, role, leaderId).token();
    }

    private static Account newAccount(String prefix, String role, Long leaderId) {
        var username = (prefix + "-" + System.nanoTime()).toLowerCase(Locale.ROOT);
        var body = new HashMap<String, Object>(Map.of("username", username, "password", PASSWORD, "roles", List.of(role), "fullName", "Sam " + prefix));
        if (leaderId != null) {
            body.put("leaderId", leaderId);
        }
        given().contentType(ContentType.JSON).body(body).when().post("/api/admin/accounts").then().statusCode(201);
        return new Account(username, Fixtures.token(username, PASSWORD));
    }

    /** No token at all (the class acts as an admin by default). */
    private static RequestSpecification anonymous() {
        return given().noFilters();
    }

    private static RequestSpecification as(String token) {
        return given().header("Authorization", Fixtures.bearer(token)).contentType(ContentType.JSON);
    }

    private static RequestSpecification asDemo(String account) {
        return as(Fixtures.token(account));
    }

    private static Map<String, Object> pause(LocalDate until, String reason) {
        var body = new HashMap<String, Object>();
        body.put("until", until == null ? null : until.toString());
        if (reason != null) {
            body.put("reason", reason);
        }
        return body;
    }

    private static List<Long> matchIds(long request) {
        return given().queryParam("size", 50).when().get("/api/learning-requests/" + request + "/matches")
                .then().statusCode(200).extract().jsonPath().getList("mentor.id", Long.class);
    }

    /** Leaders found by name, only those available to mentor when {@code available}. */
    private static List<Long> found(String name, boolean available) {
        var search = given().queryParam("q", "\"" + name + "\"").queryParam("size", 50);
        if (available) {
            search.queryParam("mentoring", "available");
        }
        return search.when().get("/api/search/leaders").then().statusCode(200).extract().jsonPath().getList("hits.leader.id", Long.class);
    }

    @Test
    void aPausedMentorLeavesMatchesSearchAndCohortsUntilThePauseEnds() {
        var s = suffix();
        var name = "Pausable Mentor " + s;
        long mentor = mentor(name, "Pause Org M " + s, 2, List.of("housing", "learning-disability"));
        long other = mentor("Other Pause Mentor " + s, "Pause Org O " + s, 2, List.of("housing", "acute"));
        long request = createRequest(request(learner("Pause Learner " + s, "Pause Org L " + s, List.of()), List.of("housing", "learning-disability")));
        awaitIndexInStep(Duration.ofSeconds(30));
        assertTrue(matchIds(request).contains(mentor), "matched before the pause");
        assertTrue(found(name, true).contains(mentor), "available before the pause");

        var until = TODAY.plusMonths(3);
        as(Fixtures.token("demo-programme")).body(pause(until, "On leave")).when().put("/api/leaders/" + mentor + "/pause")
                .then().statusCode(200).body("mentoring.pausedUntil", equalTo(until.toString())).body("mentoring.pauseReason", equalTo("On leave"));
        awaitIndexInStep(Duration.ofSeconds(30));

        assertFalse(matchIds(request).contains(mentor), "a paused mentor is not matched");
        assertFalse(found(name, true).contains(mentor), "mentoring=available leaves them out");
        // still found without the filter: a pause hides nobody's profile
        assertTrue(found(name, false).contains(mentor), "found without the filter");

        var cohort = given().contentType(ContentType.JSON).body(Map.of("requests", List.of(request), "mentors", List.of(mentor, other),
                        "spreadLoad", true))
                .when().post("/api/cohort-matches").then().statusCode(201).extract().jsonPath();
        assertEquals(List.of(other), cohort.getList("assignments.mentorId", Long.class));
        assertEquals(1, cohort.getInt("mentorsConsidered"));
        assertTrue(cohort.getBoolean("spreadLoad"), "the result says the load was spread");

        given().contentType(ContentType.JSON).body(Map.of("requests", List.of(request), "mentors", List.of(mentor, other),
                "locks", List.of(Map.of("requestId", request, "mentorId", mentor))))
                .when().post("/api/cohort-matches").then().statusCode(409)
                .body("violations[0].field", equalTo("locks[0]"))
                .body("violations[0].message", containsString("paused until " + until));
        // nor proposed by hand
        assertEquals(409, MatchingFixtures.propose(request, mentor));

        // ending it early brings them back at once
        asDemo("demo-programme").when().delete("/api/leaders/" + mentor + "/pause").then().statusCode(200)
                .body("mentoring.pausedUntil", nullValue());
        awaitIndexInStep(Duration.ofSeconds(30));
        assertTrue(matchIds(request).contains(mentor), "matched again after the pause");
        assertTrue(found(name, true).contains(mentor), "available again");
        var locked = given().contentType(ContentType.JSON).body(Map.of("requests", List.of(request), "mentors", List.of(mentor, other),
                "locks", List.of(Map.of("requestId", request, "mentorId", mentor))))
                .when().post("/api/cohort-matches").then().statusCode(201).extract().jsonPath();
        assertEquals(List.of(mentor), locked.getList("assignments.mentorId", Long.class));
        assertFalse(locked.getBoolean("spreadLoad"), "off unless asked for");
    }

    @Test
    void aPauseMustEndAfterTodayAndWithinTwoYears() {
        var s = suffix();
        long mentor = mentor("Dated Mentor " + s, "Dated Org " + s, 1, List.of("gp", "social-care"));
        for (var bad : List.of(TODAY.minusDays(1), TODAY, TODAY.plusYears(2).plusDays(1))) {
            given().contentType(ContentType.JSON).body(pause(bad, null)).when().put("/api/leaders/" + mentor + "/pause")
                    .then().statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("until"));
        }
        given().contentType(ContentType.JSON).body(pause(null, null)).when().put("/api/leaders/" + mentor + "/pause")
                .then().statusCode(400).body("violations[0].field", containsString("until"));
        given().contentType(ContentType.JSON).body(Map.of("until", "next spring")).when().put("/api/leaders/" + mentor + "/pause")
                .then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("until", TODAY.plusDays(5).toString(), "reason", "x".repeat(501)))
                .when().put("/api/leaders/" + mentor + "/pause").then().statusCode(400);
        // nothing was written by any of them
        given().when().get("/api/leaders/" + mentor).then().statusCode(200).body("mentoring.pausedUntil", nullValue());
        // the last day allowed is fine
        given().contentType(ContentType.JSON).body(pause(TODAY.plusYears(2), null)).when().put("/api/leaders/" + mentor + "/pause")
                .then().statusCode(200).body("mentoring.pausedUntil", equalTo(TODAY.plusYears(2).toString()));
        given().contentType(ContentType.JSON).body(pause(TODAY.plusDays(1), null)).when().put("/api/leaders/987654321/pause")
                .then().statusCode(404);
    }

    @Test
    void theLeaderAndTheirDelegatePauseThemselvesButNotSomeoneElse() {
        var s = suffix();
        long mentor = mentor("Self Pausing Mentor " + s, "Self Org " + s, 1, List.of("gp", "social-care"));
        long someoneElse = mentor("Someone Else Mentor " + s, "Else Org " + s, 1, List.of("gp", "social-care"));
        var own = account("pauser", Roles.LEADER, mentor);
        var until = TODAY.plusWeeks(6);
        var paused = as(own).body(pause(until, "Sabbatical")).when().put("/api/leaders/" + mentor + "/pause").then().statusCode(200)
                .body("mentoring.pausedUntil", equalTo(until.toString())).body("mentoring.pauseReason", equalTo("Sabbatical")).extract();
        // the answer is the leader at its new version, with its ETag, good for the next change of the profile
        assertEquals("\"" + paused.jsonPath().getInt("version") + "\"", paused.header("ETag"));
        // another leader, and a commissioner who is not a delegate, may not
        as(own).body(pause(until, null)).when().put("/api/leaders/" + someoneElse + "/pause").then().statusCode(403);
        as(own).when().delete("/api/leaders/" + someoneElse + "/pause").then().statusCode(403);
        var commissionerAccount = newAccount("pause-commissioner", Roles.COMMISSIONER, null);
        var commissioner = commissionerAccount.token();
        as(commissioner).when().delete("/api/leaders/" + mentor + "/pause").then().statusCode(403);
        given().when().get("/api/leaders/" + mentor).then().body("mentoring.pausedUntil", equalTo(until.toString()));
        given().when().get("/api/leaders/" + someoneElse).then().body("mentoring.pausedUntil", nullValue());

        // once the leader makes the commissioner their delegate, they may
        as(own).body(Map.of("username", commissionerAccount.username())).when().post("/api/leaders/" + mentor + "/delegates").then().statusCode(201);
        as(commissioner).when().delete("/api/leaders/" + mentor + "/pause").then().statusCode(200).body("mentoring.pausedUntil", nullValue());

        // a profile PUT of what a GET gave keeps the pause: it has its own operation
        as(own).body(pause(until, "Back in spring")).when().put("/api/leaders/" + mentor + "/pause").then().statusCode(200);
        var read = as(own).when().get("/api/leaders/" + mentor).then().statusCode(200).extract();
        as(own).header("If-Match", read.header("ETag")).body(read.asString()).when().put("/api/leaders/" + mentor).then().statusCode(200)
                .body("mentoring.pausedUntil", equalTo(until.toString()));
    }

    @Test
    void theReasonIsForStaffAdminsAndTheLeaderOnly() {
        var s = suffix();
        var name = "Reasoned Mentor " + s;
        var reason = "Treatment until spring " + s;
        long mentor = mentor(name, "Reason Org " + s, 1, List.of("gp", "social-care"));
        var own = account("reasoned", Roles.LEADER, mentor);
        var until = TODAY.plusDays(30);
        as(own).body(pause(until, reason)).when().put("/api/leaders/" + mentor + "/pause").then().statusCode(200);
        awaitIndexInStep(Duration.ofSeconds(30));

        for (var staff : List.of("demo-programme", "demo-admin")) {
            asDemo(staff).when().get("/api/leaders/" + mentor).then().statusCode(200).body("mentoring.pauseReason", equalTo(reason));
        }
        as(own).when().get("/api/leaders/" + mentor).then().body("mentoring.pauseReason", equalTo(reason));
        for (var spec : List.of(asDemo("demo-commissioner"), asDemo("demo-leader"), anonymous())) {
            spec.when().get("/api/leaders/" + mentor).then().statusCode(200)
                    .body("mentoring.pausedUntil", equalTo(until.toString())).body("mentoring.pauseReason", nullValue());
        }
        // never in search results or the profile page for others, whoever searches
        for (var spec : List.of(asDemo("demo-commissioner"), anonymous(), asDemo("demo-admin"))) {
            var body = spec.queryParam("q", "\"" + name + "\"").when().get("/api/search/leaders").then().statusCode(200).extract().asString();
            assertTrue(body.contains(name), body);
            assertFalse(body.contains(reason), "the reason is not in search results: " + body);
        }
        var page = anonymous().accept(ContentType.HTML).when().get("/leaders/" + mentor).then().statusCode(200).extract().asString();
        assertTrue(page.contains("Paused until"), "the profile page says it is paused");
        assertFalse(page.contains(reason), "the public profile page has no reason");
    }
}
