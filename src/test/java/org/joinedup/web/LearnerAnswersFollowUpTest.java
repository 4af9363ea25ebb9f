package org.joinedup.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.joinedup.Fixtures;
import org.joinedup.followup.FollowUpService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A learner, three months after their mentorship, answers the follow-up on /my-work and starts a
 * draft record, which the page marks as a draft only they see; the mentor's profile shows their track record.
 */
@QuarkusTest
class LearnerAnswersFollowUpTest {

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
    void answersOnMyWorkAndStartsADraft() {
        var asked = FollowUpFixtures.learnerAskedAfterMentorship("Page", "Page Bay", followUps);
        long mentor = asked.mentor();
        var learnerAccount = asked.learnerAccount();

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
