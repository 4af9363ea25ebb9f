package org.joinedup.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** A visitor reads a council's, an ICB's and a region's pages (axe on each) and goes to a neighbouring council with the keyboard alone. */
@QuarkusTest
class VisitorReadsAnAreaPageTest {

    private static final String NOTTINGHAMSHIRE = "E10000024";

    @RegisterExtension
    static final Browser browser = Browser.perClass();

    @BeforeAll
    static void anonymous() {
        Fixtures.actAnonymously();
    }

    @Test
    void councilIcbAndRegionPagesPassAxeAndTheKeyboardReachesANeighbour() {
        Fixtures.awaitIndexInStep(Duration.ofSeconds(60));
        browser.go("/areas/" + NOTTINGHAMSHIRE);
        assertEquals("Nottinghamshire", browser.find("#area-name").getText());
        assertTrue(browser.all("#area-neighbours li").size() == 10, "ten neighbours");
        assertTrue(browser.find("#area-map").isDisplayed(), "the map zoomed to its ICB");
        browser.check("area-council");

        var neighbour = tabTo("#area-neighbours a");
        var href = neighbour.getDomAttribute("href");
        follow(neighbour, href);
        assertTrue(browser.path().endsWith(href), "the neighbour's own page: " + browser.path());
        assertTrue(!browser.find("#area-name").getText().equals("Nottinghamshire"));

        browser.click("#area-icbs a");
        assertTrue(browser.find("#area-kind").getText().contains("ICB"), "the council's ICB");
        browser.check("area-icb");

        browser.click("#area-region a");
        assertTrue(browser.find("#area-kind").getText().contains("region"), "the ICB's region");
        assertTrue(browser.all("#area-region-icbs li").size() > 1, "the region's ICBs");
        browser.check("area-region");
    }

    /** Presses Tab from the top of the page until the focus is on an element the selector matches. */
    private static WebElement tabTo(String css) {
        browser.driver.executeScript("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
        var targets = browser.all(css);
        assertTrue(!targets.isEmpty(), "the page has " + css);
        var body = browser.driver.findElement(By.tagName("body"));
        body.sendKeys(Keys.TAB);
        for (int i = 0; i < 300; i++) {
            var focused = browser.driver.switchTo().activeElement();
            if (targets.contains(focused)) {
                return focused;
            }
            focused.sendKeys(Keys.TAB);
        }
        throw new AssertionError("no " + css + " reached by Tab");
    }

    private static void follow(WebElement link, String fragment) {
        var page = browser.driver.findElement(By.tagName("html"));
        link.sendKeys(Keys.ENTER);
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
}
