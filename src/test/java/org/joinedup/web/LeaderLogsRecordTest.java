package org.joinedup.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import org.joinedup.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * A leader signs in, submits a record with a mistake, sees the error beside the field, fixes it and
 * finds the record in search; and asks to learn, with a mistake first, then sees suggested mentors.
 */
@QuarkusTest
class LeaderLogsRecordTest {

    @RegisterExtension
    static final Browser browser = Browser.perClass();

    @BeforeAll
    static void actAsLeader() {
        Fixtures.actAs("demo-leader");
    }

    @Test
    void fixesAMistakeAndFindsTheRecordInSearch() {
        var title = "Joined-up hospital discharge in Mansfield, browser test " + System.nanoTime();
        browser.signIn("demo-leader");
        browser.waitForPath("/my-work");
        browser.check("my-work");

        browser.click("#add-record");
        browser.type("#title", title);
        new Select(browser.find("#area-0")).selectByValue("E10000024");
        browser.click("input[name=services][value=acute]");
        browser.click("input[name=scope][value=organisations]");
        browser.click("input[name=role][value=led]");
        browser.type("#periodStart", "2019-04-01");
        browser.click("#save-record");

        // one service is not joined-up work: the service says so, and the page puts it beside the services
        var error = browser.find("#services-error").getText();
        assertTrue(error.contains("at least two"), error);
        assertTrue(browser.find("#error-summary a[href='#services']").isDisplayed());
        browser.check("my-work-record-error");

        browser.click("input[name=services][value=social-care]");
        browser.click("#save-record");
        browser.waitForPath("/my-work?saved=");
        assertTrue(browser.find("#my-records").getText().contains(title));

        // indexed through the outbox within a few seconds
        long deadline = System.currentTimeMillis() + 30_000;
        boolean found = false;
        while (!found && System.currentTimeMillis() < deadline) {
            browser.go("/find?q=" + Pages.encode("browser test"));
            found = browser.find("#results").getText().contains(title) || browser.find("main").getText().contains(title);
            if (!found) {
                Fixtures.sleep(500);
            }
        }
        assertTrue(found, "the new record shows in search");
    }

    @Test
    void picksPartnersByNameAndIsShownTheNearestOnesForANameItDoesNotKnow() {
        var title = "Partners picked in the browser " + System.nanoTime();
        browser.signIn("demo-leader");
        browser.waitForPath("/my-work");
        browser.click("#add-record");
        browser.type("#title", title);
        new Select(browser.find("#area-0")).selectByValue("E10000024");
        browser.click("input[name=services][value=acute]");
        browser.click("input[name=services][value=social-care]");
        browser.click("input[name=scope][value=organisations]");
        browser.click("input[name=role][value=led]");
        browser.type("#periodStart", "2019-04-01");
        browser.type("#partners", "sherwood forest hospitals trust");
        browser.type("#partners-more-2", "Nottingham Univ Hospitals");
        browser.click("#save-record");

        // a name that is no organisation's is an error beside the partners, with the nearest names to pick from
        var error = browser.find("#partners-error").getText();
        assertTrue(error.contains("'Nottingham Univ Hospitals' is not an organisation we know"), error);
        assertTrue(error.contains("Nottingham University Hospitals NHS Trust (RX1)"), error);
        assertTrue(browser.all("#organisations option").size() > 200, "the picker offers the open organisations");

        browser.type("#partners-1", "Nottingham University Hospitals NHS Trust (RX1)");
        browser.click("#save-record");
        browser.waitForPath("/my-work?saved=");
        browser.go(browser.find("a[href^='/leaders/']").getDomAttribute("href"));
        var profile = browser.find("main").getText();
        assertTrue(profile.contains("Sherwood Forest Hospitals NHS Foundation Trust, Nottingham University Hospitals NHS Trust"), profile);
        assertTrue(!profile.contains("RK5") && !profile.contains("RX1"), "names, never bare codes");
    }

    @Test
    void asksToLearnFixesAMistakeAndSeesSuggestedMentors() {
        var need = "Browser test: how to run a single point of access " + System.nanoTime();
        browser.signIn("demo-leader");
        browser.waitForPath("/my-work");
        browser.click("#ask-to-learn");
        browser.type("#need", need);
        browser.click("input[name=approaches][value=single-point-of-access]");
        browser.click("#save-request");

        // no service chosen: the error sits beside the services, what was typed is kept
        var error = browser.find("#services-error").getText();
        assertTrue(error.toLowerCase().contains("service"), error);
        assertTrue(browser.find("#error-summary a[href='#services']").isDisplayed());
        assertTrue(browser.find("#need").getAttribute("value").contains(need));
        browser.check("my-work-learning-request-error");

        browser.click("input[name=services][value=social-care]");
        browser.click("input[name=services][value=mental-health]");
        browser.click("#save-request");
        browser.waitForPath("/my-work?done=");
        var mine = browser.find("main").getText();
        assertTrue(mine.contains(need), "the request is on My work");
        var card = browser.find("main").findElements(By.cssSelector(".nhsuk-card")).stream()
                .filter(c -> c.getText().contains(need)).findFirst().orElseThrow();
        assertTrue(card.findElements(By.cssSelector("ol li a[href^='/leaders/']")).size() > 0,
                "suggested mentors under the request: " + card.getText());

        card.findElement(By.cssSelector("form[action$='/withdraw'] button")).click();
        browser.waitForPath("withdrawn");
        assertTrue(browser.find("main").getText().contains("Learning request withdrawn."));
        assertTrue(!browser.find("main").getText().contains(need), "withdrawn, the request leaves My work");
    }
}
