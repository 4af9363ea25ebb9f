package org.joinedup.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.joinedup.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.support.ui.Select;

/**
 * A round from judging to its published list on the pages (docs/recognition.md, "Judging pages"): a
 * judge confirms conflicts and scores, staff close, move, cite and publish, and a visitor reads the list.
 */
@QuarkusTest
class RoundJudgedOnPagesTest {

    @RegisterExtension
    static final Browser browser = Browser.perClass();

    @Inject
    EntityManager em;

    @BeforeAll
    static void anonymous() {
        Fixtures.actAnonymously();
    }

    @Test
    void aJudgeScoresStaffCloseMoveCiteAndPublishAndAVisitorReadsTheList() {
        var f = JudgingPagesFixtures.publicList(em);
        var judging = "/rounds/" + f.round + "/judging";

        browser.signIn(f.judgeA);
        browser.go(judging);
        assertTrue(browser.find("#conflict-" + f.own).isSelected(), "the nominee of the judge's organisation is suggested");
        assertTrue(browser.find("#conflict-" + f.own + "-reason").getText().contains("they work for your organisation"));
        assertTrue(!browser.find("#conflict-" + f.other).isSelected());
        assertTrue(browser.all("#score-form-" + f.other).isEmpty(), "no score form before the conflicts are confirmed");
        browser.check("judging-conflicts");
        browser.click("label[for=conflict-" + f.third + "]");
        browser.click("#confirm-conflicts");
        browser.waitForPath("done=conflicts");
        assertTrue(browser.find("#conflicted-" + f.own).getText().contains("Conflicted"));
        assertTrue(browser.find("#conflicted-" + f.third).getText().contains("you declared it"));
        assertTrue(browser.all("#score-form-" + f.own).isEmpty());

        new Select(browser.find("#score-" + f.other + "-leadership")).selectByValue("4");
        browser.click("#save-scores-" + f.other);
        assertTrue(browser.find("#score-" + f.other + "-local-impact-error").getText().contains("a score from 1 to 5"));
        assertEquals("4", new Select(browser.find("#score-" + f.other + "-leadership")).getFirstSelectedOption().getAttribute("value"),
                "the score chosen comes back with the error");
        browser.check("judging-score-error");
        new Select(browser.find("#score-" + f.other + "-local-impact")).selectByValue("2");
        browser.click("#save-scores-" + f.other);
        browser.waitForPath("done=scored");
        assertEquals("Your scores: leadership 4, local-impact 2", browser.find("#given-" + f.other).getText());
        browser.check("judging-scored");

        browser.signOut();
        browser.signIn("demo-programme");
        browser.go("/rounds/" + f.round + "/result");
        assertTrue(browser.find("#judge-" + f.judgeAId).getText().contains("1 of 1"), browser.find("#judge-" + f.judgeAId).getText());
        browser.check("result-judging");
        browser.click("#close-round");
        browser.waitForPath("done=closed");
        // other: 5 from B and 3 from A (two judges) beats own's 4 from B alone; third has 3
        assertTrue(browser.find("#place-" + f.other).getText().startsWith("1"), browser.find("#order-table").getText());
        assertTrue(browser.find("#place-" + f.own).getText().startsWith("2"));

        new Select(browser.find("#move-leaderId")).selectByValue(String.valueOf(f.third));
        browser.type("#move-toPosition", "1");
        browser.click("#move-nominee");
        assertTrue(browser.find("#move-reason-error").getText().contains("reason"), "a move needs a reason");
        browser.check("result-move-error");
        browser.type("#move-reason", "Evidence the panel did not weigh");
        browser.click("#move-nominee");
        browser.waitForPath("done=moved");
        assertTrue(browser.find("#adjustment-list").getText().contains("Cy Thirdorg from 3 to 1: Evidence the panel did not weigh"));
        browser.type("#citation-" + f.third, "Joined up frailty care across the county.");
        browser.click("#save-citation-" + f.third);
        browser.waitForPath("done=cited");
        browser.check("result-closed");
        browser.click("#publish-round");
        browser.waitForPath("done=published");
        assertTrue(browser.all("#publish-round").isEmpty());
        browser.click("#list-link");

        browser.signOut();
        browser.go("/rounds/" + f.round + "/list");
        var first = browser.find("#listed-1").getText();
        assertTrue(first.contains("1. Cy Thirdorg") && first.contains("Joined up frailty care across the county."), first);
        var second = browser.find("#listed-2").getText();
        assertTrue(second.contains("Ben Otherorg") && second.contains("Selected, not ranked"), second);
        assertTrue(browser.all("#listed-3").isEmpty(), "only two are selected");
        browser.check("round-list-public");
    }
}
