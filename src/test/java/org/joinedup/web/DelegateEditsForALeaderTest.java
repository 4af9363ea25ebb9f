package org.joinedup.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.joinedup.Fixtures;
import org.joinedup.security.Roles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A leader makes an account their delegate on My work (a mistake first); the delegate signs in,
 * finds the leader on their My work, changes "doing now", adds a record and corrects it. Accounts
 * and the leader are the test's own.
 */
@QuarkusTest
class DelegateEditsForALeaderTest {

    private static final String PASSWORD = "a-browser-test-password";

    private Browser leaderBrowser;
    private Browser delegateBrowser;

    @BeforeAll
    static void noDefaultToken() {
        // page requests carry their session cookie only; API calls say whom they are made as
        Fixtures.actAnonymously();
    }

    private static RequestSpecification admin() {
        return given().header("Authorization", Fixtures.bearer(Fixtures.token("demo-admin")));
    }

    private static long leader(String name) {
        var body = Fixtures.leader(name);
        body.put("visibility", "registered");
        return admin().contentType(ContentType.JSON).body(body).when().post("/api/leaders").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @AfterEach
    void closeBrowsers() {
        for (var browser : new Browser[] { leaderBrowser, delegateBrowser }) {
            if (browser != null) {
                browser.close();
            }
        }
    }

    @Test
    void aLeaderGrantsAndTheirDelegateEditsProfileAndRecords() {
        long nano = System.nanoTime();
        long leaderId = leader("Delia Browser " + nano);
        var leaderAccount = account("delia-" + nano, Roles.LEADER, leaderId);
        var paAccount = account("delia-pa-" + nano, Roles.COMMISSIONER, null);

        leaderBrowser = Browser.open();
        signIn(leaderBrowser, leaderAccount);
        leaderBrowser.go("/my-work");
        assertTrue(leaderBrowser.find("#no-delegates").isDisplayed());
        leaderBrowser.type("#username", "nobody-" + nano);
        leaderBrowser.click("#add-delegate");
        var error = leaderBrowser.find("#username-error").getText();
        assertTrue(error.contains("no account has this username"), error);
        assertTrue(leaderBrowser.find("#error-summary a[href='#username']").isDisplayed());
        leaderBrowser.check("delegate-grant-error");

        leaderBrowser.type("#username", paAccount);
        leaderBrowser.click("#add-delegate");
        leaderBrowser.waitForPath("done=delegate-granted");
        assertTrue(leaderBrowser.find("#my-delegates").getText().contains(paAccount));
        leaderBrowser.check("my-work-delegates");

        delegateBrowser = Browser.open();
        signIn(delegateBrowser, paAccount);
        delegateBrowser.go("/my-work");
        delegateBrowser.click("#my-delegations a[href='/my-work/leaders/" + leaderId + "']");
        delegateBrowser.waitForPath("/my-work/leaders/" + leaderId);
        delegateBrowser.check("delegate-leader-page");

        delegateBrowser.type("#doingNow", "Updated by their PA in the browser");
        delegateBrowser.click("#sector-voluntary-community");
        delegateBrowser.click("#save-profile");
        delegateBrowser.waitForPath("done=delegate-profile-saved");
        assertEquals("Updated by their PA in the browser", delegateBrowser.find("#doingNow").getText());
        assertTrue(delegateBrowser.find("#sector-voluntary-community").isSelected(), "the sector chosen is kept");
        admin().when().get("/api/leaders/" + leaderId).then().statusCode(200).body("sector", org.hamcrest.Matchers.equalTo("voluntary-community"));

        var title = "Logged by a delegate in the browser " + nano;
        delegateBrowser.click("#add-record");
        delegateBrowser.type("#title", title);
        new Select(delegateBrowser.find("#area-0")).selectByValue("E10000024");
        // national work is offered beside the councils and ICBs
        new Select(delegateBrowser.find("#area-1")).selectByValue("E92000001");
        delegateBrowser.click("input[name=services][value=acute]");
        delegateBrowser.click("input[name=services][value=social-care]");
        delegateBrowser.click("input[name=scope][value=organisations]");
        delegateBrowser.click("input[name=role][value=led]");
        delegateBrowser.type("#periodStart", "2019-04-01");
        delegateBrowser.click("#save-record");
        delegateBrowser.waitForPath("/my-work/leaders/" + leaderId + "?saved=");
        assertTrue(delegateBrowser.find("#their-records").getText().contains(title));

        delegateBrowser.click("#their-records a[href$='/edit']");
        delegateBrowser.type("#title", title + ", corrected");
        delegateBrowser.click("#save-record");
        delegateBrowser.waitForPath("/my-work/leaders/" + leaderId + "?saved=");
        assertTrue(delegateBrowser.find("#their-records").getText().contains(title + ", corrected"));

        // what the delegate did is the leader's, marked as the delegate's doing
        var records = admin().when().get("/api/leaders/" + leaderId + "/records").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(title + ", corrected"), records.getList("items.title"));
        assertEquals(List.of("E10000024", "E92000001"), records.getList("items[0].areas.code"));
        assertTrue(records.getString("items[0].source").contains(paAccount + ", the leader's delegate"), records.getString("items[0].source"));

        // the leader removes the delegate; the delegate's page of the leader is gone at once
        leaderBrowser.go("/my-work");
        leaderBrowser.click("#revoke-" + paAccount);
        leaderBrowser.waitForPath("done=delegate-revoked");
        assertTrue(leaderBrowser.find("#no-delegates").isDisplayed());
        delegateBrowser.go("/my-work/leaders/" + leaderId);
        new WebDriverWait(delegateBrowser.driver, Duration.ofSeconds(20)).until(d -> d.getPageSource().contains("does not exist"));
    }

    @Test
    void theFormsNeedTheirTokenAndAnotherLeadersPagesAreNotFound() {
        long nano = System.nanoTime();
        long leaderId = leader("Tokena Forms " + nano);
        long recordId = admin().contentType(ContentType.JSON).body(Fixtures.record("Tokena's record")).when().post("/api/leaders/" + leaderId + "/records")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        var leader = session(account("tokena-" + nano, Roles.LEADER, leaderId));
        var stranger = account("stranger-" + nano, Roles.COMMISSIONER, null);
        var strangerSession = session(stranger);

        // no token, or another session's: refused, nothing granted
        given().redirects().follow(false).cookie("joinedup-session", leader).formParam("username", stranger).when().post("/my-work/delegates")
                .then().statusCode(403);
        var strangersToken = PagesTest.csrfOf(given().cookie("joinedup-session", strangerSession).when().get("/my-work").then().statusCode(200)
                .extract().asString());
        given().redirects().follow(false).cookie("joinedup-session", leader).formParam("csrf", strangersToken).formParam("username", stranger)
                .when().post("/my-work/delegates").then().statusCode(403);
        admin().when().get("/api/leaders/" + leaderId + "/delegates").then().statusCode(200).body("size()", Matchers.is(0));

        // not their delegate: the leader's page, the record's form and adding a record for them are all refused
        given().cookie("joinedup-session", strangerSession).when().get("/my-work/leaders/" + leaderId).then().statusCode(404);
        given().cookie("joinedup-session", strangerSession).when().get("/my-work/records/" + recordId + "/edit").then().statusCode(404);
        given().redirects().follow(false).cookie("joinedup-session", strangerSession).formParam("csrf", strangersToken)
                .formParam("title", "Not theirs").when().post("/my-work/records?leader=" + leaderId).then().statusCode(404);
        given().cookie("joinedup-session", strangerSession).when().get("/my-work/records/new?leader=" + leaderId).then().statusCode(404);
        admin().when().get("/api/leaders/" + leaderId + "/records").then().body("items.title", Matchers.equalTo(List.of("Tokena's record")));
    }

    /** Signs in through the page and returns the session cookie. */
    private static String session(String username) {
        return PagesTest.signIn(username, PASSWORD);
    }

    private static String account(String username, String role, Long leaderId) {
        var body = new HashMap<String, Object>(Map.of("username", username, "password", PASSWORD, "roles", List.of(role),
                "fullName", "Pat " + role));
        if (leaderId != null) {
            body.put("leaderId", leaderId);
        }
        admin().contentType(ContentType.JSON).body(body).when().post("/api/admin/accounts").then().statusCode(201);
        return username;
    }

    private static void signIn(Browser browser, String username) {
        browser.go("/account/sign-in");
        browser.type("#username", username);
        browser.type("#password", PASSWORD);
        browser.click("#sign-in");
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> !d.getCurrentUrl().contains("/account/sign-in"));
        assertEquals(username, browser.find("#signed-in-as").getText());
    }
}
