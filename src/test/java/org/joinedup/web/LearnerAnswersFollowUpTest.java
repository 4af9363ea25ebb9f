package org.joinedup.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.joinedup.Fixtures;
import org.joinedup.followup.FollowUpService;
import org.joinedup.security.Roles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A learner, three months after their mentorship, answers the follow-up on /my-work and starts a
 * draft record, which the page marks as a draft only they see; the mentor's profile shows their track record.
 */
@QuarkusTest
class LearnerAnswersFollowUpTest {

    private static final String PASSWORD = "a-test-password-long-enough";
    static Browser browser;

    @Inject
    FollowUpService followUps;

    @BeforeAll
    static void openBrowser() {
        Fixtures.actAs("demo-admin");
        browser = Browser.open();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private static long leader(String name, boolean mentor) {
        var leader = Fixtures.leader(name);
        leader.put("organisation", Fixtures.organisation(name + " Org"));
        leader.put("mentoring", Map.of("willing", mentor, "capacity", mentor ? 2 : 0, "formats", List.of(), "trained", false));
        long id = Fixtures.createLeader(leader);
        if (mentor) {
            var work = Fixtures.record(name + " work");
            work.put("services", List.of("gp", "social-care"));
            work.put("areas", List.of(Map.of("country", "NZ", "place", "Page Bay", "latitude", -43.0, "longitude", 172.0)));
            work.put("outcomes", List.of());
            Fixtures.createRecord(id, work);
        }
        return id;
    }

    private static String account(long leaderId) {
        var username = "page-follow-" + leaderId + "-" + System.nanoTime();
        given().contentType(ContentType.JSON).body(Map.of("username", username, "password", PASSWORD, "roles", List.of(Roles.LEADER), "leaderId", leaderId))
                .when().post("/api/admin/accounts").then().statusCode(201);
        return username;
    }

    @Test
    void answersOnMyWorkAndStartsADraft() {
        long mentor = leader("Page Mentor", true);
        long learner = leader("Page Learner", false);
        var mentorBearer = Fixtures.bearer(Fixtures.token(account(mentor), PASSWORD));
        var learnerAccount = account(learner);
        var request = new HashMap<String, Object>(Map.of("learnerId", learner, "area", "E10000024", "services", List.of("gp"),
                "approaches", List.of(), "need", "Wants to learn"));
        long requestId = given().contentType(ContentType.JSON).body(request).when().post("/api/learning-requests").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        Fixtures.awaitIndexInStep(Duration.ofSeconds(30));
        long id = given().contentType(ContentType.JSON).body(Map.of("requestId", requestId, "mentorId", mentor)).when().post("/api/mentorships")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        for (var step : List.of("accept", "start", "complete")) {
            given().header("Authorization", mentorBearer).contentType(ContentType.JSON).body("{}").when().post("/api/mentorships/" + id + "/" + step).then().statusCode(200);
        }
        followUps.askDue(Instant.now().atOffset(ZoneOffset.UTC).plusMonths(3).plusDays(1).toInstant());

        browser.go("/account/sign-in");
        browser.type("#username", learnerAccount);
        browser.type("#password", PASSWORD);
        browser.click("#sign-in");
        browser.waitForPath("/my-work");
        assertTrue(browser.find("main").getText().contains("What changed since your mentorship with Page Mentor?"));
        browser.check("my-work-follow-up");

        var marker = "pagedraft" + System.nanoTime();
        browser.type("textarea[name=whatChanged]", "We started " + marker + " huddles");
        browser.click("input[name=wouldRecommend][value=yes]");
        browser.click("input[name=startRecord]");
        browser.click("button[id^=answer-]");
        // the draft opens for completing
        browser.waitForPath("/edit");
        browser.go("/my-work");
        var records = browser.find("#my-records").getText();
        assertTrue(records.contains("What I did after learning from Page Mentor") && records.contains("Draft: only you see it"), records);
        assertTrue(!browser.find("main").getText().contains("What changed since your mentorship with Page Mentor?"), "answered once");
        browser.check("my-work-draft");

        // the mentor's profile shows the track record
        browser.go("/leaders/" + mentor);
        var track = browser.find("#track-record").getText();
        assertTrue(track.contains("Completed 1 mentorship; asked after their mentorship, 1 of 1 learners would recommend them"), track);
        browser.check("profile-track-record");
    }
}
