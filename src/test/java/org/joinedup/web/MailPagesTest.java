package org.joinedup.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.joinedup.Fixtures;
import org.joinedup.mail.MailFixtures;
import org.joinedup.mail.MailKind;
import org.joinedup.mail.UnsubscribeTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The mail pages in headless Chromium, checked with axe: choosing one's mail, and the unsubscribe link's pages. */
@QuarkusTest
class MailPagesTest {

    @Inject
    UnsubscribeTokens tokens;

    @BeforeAll
    static void noDefaultToken() {
        Fixtures.actAnonymously();
    }

    @Test
    void aPersonChoosesTheirMailAndStopsAKindFromTheLinkInAMail() {
        var account = MailFixtures.account("browser");
        try (var browser = Browser.open()) {
            browser.go("/account/sign-in?next=%2Fmy-work");
            browser.type("#username", account.username());
            browser.type("#password", MailFixtures.PASSWORD);
            browser.click("#sign-in");
            browser.waitForPath("/my-work");
            browser.click("#mail-link a");
            browser.waitForPath("/account/mail");
            browser.check("account-mail");
            browser.click("label[for=reminder-weekly]");
            browser.click("#save-mail");
            browser.waitForPath("saved=1");
            assertTrue(browser.find("#flash").getText().contains("saved"));
            assertTrue(browser.find("#reminder-weekly").isSelected());
            browser.check("account-mail-saved");

            browser.go("/mail/unsubscribe?token=" + tokens.token(account.id(), MailKind.MENTORSHIP));
            assertTrue(browser.find("#what").getText().contains("mentorships"), browser.find("#what").getText());
            browser.check("unsubscribe-confirm");
            browser.click("#unsubscribe");
            browser.find("#done");
            browser.check("unsubscribe-done");

            browser.go("/mail/unsubscribe?token=" + account.id() + ".introduction.forged");
            assertTrue(browser.find("main").getText().contains("not valid"), browser.find("main").getText());
            browser.check("unsubscribe-forged");
        }
        given().header("Authorization", Fixtures.bearer(account.token())).when().get("/api/me/mail-preferences").then().statusCode(200)
                .body("preferences.find { it.kind == 'reminder' }.choice", equalTo("weekly"))
                .body("preferences.find { it.kind == 'mentorship' }.choice", equalTo("never"))
                .body("preferences.find { it.kind == 'introduction' }.choice", equalTo("immediately"));
    }
}
