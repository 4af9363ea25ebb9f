package org.joinedup.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.joinedup.web.PagesTest.inSession;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.joinedup.Fixtures;
import org.joinedup.recognition.RecognitionFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 16's pages, /rounds: programme staff open a round through the form (the six default criteria
 * filled in), a demo leader nominates a leader with a reason and a record in Chromium (with axe), after
 * an error beside its field; and over HTTP, who sees what: anonymous visitors, leaders, staff.
 */
@QuarkusTest
class RoundPagesTest {

    @RegisterExtension
    static final Browser browser = Browser.perClass();

    @BeforeAll
    static void noDefaultToken() {
        Fixtures.actAnonymously();
    }

    private static long leader(String name, String visibility) {
        var body = Fixtures.leader(name);
        body.put("visibility", visibility);
        return RecognitionFixtures.as("demo-programme").body(body).when().post("/api/leaders").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static long record(long leaderId, String title) {
        return RecognitionFixtures.as("demo-admin").body(Fixtures.record(title)).when().post("/api/leaders/" + leaderId + "/records").then()
                .statusCode(201).extract().jsonPath().getLong("id");
    }

    private static long roundsNamed(String name) {
        return RecognitionFixtures.as("demo-programme").queryParam("size", 100).when().get("/api/rounds").then().statusCode(200).extract()
                .jsonPath().getList("items.name", String.class).stream().filter(name::equals).count();
    }

    private static String errorOf(String html) {
        var m = java.util.regex.Pattern.compile("id=\"nominee-error\">(.*?)</span>\\s*<input").matcher(html);
        assertTrue(m.find(), html);
        return m.group(1);
    }

    @Test
    void staffOpenARoundAndALeaderNominatesThroughTheForms() {
        long nano = System.nanoTime();
        var roundName = "Browser round " + nano;
        long nominee = leader("Paged Nominee " + nano, "public");
        record(nominee, "Discharge to assess " + nano);

        browser.signIn("demo-programme");
        browser.go("/rounds");
        browser.click("#open-round-link");
        assertEquals("Effective leadership", browser.find("#criterion-name-0").getAttribute("value"), "the six defaults are filled in");
        assertEquals(6, browser.all("fieldset.criterion").size());
        browser.check("round-open-form");
        browser.type("#name", roundName);
        browser.type("#question", "Who is doing most to drive integration?");
        var today = RecognitionFixtures.today();
        setDate("#nominationsOpenOn", today.minusDays(1).toString());
        setDate("#nominationsCloseOn", today.plusDays(10).toString());
        setDate("#judgingCloseOn", today.plusDays(20).toString());
        browser.type("#judges", "demo-commissioner, nobody-" + nano);
        browser.click("#open-round");
        assertTrue(browser.find("#judges-error").getText().contains("no account named nobody-" + nano), browser.find("#judges-error").getText());
        assertEquals(0, roundsNamed(roundName), "nothing opened on an error");
        browser.check("round-open-error");
        browser.find("#judges").clear();
        browser.type("#judges", "demo-commissioner");
        browser.click("#open-round");
        browser.waitForPath("/rounds/");
        assertTrue(browser.find("#flash").getText().contains("Round opened"));
        assertTrue(browser.find("#criterion-leadership").getText().contains("Effective leadership"));
        var roundPath = browser.driver.getCurrentUrl().replaceAll("^https?://[^/]+", "").replaceAll("\\?.*", "");
        assertEquals(1, roundsNamed(roundName));

        // the same browser, signed out: the leader signs in afresh rather than into the staff session
        browser.signOut();
        browser.signIn("demo-leader");
        browser.go(roundPath);
        browser.type("#nominee", String.valueOf(nominee));
        browser.click("#choose-nominee");
        assertTrue(browser.find("#nominee-name").getText().contains("Paged Nominee " + nano));
        browser.check("round-nominate-form");
        browser.click("label[for^=record-]");
        browser.click("#send-nomination");
        assertTrue(browser.find("#reason-leadership-error").getText().contains("reason"), browser.find("#reason-leadership-error").getText());
        assertTrue(browser.find("input[name=record]").isSelected(), "the record chosen comes back");
        browser.check("round-nominate-error");
        browser.type("#reason-leadership", "Brought four councils to one plan.");
        browser.click("#send-nomination");
        browser.waitForPath("done=nominated");
        var mine = browser.find("#my-nominations").getText();
        assertTrue(mine.contains("Paged Nominee " + nano) && mine.contains("Brought four councils to one plan.") && mine.contains("1 record linked"), mine);
        browser.check("round-nominated");
    }

    /** A date box takes the browser's own input; its value is set the way the control would. */
    private static void setDate(String css, String isoDate) {
        browser.driver.executeScript("document.querySelector(arguments[0]).value = arguments[1]", css, isoDate);
    }

    @Test
    void whoSeesWhatOnTheRoundPages() {
        long nano = System.nanoTime();
        var judge = RecognitionFixtures.account("commissioner", null);
        long roundId = RecognitionFixtures.open(RecognitionFixtures.nominatingRound("Seen round " + nano, List.of(judge.id())));
        long scheduled = RecognitionFixtures.open(RecognitionFixtures.round("Later round " + nano, RecognitionFixtures.today().plusDays(30),
                RecognitionFixtures.today().plusDays(40), RecognitionFixtures.today().plusDays(50), List.of(judge.id())));
        long nominee = leader("Seen Nominee " + nano, "public");
        long recordId = record(nominee, "Neighbourhood teams " + nano);
        long hidden = leader("Hidden Nominee " + nano, "programme");
        var leader = PagesTest.signIn("demo-leader");
        var staff = PagesTest.signIn("demo-programme");
        var page = "/rounds/" + roundId;

        // anonymous: a signed-in round is not theirs; the form pages send them to sign in
        inSession(null).when().get("/rounds").then().statusCode(200).body(not(containsString("Seen round " + nano)));
        inSession(null).when().get(page).then().statusCode(404);
        inSession(null).when().get("/rounds/new").then().statusCode(303).header("Location", containsString("/account/sign-in"));
        // a leader sees the round taking nominations, not the scheduled one, nor the open form
        inSession(leader).when().get("/rounds").then().statusCode(200).body(containsString("Seen round " + nano))
                .body(not(containsString("Later round " + nano))).body(not(containsString("open-round-link")));
        inSession(leader).when().get("/rounds/" + scheduled).then().statusCode(404);
        inSession(leader).when().get("/rounds/new").then().statusCode(403);
        // a hidden leader reads as one that does not exist
        var hiddenPage = inSession(leader).queryParam("nominee", hidden).when().get(page).then().statusCode(400).extract().asString();
        var missingPage = inSession(leader).queryParam("nominee", 999999999).when().get(page).then().statusCode(400).extract().asString();
        assertTrue(hiddenPage.contains("id=\"nominee-error\"") && !hiddenPage.contains("Hidden Nominee") && !hiddenPage.contains("nomination-form"));
        assertEquals(errorOf(missingPage), errorOf(hiddenPage));

        var form = inSession(leader).queryParam("nominee", nominee).when().get(page).then().statusCode(200)
                .body(containsString("id=\"record-" + recordId + "\"")).body(not(containsString("id=\"nominee-list\""))).extract().asString();
        var csrf = PagesTest.csrfOf(form);
        inSession(leader).formParam("csrf", "forged").formParam("nominee", nominee).formParam("reason-leadership", "Led it.").when()
                .post(page + "/nominations").then().statusCode(403);
        inSession(leader).formParam("csrf", csrf).formParam("nominee", nominee).formParam("reason-leadership", "Led it.")
                .formParam("record", 123456789).when().post(page + "/nominations").then().statusCode(400)
                .body(containsString("id=\"records-error\""));
        inSession(leader).formParam("csrf", csrf).formParam("nominee", nominee).formParam("reason-leadership", "Led it " + nano + ".")
                .formParam("record", recordId).when().post(page + "/nominations").then().statusCode(303)
                .header("Location", containsString(page + "?done=nominated"));
        // the same again is refused beside the nominee
        inSession(leader).formParam("csrf", csrf).formParam("nominee", nominee).formParam("reason-leadership", "Again.").when()
                .post(page + "/nominations").then().statusCode(400).body(containsString("id=\"nominee-error\""));

        // staff see the nominee, the nomination and who made it; the leader sees only their own
        inSession(staff).when().get(page).then().statusCode(200).body(containsString("id=\"nominee-" + nominee + "\""))
                .body(containsString("Led it " + nano + ".")).body(containsString(", by ")).body(containsString("Neighbourhood teams " + nano));
        var leaderView = inSession(leader).when().get(page).then().statusCode(200).body(containsString("Led it " + nano + "."))
                .body(containsString("href=\"/leaders/" + nominee + "\""))
                .body(not(containsString("id=\"nominee-list\""))).extract().asString();
        var nominationId = RecognitionFixtures.withToken(Fixtures.token("demo-leader")).when().get("/api/me/nominations").then().statusCode(200)
                .extract().jsonPath().getList("items", Map.class).stream().filter(n -> ((Number) n.get("roundId")).longValue() == roundId)
                .map(n -> ((Number) n.get("id")).longValue()).findFirst().orElseThrow();
        assertTrue(leaderView.contains("withdraw-" + nominationId));
        // someone else cannot withdraw it; its nominator can
        inSession(staff).formParam("csrf", PagesTest.csrfOf(inSession(staff).when().get(page).then().extract().asString())).when()
                .post(page + "/nominations/" + nominationId + "/withdraw").then().statusCode(404);
        inSession(leader).formParam("csrf", csrf).when().post(page + "/nominations/" + nominationId + "/withdraw").then().statusCode(303)
                .header("Location", containsString(page + "?done=nomination-withdrawn"));
        inSession(leader).when().get(page).then().statusCode(200).body(containsString("id=\"no-nominations\""));
    }

    @Test
    void fromJudgingOnJudgesSeeTheNomineesWithoutWhoNominatedAndNobodyNominates() {
        long nano = System.nanoTime();
        var judge = RecognitionFixtures.account("commissioner", null);
        var round = RecognitionFixtures.nominatingRound("Judged round " + nano, List.of(judge.id()));
        long roundId = RecognitionFixtures.open(round);
        long nominee = leader("Judged Nominee " + nano, "public");
        RecognitionFixtures.as("demo-leader").body(Map.of("nominee", Map.of("leaderId", nominee), "reasons", Map.of("leadership", "Judge me " + nano + ".")))
                .when().post("/api/rounds/" + roundId + "/nominations").then().statusCode(201);
        var page = "/rounds/" + roundId;
        var asJudge = given().header("Authorization", Fixtures.bearer(judge.token()));
        asJudge.when().get(page).then().statusCode(200).body(not(containsString("id=\"nominee-list\"")));

        round.put("version", 0);
        round.put("nominationsOpenOn", RecognitionFixtures.today().minusDays(5).toString());
        round.put("nominationsCloseOn", RecognitionFixtures.today().minusDays(1).toString());
        RecognitionFixtures.as("demo-programme").body(round).when().put("/api/rounds/" + roundId).then().statusCode(200);

        given().header("Authorization", Fixtures.bearer(judge.token())).when().get(page).then().statusCode(200)
                .body(containsString("id=\"nominee-" + nominee + "\"")).body(containsString("Judge me " + nano + "."))
                .body(not(containsString(", by "))).body(not(containsString("nominee-form")));
        given().header("Authorization", Fixtures.bearer(Fixtures.token("demo-programme"))).when().get(page).then().statusCode(200)
                .body(containsString(", by "));
        // once judging starts the round is for staff and its judges: the nominator and other accounts do not see it
        given().header("Authorization", Fixtures.bearer(Fixtures.token("demo-leader"))).when().get(page).then().statusCode(404);
        given().header("Authorization", Fixtures.bearer(Fixtures.token("demo-commissioner"))).when().get(page).then().statusCode(404);
    }
}
