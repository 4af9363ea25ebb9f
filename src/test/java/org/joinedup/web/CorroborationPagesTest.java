package org.joinedup.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.joinedup.web.CorroborationFixtures.SHERWOOD;
import static org.joinedup.web.CorroborationFixtures.SHERWOOD_NAME;
import static org.joinedup.web.PagesTest.csrfOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.joinedup.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The corroboration forms: the owner asks from My work, a partner account answers on /corroboration, the profile shows it. */
@QuarkusTest
class CorroborationPagesTest {

    private static final RestAssuredConfig NO_REDIRECTS = RestAssuredConfig.config().redirect(RedirectConfig.redirectConfig().followRedirects(false));

    @BeforeAll
    static void anonymous() {
        Fixtures.actAnonymously();
    }

    private static String today() {
        return LocalDate.now(ZoneId.of("Europe/London")).format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK));
    }

    private static String page(String session, String path) {
        return given().cookie("joinedup-session", session).when().get(path).then().statusCode(200)
                .extract().body().asString();
    }

    private static ValidatableResponse post(String session, String path, Map<String, String> form) {
        var request = given().config(NO_REDIRECTS).cookie("joinedup-session", session);
        form.forEach(request::formParam);
        return request.when().post(path).then();
    }

    private static void ask(CorroborationFixtures f) {
        var owner = PagesTest.signIn(f.owner);
        var myWork = page(owner, "/my-work");
        assertTrue(myWork.contains("Ask " + SHERWOOD_NAME + " to confirm this"), "the ask button is on My work");
        post(owner, "/corroboration/records/" + f.recordId + "/ask", Map.of("csrf", csrfOf(myWork), "organisation", SHERWOOD))
                .statusCode(303).header("Location", containsString("/my-work?done=corroboration-asked"));
        assertTrue(page(owner, "/my-work").contains("asked on " + today()), "My work says when it was asked");
    }

    private static List<Object> endorsementsOf(long recordId) {
        return CorroborationFixtures.asAdmin().when().get("/api/records/" + recordId).then().statusCode(200).extract().jsonPath().getList("endorsements");
    }

    @Test
    void theOwnerAsksThePartnerConfirmsAndTheProfileSaysWhoAndWhen() {
        var f = new CorroborationFixtures("pages confirm");
        ask(f);

        var partner = PagesTest.signIn(f.partner);
        var asked = page(partner, "/corroboration");
        assertTrue(asked.contains(f.title) && asked.contains(SHERWOOD_NAME), "the partner's page lists it");
        post(partner, "/corroboration/records/" + f.recordId + "/answer",
                Map.of("csrf", csrfOf(asked), "decision", "confirmed", "comment", "We ran the teams together."))
                .statusCode(303).header("Location", containsString("/corroboration?done=corroboration-confirmed"));

        given().when().get("/leaders/" + f.leaderId).then().statusCode(200)
                .body(containsString("confirmed by Pat Partner (Director) of " + SHERWOOD_NAME + " on " + today() + " for revision 1"))
                .body(containsString("Endorsed since " + today()));
        assertFalse(page(partner, "/corroboration").contains(f.title), "answered, it leaves the list");
    }

    @Test
    void anAnswerWithoutTheFormTokenIsRefusedAndWritesNothing() {
        var f = new CorroborationFixtures("pages csrf");
        ask(f);
        var partner = PagesTest.signIn(f.partner);

        post(partner, "/corroboration/records/" + f.recordId + "/answer", Map.of("decision", "confirmed")).statusCode(403);
        post(partner, "/corroboration/records/" + f.recordId + "/answer", Map.of("csrf", "made-up", "decision", "confirmed")).statusCode(403);
        post(PagesTest.signIn(f.owner), "/corroboration/records/" + f.recordId + "/ask", Map.of("organisation", SHERWOOD)).statusCode(403);
        assertThat(endorsementsOf(f.recordId), hasSize(0));
    }

    @Test
    void anAccountOfAnotherOrNoOrganisationCannotConfirmAndIsToldBesideTheForm() {
        var f = new CorroborationFixtures("pages wrong account");
        ask(f);
        var nobody = PagesTest.signIn(CorroborationFixtures.account("corra-nobody-" + f.suffix, Map.of("roles", List.of("commissioner"))));
        var unasked = PagesTest.signIn(CorroborationFixtures.account("corra-icb-" + f.suffix,
                Map.of("roles", List.of("commissioner"), "organisation", CorroborationFixtures.NOTTINGHAM_ICB)));

        var csrf = csrfOf(page(nobody, "/corroboration"));
        post(nobody, "/corroboration/records/" + f.recordId + "/answer", Map.of("csrf", csrf, "decision", "confirmed")).statusCode(403)
                .body(containsString("id=\"comment-" + f.recordId + "-error\"")).body(containsString("belongs to no organisation"));
        post(unasked, "/corroboration/records/" + f.recordId + "/answer",
                Map.of("csrf", csrfOf(page(unasked, "/corroboration")), "decision", "confirmed")).statusCode(409)
                .body(containsString("has not been asked"));
        post(PagesTest.signIn(f.owner), "/corroboration/records/" + f.recordId + "/answer",
                Map.of("csrf", csrfOf(page(PagesTest.signIn(f.owner), "/my-work")), "decision", "confirmed")).statusCode(403);
        assertThat(endorsementsOf(f.recordId), hasSize(0));
    }

    @Test
    void aRejectionIsShownToTheOwnerButNeverOnTheProfile() {
        var f = new CorroborationFixtures("pages reject");
        ask(f);
        var partner = PagesTest.signIn(f.partner);
        post(partner, "/corroboration/records/" + f.recordId + "/answer",
                Map.of("csrf", csrfOf(page(partner, "/corroboration")), "decision", "rejected", "comment", "Not our project."))
                .statusCode(303);

        assertTrue(page(PagesTest.signIn(f.owner), "/my-work").contains("rejected by Pat Partner (Director)"),
                "the owner sees the rejection");
        given().when().get("/leaders/" + f.leaderId).then().statusCode(200)
                .body(not(containsString("rejected"))).body(not(containsString("Not our project.")));
        given().cookie("joinedup-session", PagesTest.signIn("demo-programme")).when().get("/leaders/" + f.leaderId)
                .then().statusCode(200).body(not(containsString("Not our project.")));
    }

    @Test
    void theDeskVerifiesNamingAProgrammeAndSaysBesideTheFieldWhenNoneIsChosen() {
        var f = new CorroborationFixtures("pages desk");
        var staff = PagesTest.signIn("demo-programme");
        var csrf = csrfOf(page(staff, "/programme"));

        post(staff, "/programme/records/" + f.recordId + "/verify", Map.of("csrf", csrf, "programme", "", "comment", "Checked the board minutes"))
                .statusCode(400).body(containsString("id=\"programme-" + f.recordId + "-error\""))
                .body(containsString(">Checked the board minutes</textarea>"));
        post(staff, "/programme/records/" + f.recordId + "/verify", Map.of("csrf", csrf, "programme", "pioneer-2013")).statusCode(303);

        given().when().get("/leaders/" + f.leaderId).then().statusCode(200)
                .body(containsString("verified by ")).body(containsString(" on " + today() + " for revision 1"))
                .body(containsString("Verified since " + today()));
    }

    @Test
    void theDeskPagesThroughEveryRecordWaiting() {
        var staff = PagesTest.signIn("demo-programme");
        var first = page(staff, "/programme");
        var waiting = Integer.parseInt(first.replaceAll("(?s).*Records waiting for verification \\((\\d+)\\).*", "$1"));
        assertTrue(waiting > 20, "the demo data has more than a page of records waiting: " + waiting);
        assertTrue(first.contains("id=\"records-next\"") && !first.contains("id=\"records-previous\""), "the first page links on");
        var second = page(staff, "/programme?page=1");
        assertTrue(second.contains("id=\"records-previous\""), "the second page links back");
        var formsOf = Pattern.compile("/programme/records/(\\d+)/verify");
        var onFirst = formsOf.matcher(first).results().map(m -> m.group(1)).toList();
        var onSecond = formsOf.matcher(second).results().map(m -> m.group(1)).toList();
        assertEquals(20, onFirst.size());
        assertTrue(onSecond.stream().noneMatch(onFirst::contains), "the second page shows other records: " + onSecond);
        given().cookie("joinedup-session", staff).when().get("/programme?page=-1").then().statusCode(400);
    }
}
