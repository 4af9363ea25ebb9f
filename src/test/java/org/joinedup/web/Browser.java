package org.joinedup.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResourceManager;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.joinedup.Fixtures;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's, installed by bin/joinedup test) driving the pages of the
 * app under test, with an axe-core accessibility check and a screenshot of each page visited.
 */
final class Browser implements AutoCloseable, BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path AXE = Path.of("src/main/web/node_modules/axe-core/axe.min.js");
    static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final int WIDTH = 1280;

    /** Whether clicking the element loads another page in this window: a submit button of a form, or a link. */
    private static final String NAVIGATES = """
            const e = arguments[0];
            const link = e.closest('a[href]');
            if (link) {
              const href = link.getAttribute('href');
              return !href.startsWith('#') && !link.hasAttribute('download') && !(link.target && link.target !== '_self');
            }
            const button = e.closest('button, input[type=submit], input[type=image]');
            if (!button || !button.form || button.type !== 'submit' && button.type !== 'image') return false;
            return !(button.form.target && button.form.target !== '_self');
            """;

    // set when the browser opens, not when the object is made: a test class's browser (perClass) is
    // made as the class loads, before the app under test has started and its address is known
    ChromeDriver driver;
    String base;
    private Path profile;

    private Browser() {
    }

    /**
     * The one browser of a test class, opened before its tests and closed after them, as a field:
     * {@code @RegisterExtension static final Browser browser = Browser.perClass();}. It opens after
     * {@code @QuarkusTest} has started the app (class-level extensions come first) and fails as {@link #open} does.
     * Each test starts signed out, whatever the one before it left.
     */
    static Browser perClass() {
        return new Browser();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (driver != null) {
            signOut();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (driver != null) { // null when it failed to open
            close();
        }
    }

    /** Fails (never skips) when the browser is missing: the page tests are part of the build. */
    static Browser open() {
        var browser = new Browser();
        browser.start();
        return browser;
    }

    private void start() {
        assertTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "the browser tests need Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER
                        + "); bin/joinedup test installs them, or: apt-get install chromium chromium-driver");
        assertTrue(Files.isReadable(AXE), "axe-core is missing at " + AXE + "; the Maven build installs it with npm ci in src/main/web");
        try {
            var profile = Files.createTempDirectory("joinedup-chromium");
            var options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            // without the background-networking flags Chromium keeps trying the closed network and slows down
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--user-data-dir=" + profile, "--window-size=" + WIDTH + ",1000", "--lang=en-GB");
            var service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
            var driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(60));
            this.profile = profile;
            this.driver = driver;
            this.base = TestHTTPResourceManager.getUri().replaceAll("/$", "");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    void go(String path) {
        driver.get(base + path);
    }

    String path() {
        return driver.getCurrentUrl().replace(base, "");
    }

    WebElement find(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    /**
     * The element's text as the page has it now (null if absent), read in one step: on a page that
     * swaps in parts of itself (a job's page, every second) an element found first may be replaced
     * before its text is read.
     */
    String textNow(String css) {
        return (String) driver.executeScript("const e = document.querySelector(arguments[0]); return e ? e.innerText.trim() : null;", css);
    }

    /**
     * As {@link WebElement#getAttribute} reads it (the property if the element has one, such as
     * textContent, else the attribute), in one step like {@link #textNow}; null if absent.
     */
    String attributeNow(String css, String name) {
        return (String) driver.executeScript("""
                const e = document.querySelector(arguments[0]);
                if (!e) return null;
                const p = e[arguments[1]];
                return p !== undefined && p !== null && typeof p !== 'object' ? String(p) : e.getAttribute(arguments[1]);
                """, css, name);
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    void type(String css, String text) {
        var field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    /**
     * Clicks, and when the click submits a form or follows a link, waits until the browser has
     * replaced the page: a test that goes on at once would read, or navigate away from, the old page
     * while the answer is still coming (two CI flakes had this cause).
     */
    void click(String css) {
        var element = find(css);
        boolean navigates = Boolean.TRUE.equals(driver.executeScript(NAVIGATES, element));
        var page = driver.findElement(By.tagName("html"));
        element.click();
        if (navigates) {
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> replaced(page));
        }
    }

    /**
     * Whether the page this element was in has been replaced. Chrome sometimes reports a replaced page's node as "does not
     * belong to the document" rather than as stale; both mean the page is gone.
     */
    private static boolean replaced(WebElement page) {
        try {
            page.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    void waitForPath(String fragment) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains(fragment));
    }

    void signIn(String account) {
        go("/account/sign-in");
        type("#username", account);
        type("#password", Fixtures.DEMO_PASSWORD);
        click("#sign-in");
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.getCurrentUrl().contains("/account/sign-in"));
        assertEquals(account, find("#signed-in-as").getText());
    }

    /**
     * Checks the page as it is now with axe-core (WCAG 2.0, 2.1 and 2.2 A and AA rules) and saves
     * a screenshot of the whole page as target/screenshots/NAME.png. Serious or critical findings fail the test.
     */
    void check(String name) {
        screenshot(name);
        try {
            driver.executeScript(Files.readString(AXE));
            var json = (String) driver.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})
                      .then(r => done(JSON.stringify(r.violations)))
                      .catch(e => done(JSON.stringify([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}])));
                    """);
            var serious = new ArrayList<String>();
            for (JsonNode v : new ObjectMapper().readTree(json)) {
                var impact = v.path("impact").asText();
                if (impact.equals("serious") || impact.equals("critical")) {
                    var targets = new ArrayList<String>();
                    v.path("nodes").forEach(n -> targets.add(n.path("target").toString()));
                    serious.add(v.path("id").asText() + " (" + impact + "): " + v.path("help").asText() + " at " + targets);
                }
            }
            assertEquals(List.of(), serious, "axe-core found serious accessibility problems on " + name + " (" + path() + ")");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The whole page: the window is made as tall as the document for the shot. */
    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            long height = ((Number) driver.executeScript("return document.documentElement.scrollHeight")).longValue();
            var size = driver.manage().window().getSize();
            driver.manage().window().setSize(new Dimension(WIDTH, (int) Math.min(Math.max(height + 140, 800), 6000)));
            var file = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(file.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
            driver.manage().window().setSize(size);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fetches a link from inside the page, with the page's session, as the browser would download it. */
    String fetch(String href) {
        return (String) driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.text()).then(done, e => done('ERROR ' + e));", href);
    }

    /** Forgets every session: the next page is seen signed out (the app keeps no other state in the browser). */
    void signOut() {
        driver.manage().deleteAllCookies();
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException ignored) {
            // a temporary profile left behind is harmless
        }
    }
}
