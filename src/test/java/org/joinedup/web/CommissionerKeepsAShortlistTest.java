package org.joinedup.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.joinedup.Fixtures;
import org.joinedup.security.Roles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A commissioner starts a shortlist (a mistake first), adds a leader from their profile with a
 * note, a colleague of the same organisation edits the note, the owner renames and deletes the
 * list. Accounts and the leader are the test's own.
 */
@QuarkusTest
class CommissionerKeepsAShortlistTest {

    private static final String PASSWORD = "a-browser-test-password";

    private Browser owner;
    private Browser colleague;

    @BeforeAll
    static void noDefaultToken() {
        Fixtures.actAnonymously();
    }

    @AfterEach
    void closeBrowsers() {
        for (var browser : new Browser[] { owner, colleague }) {
            if (browser != null) {
                browser.close();
            }
        }
    }

    private static RequestSpecification admin() {
        return given().header("Authorization", Fixtures.bearer(Fixtures.token("demo-admin")));
    }

    @Test
    void aCommissionerKeepsAShortlistWithAColleague() {
        long nano = System.nanoTime();
        var name = "Shona Listed " + nano;
        var leader = Fixtures.leader(name);
        long leaderId = admin().contentType(ContentType.JSON).body(leader).when().post("/api/leaders").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        var ownerName = account("shona-owner-" + nano, Roles.COMMISSIONER);
        var colleagueName = account("shona-colleague-" + nano, Roles.PROGRAMME);

        owner = Browser.open();
        signIn(owner, ownerName);
        owner.click("a.nhsuk-header__navigation-link[href='/shortlists']");
        owner.waitForPath("/shortlists");
        // not "#no-lists": other tests' accounts of organisation RK5 may already share lists with this one
        assertEquals("Shortlists", owner.find("h1").getText());
        owner.click("#create-shortlist-button");
        assertTrue(owner.find("#name-error").getText().contains("must not be blank"), owner.find("#name-error").getText());
        assertTrue(owner.find("#error-summary a[href='#name']").isDisplayed());
        owner.check("shortlist-create-error");
        owner.type("#name", "Discharge leads " + nano);
        owner.click("#create-shortlist-button");
        owner.waitForPath("done=created");
        owner.check("shortlist-empty");

        // from the leader's profile, with a note
        owner.go("/leaders/" + leaderId);
        new Select(owner.find("#shortlist")).selectByVisibleText("Discharge leads " + nano);
        owner.type("#shortlist-note", "Ran the discharge hub; ask about weekend cover");
        owner.check("profile-add-to-shortlist");
        owner.click("#add-to-shortlist-button");
        owner.waitForPath("done=added");
        assertTrue(owner.find("#leader-" + leaderId).getText().contains(name));
        assertEquals("Ran the discharge hub; ask about weekend cover", owner.find("#note-" + leaderId).getAttribute("value"));
        owner.check("shortlist-with-leader");

        // the colleague of the same organisation finds it and changes the note; too long first
        colleague = Browser.open();
        signIn(colleague, colleagueName);
        colleague.go("/shortlists");
        colleague.click("#shortlists a");
        colleague.waitForPath("/shortlists/");
        colleague.find("#note-" + leaderId).clear();
        ((JavascriptExecutor) colleague.driver)
                .executeScript("document.getElementById('note-" + leaderId + "').value = 'x'.repeat(2001)");
        colleague.click("#save-note-" + leaderId);
        assertTrue(colleague.find("#note-" + leaderId + "-error").getText().contains("2000"), colleague.find("#note-" + leaderId + "-error").getText());
        colleague.check("shortlist-note-error");
        colleague.type("#note-" + leaderId, "Called: free from March");
        colleague.click("#save-note-" + leaderId);
        colleague.waitForPath("done=note-saved");
        assertFalse(colleague.driver.getPageSource().contains("id=\"rename-form\""), "only the owner renames");

        owner.go("/shortlists");
        owner.click("#shortlists a");
        owner.waitForPath("/shortlists/");
        assertEquals("Called: free from March", owner.find("#note-" + leaderId).getAttribute("value"));
        owner.type("#name", "Discharge and flow leads");
        owner.click("#rename-shortlist");
        owner.waitForPath("done=renamed");
        assertEquals("Discharge and flow leads", owner.find("#shortlist-name").getText());
        owner.click("#remove-" + leaderId);
        owner.waitForPath("done=removed");
        assertTrue(owner.find("#no-entries").isDisplayed());
        owner.click("#delete-shortlist");
        owner.waitForPath("done=deleted");
        owner.check("shortlists-after-delete");
        assertTrue(owner.all("#shortlists a").stream().noneMatch(a -> a.getText().equals("Discharge and flow leads")));

        // the note never reached the public profile
        var profile = given().when().get("/leaders/" + leaderId).then().statusCode(200).extract().asString();
        assertFalse(profile.contains("discharge hub") || profile.contains("free from March"));
    }

    @Test
    void theFormsNeedTheirTokenAndLeadersAreNotOffered() {
        long nano = System.nanoTime();
        var ownerName = account("tokens-owner-" + nano, Roles.COMMISSIONER);
        var session = session(ownerName);
        // no token: refused, nothing made
        given().redirects().follow(false).cookie("joinedup-session", session).formParam("name", "Forged").when().post("/shortlists")
                .then().statusCode(403);
        var page = given().cookie("joinedup-session", session).when().get("/shortlists").then().statusCode(200).extract().asString();
        assertFalse(page.contains("Forged"));
        // a leader account is offered no shortlists and may not reach them
        long leaderId = admin().contentType(ContentType.JSON).body(Fixtures.leader("Leaf Leader " + nano)).when().post("/api/leaders")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        var leaderSession = session(account("leaf-" + nano, Roles.LEADER, leaderId));
        given().cookie("joinedup-session", leaderSession).when().get("/shortlists").then().statusCode(403);
        var profile = given().cookie("joinedup-session", leaderSession).when().get("/leaders/" + leaderId).then().statusCode(200).extract().asString();
        assertFalse(profile.contains("add-to-shortlist") || profile.contains("href=\"/shortlists\""));
    }

    /** Signs in through the page and returns the session cookie. */
    private static String session(String username) {
        return PagesTest.signIn(username, PASSWORD);
    }

    private static String account(String username, String role) {
        return account(username, role, null);
    }

    /** An account of the same organisation (an NHS trust) for every test here, so two of them are colleagues. */
    private static String account(String username, String role, Long leaderId) {
        var body = new HashMap<String, Object>(Map.of("username", username, "password", PASSWORD, "roles", List.of(role),
                "fullName", "Shona " + role));
        if (leaderId != null) {
            body.put("leaderId", leaderId);
        } else {
            body.put("organisation", "RK5");
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
