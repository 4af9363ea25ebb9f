package org.joinedup.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** Programme staff choose requests and mentors, run a cohort, see pairings, greedy's total and who is unmatched, and accept it. */
@QuarkusTest
class ProgrammeRunsCohortTest {

    /** A word no demo leader has, so the mentor search finds only this test's mentors. */
    static final String ORGANISATION = "Quillerby Cohort Test Trust";

    @RegisterExtension
    static final Browser browser = Browser.perClass();

    static final List<Long> requests = new ArrayList<>();
    static final List<Long> mentors = new ArrayList<>();

    @BeforeAll
    static void actAsProgrammeStaff() {
        Fixtures.actAs("demo-programme");
    }

    /** Two mentors of capacity one and three learners who all want what the mentors did, made through the API. */
    static void cohort() {
        for (int i = 1; i <= 2; i++) {
            var mentor = Fixtures.leader("Cohort Mentor " + i);
            mentor.put("organisation", Fixtures.organisation(ORGANISATION + " " + i));
            mentor.put("mentoring", Map.of("willing", true, "capacity", 1, "formats", List.of("calls"), "trained", false));
            long id = Fixtures.createLeader(mentor);
            mentors.add(id);
            given().header("Authorization", Fixtures.bearer(Fixtures.token("demo-admin"))).contentType(ContentType.JSON)
                    .body(Fixtures.record("Cohort mentor " + i + " work")).when().post("/api/leaders/" + id + "/records").then().statusCode(201);
        }
        for (int i = 1; i <= 3; i++) {
            var learner = Fixtures.leader("Cohort Learner " + i);
            learner.put("organisation", Fixtures.organisation("Learner Organisation " + i));
            learner.put("mentoring", Map.of("willing", false, "capacity", 0, "formats", List.of(), "trained", false));
            long id = Fixtures.createLeader(learner);
            requests.add(given().contentType(ContentType.JSON).body(Map.of("learnerId", id, "area", "E10000024",
                    "services", List.of("gp", "social-care"), "approaches", List.of(), "need", "Browser test learner"))
                    .when().post("/api/learning-requests").then().statusCode(201).extract().jsonPath().getLong("id"));
        }
        Fixtures.awaitIndexInStep(Duration.ofSeconds(60));
    }

    @Test
    void runsACohortAndAcceptsIt() {
        cohort();
        browser.signIn("demo-programme");
        browser.waitForPath("/programme");
        browser.check("programme-desk");

        browser.click("#cohort-link");
        for (var id : requests) {
            browser.click("input[name=requests][value='" + id + "']");
        }
        browser.type("#mentorSearch", "Quillerby");
        browser.click("#find-mentors");
        for (var id : mentors) {
            browser.click("input[name=mentors][value='" + id + "']");
        }
        // the requests ticked before the mentor search are still ticked
        assertTrue(browser.find("input[name=requests][value='" + requests.get(0) + "']").isSelected());
        browser.click("#programme option[value='vanguard']");
        browser.click("#spreadLoad");
        browser.click("#run-cohort");
        browser.waitForPath("/programme/cohort/");

        assertEquals(2, browser.all("#assignments tbody tr").size(), "two mentors of capacity one: two pairings");
        assertEquals(1, browser.all("#unmatched li").size(), "the third learner is unmatched, with the reason");
        assertTrue(browser.find("#greedy-score").getText().contains("pairings"));
        assertTrue(browser.textNow("#profile-used").startsWith("New care models vanguards"), "the programme's matching profile scored it: "
                + browser.textNow("#profile-used"));
        assertTrue(browser.textNow("#spread-load").startsWith("Spread over more mentors"), browser.textNow("#spread-load"));
        browser.check("programme-cohort");

        browser.click("#accept-all");
        // accepting answers a redirect to the result with a flash: read it once the page after the redirect is there
        browser.waitForPath("accepted=");
        browser.find("#flash");
        assertTrue(browser.textNow("#flash").contains("2 mentorships proposed"), browser.textNow("#flash"));
        var proposed = given().queryParam("status", "proposed").queryParam("mentorId", mentors.get(0)).when().get("/api/mentorships")
                .then().statusCode(200).extract().jsonPath().getList("items");
        assertEquals(1, proposed.size());
    }
}
