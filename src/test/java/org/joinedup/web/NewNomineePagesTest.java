package org.joinedup.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.joinedup.web.PagesTest.inSession;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.joinedup.Fixtures;
import org.joinedup.recognition.RecognitionFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

/**
 * Nominating someone not in the registry from a round's page (/rounds/{id}/nominate-someone-new): in
 * Chromium a leader fixes a missing mail address and the person is added for staff and invited; over
 * HTTP, the API's rules through the form (an address with an account, a round not taking nominations),
 * the anonymous sent to sign in, a round the caller cannot see, and a forged form token.
 */
@QuarkusTest
class NewNomineePagesTest {

    private static final String AREA = "E10000024";

    @BeforeAll
    static void noDefaultToken() {
        Fixtures.actAnonymously();
        // demo-leader adds one person a run, and the test database outlives runs: earlier runs' additions are not today's
        QuarkusTransaction.requiringNew().run(() -> Arc.container().instance(EntityManager.class).get()
                .createNativeQuery("update invitee_address set created_at = created_at - interval '1 day' where added_by = 'demo-leader'")
                .executeUpdate());
    }

    private static long nominatingRound(String name) {
        var judge = RecognitionFixtures.account("commissioner", null);
        return RecognitionFixtures.open(RecognitionFixtures.nominatingRound(name, List.of(judge.id())));
    }

    /** What demo-leader has nominated in the round, as the API lists it. */
    private static List<Map<String, Object>> nominationsOfDemoLeader(long roundId) {
        return RecognitionFixtures.withToken(Fixtures.token("demo-leader")).queryParam("size", 100).when().get("/api/me/nominations").then()
                .statusCode(200).extract().jsonPath().<Map<String, Object>>getList("items").stream()
                .filter(n -> ((Number) n.get("roundId")).longValue() == roundId).toList();
    }

    @Test
    void aLeaderNominatesSomeoneNewAfterAnErrorAndTheyAreAddedForStaffAndInvited() {
        long nano = System.nanoTime();
        long roundId = nominatingRound("Newcomers round " + nano);
        var name = "Nia Newcomer " + nano;

        try (var browser = Browser.open()) {
            browser.signIn("demo-leader");
            browser.go("/rounds/" + roundId);
            browser.click("#nominate-someone-new-link");
            browser.waitForPath("/rounds/" + roundId + "/nominate-someone-new");
            browser.check("round-new-nominee-form");
            browser.type("#nominee-name", name);
            new Select(browser.find("#nominee-homeArea")).selectByValue(AREA);
            browser.type("#nominee-currentRole", "Director of integrated care");
            browser.type("#reason-innovation", "Started the first shared care record in the county.");
            browser.click("#send-new-nomination");
            assertTrue(browser.find("#nominee-email-error").getText().contains("mail address"), browser.find("#nominee-email-error").getText());
            assertEquals(name, browser.find("#nominee-name").getAttribute("value"), "what was typed comes back");
            assertEquals(AREA, new Select(browser.find("#nominee-homeArea")).getFirstSelectedOption().getAttribute("value"));
            assertEquals("Started the first shared care record in the county.", browser.find("#reason-innovation").getAttribute("value"));
            assertTrue(nominationsOfDemoLeader(roundId).isEmpty(), "nothing is made on an error");
            browser.check("round-new-nominee-error");

            browser.type("#nominee-email", "nia-" + nano + "@example.org");
            browser.click("#send-new-nomination");
            browser.waitForPath("done=nominated-someone-new");
            assertTrue(browser.find("#flash").getText().contains("invited"), browser.find("#flash").getText());
            var mine = browser.find("#my-nominations").getText();
            assertTrue(mine.contains(name) && mine.contains("Started the first shared care record in the county."), mine);

            var made = nominationsOfDemoLeader(roundId);
            assertEquals(1, made.size());
            assertNull(made.get(0).get("nomineeLeaderId"), "no id of a leader only staff see");
            long nominee = RecognitionFixtures.as("demo-programme").when().get("/api/rounds/" + roundId + "/nominations").then().extract()
                    .jsonPath().getLong("items[0].leaderId");
            assertTrue(browser.all("#my-nominations a[href='/leaders/" + nominee + "']").isEmpty(), "no link to a profile only staff see");
            RecognitionFixtures.as("demo-programme").when().get("/api/leaders/" + nominee).then().statusCode(200).body("name", equalTo(name))
                    .body("visibility", equalTo("programme")).body("homeArea.code", equalTo(AREA))
                    .body("currentRole", equalTo("Director of integrated care"));
            RecognitionFixtures.as("demo-admin").queryParam("entityType", "leader").queryParam("entityId", nominee).when().get("/api/admin/audit")
                    .then().statusCode(200).body("items.action", hasItem("invite"));
        }
    }

    @Test
    void theApisRulesHoldOnTheFormAndOnlyThoseWhoMayNominateDo() {
        long nano = System.nanoTime();
        long roundId = nominatingRound("Guarded newcomers " + nano);
        var judge = RecognitionFixtures.account("commissioner", null);
        long scheduled = RecognitionFixtures.open(RecognitionFixtures.round("Later newcomers " + nano, RecognitionFixtures.today().plusDays(30),
                RecognitionFixtures.today().plusDays(40), RecognitionFixtures.today().plusDays(50), List.of(judge.id())));
        var path = "/rounds/" + roundId + "/nominate-someone-new";
        var leader = PagesTest.signIn("demo-leader");
        var staff = PagesTest.signIn("demo-programme");

        // the anonymous are sent to sign in; the round page offers them no link
        inSession(null).when().get(path).then().statusCode(303).header("Location", containsString("/account/sign-in"));
        inSession(null).formParam("nominee-name", "Anon " + nano).when().post(path).then().statusCode(303)
                .header("Location", containsString("/account/sign-in"));
        // a round the leader cannot see is not there for them
        inSession(leader).when().get("/rounds/" + scheduled + "/nominate-someone-new").then().statusCode(404);
        // staff see the scheduled round, but it does not take nominations yet
        inSession(staff).when().get("/rounds/" + scheduled + "/nominate-someone-new").then().statusCode(409);

        var form = inSession(leader).when().get(path).then().statusCode(200).body(containsString("id=\"new-nominee-form\"")).extract().asString();
        var csrf = PagesTest.csrfOf(form);
        inSession(leader).when().get("/rounds/" + roundId).then().statusCode(200).body(containsString("href=\"" + path + "\""));
        inSession(leader).formParam("csrf", "forged").formParam("nominee-name", "Forged " + nano).formParam("nominee-email", "forged-" + nano + "@example.org")
                .formParam("nominee-homeArea", AREA).formParam("reason-leadership", "Led it.").when().post(path).then().statusCode(403);
        assertTrue(nominationsOfDemoLeader(roundId).isEmpty(), "a forged form makes nothing");

        // an unknown area is named beside its box, with what was typed kept
        inSession(leader).formParam("csrf", csrf).formParam("nominee-name", "Ola Elsewhere " + nano).formParam("nominee-email", "ola-" + nano + "@example.org")
                .formParam("nominee-homeArea", "XX").formParam("reason-leadership", "Led it " + nano + ".").when().post(path).then().statusCode(400)
                .body(containsString("id=\"nominee-homeArea-error\"")).body(containsString("value=\"Ola Elsewhere " + nano + "\""))
                .body(containsString("Led it " + nano + ".</textarea>"));
        // the invitation cannot go to an address an account has: said beside the address
        inSession(leader).formParam("csrf", csrf).formParam("nominee-name", "Taken Address " + nano).formParam("nominee-email", "demo-leader@example.org")
                .formParam("nominee-homeArea", AREA).formParam("reason-leadership", "Led it.").when().post(path).then().statusCode(400)
                .body(containsString("id=\"nominee-email-error\"")).body(containsString("an account has this mail address already"));
        // a reason under a criterion the round does not have is the service's 400 beside that box
        inSession(leader).formParam("csrf", csrf).formParam("nominee-name", "No Reason " + nano).formParam("nominee-email", "none-" + nano + "@example.org")
                .formParam("nominee-homeArea", AREA).when().post(path).then().statusCode(400).body(containsString("id=\"reason-leadership-error\""));
        assertTrue(nominationsOfDemoLeader(roundId).isEmpty(), "no refused nomination was made");

        // staff posting to the scheduled round: the service's phase rule, on the form
        var staffCsrf = PagesTest.csrfOf(inSession(staff).when().get("/rounds/" + roundId + "/nominate-someone-new").then().statusCode(200).extract().asString());
        inSession(staff).formParam("csrf", staffCsrf).formParam("nominee-name", "Too Early " + nano).formParam("nominee-email", "early-" + nano + "@example.org")
                .formParam("nominee-homeArea", AREA).formParam("reason-leadership", "Led it.").when().post("/rounds/" + scheduled + "/nominate-someone-new")
                .then().statusCode(400).body(containsString("id=\"nominee-name-error\"")).body(containsString("is scheduled"))
                .body(not(containsString("done=")));
    }
}
