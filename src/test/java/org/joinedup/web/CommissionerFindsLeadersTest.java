package org.joinedup.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.joinedup.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;

/** A commissioner searches, narrows by a filter and by a council on the map, opens a profile, exports CSV and asks for an introduction. */
@QuarkusTest
class CommissionerFindsLeadersTest {

    @RegisterExtension
    static final Browser browser = Browser.perClass();

    @BeforeAll
    static void actAsCommissioner() {
        Fixtures.actAs("demo-commissioner");
    }

    @Test
    void searchesNarrowsByFilterAndMapOpensAProfileAndExports() {
        Fixtures.awaitIndexInStep(Duration.ofSeconds(60));
        browser.signIn("demo-commissioner");
        browser.go("/find");
        browser.type("#q", "GP");
        browser.click("#search");
        browser.waitForPath("q=GP");
        long all = count();
        assertTrue(all > 0, "a search for GP finds demo leaders");
        assertFalse(browser.all("#results .why li").isEmpty(), "each hit says why it matched");
        browser.check("find");

        // a filter: the first NHS region listed (checking it submits the form; the button does without script)
        browser.click("#filter-region summary");
        browser.click("#filter-region input[type=checkbox]");
        browser.waitForPath("region=");
        long inRegion = count();
        assertTrue(inRegion > 0 && inRegion <= all, "a region narrows the results: " + inRegion + " of " + all);

        // a council on the map of the region (the first that found somebody): that council only
        var councils = browser.all("#england-map a[data-area]");
        var council = councils.stream().filter(a -> !a.getDomAttribute("aria-label").contains(": 0 leaders")).findFirst().orElseThrow();
        var code = council.getDomAttribute("data-area");
        browser.driver.executeScript("arguments[0].focus()", council);
        browser.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        browser.waitForPath("area=" + code);
        long inCouncil = count();
        assertTrue(inCouncil > 0 && inCouncil <= inRegion, "the council narrows the search: " + inCouncil + " of " + inRegion);
        assertTrue(browser.find("#chosen-area").isDisplayed());
        browser.check("find-area");

        var csv = browser.fetch(browser.find("#export-csv").getDomAttribute("href"));
        var first = browser.find("#results .result__name").getText();
        assertTrue(csv.startsWith("\"id\",\"name\""), csv.substring(0, Math.min(200, csv.length())));
        assertTrue(csv.contains(first), "the CSV holds the leaders shown, " + first + " among them");

        browser.click("#results .result__name");
        browser.waitForPath("/leaders/");
        assertTrue(browser.find("#leader-name").getText().contains(first));
        assertFalse(browser.all(".record").isEmpty(), "the profile shows the leader's records");
        browser.check("profile");

        browser.type("#message", "Could we talk about how you joined up these services?");
        browser.click("#ask-introduction");
        assertTrue(browser.find("#introduction-sent").isDisplayed());
    }

    private static long count() {
        var text = browser.find("#result-count").getText();
        return Long.parseLong(text.replaceAll("[^0-9].*", ""));
    }
}
