package org.joinedup.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.regex.Pattern;
import org.joinedup.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The pages' security without a browser: sign-in redirects, form tokens, headers, and that pages are not API. */
@QuarkusTest
class PagesTest {

    private static final RestAssuredConfig NO_REDIRECTS = RestAssuredConfig.config().redirect(RedirectConfig.redirectConfig().followRedirects(false));

    @BeforeAll
    static void anonymous() {
        Fixtures.actAnonymously();
    }

    @Test
    void aPageNeedingSignInSendsTheBrowserToSignIn() {
        given().config(NO_REDIRECTS).when().get("/my-work").then().statusCode(303)
                .header("Location", containsString("/account/sign-in?next=%2Fmy-work"));
        given().config(NO_REDIRECTS).when().get("/programme/cohort").then().statusCode(303);
    }

    @Test
    void aSessionCookieThatIsNotATokenIsRefusedAndCleared() {
        given().config(NO_REDIRECTS).cookie("joinedup-session", "forged").when().get("/my-work").then().statusCode(303)
                .header("Set-Cookie", containsString("joinedup-session=;"));
    }

    @Test
    void theRoleDecidesWhichPagesOpen() {
        var leader = signIn("demo-leader");
        given().config(NO_REDIRECTS).cookie("joinedup-session", leader).when().get("/programme").then().statusCode(403);
        given().config(NO_REDIRECTS).cookie("joinedup-session", leader).when().get("/my-work").then().statusCode(200)
                .body(not(containsString("href=\"/programme\"")));
    }

    @Test
    void pagesAnswerFailuresAsPagesAndTheApiAsProblems() {
        var leader = signIn("demo-leader");
        given().config(NO_REDIRECTS).cookie("joinedup-session", leader).when().get("/programme").then().statusCode(403)
                .contentType(startsWith("text/html")).body(containsString("Not allowed"));
        given().when().get("/leaders/987654321").then().statusCode(404).contentType(startsWith("text/html"));
        given().when().get("/api/leaders/987654321").then().statusCode(404).contentType("application/problem+json");
        given().when().get("/api/admin/audit").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
        given().config(NO_REDIRECTS).cookie("joinedup-session", leader).when().get("/api/admin/audit").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void anUnexpectedFailureOnAPageIsAnHtmlPageWithAnIncidentNotJson() {
        given().accept("text/html").when().get("/test-only/failing-page").then().statusCode(500)
                .contentType(startsWith("text/html")).body(containsString("Something went wrong"))
                .body(containsString("Quote incident")).body(not(containsString("IllegalStateException")))
                .body(not(containsString("internals")));
    }

    @Test
    void aTamperedNumberInAFormIsABadRequestPageNotAFailure() {
        var staff = signIn("demo-programme");
        var csrf = csrfOf(given().cookie("joinedup-session", staff).when().get("/programme/cohort").then().statusCode(200)
                .extract().asString());
        given().config(NO_REDIRECTS).cookie("joinedup-session", staff).formParam("csrf", csrf).formParam("action", "run")
                .formParam("requests", "1; drop table leader").when().post("/programme/cohort")
                .then().statusCode(400).contentType(startsWith("text/html")).body(containsString("whole number"));
        // no request chosen: said beside the requests, and no cohort stored
        given().config(NO_REDIRECTS).cookie("joinedup-session", staff).formParam("csrf", csrf).formParam("action", "run").formParam("perRequest", "1")
                .when().post("/programme/cohort")
                .then().statusCode(400).contentType(startsWith("text/html")).body(containsString("There is no learning request chosen: choose at least one"));
    }

    @Test
    void steeringACohortNeedsTheRoleTheTokenAKnownRunAndPairsOfNumbers() {
        var programme = Fixtures.bearer(Fixtures.token("demo-programme"));
        long request = given().header("Authorization", programme).queryParam("status", "open").when().get("/api/learning-requests")
                .then().statusCode(200).extract().jsonPath().getLong("items[0].id");
        long run = given().header("Authorization", programme).contentType("application/json").body("{\"requests\": [" + request + "]}")
                .when().post("/api/cohort-matches").then().statusCode(201).extract().jsonPath().getLong("id");
        var leader = signIn("demo-leader");
        given().config(NO_REDIRECTS).cookie("joinedup-session", leader).formParam("ban", request + ":1").when()
                .post("/programme/cohort/" + run + "/steer").then().statusCode(403);
        var staff = signIn("demo-programme");
        given().config(NO_REDIRECTS).cookie("joinedup-session", staff).formParam("ban", request + ":1").when()
                .post("/programme/cohort/" + run + "/steer").then().statusCode(403);
        var csrf = csrfOf(given().cookie("joinedup-session", staff).when().get("/programme/cohort/" + run).then().statusCode(200)
                .extract().asString());
        given().config(NO_REDIRECTS).cookie("joinedup-session", staff).formParam("csrf", csrf).formParam("ban", request + ":1; drop table leader")
                .when().post("/programme/cohort/" + run + "/steer").then().statusCode(400).contentType(startsWith("text/html"))
                .body(containsString("request id and a mentor id"));
        given().config(NO_REDIRECTS).cookie("joinedup-session", staff).formParam("csrf", csrf).formParam("ban", request + ":1")
                .when().post("/programme/cohort/987654321/steer").then().statusCode(404).contentType(startsWith("text/html"));
        // a lock on a leader who does not exist is told beside the field, on the run's page
        given().config(NO_REDIRECTS).cookie("joinedup-session", staff).formParam("csrf", csrf).formParam("action", "lock-typed")
                .formParam("lockRequest", request).formParam("lockMentor", "987654321").when().post("/programme/cohort/" + run + "/steer")
                .then().statusCode(400).contentType(startsWith("text/html")).body(containsString("id=\"lockMentor-error\""))
                .body(containsString("There is no leader 987654321"));
        // accepting the ticked pairings with none ticked: said on the run's own page
        given().config(NO_REDIRECTS).cookie("joinedup-session", staff).formParam("csrf", csrf).formParam("action", "chosen")
                .when().post("/programme/cohort/" + run + "/accept").then().statusCode(400).contentType(startsWith("text/html"))
                .body(containsString("There is no pairing ticked")).body(containsString("Cohort " + run));
    }

    @Test
    void aFormWithoutItsTokenIsRefused() {
        var leader = signIn("demo-leader");
        given().config(NO_REDIRECTS).cookie("joinedup-session", leader).formParam("title", "x").when().post("/my-work/records")
                .then().statusCode(403);
        given().config(NO_REDIRECTS).cookie("joinedup-session", leader).formParam("title", "x").formParam("csrf", "made-up")
                .when().post("/my-work/records").then().statusCode(403);
    }

    @Test
    void aWrongPasswordShowsTheSignInPageAgain() {
        var page = given().when().get("/account/sign-in").then().statusCode(200).extract();
        var csrf = csrfOf(page.body().asString());
        given().config(NO_REDIRECTS).cookies(page.cookies()).formParam("csrf", csrf).formParam("username", "demo-leader")
                .formParam("password", "wrong").when().post("/account/sign-in")
                .then().statusCode(401).body(containsString("The username or password is not right"));
    }

    @Test
    void aNextPathThatIsNotAValidAddressGoesHomeAfterSignInNotToAFailure() {
        for (var next : List.of("/a b", "/a\"b", "/a<b", "/a|b", "/\t/evil.example")) {
            var page = given().when().get("/account/sign-in").then().statusCode(200).extract();
            var csrf = csrfOf(page.body().asString());
            given().config(NO_REDIRECTS).cookies(page.cookies()).formParam("csrf", csrf).formParam("next", next).formParam("username", "demo-leader")
                    .formParam("password", Fixtures.DEMO_PASSWORD).when().post("/account/sign-in")
                    .then().statusCode(303).header("Location", not(containsString("evil"))).cookie("joinedup-session", not(""));
        }
    }

    @Test
    void aRefusedProfileChangeShowsWhatWasTypedNotTheStoredProfile() {
        var leader = signIn("demo-leader");
        var page = given().cookie("joinedup-session", leader).when().get("/my-work").then().statusCode(200).extract().asString();
        given().config(NO_REDIRECTS).cookie("joinedup-session", leader).formParam("csrf", csrfOf(page))
                .formParam("doingNow", "Typed but not yet saved").formParam("willing", "yes").formParam("capacity", "abc")
                .formParam("formats", "workshops").when().post("/my-work/profile")
                .then().statusCode(400).body(containsString("id=\"capacity-error\""))
                .body(containsString(">Typed but not yet saved</textarea>")).body(containsString("value=\"abc\""))
                .body(containsString("id=\"formats-workshops\" name=\"formats\" type=\"checkbox\" value=\"workshops\" checked"));
    }

    @Test
    void aFindPagePastTheLastSaysSoAndOffersTheFirst() {
        given().queryParam("page", 100).queryParam("size", 20).when().get("/find").then().statusCode(200)
                .body(containsString("id=\"past-the-end\"")).body(not(containsString("Showing 2001")));
        given().queryParam("size", 20).when().get("/find").then().statusCode(200)
                .body(containsString("Showing 1 to 20.")).body(not(containsString("past-the-end")));
    }

    /** U+0000 in a form field is refused by the database (no check before it looks for it): a 400 page, not an incident. */
    @Test
    void aNulCharacterInAFormIsA400PageNotAnIncident() {
        var page = given().when().get("/account/sign-in").then().statusCode(200).extract();
        given().config(NO_REDIRECTS).cookies(page.cookies()).formParam("csrf", csrfOf(page.body().asString()))
                .formParam("username", "nul\u0000name").formParam("password", "whatever-it-is").when().post("/account/sign-in")
                .then().statusCode(400).contentType(containsString("text/html")).body(containsString("U+0000"));
        var leader = signIn("demo-leader");
        var work = given().cookie("joinedup-session", leader).when().get("/my-work").then().statusCode(200).extract().asString();
        given().config(NO_REDIRECTS).cookie("joinedup-session", leader).formParam("csrf", csrfOf(work))
                .formParam("doingNow", "Typed with a nul\u0000 in it").formParam("willing", "no").when().post("/my-work/profile")
                .then().statusCode(400).body(not(containsString("incident")));
    }

    @Test
    void signingOutOfThePagesEndsTheSessionsTokenNotOnlyTheCookie() {
        var session = signIn("demo-commissioner");
        var page = inSession(session).when().get("/find").then().statusCode(200).extract().asString();
        inSession(session).formParam("csrf", csrfOf(page)).when().post("/account/sign-out")
                .then().statusCode(303).cookie("joinedup-session", "");

        given().auth().oauth2(session).when().get("/api/me").then().statusCode(401);
        inSession(session).when().get("/shortlists").then().statusCode(303).header("Location", containsString("/account/sign-in"));
    }

    @Test
    void pagesRunUnderAStrictContentSecurityPolicyAndAreNotApi() {
        given().when().get("/find").then().statusCode(200)
                .header("Content-Security-Policy", startsWith("default-src 'self'"))
                .header("Content-Security-Policy", containsString("script-src 'self'"));
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body(not(containsString("/my-work"))).body(not(containsString("/find")));
    }

    /** Signs in through the sign-in page, as a browser would; the session cookie. */
    static String signIn(String username, String password) {
        var page = given().when().get("/account/sign-in").then().statusCode(200).extract();
        return given().redirects().follow(false).cookies(page.cookies()).formParam("csrf", csrfOf(page.body().asString()))
                .formParam("username", username).formParam("password", password).when().post("/account/sign-in")
                .then().statusCode(303).extract().cookie("joinedup-session");
    }

    /** Requests as the browser with this session cookie would send them (anonymous for null), redirects not followed. */
    static RequestSpecification inSession(String session) {
        var spec = given().config(NO_REDIRECTS);
        return session == null ? spec : spec.cookie("joinedup-session", session);
    }

    static String csrfOf(String html) {
        return PageForms.csrfOf(html);
    }

    /** Signs in through the page and returns the session cookie. */
    static String signIn(String account) {
        var page = given().when().get("/account/sign-in").then().statusCode(200).extract();
        var csrf = csrfOf(page.body().asString());
        return given().config(NO_REDIRECTS).cookies(page.cookies()).formParam("csrf", csrf).formParam("username", account)
                .formParam("password", Fixtures.DEMO_PASSWORD).when().post("/account/sign-in")
                .then().statusCode(303).extract().cookie("joinedup-session");
    }
}
