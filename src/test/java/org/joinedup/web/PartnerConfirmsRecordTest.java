package org.joinedup.web;

import static org.joinedup.web.CorroborationFixtures.SHERWOOD;
import static org.joinedup.web.CorroborationFixtures.SHERWOOD_NAME;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.joinedup.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The owner asks a partner organisation to confirm a record; an account of that organisation signs
 * in and confirms it on their page; the profile then says who confirmed it and when.
 */
@QuarkusTest
class PartnerConfirmsRecordTest {

    @RegisterExtension
    static final Browser browser = Browser.perClass();

    @BeforeAll
    static void anonymous() {
        Fixtures.actAnonymously();
    }

    @Test
    void theOwnerAsksThePartnerConfirmsAndTheProfileShowsWhoAndWhen() {
        var f = new CorroborationFixtures("browser");
        var today = LocalDate.now(ZoneId.of("Europe/London")).format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK));

        browser.signIn(f.owner);
        browser.waitForPath("/my-work");
        browser.click("#ask-" + f.recordId + "-" + SHERWOOD);
        browser.waitForPath("done=corroboration-asked");
        var state = browser.find("#corroboration-" + f.recordId + " [data-organisation='" + SHERWOOD + "']").getText();
        assertTrue(state.contains("asked on " + today), state);
        browser.check("my-work-corroboration-asked");
        browser.click("#sign-out");
        browser.find("#sign-in-link"); // signed out before the next sign-in, which a session still in place would skip

        browser.signIn(f.partner);
        browser.go("/corroboration");
        assertTrue(browser.find("#your-organisation").getText().contains(SHERWOOD_NAME));
        assertTrue(browser.find("#asked-" + f.recordId).getText().contains(f.title));
        browser.check("corroboration-asked-of-us");
        browser.type("#comment-" + f.recordId, "We ran the neighbourhood teams together.");
        browser.click("#confirm-" + f.recordId);
        browser.waitForPath("done=corroboration-confirmed");
        assertTrue(browser.find("#flash").getText().contains("Confirmed: the record shows who confirmed it"), browser.find("#flash").getText());

        browser.go("/leaders/" + f.leaderId);
        var record = browser.find("#record-" + f.recordId).getText();
        assertTrue(record.contains("confirmed by Pat Partner (Director) of " + SHERWOOD_NAME + " on " + today + " for revision 1"), record);
        assertTrue(record.contains("Endorsed since " + today), record);
        assertTrue(record.contains("We ran the neighbourhood teams together."), record);
        browser.check("profile-confirmed");
    }
}
