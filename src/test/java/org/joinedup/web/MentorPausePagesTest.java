package org.joinedup.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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
 * Issue 19's pause and programme on the pages: a leader pauses themself on their profile, sees it in words and ends it (in
 * Chromium, with axe); who may pause, the form's token and its errors beside their fields; a learning request asked under a
 * programme is matched under that programme's profile, which the pages name. Accounts and leaders are the test's own.
 */
@QuarkusTest
class MentorPausePagesTest {

    private static final String PASSWORD = "a-browser-test-password";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @RegisterExtension
    static final Browser browser = Browser.perClass();

    @BeforeAll
    static void noDefaultToken() {
        Fixtures.actAnonymously();
    }

    private static RequestSpecification admin() {
        return given().header("Authorization", Fixtures.bearer(Fixtures.token("demo-admin")));
    }

    private static long mentor(String name) {
        var body = Fixtures.leader(name);
        body.put("visibility", "registered");
        body.put("mentoring", Map.of("willing", true, "capacity", 2, "formats", List.of(), "trained", false));
        return admin().contentType(ContentType.JSON).body(body).when().post("/api/leaders").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static String account(String prefix, String role, Long leaderId) {
        var username = (prefix + "-" + System.nanoTime()).toLowerCase(Locale.ROOT);
        var body = new HashMap<String, Object>(Map.of("username", username, "password", PASSWORD, "roles", List.of(role), "fullName", "Robin " + prefix));
        if (leaderId != null) {
            body.put("leaderId", leaderId);
        }
        admin().contentType(ContentType.JSON).body(body).when().post("/api/admin/accounts").then().statusCode(201);
        return username;
    }

    /** Signs in through the page and returns the session cookie. */
    private static String session(String username) {
        return PagesTest.signIn(username, PASSWORD);
    }

    private static String page(String session, String path) {
        return given().cookie("joinedup-session", session).when().get(path).then().statusCode(200).extract().asString();
    }

    private static JsonPath leader(long id) {
        return admin().when().get("/api/leaders/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static RequestSpecification form(String session, String csrf, LocalDate until, String reason) {
        var spec = given().redirects().follow(false).cookie("joinedup-session", session);
        if (csrf != null) {
            spec.formParam("csrf", csrf);
        }
        if (until != null) {
            spec.formParam("until-day", String.valueOf(until.getDayOfMonth())).formParam("until-month", String.valueOf(until.getMonthValue()))
                    .formParam("until-year", String.valueOf(until.getYear()));
        }
        return spec.formParam("reason", reason == null ? "" : reason);
    }

    @Test
    void aLeaderPausesThemselfSeesItInWordsAndEndsIt() {
        long nano = System.nanoTime();
        long id = mentor("Paula Pause " + nano);
        var username = account("paula-" + nano, Roles.LEADER, id);

        browser.go("/account/sign-in");
        browser.type("#username", username);
        browser.type("#password", PASSWORD);
        browser.click("#sign-in");
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> !d.getCurrentUrl().contains("/account/sign-in"));

        // My work's mentoring form leads to the pause
        browser.go("/my-work");
        browser.click("#pause-link a");
        browser.waitForPath("/leaders/" + id);
        assertTrue(browser.find("#pause-status").getText().startsWith("Not paused"), browser.find("#pause-status").getText());

        // a day in the past: the error is beside the date and in the summary
        var yesterday = TODAY.minusDays(1);
        browser.type("#until", String.valueOf(yesterday.getDayOfMonth()));
        browser.type("#until-month", String.valueOf(yesterday.getMonthValue()));
        browser.type("#until-year", String.valueOf(yesterday.getYear()));
        browser.click("#save-pause");
        assertTrue(browser.find("#until-error").getText().contains("must be after today"), browser.find("#until-error").getText());
        assertTrue(browser.find("#error-summary a[href='#until']").isDisplayed());
        browser.check("pause-form-error");

        var until = TODAY.plusMonths(3);
        browser.type("#until", String.valueOf(until.getDayOfMonth()));
        browser.type("#until-month", String.valueOf(until.getMonthValue()));
        browser.type("#until-year", String.valueOf(until.getYear()));
        browser.type("#reason", "Parental leave");
        browser.click("#save-pause");
        var status = browser.find("#pause-status").getText();
        assertTrue(status.startsWith("Paused until " + DAY.format(until) + "."), status);
        assertTrue(browser.find("#mentoring-paused").getText().contains("Paused until " + DAY.format(until)));
        assertEquals("Reason (seen only by programme staff, admins and Paula Pause " + nano + "): Parental leave",
                browser.find("#pause-status-reason").getText());
        browser.check("pause-paused");
        assertEquals(until.toString(), leader(id).getString("mentoring.pausedUntil"));

        browser.go("/my-work");
        assertTrue(browser.find("#pause-link").getText().contains("Mentoring paused until " + DAY.format(until)), browser.find("#pause-link").getText());

        browser.go("/leaders/" + id);
        browser.click("#end-pause");
        assertTrue(browser.find("#pause-status").getText().startsWith("Not paused"), browser.find("#pause-status").getText());
        assertEquals(null, leader(id).getString("mentoring.pausedUntil"));
    }

    @Test
    void onlyTheLeaderStaffAndAdminsGetTheFormAndACommissionerCannotPause() {
        long nano = System.nanoTime();
        long id = mentor("Rita Roles " + nano);
        var leader = session(account("rita-" + nano, Roles.LEADER, id));
        var commissioner = session(account("rita-commissioner-" + nano, Roles.COMMISSIONER, null));
        var otherLeader = session(account("rita-other-" + nano, Roles.LEADER, mentor("Other Olive " + nano)));
        var staff = session(account("rita-staff-" + nano, Roles.PROGRAMME, null));

        var until = TODAY.plusDays(20);
        var leaderCsrf = PagesTest.csrfOf(page(leader, "/leaders/" + id));
        form(leader, leaderCsrf, until, "Exams " + nano).when().post("/leaders/" + id + "/pause").then().statusCode(303)
                .header("Location", containsString("/leaders/" + id + "#pause"));

        // a commissioner and another leader see the date but neither the form nor the reason, and may not pause
        for (var other : List.of(commissioner, otherLeader)) {
            var html = page(other, "/leaders/" + id);
            assertTrue(html.contains("Paused until " + DAY.format(until)), "the date is for everyone");
            assertTrue(!html.contains("id=\"pause-form\"") && !html.contains("Exams " + nano), "no form and no reason");
            var csrf = PagesTest.csrfOf(page(other, "/my-work"));
            form(other, csrf, TODAY.plusDays(5), "taken over").when().post("/leaders/" + id + "/pause").then().statusCode(403);
            given().redirects().follow(false).cookie("joinedup-session", other).formParam("csrf", csrf).when().post("/leaders/" + id + "/pause/end")
                    .then().statusCode(403);
        }
        given().redirects().follow(false).formParam("reason", "x").when().post("/leaders/" + id + "/pause/end").then()
                .statusCode(oneOf(303, 401, 403));
        assertEquals(until.toString(), leader(id).getString("mentoring.pausedUntil"));
        assertEquals("Exams " + nano, leader(id).getString("mentoring.pauseReason"));

        // programme staff see the form and the reason, and may change the pause
        var staffPage = page(staff, "/leaders/" + id);
        assertTrue(staffPage.contains("id=\"pause-form\"") && staffPage.contains("Exams " + nano));
        form(staff, PagesTest.csrfOf(staffPage), until.plusDays(1), null).when().post("/leaders/" + id + "/pause").then().statusCode(303);
        assertEquals(until.plusDays(1).toString(), leader(id).getString("mentoring.pausedUntil"));
    }

    @Test
    void thePauseFormsNeedTheirTokenAndShowErrorsBesideTheirFields() {
        long nano = System.nanoTime();
        long id = mentor("Tom Token " + nano);
        var leader = session(account("tom-" + nano, Roles.LEADER, id));
        var stranger = session(account("tom-stranger-" + nano, Roles.COMMISSIONER, null));
        var csrf = PagesTest.csrfOf(page(leader, "/leaders/" + id));

        // no token, a made-up one, another session's: refused, nothing written
        form(leader, null, TODAY.plusDays(9), null).when().post("/leaders/" + id + "/pause").then().statusCode(403);
        form(leader, "made-up", TODAY.plusDays(9), null).when().post("/leaders/" + id + "/pause").then().statusCode(403);
        form(leader, PagesTest.csrfOf(page(stranger, "/my-work")), TODAY.plusDays(9), null).when().post("/leaders/" + id + "/pause")
                .then().statusCode(403);
        assertEquals(null, leader(id).getString("mentoring.pausedUntil"));

        // errors beside their fields, in words, with what was typed kept
        form(leader, csrf, TODAY, null).when().post("/leaders/" + id + "/pause").then().statusCode(400)
                .body(containsString("id=\"until-error\"")).body(containsString("must be after today"));
        given().redirects().follow(false).cookie("joinedup-session", leader).formParam("csrf", csrf).formParam("until-day", "1")
                .formParam("until-month", "3").formParam("until-year", "99999").when().post("/leaders/" + id + "/pause").then().statusCode(400)
                .body(containsString("id=\"until-error\"")).body(containsString("no later than " + DAY.format(TODAY.plusYears(2))))
                .body(containsString("value=\"99999\""));
        given().redirects().follow(false).cookie("joinedup-session", leader).formParam("csrf", csrf).formParam("until-day", "31")
                .formParam("until-month", "2").formParam("until-year", "2027").when().post("/leaders/" + id + "/pause").then().statusCode(400)
                .body(containsString("Give a real date"));
        given().redirects().follow(false).cookie("joinedup-session", leader).formParam("csrf", csrf).formParam("until-day", "")
                .formParam("until-month", "").formParam("until-year", "").when().post("/leaders/" + id + "/pause").then().statusCode(400)
                .body(containsString("Give the day the pause ends"));
        form(leader, csrf, TODAY.plusDays(9), "y".repeat(501)).when().post("/leaders/" + id + "/pause").then().statusCode(400)
                .body(containsString("id=\"reason-error\"")).body(containsString("Reason must be 500 characters or fewer"))
                .body(not(containsString("id=\"until-error\"")));
        assertEquals(null, leader(id).getString("mentoring.pausedUntil"), "nothing written by a refused form");
    }

    @Test
    void aRequestAskedUnderAProgrammeIsMatchedUnderItsProfileAndThePagesSaySo() {
        long nano = System.nanoTime();
        long learner = mentor("Lena Learner " + nano);
        var session = session(account("lena-" + nano, Roles.LEADER, learner));
        var formPage = page(session, "/my-work/learning-requests/new");
        assertTrue(formPage.contains("id=\"programme\"") && formPage.contains("<option value=\"vanguard\""), "the programmes are offered");
        var csrf = PagesTest.csrfOf(formPage);

        // a programme that is not in the vocabulary: beside the field, nothing saved
        given().redirects().follow(false).cookie("joinedup-session", session).formParam("csrf", csrf).formParam("area", "E10000024")
                .formParam("services", "gp").formParam("services", "housing").formParam("programme", "made-up-programme")
                .when().post("/my-work/learning-requests").then().statusCode(400).body(containsString("id=\"programme-error\""));

        given().redirects().follow(false).cookie("joinedup-session", session).formParam("csrf", csrf).formParam("area", "E10000024")
                .formParam("services", "gp").formParam("services", "housing").formParam("programme", "vanguard").formParam("need", "Hub " + nano)
                .when().post("/my-work/learning-requests").then().statusCode(303);
        var requests = admin().queryParam("learnerId", learner).when().get("/api/learning-requests").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("vanguard"), requests.getList("items.programme"));
        long request = requests.getLong("items[0].id");

        var myWork = page(session, "/my-work");
        assertTrue(myWork.contains("(as New care models vanguards matches)"), "My work names the programme the suggestions follow");

        var desk = given().header("Authorization", Fixtures.bearer(Fixtures.token("demo-programme"))).when().get("/programme/requests/" + request)
                .then().statusCode(200).extract().asString();
        assertTrue(desk.contains("Scored with the matching profile of New care models vanguards"), "the desk names the profile in use");

        // without a programme: the default, said so
        given().redirects().follow(false).cookie("joinedup-session", session).formParam("csrf", csrf).formParam("area", "E10000024")
                .formParam("services", "gp").formParam("services", "acute").formParam("programme", "")
                .when().post("/my-work/learning-requests").then().statusCode(303);
        var plain = admin().queryParam("learnerId", learner).queryParam("size", 50).when().get("/api/learning-requests").then().statusCode(200)
                .extract().jsonPath().getList("items.findAll { it.programme == null }.id", Long.class);
        assertEquals(1, plain.size(), plain.toString());
        var plainDesk = given().header("Authorization", Fixtures.bearer(Fixtures.token("demo-programme"))).when()
                .get("/programme/requests/" + plain.get(0)).then().statusCode(200).extract().asString();
        assertTrue(plainDesk.contains("Scored with the default matching profile"), "the desk says the default is in use");
    }
}
