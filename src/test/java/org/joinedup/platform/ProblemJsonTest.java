package org.joinedup.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
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
}
