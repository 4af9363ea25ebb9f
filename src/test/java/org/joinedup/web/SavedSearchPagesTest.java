package org.joinedup.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import java.util.List;
import org.joinedup.Fixtures;
import org.joinedup.mail.MailFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Saving a search from Find leaders and keeping it on /saved-searches, in headless Chromium checked with axe, and without JavaScript's help. */
@QuarkusTest
class SavedSearchPagesTest {

    private static final RestAssuredConfig NO_REDIRECTS = RestAssuredConfig.config().redirect(RedirectConfig.redirectConfig().followRedirects(false));

    @BeforeAll
    static void noDefaultToken() {
        Fixtures.actAnonymously();
    }

    @Test
    void aCommissionerSavesASearchChangesItsAlertsAndDeletesIt() {
        var account = MailFixtures.account("saved-pages");
        try (var browser = Browser.open()) {
            browser.go("/account/sign-in?next=%2Fmy-work");
            browser.type("#username", account.username());
            browser.type("#password", MailFixtures.PASSWORD);
            browser.click("#sign-in");
            browser.waitForPath("/my-work");
            assertTrue(browser.find("#saved-searches-link").isDisplayed());

            var find = "/find?q=discharge&region=E40000011&service=acute&service=social-care";
            browser.go(find);
            browser.click("#save-search-details summary");
            browser.check("find-save-search");
            // a search saved without a name: the save page says so beside the field and keeps the search
            browser.click("#save-search");
            browser.waitForPath("/saved-searches");
            assertTrue(browser.find("#name-error").getText().contains("blank"), browser.find("#name-error").getText());
            browser.check("saved-search-error");

            browser.go(find);
            browser.click("#save-search-details summary");
            // choosing "never" must not apply the search form's filters (it stands inside it, but is not part of it)
            browser.click("label[for=alerts-never]");
            browser.type("#name", "Discharge in the Midlands");
            assertTrue(browser.path().startsWith("/find"), browser.path());
            browser.click("#save-search");
            browser.waitForPath("saved=1");
            assertTrue(browser.find("#flash").getText().contains("saved"));
            browser.check("saved-searches");

            var run = browser.find(".saved-search__run");
            assertTrue(run.getText().contains("Discharge in the Midlands"), run.getText());
            var href = run.getAttribute("href");
            assertTrue(href.contains("q=discharge") && href.contains("service=acute&service=social-care") && href.contains("region=E40000011"), href);
            assertTrue(browser.find("[id^=alerts-][id$=-never]").isSelected());

            browser.click("label[for^=alerts-]:not([for$=-never])");
            browser.click("[id^=save-alerts-]");
            browser.waitForPath("changed=");
            assertTrue(browser.find("input[id^=alerts-]:not([id$=-never])").isSelected());
            given().header("Authorization", Fixtures.bearer(account.token())).when().get("/api/saved-searches").then().statusCode(200)
                    .body("total", equalTo(1)).body("items[0].alerts", equalTo("weekly")).body("items[0].query.q", equalTo("discharge"))
                    .body("items[0].query.service", equalTo(List.of("acute", "social-care")));

            browser.go(href.replaceFirst("^https?://[^/]+", ""));
            assertEquals("discharge", browser.find("#q").getAttribute("value"));

            browser.go("/saved-searches");
            browser.click("[id^=delete-]");
            browser.waitForPath("deleted=1");
            assertTrue(browser.find("#no-saved-searches").isDisplayed());
        }
    }

    @Test
    void leadersAreNotOfferedSavedSearchesAndFormsNeedTheirToken() {
        var leader = PagesTest.signIn("demo-leader");
        given().config(NO_REDIRECTS).cookie("joinedup-session", leader).when().get("/find?q=discharge").then().statusCode(200)
                .body(not(containsString("save-search-form")));
        given().config(NO_REDIRECTS).cookie("joinedup-session", leader).when().get("/saved-searches").then().statusCode(403);
        var commissioner = PagesTest.signIn("demo-commissioner");
        given().config(NO_REDIRECTS).cookie("joinedup-session", commissioner).when().get("/find?q=discharge").then().statusCode(200)
                .body(containsString("save-search-form"));
        given().config(NO_REDIRECTS).cookie("joinedup-session", commissioner).formParam("name", "Without a token").formParam("alerts", "weekly")
                .when().post("/saved-searches").then().statusCode(403);
    }
}
