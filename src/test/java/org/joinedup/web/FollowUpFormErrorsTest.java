package org.joinedup.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * A follow-up answer with a problem comes back on My work with the problem beside its field and
 * the answer as typed; a draft that cannot be published yet opens its form with each problem beside
 * its field. Both checked with axe.
 */
@QuarkusTest
class FollowUpFormErrorsTest {

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
            work.put("areas", List.of(Map.of("country", "NZ", "place", "Error Bay", "latitude", -43.0, "longitude", 172.0)));
            work.put("outcomes", List.of());
            Fixtures.createRecord(id, work);
        }
        return id;
    }

    private static String account(long leaderId) {
        var username = "page-errors-" + leaderId + "-" + System.nanoTime();
        given().contentType(ContentType.JSON).body(Map.of("username", username, "password", PASSWORD, "roles", List.of(Roles.LEADER), "leaderId", leaderId))
                .when().post("/api/admin/accounts").then().statusCode(201);
        return username;
    }

    @Test
    void problemsShowBesideTheirFieldsOnTheAnswerAndThePublishForms() {
        long mentor = leader("Err Mentor", true);
        long learner = leader("Err Learner", false);
        var mentorBearer = Fixtures.bearer(Fixtures.token(account(mentor), PASSWORD));
        var learnerAccount = account(learner);
        var request = new HashMap<String, Object>(Map.of("learnerId", learner, "area", "E10000024", "services", List.of("gp"),
                "approaches", List.of(), "need", "Wants to learn"));
        long requestId = given().contentType(ContentType.JSON).body(request).when().post("/api/learning-requests").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        Fixtures.awaitIndexInStep(Duration.ofSeconds(30));
        long mentorship = given().contentType(ContentType.JSON).body(Map.of("requestId", requestId, "mentorId", mentor)).when().post("/api/mentorships")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        for (var step : List.of("accept", "start", "complete")) {
            given().header("Authorization", mentorBearer).contentType(ContentType.JSON).body("{}").when()
                    .post("/api/mentorships/" + mentorship + "/" + step).then().statusCode(200);
        }
        followUps.askDue(Instant.now().atOffset(ZoneOffset.UTC).plusMonths(3).plusDays(1).toInstant());

        browser.go("/account/sign-in");
        browser.type("#username", learnerAccount);
        browser.type("#password", PASSWORD);
        browser.click("#sign-in");
        browser.waitForPath("/my-work");
        var card = browser.find("div[id^=follow-up-]");
        long id = Long.parseLong(card.getAttribute("id").replace("follow-up-", ""));

        // no words on what changed, but an answer to recommend and a draft wanted: both kept, the problem beside the text box
        browser.click("#wouldRecommend-" + id);
        browser.click("#startRecord-" + id);
        browser.click("#answer-" + id);
        browser.waitForPath("/my-work/follow-ups/" + id);
        var error = browser.find("#whatChanged-" + id + "-error").getText();
        assertTrue(error.contains("What changed is needed"), error);
        assertTrue(browser.find("#follow-up-" + id + " .nhsuk-form-group--error").getText().contains("What changed in your work"));
        assertEquals("whatChanged-" + id + "-error", browser.find("#whatChanged-" + id).getAttribute("aria-describedby"));
        assertEquals("#whatChanged-" + id, browser.find("#error-summary a").getAttribute("hash"));
        assertTrue(browser.all("#wouldRecommend-" + id + "-error").isEmpty(), "recommend was answered");
        assertTrue(browser.find("#wouldRecommend-" + id).isSelected(), "the answer as given");
        assertTrue(browser.find("#startRecord-" + id).isSelected(), "the answer as given");
        browser.check("follow-up-answer-error");

        browser.type("#whatChanged-" + id, "We started joint huddles");
        browser.click("#answer-" + id);
        browser.waitForPath("/edit");

        // the draft is not complete: publishing it opens its form with each problem beside its field
        browser.go("/my-work");
        browser.click("button[id^=publish-]");
        browser.waitForPath("/publish");
        assertTrue(browser.find("h1").getText().startsWith("Complete What I did after learning from Err Mentor"), browser.find("h1").getText());
        var summary = browser.find("#error-summary").getText();
        assertTrue(summary.contains("Services"), summary);
        var beside = browser.all(".nhsuk-form-group--error .nhsuk-error-message").stream().map(e -> e.getText()).toList();
        assertTrue(beside.stream().anyMatch(t -> t.contains("Services")), beside.toString());
        assertTrue(beside.size() >= 2, beside.toString());
        browser.check("record-publish-error");
    }
}
