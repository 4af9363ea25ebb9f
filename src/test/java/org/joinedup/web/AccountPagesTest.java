package org.joinedup.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.joinedup.Fixtures;
import org.joinedup.account.AccountFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The account pages in Chromium with axe: a leader claims an invitation from the mailed link, a
 * person resets a forgotten password, someone asks for an account and programme staff approve it,
 * and a signed-in leader changes their password. Links are read from the queued mail.
 */
@QuarkusTest
class AccountPagesTest {

    private static final String NEW_PASSWORD = "otter-meadow-compass-42";

    @RegisterExtension
    static final Browser browser = Browser.perClass();

    @BeforeAll
    static void anonymous() {
        Fixtures.actAnonymously();
    }

    private static void signIn(String username, String password) {
        browser.go("/account/sign-in");
        browser.type("#username", username);
        browser.type("#password", password);
        browser.click("#sign-in");
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> !d.getCurrentUrl().contains("/account/sign-in"));
        assertEquals(username, browser.find("#signed-in-as").getText());
    }

    @Test
    void aLeaderClaimsTheirProfileFromTheMailedLink() {
        long leaderId = AccountFixtures.leader("Clara Claimant");
        var email = AccountFixtures.address("clara");
        AccountFixtures.invite(leaderId, email);
        var link = AccountFixtures.linkPath(email);

        browser.go(link);
        assertEquals(email, browser.find("#invited-address").getText());
        browser.check("account-claim");
        var username = "clara-" + leaderId;
        browser.type("#username", username);
        browser.type("#password", "password2024");
        browser.click("#claim");
        assertTrue(browser.find("#error-summary").getText().contains("commonly used"), browser.find("#error-summary").getText());
        browser.check("account-claim-error");
        browser.type("#password", AccountFixtures.PASSWORD);
        browser.click("#claim");
        assertEquals("Your profile is yours", browser.find("#message-heading").getText());
        browser.check("account-claimed");

        browser.go(link);
        assertEquals("This link does not work", browser.find("#message-heading").getText());
        browser.check("account-link-gone");

        signIn(username, AccountFixtures.PASSWORD);
        browser.waitForPath("/my-work");
        assertTrue(browser.find("h1").getText().contains("My work"));
    }

    @Test
    void aForgottenPasswordIsResetFromTheMailedLink() {
        var email = AccountFixtures.claimedLeader("Fern Forgetful");
        browser.go("/account/sign-in");
        browser.click("#forgot-link");
        browser.check("account-forgot");
        browser.type("#email", email);
        browser.click("#send-reset");
        assertEquals("Check your mail", browser.find("#message-heading").getText());
        browser.check("account-forgot-sent");

        browser.go(AccountFixtures.linkPath(email));
        browser.check("account-reset");
        browser.type("#password", NEW_PASSWORD);
        browser.click("#set-password");
        assertEquals("Your password is set", browser.find("#message-heading").getText());
        browser.check("account-reset-done");
        signIn(email, NEW_PASSWORD);
    }

    @Test
    void aForgedLinkSaysWhatToDoNext() {
        browser.go("/account/reset?token=" + "C".repeat(43));
        assertEquals("This link does not work", browser.find("#message-heading").getText());
        assertEquals("/account/forgot", browser.find("#next-link").getAttribute("href").replaceAll("^https?://[^/]+", ""));
        browser.go("/account/claim?token=forged");
        assertEquals("This link does not work", browser.find("#message-heading").getText());
    }

    @Test
    void someoneAsksForAnAccountAndProgrammeStaffApprove() {
        var email = "asha." + System.nanoTime() + "@nhs.net";
        browser.go("/account/sign-in");
        browser.click("#ask-link");
        browser.check("account-ask");
        browser.type("#email", email);
        browser.type("#fullName", "Asha Pagesasker");
        browser.type("#jobTitle", "Head of Integration");
        browser.click("#ask");
        assertEquals("Check your mail", browser.find("#message-heading").getText());
        assertTrue(browser.find("main").getText().contains("shared across the NHS"), browser.find("main").getText());
        browser.check("account-asked");

        browser.go(AccountFixtures.linkPath(email));
        browser.check("account-confirm");
        browser.click("#confirm");
        assertEquals("Address confirmed", browser.find("#message-heading").getText());

        browser.signOut();
        browser.signIn("demo-programme");
        browser.go("/programme/account-requests");
        var card = browser.find("[id^='request-'] h2");
        assertTrue(browser.find("main").getText().contains("Asha Pagesasker"));
        browser.check("account-requests");
        var id = browser.driver.findElements(By.cssSelector("[id^='request-']")).stream()
                .filter(e -> e.getText().contains("Asha Pagesasker")).findFirst().orElseThrow().getAttribute("id").replace("request-", "");
        assertTrue(card.getText().length() > 0);
        browser.click("#approve-" + id);
        browser.waitForPath("done=account-approved");
        browser.click("#sign-out");
        browser.find("#sign-in-link");

        browser.go(AccountFixtures.linkPath(email));
        assertEquals("Set your password", browser.find("h1").getText());
        browser.type("#password", NEW_PASSWORD);
        browser.click("#set-password");
        // wait for the answer: going to the sign-in page while the form posts can land on the answer instead
        assertEquals("Your password is set", browser.find("#message-heading").getText());
        signIn(email, NEW_PASSWORD);
    }

    @Test
    void aSignedInLeaderChangesTheirPassword() {
        var email = AccountFixtures.claimedLeader("Cyril Changer");
        signIn(email, AccountFixtures.PASSWORD);
        browser.go("/my-work");
        browser.click("#change-password-link");
        browser.check("account-change-password");
        browser.type("#currentPassword", "not-the-password-at-all");
        browser.type("#newPassword", NEW_PASSWORD);
        browser.click("#change-password");
        assertTrue(browser.find("#error-summary").getText().contains("not your current password"));
        browser.type("#currentPassword", AccountFixtures.PASSWORD);
        browser.type("#newPassword", NEW_PASSWORD);
        browser.click("#change-password");
        browser.waitForPath("done=password-changed");
        assertTrue(browser.find("#flash").getText().contains("Your password is changed"));
    }
}
