package org.joinedup.mail;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.hamcrest.Matchers;
import org.joinedup.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Preferences (API, send-time checks), the weekly digest and the one-click unsubscribe, against the real SMTP test server. */
@QuarkusTest
class MailPreferencesTest {

    @Inject
    MailDigest digest;

    @Inject
    UnsubscribeTokens tokens;

    @BeforeAll
    static void noDefaultToken() {
        Fixtures.actAnonymously();
    }

    private static RequestSpecification as(MailFixtures.TestAccount account) {
        return given().header("Authorization", Fixtures.bearer(account.token())).contentType(ContentType.JSON);
    }

    @Test
    void preferencesDefaultToImmediatelyAndSecurityIsFixed() {
        var account = MailFixtures.account("defaults");
        as(account).when().get("/api/me/mail-preferences").then().statusCode(200)
                .body("preferences.find { it.kind == 'introduction' }.choice", equalTo("immediately"))
                .body("preferences.find { it.kind == 'security' }.fixed", equalTo(true))
                .body("preferences.kind", Matchers.not(Matchers.hasItem("digest")));
        given().when().get("/api/me/mail-preferences").then().statusCode(401);
    }

    @Test
    void badPreferencesAreRefusedNamingEachFieldAndNothingChanges() {
        var account = MailFixtures.account("invalid");
        as(account).body(Map.of("preferences", Map.of("reminder", "never", "nonsense", "weekly", "introduction", "sometimes", "security", "never")))
                .when().put("/api/me/mail-preferences").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("preferences.nonsense", "preferences.introduction", "preferences.security"));
        as(account).body(Map.of()).when().put("/api/me/mail-preferences").then().statusCode(400)
                .body("violations[0].field", equalTo("preferences"));
        as(account).body("{\"preferences\": {\"reminder\": \"never\"}, \"extra\": 1}").when().put("/api/me/mail-preferences").then().statusCode(400);
        as(account).when().get("/api/me/mail-preferences").then().statusCode(200)
                .body("preferences.find { it.kind == 'reminder' }.choice", equalTo("immediately"));
    }

    @Test
    void neverDropsWeeklyHoldsForTheDigestAndTheDigestGoesOncePerWeek() {
        var account = MailFixtures.account("choices");
        as(account).body(Map.of("preferences", Map.of("introduction", "never", "reminder", "weekly", "security", "immediately")))
                .when().put("/api/me/mail-preferences").then().statusCode(200)
                .body("preferences.find { it.kind == 'reminder' }.choice", equalTo("weekly"));

        var never = MailFixtures.queue(account, MailKind.INTRODUCTION, "An introduction you never want");
        var weekly1 = MailFixtures.queue(account, MailKind.REMINDER, "First weekly reminder");
        var weekly2 = MailFixtures.queue(account, MailKind.REMINDER, "Second weekly reminder");
        var now = MailFixtures.queue(account, MailKind.MENTORSHIP, "A mentorship, at once");
        Mailbox.awaitOne(account.email());
        assertEquals("the person chose never to get introduction mail", MailFixtures.awaitRow(never, r -> r.state().equals("dropped")).dropReason());
        MailFixtures.awaitRow(weekly1, r -> r.state().equals("held"));
        MailFixtures.awaitRow(weekly2, r -> r.state().equals("held"));
        assertEquals(List.of("A mentorship, at once"), Mailbox.to(account.email()).stream().map(Mailbox.Received::subject).toList());

        var week = MailDigest.isoWeek(LocalDate.now(ZoneOffset.UTC).plusYears(50)); // a week no other test uses
        assertTrue(digest.compose(week) >= 1);
        var mails = Mailbox.await(account.email(), 2);
        var digestMail = mails.get(1);
        assertEquals("Your JoinedUp week: 2 updates", digestMail.subject());
        assertTrue(digestMail.text().contains("First weekly reminder") && digestMail.text().contains("Second weekly reminder"), digestMail.text());
        assertTrue(digestMail.header("List-Unsubscribe").contains("." + account.id() + ".digest.") || digestMail.header("List-Unsubscribe")
                .contains("token=" + account.id() + ".digest."), digestMail.header("List-Unsubscribe"));
        assertEquals("digested", MailFixtures.row(weekly1).state());
        assertEquals("digested", MailFixtures.row(weekly2).state());

        // the same week again: one digest only; a mail held since waits for next week's
        var late = MailFixtures.queue(account, MailKind.REMINDER, "A late weekly reminder");
        MailFixtures.awaitRow(late, r -> r.state().equals("held"));
        digest.compose(week);
        Mailbox.sleep(2500);
        assertEquals(2, Mailbox.to(account.email()).size());
        assertEquals("held", MailFixtures.row(late).state());
    }

    @Test
    void theUnsubscribeLinkOfAMailTurnsThatKindOffInOneClick() {
        var account = MailFixtures.account("unsubscribe");
        MailFixtures.queue(account, MailKind.CORROBORATION, "Please confirm a record");
        var mail = Mailbox.awaitOne(account.email());
        var link = mail.header("List-Unsubscribe").replaceAll("[<>]", "").replace("http://localhost:8080", "");

        given().when().get(link).then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("requests to confirm records")).body(containsString("List-Unsubscribe"));
        as(account).when().get("/api/me/mail-preferences").then().body("preferences.find { it.kind == 'corroboration' }.choice", equalTo("immediately"));

        given().contentType(ContentType.URLENC).formParam("List-Unsubscribe", "One-Click").when().post(link).then().statusCode(200)
                .body(containsString("Mails stopped"));
        as(account).when().get("/api/me/mail-preferences").then().body("preferences.find { it.kind == 'corroboration' }.choice", equalTo("never"));

        var id = MailFixtures.queue(account, MailKind.CORROBORATION, "Another request to confirm");
        MailFixtures.awaitRow(id, r -> r.state().equals("dropped"));

        // the body as RFC 8058's example sends it: multipart/form-data
        var reminders = tokens.link(account.id(), MailKind.REMINDER).replace("http://localhost:8080", "");
        given().multiPart("List-Unsubscribe", "One-Click").when().post(reminders).then().statusCode(200);
        as(account).when().get("/api/me/mail-preferences").then().body("preferences.find { it.kind == 'reminder' }.choice", equalTo("never"));
    }

    @Test
    void aForgedOrAlteredTokenChangesNothing() {
        var account = MailFixtures.account("forged");
        var good = tokens.token(account.id(), MailKind.REMINDER);
        var otherAccount = good.replaceFirst("^\\d+", String.valueOf(account.id() + 1));
        var otherKind = good.replace(".reminder.", ".mentorship.");
        var badMac = good.substring(0, good.length() - 2) + (good.endsWith("AA") ? "BB" : "AA");
        var security = account.id() + ".security." + good.substring(good.lastIndexOf('.') + 1);
        for (var token : List.of(otherAccount, otherKind, badMac, security, "", "1.reminder", "nonsense")) {
            given().queryParam("token", token).when().get("/mail/unsubscribe").then().statusCode(400).body(containsString("not valid"));
            given().queryParam("token", token).contentType(ContentType.URLENC).formParam("List-Unsubscribe", "One-Click").when()
                    .post("/mail/unsubscribe").then().statusCode(400);
        }
        given().queryParam("token", good).contentType(ContentType.URLENC).formParam("List-Unsubscribe", "Something-Else").when()
                .post("/mail/unsubscribe").then().statusCode(400);
        as(account).when().get("/api/me/mail-preferences").then()
                .body("preferences.findAll { it.choice != 'immediately' }", Matchers.empty());
        assertTrue(tokens.read(good).isPresent());
    }

    @Test
    void theMailPageShowsTheChoicesAndSavesThemWithItsFormToken() {
        var account = MailFixtures.account("page");
        var session = account.token();
        var noRedirects = RestAssuredConfig.config()
                .redirect(RedirectConfig.redirectConfig().followRedirects(false));
        var page = given().cookie("joinedup-session", session).when().get("/account/mail").then().statusCode(200)
                .contentType(containsString("text/html")).body(containsString("name=\"reminder\"")).body(containsString("Always sent"))
                .extract().asString();
        var matcher = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
        assertTrue(matcher.find(), "the form carries its token");
        var csrf = matcher.group(1);

        given().config(noRedirects).cookie("joinedup-session", session).formParam("reminder", "never").when().post("/account/mail")
                .then().statusCode(403);
        given().config(noRedirects).cookie("joinedup-session", session).formParam("csrf", csrf).formParam("reminder", "sometimes")
                .when().post("/account/mail").then().statusCode(400).body(containsString("error-summary")).body(containsString("Reminder must be one of"));
        as(account).when().get("/api/me/mail-preferences").then().body("preferences.find { it.kind == 'reminder' }.choice", equalTo("immediately"));

        given().config(noRedirects).cookie("joinedup-session", session).formParam("csrf", csrf).formParam("reminder", "weekly")
                .formParam("security", "never").when().post("/account/mail").then().statusCode(303)
                .header("Location", containsString("/account/mail?saved=1"));
        as(account).when().get("/api/me/mail-preferences").then().body("preferences.find { it.kind == 'reminder' }.choice", equalTo("weekly"))
                .body("preferences.find { it.kind == 'security' }.choice", equalTo("immediately"));
        given().cookie("joinedup-session", session).when().get("/account/mail?saved=1").then().statusCode(200)
                .body(containsString("Your mail choices are saved")).body(containsString("id=\"reminder-weekly\" name=\"reminder\" type=\"radio\" value=\"weekly\" checked"));
        given().cookie("joinedup-session", session).when().get("/my-work").then().statusCode(200).body(containsString("href=\"/account/mail\""));
    }
}
