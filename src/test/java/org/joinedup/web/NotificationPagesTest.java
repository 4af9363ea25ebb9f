package org.joinedup.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.joinedup.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * A leader asked for an introduction finds it among their notifications on My work, marked new and
 * counted in the header, follows its link, and marks it read with the page's form; nobody else can.
 */
@QuarkusTest
class NotificationPagesTest {

    private static final RestAssuredConfig NO_REDIRECTS = RestAssuredConfig.config().redirect(RedirectConfig.redirectConfig().followRedirects(false));

    @RegisterExtension
    static final Browser browser = Browser.perClass();

    @BeforeAll
    static void anonymous() {
        Fixtures.actAnonymously();
    }

    /** A new leader with their own account (demo password, so the page sign-in works), asked for an introduction; the account's username. */
    private static String askedLeader(String name) {
        var admin = Fixtures.bearer(Fixtures.token("demo-admin"));
        long leaderId = given().header("Authorization", admin).contentType(ContentType.JSON).body(Fixtures.leader(name))
                .when().post("/api/leaders").then().statusCode(201).extract().jsonPath().getLong("id");
        var username = CorroborationFixtures.account("notified-" + System.nanoTime(), Map.of("roles", List.of("leader"), "leaderId", leaderId));
        given().header("Authorization", Fixtures.bearer(Fixtures.token("demo-commissioner"))).contentType(ContentType.JSON)
                .body(Map.of("leaderId", leaderId, "message", "May I visit?")).when().post("/api/introductions").then().statusCode(201);
        return username;
    }

    @Test
    void aNewNotificationIsMarkedLinkedAndMarkedReadWithTheForm() {
        var username = askedLeader("Nia Notified");
        browser.signIn(username);
        browser.go("/my-work");
        var item = browser.find("#notification-list li.notification--unread");
        assertTrue(item.getText().contains("demo-commissioner asked to be introduced to you"), item.getText());
        assertTrue(item.getText().contains("New"), item.getText());
        assertTrue(browser.find("#notifications-unread").getText().contains("1 unread"));
        assertTrue(browser.find("#unread-count").getText().contains("1"), "the header counts it");
        assertEquals("/my-work#waiting", item.findElement(By.cssSelector("a")).getDomAttribute("href"));
        browser.check("my-work-notifications");

        item.findElement(By.cssSelector("button")).click();
        browser.waitForPath("#notifications");
        assertTrue(browser.all("#notification-list li.notification--unread").isEmpty(), "no unread notification left");
        assertTrue(browser.find("#notification-list").getText().contains("demo-commissioner asked to be introduced to you"));
        assertTrue(browser.all("#unread-count").isEmpty(), "the header no longer counts it");
        browser.check("my-work-notifications-read");
    }

    @Test
    void theFormsNeedThePagesTokenAndOnlyReachOwnNotifications() {
        var owner = askedLeader("Nia Owner");
        var someoneElse = askedLeader("Nia Else");
        var ownerSession = PagesTest.signIn(owner);
        var page = given().cookie("joinedup-session", ownerSession).when().get("/my-work").then().statusCode(200).extract().body().asString();
        var id = Pattern.compile("id=\"notification-(\\d+)\"").matcher(page);
        assertTrue(id.find(), "the owner's notification is listed");
        var action = "/my-work/notifications/" + id.group(1) + "/read";

        // a forged token: refused, still unread
        given().config(NO_REDIRECTS).cookie("joinedup-session", ownerSession).formParam("csrf", "forged").when().post(action)
                .then().statusCode(403);
        // someone else, with their own page's token: as if it did not exist
        var elseSession = PagesTest.signIn(someoneElse);
        var elsePage = given().cookie("joinedup-session", elseSession).when().get("/my-work").then().extract().body().asString();
        given().config(NO_REDIRECTS).cookie("joinedup-session", elseSession).formParam("csrf", PagesTest.csrfOf(elsePage)).when().post(action)
                .then().statusCode(404);
        assertTrue(given().cookie("joinedup-session", ownerSession).when().get("/my-work").then().extract().body().asString()
                .contains("id=\"notifications-unread\""), "still unread");

        // the owner marks all read without JavaScript: a plain form post and a redirect back
        given().config(NO_REDIRECTS).cookie("joinedup-session", ownerSession).formParam("csrf", PagesTest.csrfOf(page))
                .when().post("/my-work/notifications/read-all").then().statusCode(303);
        var after = given().cookie("joinedup-session", ownerSession).when().get("/my-work").then().extract().body().asString();
        assertFalse(after.contains("id=\"notifications-unread\""), "nothing unread");
        assertTrue(after.contains("id=\"notification-" + id.group(1) + "\""), "still listed");
    }
}
