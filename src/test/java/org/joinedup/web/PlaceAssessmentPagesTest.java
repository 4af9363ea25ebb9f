package org.joinedup.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.joinedup.Fixtures;
import org.joinedup.security.Roles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 15's self-assessment page, /areas/{code}/assessment: a commissioner (the test's own account) records Worcestershire's
 * assessment through the form in Chromium (with axe), first with a dimension left unscored (the error beside it, nothing
 * saved), then whole; the latest scores and the leaders strong where it is weak follow. Leaders are refused, the form needs
 * its token. Worcestershire is assessed by no other test, and the test database starts empty.
 */
@QuarkusTest
class PlaceAssessmentPagesTest {

    private static final String WORCESTERSHIRE = "E10000034";
    private static final String PAGE = "/areas/" + WORCESTERSHIRE + "/assessment";
    private static final List<String> WEAK = List.of("finance-and-funding", "digital-infrastructure", "capacity-building");

    @RegisterExtension
    static final Browser browser = Browser.perClass();

    @BeforeAll
    static void noDefaultToken() {
        Fixtures.actAnonymously();
    }

    private static RequestSpecification admin() {
        return given().header("Authorization", Fixtures.bearer(Fixtures.token("demo-admin")));
    }

    private static String account(String prefix, String role, Long leaderId) {
        var username = (prefix + "-" + System.nanoTime()).toLowerCase(Locale.ROOT);
        var body = new HashMap<String, Object>(Map.of("username", username, "password", Fixtures.DEMO_PASSWORD, "roles", List.of(role),
                "fullName", "Wendy " + prefix));
        if (leaderId != null) {
            body.put("leaderId", leaderId);
        } else {
            body.put("organisation", "RK5");
        }
        admin().contentType(ContentType.JSON).body(body).when().post("/api/admin/accounts").then().statusCode(201);
        return username;
    }

    private static String session(String username) {
        return PagesTest.signIn(username, Fixtures.DEMO_PASSWORD);
    }

    private static long assessments() {
        return admin().when().get("/api/areas/" + WORCESTERSHIRE + "/assessments").then().statusCode(200).extract().jsonPath().getLong("total");
    }

    /** A leader whose improved record used approaches building finance and funding and digital infrastructure: 5 + 5 + 2 points. */
    private static long strongLeader(String name) {
        long id = admin().contentType(ContentType.JSON).body(Fixtures.leader(name)).when().post("/api/leaders").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        var record = Fixtures.record("Pooled money and shared records " + name);
        record.put("areas", List.of(Map.of("code", "E10000031")));
        record.put("approaches", List.of("pooled-budgets", "shared-records"));
        admin().contentType(ContentType.JSON).body(record).when().post("/api/leaders/" + id + "/records").then().statusCode(201);
        return id;
    }

    @Test
    void aCommissionerRecordsAnAssessmentThroughTheFormAndSeesWhoIsStrongWhereThePlaceIsWeak() {
        long nano = System.nanoTime();
        strongLeader("Strong Worcester " + nano);
        var commissioner = account("wendy-commissioner", Roles.COMMISSIONER, null);
        Fixtures.awaitIndexInStep(Duration.ofSeconds(60));

        browser.signIn(commissioner);
        browser.go(PAGE);
        assertTrue(browser.find("#no-assessment").getText().contains("Worcestershire has no self-assessment yet"));
        assertTrue(browser.all("#strength-leaders").isEmpty() && browser.all("#latest-scores").isEmpty());
        browser.check("place-assessment-empty");

        // every dimension scored but capacity building; the date typed as on paper
        var today = LocalDate.now(ZoneId.of("Europe/London"));
        browser.type("#assessed", String.valueOf(today.getDayOfMonth()));
        browser.type("#assessed-month", String.valueOf(today.getMonthValue()));
        browser.type("#assessed-year", String.valueOf(today.getYear()));
        var dimensions = admin().when().get("/api/vocabularies/dimensions").then().statusCode(200).extract().jsonPath().<String>getList("code");
        assertEquals(12, dimensions.size(), "SCIROCCO's 12 dimensions");
        for (var code : dimensions) {
            if (!code.equals("capacity-building")) {
                browser.click("label[for=score-" + code + (WEAK.contains(code) ? "" : "-5") + "]");
            }
        }
        browser.type("#note", "Board workshop " + nano);
        browser.click("#save-assessment");
        assertTrue(browser.find("#score-capacity-building-error").getText().endsWith("Give Capacity building a score from 0 to 5"),
                browser.find("#score-capacity-building-error").getText());
        assertTrue(browser.find("#error-summary a[href='#score-capacity-building']").getText().contains("Capacity building"));
        assertEquals(0, assessments(), "nothing saved on an error");
        assertTrue(browser.find("#score-finance-and-funding").isSelected(), "the choices come back");
        assertTrue(browser.find("#score-population-approach-5").isSelected());
        assertEquals("Board workshop " + nano, browser.find("#note").getAttribute("value"));
        browser.check("place-assessment-error");

        browser.click("label[for=score-capacity-building]");
        browser.click("#save-assessment");
        // the page after saving looks up the strong leaders (several searches): allow a loaded machine time for it
        new WebDriverWait(browser.driver, Duration.ofSeconds(60)).until(d -> d.getCurrentUrl().contains("recorded=1")
                && !d.findElements(org.openqa.selenium.By.cssSelector("#latest-finance-and-funding td")).isEmpty());
        assertEquals(1, assessments());
        assertEquals("0", browser.find("#latest-finance-and-funding td").getText());
        assertEquals("5", browser.find("#latest-population-approach td").getText());
        assertEquals("Wendy wendy-commissioner", browser.find("#latest-assessor").getText());
        assertTrue(browser.find("#latest-note").getText().contains("Board workshop " + nano));
        assertTrue(browser.find("#weak-finance-and-funding").getText().contains("Finance and funding: scores 0"));
        assertTrue(browser.all("#weak-population-approach").isEmpty(), "a 5 is never weak");
        // the page lists what the strengths service gives this commissioner, best first, each linked to the leader's page
        var api = given().header("Authorization", Fixtures.bearer(Fixtures.token(commissioner, Fixtures.DEMO_PASSWORD)))
                .queryParam("size", AreaAssessmentPages.LEADERS_SHOWN).when().get("/api/areas/" + WORCESTERSHIRE + "/strengths-for-gaps")
                .then().statusCode(200).extract().jsonPath();
        List<Long> expected = api.getList("leaders.items.leader.id", Long.class);
        assertFalse(expected.isEmpty(), "the demo leaders and this test's own use pooled budgets and shared records");
        var cards = browser.all("#strength-leaders .strength");
        assertEquals(expected.size(), cards.size());
        for (int i = 0; i < cards.size(); i++) {
            assertEquals("strength-" + expected.get(i), cards.get(i).getAttribute("id"));
            assertEquals("/leaders/" + expected.get(i), cards.get(i).findElement(org.openqa.selenium.By.cssSelector("a.strength__name")).getAttribute("pathname"));
        }
        var why = cards.get(0).findElement(org.openqa.selenium.By.cssSelector(".why")).getText();
        assertTrue(why.contains(api.getString("leaders.items[0].why[0]")), why);
        assertTrue(why.contains("where Worcestershire scores 0 of 5"), why);
        assertEquals(1, browser.all("#history-list .history-item").size());
        browser.check("place-assessment-recorded");
    }

    @Test
    void leadersAreRefusedAnonymousVisitorsSignInAndTheFormNeedsItsToken() {
        long nano = System.nanoTime();
        long leaderId = strongLeader("Refused Worcester " + nano);
        var leader = session(account("wendy-leader", Roles.LEADER, leaderId));
        var staff = session(account("wendy-staff", Roles.PROGRAMME, null));

        given().redirects().follow(false).when().get(PAGE).then().statusCode(303)
                .header("Location", containsString("/account/sign-in?next="));
        given().redirects().follow(false).cookie("joinedup-session", leader).when().get(PAGE).then().statusCode(403)
                .body(containsString("Not allowed")).body(org.hamcrest.Matchers.not(containsString("assessment-form")));
        long before = assessments();
        var leaderCsrf = PagesTest.csrfOf(given().cookie("joinedup-session", leader).when().get("/my-work").then().statusCode(200).extract().asString());
        filled(given().redirects().follow(false).cookie("joinedup-session", leader).formParam("csrf", leaderCsrf)).when().post(PAGE)
                .then().statusCode(403);

        // programme staff may, but not without the form's token, nor with a forged score
        var page = given().cookie("joinedup-session", staff).when().get(PAGE).then().statusCode(200).extract().asString();
        assertTrue(page.contains("id=\"assessment-form\""));
        filled(given().redirects().follow(false).cookie("joinedup-session", staff)).when().post(PAGE).then().statusCode(403);
        filled(given().redirects().follow(false).cookie("joinedup-session", staff).formParam("csrf", "forged")).when().post(PAGE).then().statusCode(403);
        filled(given().redirects().follow(false).cookie("joinedup-session", staff).formParam("csrf", PagesTest.csrfOf(page)))
                .formParam("score-readiness-to-change", "99999999999").when().post(PAGE).then().statusCode(400)
                .body(containsString("id=\"score-readiness-to-change-error\""));
        assertEquals(before, assessments(), "nothing saved by a refused or wrong form");
        // a region has no assessment: a page saying so, not a failure
        given().redirects().follow(false).cookie("joinedup-session", staff).when().get("/areas/E40000011/assessment").then().statusCode(400)
                .contentType(org.hamcrest.Matchers.startsWith("text/html"));
    }

    /**
     * The area page /areas/{code} summarises the latest assessment (its date and weakest dimensions, linking here) for those
     * who may read assessments, invites one where there is none, and shows neither to leaders or the public. Bedford is
     * assessed by no other test.
     */
    @Test
    void theAreaPageSummarisesTheAssessmentForThoseWhoMayReadItOnly() {
        var bedford = "/areas/E06000055";
        var staffName = account("wendy-summary", Roles.PROGRAMME, null);
        var staff = session(staffName);
        var leader = session(account("wendy-reader", Roles.LEADER, strongLeader("Reader Bedford " + System.nanoTime())));
        given().cookie("joinedup-session", staff).when().get(bedford).then().statusCode(200)
                .body(containsString("id=\"area-assessment\"")).body(containsString("has no self-assessment yet"))
                .body(containsString("href=\"/areas/E06000055/assessment\""));

        var scores = new HashMap<String, Object>();
        for (var code : List.of("readiness-to-change", "structure-and-governance", "process-coordination", "removal-of-inhibitors",
                "population-approach", "citizen-empowerment", "evaluation-methods", "breadth-of-ambition", "innovation-management")) {
            scores.put(code, 4);
        }
        scores.putAll(Map.of("finance-and-funding", 0, "digital-infrastructure", 1, "capacity-building", 2));
        given().header("Authorization", Fixtures.bearer(Fixtures.token(staffName, Fixtures.DEMO_PASSWORD))).contentType(ContentType.JSON)
                .body(Map.of("assessedOn", "2026-11-02", "scores", scores)).when().post("/api/areas/E06000055/assessments")
                .then().statusCode(201);
        given().cookie("joinedup-session", staff).when().get(bedford).then().statusCode(200)
                .body(containsString("Self-assessed on 2 November 2026"))
                .body(containsString("Finance and funding (0 of 5), Digital infrastructure (1 of 5), Capacity building (2 of 5)."))
                .body(org.hamcrest.Matchers.not(containsString("has no self-assessment yet")));
        for (var visitor : List.of(given(), given().cookie("joinedup-session", leader))) {
            visitor.when().get(bedford).then().statusCode(200).body(containsString("id=\"area-name\""))
                    .body(org.hamcrest.Matchers.not(containsString("area-assessment"))).body(org.hamcrest.Matchers.not(containsString("Finance and funding (0")));
        }
    }

    /** Every field of a good form but the token (and readiness to change, which each caller gives). */
    private static RequestSpecification filled(RequestSpecification request) {
        var today = LocalDate.now(ZoneId.of("Europe/London"));
        var spec = request.formParam("assessed-day", today.getDayOfMonth()).formParam("assessed-month", today.getMonthValue())
                .formParam("assessed-year", today.getYear());
        for (var code : List.of("structure-and-governance", "digital-infrastructure", "process-coordination", "finance-and-funding",
                "removal-of-inhibitors", "population-approach", "citizen-empowerment", "evaluation-methods", "breadth-of-ambition",
                "innovation-management", "capacity-building")) {
            spec = spec.formParam("score-" + code, 3);
        }
        return spec;
    }
}
