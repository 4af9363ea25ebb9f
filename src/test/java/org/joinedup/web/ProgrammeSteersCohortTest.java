package org.joinedup.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.joinedup.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Programme staff steer a cohort on its page: everyone first, ban a pairing, lock in a mentor for the learner left
 * out, see each override's price, are told beside the field when a lock cannot be kept, and accept: the proposed
 * mentorships keep the lock and never the ban.
 */
@QuarkusTest
class ProgrammeSteersCohortTest {

    /** A word no demo leader has, so the mentor search finds only this test's mentors. */
    static final String ORGANISATION = "Wextonbury Steering Test Trust";

    @RegisterExtension
    static final Browser browser = Browser.perClass();

    static final List<Long> requests = new ArrayList<>();
    static final List<Long> learners = new ArrayList<>();
    static final List<Long> mentors = new ArrayList<>();

    @BeforeAll
    static void actAsProgrammeStaff() {
        Fixtures.actAs("demo-programme");
    }

    /**
     * Two mentors of capacity one and three learners who all want what the mentors did, made through the API; the third
     * learner asks far from the mentors, so scores lower, is the one left out, and locking them in costs points.
     */
    static void cohort() {
        for (int i = 1; i <= 2; i++) {
            var mentor = Fixtures.leader("Steering Mentor " + i);
            mentor.put("organisation", Fixtures.organisation(ORGANISATION + " " + i));
            mentor.put("mentoring", Map.of("willing", true, "capacity", 1, "formats", List.of("calls"), "trained", false));
            long id = Fixtures.createLeader(mentor);
            mentors.add(id);
            given().header("Authorization", Fixtures.bearer(Fixtures.token("demo-admin"))).contentType(ContentType.JSON)
                    .body(Fixtures.record("Steering mentor " + i + " work")).when().post("/api/leaders/" + id + "/records").then().statusCode(201);
        }
        for (int i = 1; i <= 3; i++) {
            var learner = Fixtures.leader("Steering Learner " + i);
            learner.put("organisation", Fixtures.organisation("Steering Learner Organisation " + i));
            learner.put("mentoring", Map.of("willing", false, "capacity", 0, "formats", List.of(), "trained", false));
            long id = Fixtures.createLeader(learner);
            learners.add(id);
            requests.add(given().contentType(ContentType.JSON).body(Map.of("learnerId", id, "area", i < 3 ? "E10000024" : "E06000052",
                    "services", List.of("gp", "social-care"), "approaches", List.of(), "need", "Steering browser test learner"))
                    .when().post("/api/learning-requests").then().statusCode(201).extract().jsonPath().getLong("id"));
        }
        Fixtures.awaitIndexInStep(Duration.ofSeconds(60));
    }

    @Test
    void staffLockAndBanPairsSeeTheirPricesAndAccept() {
        cohort();
        browser.signIn("demo-programme");
        browser.go("/programme/cohort");
        for (var id : requests) {
            browser.click("input[name=requests][value='" + id + "']");
        }
        browser.type("#mentorSearch", "Wextonbury");
        browser.click("#find-mentors");
        for (var id : mentors) {
            browser.click("input[name=mentors][value='" + id + "']");
        }
        browser.click("#mode-everyone-first");
        browser.click("#run-cohort");
        browser.waitForPath("/programme/cohort/");

        assertEquals("Everyone first", browser.find("#mode-used").getText());
        assertEquals("The default weights", browser.find("#profile-used").getText(), "no programme chosen: the default profile");
        assertEquals(2, browser.all("#modes tbody tr").size(), "both modes' figures are shown");
        assertTrue(browser.find("#mode-everyone-first td").getText().contains("2"), browser.find("#mode-everyone-first").getText());
        assertEquals(2, browser.all("#assignments tbody tr").size());
        assertEquals(1, browser.all("#unmatched > li").size());
        assertTrue(browser.find("#no-overrides").isDisplayed());
        browser.check("programme-cohort-steer");

        // ban the first pairing: the cohort runs again without it
        var banned = pair(browser.find("#ban-1").getAttribute("value"));
        browser.click("#ban-1");
        browser.waitForPath("/programme/cohort/");
        assertTrue(browser.all("#pair-" + banned[0] + "-" + banned[1]).isEmpty(), "the banned pair is not in the answer");
        assertEquals("Banned", browser.find("#override-ban-0 td").getText());
        assertFalse(browser.find("#override-ban-0-price").getText().isBlank());

        // lock in a suggested mentor for the learner left out: the earlier ban is kept
        var unmatchedRequest = Long.parseLong(browser.find("#unmatched > li").getAttribute("id").replace("unmatched-", ""));
        assertEquals(requests.get(2), unmatchedRequest, "the learner far away is left out");
        var suggestion = browser.find("#unmatched-" + unmatchedRequest + " button[name=lock]");
        var locked = pair(suggestion.getAttribute("value"));
        assertEquals(unmatchedRequest, locked[0]);
        browser.click("#unmatched-" + unmatchedRequest + " button[name=lock]");
        browser.waitForPath("/programme/cohort/");
        assertTrue(browser.find("#pair-" + locked[0] + "-" + locked[1]).getText().contains("Locked"));
        assertTrue(browser.all("#pair-" + banned[0] + "-" + banned[1]).isEmpty(), "the ban is still kept");
        assertEquals(2, browser.all("#override-list tbody tr").size(), "the lock and the ban, each with its price");
        assertTrue(browser.find("#override-lock-0-price").getText().contains("points less in total"), browser.find("#override-lock-0-price").getText());
        assertFalse(browser.find("#override-ban-0-price").getText().isBlank());

        // a second ban, then removed: the lock and the first ban stay
        assertEquals(1, browser.all("#assignments button[name=ban]").size(), "a locked row has no lock or ban buttons");
        browser.click("#assignments button[name=ban]");
        browser.waitForPath("/programme/cohort/");
        assertEquals(3, browser.all("#override-list tbody tr").size());
        browser.click("#remove-ban-1");
        browser.waitForPath("/programme/cohort/");
        assertEquals(2, browser.all("#override-list tbody tr").size(), "the second ban is gone, the lock and the first ban kept");
        assertTrue(browser.all("#override-ban-1").isEmpty());
        assertTrue(browser.find("#pair-" + locked[0] + "-" + locked[1]).getText().contains("Locked"));
        assertTrue(browser.all("#pair-" + banned[0] + "-" + banned[1]).isEmpty());
        var steeredRun = browser.path();
        browser.check("programme-cohort-steered");

        // a lock that cannot be kept (a learner is not a mentor) is told beside the field, and nothing changes
        browser.type("#lockMentor", String.valueOf(learners.get(0)));
        browser.click("#lock-typed");
        assertTrue(browser.find("#lockMentor-error").getText().contains("cannot be kept"), browser.find("#lockMentor-error").getText());
        assertTrue(browser.find("#error-summary").isDisplayed());
        assertEquals(String.valueOf(learners.get(0)), browser.find("#lockMentor").getAttribute("value"));
        browser.check("programme-cohort-lock-error");
        browser.go(steeredRun);

        browser.click("#accept-all");
        assertTrue(browser.find("#flash").getText().contains("2 mentorships proposed"), browser.find("#flash").getText());
        var proposed = new ArrayList<Map<String, Object>>();
        for (var mentor : mentors) {
            proposed.addAll(given().queryParam("status", "proposed").queryParam("mentorId", mentor).when().get("/api/mentorships")
                    .then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("items"));
        }
        assertEquals(2, proposed.size());
        assertTrue(proposed.stream().anyMatch(m -> ((Number) m.get("requestId")).longValue() == locked[0]
                && ((Number) ((Map<?, ?>) m.get("mentor")).get("id")).longValue() == locked[1]), "the lock is proposed: " + proposed);
        for (var m : proposed) {
            boolean isBan = ((Number) m.get("requestId")).longValue() == banned[0]
                    && ((Number) ((Map<?, ?>) m.get("mentor")).get("id")).longValue() == banned[1];
            assertFalse(isBan, "the banned pair is never proposed: " + proposed);
        }
        assertNotEquals(banned[0] + ":" + banned[1], locked[0] + ":" + locked[1]);
    }

    private static long[] pair(String value) {
        var ids = value.split(":");
        return new long[] { Long.parseLong(ids[0]), Long.parseLong(ids[1]) };
    }
}
