package org.joinedup.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.joinedup.Fixtures;
import org.joinedup.job.OtherCopy;
import org.joinedup.search.index.ReindexJob;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An admin starts a rebuild of the search index from the jobs page and watches its progress bar,
 * which follows the job with a few lines of JavaScript; without JavaScript the page shows the same
 * and a Refresh link.
 */
@QuarkusTest
class AdminFollowsARebuildTest {

    @RegisterExtension
    static final Browser browser = Browser.perClass();

    @BeforeAll
    static void actAsAdmin() {
        Fixtures.actAs("demo-admin");
    }

    @Test
    void theJobPageFollowsARebuildAnotherCopyRunsAndRefusesASecondOne() {
        long id = OtherCopy.startsJob(ReindexJob.KIND, "documents");
        try {
            OtherCopy.reports(id, "loading documents", 250, 1000, 125.0, List.of());
            // without JavaScript: the figures, a progress bar and a link to refresh
            var session = PagesTest.signIn("demo-admin");
            given().cookie("joinedup-session", session).when().get("/admin/jobs/" + id).then().statusCode(200)
                    .body(containsString("<progress class=\"job-progress\" id=\"job-progress\" max=\"1000\" value=\"250\">"))
                    .body(containsString("250 of 1,000 documents (25%)")).body(containsString("about 10 seconds"))
                    .body(containsString("id=\"job-refresh\""));

            browser.signIn("demo-admin");
            browser.go("/admin/jobs");
            browser.check("jobs");
            browser.click("#start-reindex");
            assertTrue(browser.find("#error-summary").getText().contains("already under way"), browser.find("#error-summary").getText());
            browser.check("jobs-refused");
            browser.click("#job-under-way");
            browser.waitForPath("/admin/jobs/" + id);
            assertEquals("250", browser.find("#job-progress").getAttribute("value"));
            browser.check("job-running");

            // the page follows the job without reloading: a mark left on the window survives
            browser.driver.executeScript("window.stillThisPage = true");
            OtherCopy.reports(id, "checking", 1000, 1000, 125.0, List.of());
            new WebDriverWait(browser.driver, Duration.ofSeconds(15)).until(d -> String.valueOf(browser.textNow("#job-counts")).startsWith("1,000 of 1,000"));
            assertEquals("Running: checking", browser.attributeNow("#job-announce", "textContent"));
            OtherCopy.finishes(id, 1000);
            new WebDriverWait(browser.driver, Duration.ofSeconds(15)).until(d -> "succeeded".equals(browser.attributeNow("#job", "data-job-state")));
            assertEquals(Boolean.TRUE, browser.driver.executeScript("return window.stillThisPage === true"));
            assertTrue(browser.all("#job-refresh").isEmpty(), "nothing to refresh once it ended");
        } finally {
            OtherCopy.finishes(id, 1000);
        }
    }

    @Test
    void anAdminStartsARebuildAndSeesItThroughToTheEnd() {
        long leaders = given().queryParam("size", 1).when().get("/api/leaders").then().statusCode(200).extract().jsonPath().getLong("total");
        browser.signIn("demo-admin");
        browser.go("/admin/jobs");
        browser.click("#start-reindex");
        browser.waitForPath("/admin/jobs/");
        new WebDriverWait(browser.driver, Duration.ofSeconds(120)).until(d -> "succeeded".equals(browser.attributeNow("#job", "data-job-state")));
        var progress = browser.find("#job-progress");
        assertEquals(String.valueOf(leaders), progress.getAttribute("max"));
        assertEquals(String.valueOf(leaders), progress.getAttribute("value"));
        assertTrue(browser.find("#job-result").getText().contains("in step"), browser.find("#job-result").getText());
        browser.check("job-done");
        Fixtures.awaitIndexInStep(Duration.ofSeconds(30));
    }

    @Test
    void onlyAdminsSeeTheJobsPages() {
        var programme = PagesTest.signIn("demo-programme");
        given().cookie("joinedup-session", programme).redirects().follow(false).when().get("/admin/jobs").then().statusCode(403);
        given().cookie("joinedup-session", programme).when().get("/programme").then().statusCode(200)
                .body(not(containsString("href=\"/admin/jobs\"")));
        var admin = PagesTest.signIn("demo-admin");
        given().cookie("joinedup-session", admin).when().get("/programme").then().statusCode(200)
                .body(containsString("href=\"/admin/jobs\""));
    }
}
