package org.joinedup.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.joinedup.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A visitor uses the map with the keyboard alone: Tab to an ICB, Enter, then to one of its councils; each narrows the search. */
@QuarkusTest
class MapNarrowsTheSearchTest {

    @RegisterExtension
    static final Browser browser = Browser.perClass();

    @BeforeAll
    static void anonymous() {
        Fixtures.actAnonymously();
    }

    @Test
    void tabToAnAreaAndFollowItNarrowsTheSearch() {
        Fixtures.awaitIndexInStep(Duration.ofSeconds(60));
        browser.go("/find?q=GP");
        long all = count();
        assertTrue(all > 0, "a search for GP finds demo leaders");
        browser.check("find-map");

        var icb = tabToAreaWithLeaders("data-icb");
        follow(icb, "icb=" + icb.getDomAttribute("data-icb"));
        long inIcb = count();
        assertTrue(inIcb > 0 && inIcb <= all, "the ICB narrows the search: " + inIcb + " of " + all);
        assertTrue(browser.find("#chosen-icb").isDisplayed(), "the ICB chosen is named");
        assertTrue(browser.find("#map-heading").getText().startsWith("Where the experience is: Councils in "));
        browser.check("find-map-icb");

        var council = tabToAreaWithLeaders("data-area");
        follow(council, "area=" + council.getDomAttribute("data-area"));
        long inCouncil = count();
        assertTrue(inCouncil > 0 && inCouncil <= inIcb, "the council narrows the search: " + inCouncil + " of " + inIcb);
        assertTrue(browser.find("#chosen-area").getText().startsWith("Showing work in "), "the council chosen is named");
        browser.check("find-map-council");

        // the gap view: where nobody found has used pooled budgets, in its own colour and as a list
        browser.go("/find?approach=pooled-budgets");
        assertTrue(browser.find("#map-gaps-heading").getText().startsWith("Gaps: no one found who has done it in "));
        assertTrue(browser.all("#map-legend .gap").size() == 1, "the legend names the gaps' colour");
        browser.check("find-map-gaps");
    }

    /** Presses Tab from the top of the page until the focus is on a map area (with that attribute) that found somebody. */
    private static WebElement tabToAreaWithLeaders(String attribute) {
        browser.driver.executeScript("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
        var body = browser.driver.findElement(By.tagName("body"));
        body.sendKeys(Keys.TAB);
        for (int i = 0; i < 300; i++) {
            var focused = browser.driver.switchTo().activeElement();
            var label = focused.getDomAttribute("aria-label");
            if (focused.getDomAttribute(attribute) != null && label != null && !label.contains(": 0 leaders")) {
                return focused;
            }
            focused.sendKeys(Keys.TAB);
        }
        throw new AssertionError("no map area with leaders reached by Tab");
    }

    private static void follow(WebElement area, String fragment) {
        var page = browser.driver.findElement(By.tagName("html"));
        area.sendKeys(Keys.ENTER);
        browser.waitForPath(fragment);
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> {
            try {
                page.isEnabled();
                return false;
            } catch (RuntimeException gone) {
                return true;
            }
        });
    }

    private static long count() {
        var text = browser.find("#result-count").getText();
        return Long.parseLong(text.replaceAll("[^0-9].*", ""));
    }
}
