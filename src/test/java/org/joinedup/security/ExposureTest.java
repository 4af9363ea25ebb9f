package org.joinedup.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import org.joinedup.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the public port shows, and what only the management interface does. */
@QuarkusTest
class ExposureTest {

    @BeforeAll
    static void anonymous() {
        Fixtures.actAnonymously();
    }

    @Test
    void healthAndMetricsAreNotOnThePublicPort() {
        given().when().get("/q/health/ready").then().statusCode(404);
        given().when().get("/q/health").then().statusCode(404);
        given().when().get("/q/metrics").then().statusCode(404);
    }

    @Test
    void healthAndMetricsAnswerOnTheManagementInterface() {
        Fixtures.management().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        Fixtures.management().when().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
    }

    @Test
    void theApiDocumentStaysOnThePublicPort() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200).body("info.title", equalTo("JoinedUp API"));
    }

    @Test
    void strictTransportSecurityOnlyOverTls() {
        given().when().get("/api/vocabularies/services").then().statusCode(200).header("Strict-Transport-Security", nullValue());
        // a trusted TLS-terminating proxy (loopback in the test profile) says the client came over https
        given().header("X-Forwarded-Proto", "https").when().get("/api/vocabularies/services")
                .then().statusCode(200).header("Strict-Transport-Security", containsString("max-age=31536000"));
    }

    @Test
    void theSessionCookiesAreSecureBehindATlsTerminatingProxy() {
        var plain = given().when().get("/account/sign-in").then().statusCode(200).extract().header("Set-Cookie");
        var proxied = given().header("X-Forwarded-Proto", "https").when().get("/account/sign-in").then().statusCode(200)
                .extract().header("Set-Cookie");
        assertFalse(plain.contains("Secure"), plain);
        assertTrue(proxied.contains("Secure"), proxied);
    }
}
