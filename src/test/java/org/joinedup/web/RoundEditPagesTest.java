package org.joinedup.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.joinedup.web.PagesTest.inSession;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.joinedup.Fixtures;
import org.joinedup.recognition.RecognitionFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Changing a round on a page (/rounds/{id}/edit): in Chromium, programme staff fix an emptied name
 * (what else was typed kept) and save; over HTTP, who may (staff and admins, as for PUT /api/rounds/{id}),
 * a forged form token, a change made meanwhile refused rather than overwritten, and a nominating round
 * whose criteria and judges are fixed and whose dates may not move it back.
 */
@QuarkusTest
class RoundEditPagesTest {

    @BeforeAll
    static void noDefaultToken() {
        Fixtures.actAnonymously();
    }

    private static JsonPath apiRound(long id) {
        return RecognitionFixtures.as("demo-programme").when().get("/api/rounds/" + id).then().statusCode(200).extract().jsonPath();
    }

    /** The edit form's fields as a browser would send them unchanged: the round as the API shows it, judges by account id. */
    private static Map<String, Object> fieldsOf(JsonPath round) {
        var fields = new HashMap<String, Object>();
        for (var name : List.of("name", "question", "nominationsOpenOn", "nominationsCloseOn", "judgingCloseOn", "selectCount", "rankCount",
                "nominators", "listVisibility", "version")) {
            fields.put(name, round.getString(name));
        }
        fields.put("judges", round.getList("judges.accountId", Long.class).stream().map(String::valueOf).collect(Collectors.joining(", ")));
        var criteria = round.getList("criteria", Map.class);
        for (int i = 0; i < criteria.size(); i++) {
            fields.put("criterion-code-" + i, criteria.get(i).get("code"));
            fields.put("criterion-name-" + i, criteria.get(i).get("name"));
            fields.put("criterion-description-" + i, criteria.get(i).get("description"));
        }
        return fields;
    }

    /** Whether the page says this beside the box (its error element, which the browser tests read as #box-error). */
    private static boolean besideBox(String page, String box, String says) {
        return Pattern.compile("id=\"" + box + "-error\"[^>]*>[^<]*(<[^>]+>[^<]*){0,3}" + Pattern.quote(says)).matcher(page).find();
    }

    private static long scheduledRound(String name, long judge) {
        var today = RecognitionFixtures.today();
        return RecognitionFixtures.open(RecognitionFixtures.round(name, today.plusDays(30), today.plusDays(40), today.plusDays(50), List.of(judge)));
    }

    @Test
    void staffChangeARoundAfterAnErrorBesideItsField() {
        long nano = System.nanoTime();
        var judge = RecognitionFixtures.account("commissioner", null);
        long roundId = scheduledRound("Editable round " + nano, judge.id());

        try (var browser = Browser.open()) {
            browser.signIn("demo-programme");
            browser.go("/rounds/" + roundId);
            browser.click("#edit-round-link");
            browser.waitForPath("/rounds/" + roundId + "/edit");
            assertEquals("Editable round " + nano, browser.find("#name").getAttribute("value"), "the form holds the round as it is");
            assertEquals(judge.username(), browser.find("#judges").getAttribute("value"));
            assertEquals("Effective leadership", browser.find("#criterion-name-0").getAttribute("value"));
            browser.check("round-edit-form");
            browser.find("#name").clear();
            browser.find("#question").clear();
            browser.type("#question", "Who joined up care most this year?");
            browser.find("#selectCount").clear();
            browser.type("#selectCount", "30");
            browser.click("#save-round");
            assertTrue(browser.find("#name-error").getText().contains("required"), browser.find("#name-error").getText());
            assertEquals("Who joined up care most this year?", browser.find("#question").getAttribute("value"), "what was typed comes back");
            assertEquals("30", browser.find("#selectCount").getAttribute("value"));
            assertEquals("Editable round " + nano, apiRound(roundId).getString("name"), "nothing is saved on an error");
            browser.check("round-edit-error");

            browser.type("#name", "Edited round " + nano);
            browser.click("#save-round");
            browser.waitForPath("done=round-changed");
            assertTrue(browser.find("#flash").getText().contains("Round saved"));
            assertEquals("Edited round " + nano, browser.find("h1").getText());
            var saved = apiRound(roundId);
            assertEquals("Who joined up care most this year?", saved.getString("question"));
            assertEquals(30, saved.getInt("selectCount"));
            assertEquals(1, saved.getInt("version"));
        }
    }

    @Test
    void fieldsThatDoNotParseAreSaidBesideThemAndNothingIsSaved() {
        // the page hands the service a null for what did not parse, which it must refuse: this pins that nothing is written
        long nano = System.nanoTime();
        var judge = RecognitionFixtures.account("commissioner", null);
        long roundId = scheduledRound("Unparsed round " + nano, judge.id());
        var staff = PagesTest.signIn("demo-programme");
        var path = "/rounds/" + roundId + "/edit";
        var changed = fieldsOf(apiRound(roundId));
        changed.put("name", "Renamed " + nano);
        changed.put("nominationsCloseOn", "2027-02-30");
        changed.put("selectCount", "99999999999");
        changed.put("rankCount", "ten");
        var csrf = PagesTest.csrfOf(inSession(staff).when().get(path).then().statusCode(200).extract().asString());
        var page = inSession(staff).formParams(changed).formParam("csrf", csrf).when().post(path).then().statusCode(400).extract().asString();
        assertTrue(besideBox(page, "nominationsCloseOn", "Give a date as year-month-day"), "the date is said to be no date");
        assertTrue(besideBox(page, "selectCount", "Give a whole number"), "a count too large for a whole number");
        assertTrue(besideBox(page, "rankCount", "Give a whole number"), "a count in words");
        assertTrue(page.contains("Renamed " + nano), "what was typed comes back");
        assertEquals("Unparsed round " + nano, apiRound(roundId).getString("name"));
        assertEquals(0, apiRound(roundId).getInt("version"), "nothing was written");
    }

    @Test
    void onlyStaffChangeARoundAndAForgedFormChangesNothing() {
        long nano = System.nanoTime();
        var judge = RecognitionFixtures.account("commissioner", null);
        long roundId = scheduledRound("Guarded round " + nano, judge.id());
        long nominating = RecognitionFixtures.open(RecognitionFixtures.nominatingRound("Open round " + nano, List.of(judge.id())));
        var path = "/rounds/" + roundId + "/edit";
        var staff = PagesTest.signIn("demo-programme");
        var leader = PagesTest.signIn("demo-leader");
        var judgeSession = PagesTest.signIn(judge.username(), RecognitionFixtures.PASSWORD);
        var changed = fieldsOf(apiRound(roundId));
        changed.put("name", "Taken over " + nano);

        inSession(null).when().get(path).then().statusCode(303).header("Location", containsString("/account/sign-in"));
        inSession(null).formParams(changed).when().post(path).then().statusCode(303).header("Location", containsString("/account/sign-in"));
        // a judge of the round and an account seeing it nominating may not change it, nor are offered the link
        inSession(judgeSession).when().get(path).then().statusCode(403);
        inSession(judgeSession).formParam("csrf", PagesTest.csrfOf(inSession(judgeSession).when().get("/rounds/" + roundId).then().statusCode(200)
                .body(not(containsString("edit-round-link"))).extract().asString())).formParams(changed).when().post(path).then().statusCode(403);
        inSession(leader).when().get("/rounds/" + nominating).then().statusCode(200).body(not(containsString("edit-round-link")));
        inSession(leader).when().get("/rounds/" + nominating + "/edit").then().statusCode(403);
        inSession(leader).formParams(fieldsOf(apiRound(nominating))).formParam("csrf", PagesTest.csrfOf(inSession(leader).when().get("/rounds/" + nominating)
                .then().extract().asString())).when().post("/rounds/" + nominating + "/edit").then().statusCode(403);
        // staff, with a token not made for their session
        inSession(staff).when().get("/rounds/" + roundId).then().statusCode(200).body(containsString("href=\"" + path + "\""));
        inSession(staff).formParams(changed).formParam("csrf", "forged").when().post(path).then().statusCode(403);
        assertEquals("Guarded round " + nano, apiRound(roundId).getString("name"));
        assertEquals(0, apiRound(roundId).getInt("version"), "nothing was written");
    }

    @Test
    void aChangeMadeMeanwhileIsRefusedNotOverwritten() {
        long nano = System.nanoTime();
        var judge = RecognitionFixtures.account("commissioner", null);
        long roundId = scheduledRound("Contested round " + nano, judge.id());
        var path = "/rounds/" + roundId + "/edit";
        var staff = PagesTest.signIn("demo-programme");
        var form = inSession(staff).when().get(path).then().statusCode(200).body(containsString("name=\"version\" value=\"0\"")).extract().asString();
        var mine = fieldsOf(apiRound(roundId));
        mine.put("name", "Mine " + nano);

        // someone else saves first, through the API
        var theirs = RecognitionFixtures.round("Theirs " + nano, RecognitionFixtures.today().plusDays(30), RecognitionFixtures.today().plusDays(40),
                RecognitionFixtures.today().plusDays(50), List.of(judge.id()));
        theirs.put("version", 0);
        RecognitionFixtures.as("demo-admin").body(theirs).when().put("/api/rounds/" + roundId).then().statusCode(200).body("version", equalTo(1));

        var refused = inSession(staff).formParams(mine).formParam("csrf", PagesTest.csrfOf(form)).when().post(path).then().statusCode(409)
                .body(containsString("id=\"name-error\"")).body(containsString("changed by someone else"))
                .body(containsString("value=\"Mine " + nano + "\"")).extract().asString();
        assertTrue(refused.contains("name=\"version\" value=\"0\""), "the form keeps the version it was read at, so a resend is refused too");
        assertEquals("Theirs " + nano, apiRound(roundId).getString("name"), "their change stands");
        assertEquals(1, apiRound(roundId).getInt("version"));

        // read again, the change goes through
        var fresh = fieldsOf(apiRound(roundId));
        fresh.put("name", "Mine " + nano);
        inSession(staff).formParams(fresh).formParam("csrf", PagesTest.csrfOf(form)).when().post(path).then().statusCode(303)
                .header("Location", containsString("/rounds/" + roundId + "?done=round-changed"));
        assertEquals("Mine " + nano, apiRound(roundId).getString("name"));
    }

    @Test
    void aNominatingRoundKeepsItsCriteriaAndJudgesAndItsDatesMoveItOnOnly() {
        long nano = System.nanoTime();
        var judge = RecognitionFixtures.account("commissioner", null);
        long roundId = RecognitionFixtures.open(RecognitionFixtures.nominatingRound("Running round " + nano, List.of(judge.id())));
        var path = "/rounds/" + roundId + "/edit";
        var staff = PagesTest.signIn("demo-admin");
        var form = inSession(staff).when().get(path).then().statusCode(200).body(containsString("id=\"criteria-fixed\""))
                .body(not(containsString("id=\"criterion-name-0\""))).body(containsString("type=\"hidden\" name=\"judges\"")).extract().asString();
        var csrf = PagesTest.csrfOf(form);

        var back = fieldsOf(apiRound(roundId));
        back.put("nominationsOpenOn", RecognitionFixtures.today().plusDays(2).toString());
        inSession(staff).formParams(back).formParam("csrf", csrf).when().post(path).then().statusCode(409)
                .body(containsString("id=\"nominationsOpenOn-error\"")).body(containsString("never back"));
        var renamed = fieldsOf(apiRound(roundId));
        renamed.put("criterion-name-0", "Renamed " + nano);
        inSession(staff).formParams(renamed).formParam("csrf", csrf).when().post(path).then().statusCode(409)
                .body(containsString("id=\"criteria\"")).body(containsString("fixed once nominations open"));
        assertEquals(0, apiRound(roundId).getInt("version"), "nothing was written");

        var later = fieldsOf(apiRound(roundId));
        later.put("nominationsCloseOn", RecognitionFixtures.today().plusDays(12).toString());
        inSession(staff).formParams(later).formParam("csrf", csrf).when().post(path).then().statusCode(303);
        assertEquals(RecognitionFixtures.today().plusDays(12).toString(), apiRound(roundId).getString("nominationsCloseOn"));
    }
}
