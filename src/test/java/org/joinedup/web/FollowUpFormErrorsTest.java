package org.joinedup.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.joinedup.Fixtures;
import org.joinedup.followup.FollowUpService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A follow-up answer with a problem comes back on My work with the problem beside its field and
 * the answer as typed; a draft that cannot be published yet opens its form with each problem beside
 * its field. Both checked with axe.
 */
@QuarkusTest
class FollowUpFormErrorsTest {

    private static final String PASSWORD = FollowUpFixtures.PASSWORD;

    @RegisterExtension
    static final Browser browser = Browser.perClass();

    @Inject
    FollowUpService followUps;

    @BeforeAll
    static void actAsAdmin() {
        Fixtures.actAs("demo-admin");
    }

    @Test
    void problemsShowBesideTheirFieldsOnTheAnswerAndThePublishForms() {
        var asked = FollowUpFixtures.learnerAskedAfterMentorship("Err", "Error Bay", followUps);
        var learnerAccount = asked.learnerAccount();

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
