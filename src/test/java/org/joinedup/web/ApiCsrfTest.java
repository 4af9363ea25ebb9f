package org.joinedup.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.joinedup.Fixtures;
import org.joinedup.security.TokenVerification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An API call that writes and is signed in by the pages' session cookie needs the session's form token. */
@QuarkusTest
class ApiCsrfTest {

    @Inject
    CsrfTokens tokens;

    @BeforeAll
    static void noDefaultToken() {
        Fixtures.actAnonymously();
    }

    @Test
    void refusesACookieSignedWriteWithoutTheToken() {
        given().cookie(TokenVerification.SESSION_COOKIE, Fixtures.token("demo-admin"))
                .when().post("/api/admin/outbox/replay")
                .then().statusCode(403).contentType("application/problem+json").body("detail", notNullValue());
    }

    @Test
    void refusesABodylessAcceptWithoutTheTokenBeforeLookingItUp() {
        // a leader accepting an introduction from a cross-site form: refused even before the 404
        given().cookie(TokenVerification.SESSION_COOKIE, Fixtures.token("demo-leader"))
                .when().post("/api/introductions/987654321/accept")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void refusesACookieSignedWriteWithAWrongToken() {
        var session = Fixtures.token("demo-admin");
        given().cookie(TokenVerification.SESSION_COOKIE, session).header(ApiCsrfCheck.HEADER, tokens.token(session + "x"))
                .when().post("/api/admin/outbox/replay")
                .then().statusCode(403);
    }

    @Test
    void acceptsACookieSignedWriteWithTheToken() {
        var session = Fixtures.token("demo-admin");
        given().cookie(TokenVerification.SESSION_COOKIE, session).header(ApiCsrfCheck.HEADER, tokens.token(session))
                .when().post("/api/admin/outbox/replay")
                .then().statusCode(200).body("rows", notNullValue());
    }

    @Test
    void cookieSignedReadsAndBearerWritesNeedNoToken() {
        given().cookie(TokenVerification.SESSION_COOKIE, Fixtures.token("demo-admin"))
                .when().get("/api/admin/outbox")
                .then().statusCode(200);
        given().header("Authorization", Fixtures.bearer(Fixtures.token("demo-admin")))
                .when().post("/api/admin/outbox/replay")
                .then().statusCode(200);
    }

    @Test
    void theSearchCheckOnlyReadsAndFixingIsAPost() {
        var admin = Fixtures.bearer(Fixtures.token("demo-admin"));
        given().header("Authorization", admin).queryParam("fix", "true")
                .when().get("/api/admin/search/check")
                .then().statusCode(400).body("violations[0].field", equalTo("fix"));
        given().header("Authorization", admin)
                .when().post("/api/admin/search/check/fix")
                .then().statusCode(200).body("inStep", notNullValue());
    }
}
