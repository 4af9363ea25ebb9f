package org.joinedup.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.joinedup.Fixtures;
import org.joinedup.recognition.NominationRound;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Who gets which judging page (docs/recognition.md, "Judging pages"), without a browser. */
@QuarkusTest
class JudgingPagesTest {

    private static final RestAssuredConfig NO_REDIRECTS = RestAssuredConfig.config().redirect(RedirectConfig.redirectConfig().followRedirects(false));

    @Inject
    EntityManager em;

    @BeforeAll
    static void anonymous() {
        Fixtures.actAnonymously();
    }

    @Test
    void theJudgingPageIsForTheRoundsJudgesOnly() {
        var f = JudgingPagesFixtures.publicList(em);
        var path = "/rounds/" + f.round + "/judging";
        given().config(NO_REDIRECTS).when().get(path).then().statusCode(303).header("Location", containsString("/account/sign-in"));
        // to someone who does not judge it, a judging round is not there
        given().cookie("joinedup-session", PagesTest.signIn("demo-commissioner")).when().get(path).then().statusCode(404);
        // staff see the round but are not on its panel
        given().cookie("joinedup-session", PagesTest.signIn("demo-programme")).when().get(path).then().statusCode(403);
        var judge = PagesTest.signIn(f.judgeA);
        var page = given().cookie("joinedup-session", judge).when().get(path).then().statusCode(200).extract().asString();
        assertTrue(page.contains("id=\"conflict-" + f.own + "\" name=\"conflict\" type=\"checkbox\" value=\"" + f.own + "\" checked"), page);
        assertTrue(page.contains("Ben Otherorg") && !page.contains("score-form-"), "every nominee to tick, no score form before confirming");
    }

    @Test
    void formsNeedTheirTokenAndAForgedNomineeIsNotScored() {
        var f = JudgingPagesFixtures.publicList(em);
        var judge = PagesTest.signIn(f.judgeA);
        var path = "/rounds/" + f.round + "/judging";
        given().config(NO_REDIRECTS).cookie("joinedup-session", judge).formParam("conflict", f.other).when().post(path + "/conflicts")
                .then().statusCode(403);
        var csrf = PagesTest.csrfOf(given().cookie("joinedup-session", judge).when().get(path).then().statusCode(200).extract().asString());
        given().config(NO_REDIRECTS).cookie("joinedup-session", judge).formParam("csrf", csrf).when().post(path + "/conflicts")
                .then().statusCode(303);
        long notANominee = JudgingPagesFixtures.leader(Fixtures.bearer(Fixtures.token("demo-admin")), Fixtures.leader("Not Nominated"));
        given().config(NO_REDIRECTS).cookie("joinedup-session", judge).formParam("csrf", csrf).formParam("score-" + notANominee + "-leadership", "3")
                .formParam("score-" + notANominee + "-local-impact", "3").when().post(path + "/scores/" + notANominee).then().statusCode(404);
        var error = given().cookie("joinedup-session", judge).formParam("csrf", csrf).formParam("score-" + f.own + "-leadership", "9")
                .when().post(path + "/scores/" + f.own).then().statusCode(400).extract().asString();
        assertTrue(error.contains("id=\"score-" + f.own + "-leadership-error\"") && error.contains("id=\"score-" + f.own + "-local-impact-error\""), error);
    }

    @Test
    void theResultPageIsForStaffAndTheListFollowsItsVisibility() {
        var f = new JudgingPagesFixtures(em, NominationRound.LIST_PROGRAMME);
        var result = "/rounds/" + f.round + "/result";
        given().cookie("joinedup-session", PagesTest.signIn(f.judgeA)).when().get(result).then().statusCode(403);
        var staff = PagesTest.signIn("demo-programme");
        given().cookie("joinedup-session", staff).when().get(result).then().statusCode(200)
                .body(containsString("id=\"close-round\""), containsString("0 of 3"), not(containsString("id=\"publish-round\"")));
        var list = "/rounds/" + f.round + "/list";
        given().cookie("joinedup-session", staff).when().get(list).then().statusCode(404);
        var csrf = PagesTest.csrfOf(given().cookie("joinedup-session", staff).when().get(result).then().extract().asString());
        given().config(NO_REDIRECTS).cookie("joinedup-session", staff).formParam("csrf", csrf).when().post(result + "/close").then().statusCode(303);
        given().config(NO_REDIRECTS).cookie("joinedup-session", staff).formParam("csrf", csrf).when().post(result + "/close").then().statusCode(409);
        given().cookie("joinedup-session", staff).when().get(list).then().statusCode(200).body(containsString("id=\"preview\""));
        given().when().get(list).then().statusCode(404);
        given().config(NO_REDIRECTS).cookie("joinedup-session", staff).formParam("csrf", csrf).when().post(result + "/publish").then().statusCode(303);
        given().when().get(list).then().statusCode(404);
        given().cookie("joinedup-session", PagesTest.signIn("demo-commissioner")).when().get(list).then().statusCode(404);
        given().cookie("joinedup-session", staff).when().get(list).then().statusCode(200).body(containsString("Ben Otherorg"));
        given().cookie("joinedup-session", PagesTest.signIn(f.judgeA)).when().get("/rounds/" + f.round + "/judging").then().statusCode(200)
                .body(containsString("id=\"all-scores\""), containsString("leadership 5, local-impact 5"), not(containsString("score-form-")));
    }

    @Test
    void aTooLongCitationComesBackBesideItsFieldAndSomeoneErasedIsAPlaceholderOnTheList() {
        var f = JudgingPagesFixtures.publicList(em);
        var result = "/rounds/" + f.round + "/result";
        var staff = PagesTest.signIn("demo-programme");
        var csrf = PagesTest.csrfOf(given().cookie("joinedup-session", staff).when().get(result).then().statusCode(200).extract().asString());
        given().config(NO_REDIRECTS).cookie("joinedup-session", staff).formParam("csrf", csrf).when().post(result + "/close").then().statusCode(303);
        var tooLong = "x".repeat(601);
        given().cookie("joinedup-session", staff).formParam("csrf", csrf).formParam("citation", tooLong).when()
                .post(result + "/citations/" + f.other).then().statusCode(400)
                .body(containsString("id=\"citation-" + f.other + "-error\""), containsString(tooLong));
        given().config(NO_REDIRECTS).cookie("joinedup-session", staff).formParam("csrf", csrf).formParam("citation", "Kept")
                .when().post(result + "/citations/" + f.other).then().statusCode(303);
        // other (5) is first and selected: erased, the list keeps the place with no name, role, citation or link
        given().header("Authorization", Fixtures.bearer(Fixtures.token("demo-admin"))).when().delete("/api/leaders/" + f.other)
                .then().statusCode(204);
        given().config(NO_REDIRECTS).cookie("joinedup-session", staff).formParam("csrf", csrf).when().post(result + "/publish").then().statusCode(303);
        var list = given().when().get("/rounds/" + f.round + "/list").then().statusCode(200).extract().asString();
        var first = list.substring(list.indexOf("id=\"listed-1\""), list.indexOf("id=\"listed-2\""));
        assertTrue(first.contains("a person who has left the registry") && !first.contains("Ben Otherorg") && !first.contains("Kept")
                && !first.contains("href="), first);
    }
}
