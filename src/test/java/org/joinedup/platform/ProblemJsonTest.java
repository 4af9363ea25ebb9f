package org.joinedup.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.joinedup.Fixtures;

@QuarkusTest
class ProblemJsonTest {

    @BeforeAll
    static void actAsAdmin() {
        Fixtures.actAs("demo-admin");
    }

    @Test
    void unknownAddressIs404ProblemJson() {
        given().when().get("/api/nothing-here")
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404))
                .body("instance", equalTo("/api/nothing-here"));
    }

    @Test
    void wrongMediaTypeIs415ProblemJson() {
        given().contentType(ContentType.TEXT).body("hello")
                .when().post("/api/leaders")
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void nonNumericIdIsNotAServerError() {
        given().when().get("/api/leaders/abc")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", not(containsString("Exception")));
    }

    @Test
    void everyProblemCarriesTheRequestIdItsHeaderGives() {
        var response = given().when().get("/api/leaders/0").then().statusCode(404).contentType("application/problem+json")
                .extract();
        String id = response.header(RequestIds.HEADER);
        Assertions.assertNotNull(id, "X-Request-Id header");
        Assertions.assertEquals(id, response.jsonPath().getString("requestId"));
        // a validation failure is answered on a worker thread: the id reached it through the logging context
        given().contentType(ContentType.JSON).body("{}").when().post("/api/leaders")
                .then().statusCode(400).body("requestId", Matchers.matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void aCallersPlainRequestIdIsKeptAndAnythingElseReplaced() {
        given().header(RequestIds.HEADER, "balancer-7f3a.42").when().get("/api/leaders/0")
                .then().statusCode(404).header(RequestIds.HEADER, "balancer-7f3a.42").body("requestId", equalTo("balancer-7f3a.42"));
        given().header(RequestIds.HEADER, "forged\" id=admin").when().get("/api/leaders/0")
                .then().statusCode(404).header(RequestIds.HEADER, not(containsString("forged")))
                .body("requestId", not(containsString("forged")));
    }
}
