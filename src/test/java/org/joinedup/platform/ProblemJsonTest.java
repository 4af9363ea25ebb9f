package org.joinedup.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
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

    @Test
    void aNulCharacterIsRefusedNamingItsPlaceNotAServerError() {
        Fixtures.actAnonymously();
        try {
            given().urlEncodingEnabled(false).when().get("/api/organisations/RK%005")
                    .then().statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("path"));
            given().urlEncodingEnabled(false).when().get("/api/search/leaders?q=care%00x")
                    .then().statusCode(400).body("violations[0].field", equalTo("q")).body("violations[0].in", equalTo("query"));
            given().contentType(ContentType.JSON).body("{\"username\": \"a\\u0000b\", \"password\": \"long-enough-password\"}")
                    .when().post("/api/auth/token")
                    .then().statusCode(400).body("violations[0].field", equalTo("username"))
                    .body("violations[0].message", containsString("NUL"));
        } finally {
            Fixtures.actAs("demo-admin");
        }
        var leader = Fixtures.leader("Nul \u0000 Name");
        given().contentType(ContentType.JSON).body(leader).when().post("/api/leaders")
                .then().statusCode(400).body("violations[0].field", equalTo("name"));
    }

    @Test
    void aBodyIsReadAsWrittenNothingGuessed() {
        long leader = Fixtures.createLeader(Fixtures.leader("Strict Reader"));
        var record = Fixtures.record("Strictly read hub");
        // a text given as a number, a key given twice, text after the body: refused, not taken
        record.put("title", 12);
        given().contentType(ContentType.JSON).body(record).when().post("/api/leaders/" + leader + "/records")
                .then().statusCode(400).body("violations[0].field", equalTo("title"));
        given().contentType(ContentType.JSON).body("{\"name\": \"One\", \"name\": \"Two\", \"homeArea\": \"E10000024\"}")
                .when().post("/api/leaders").then().statusCode(400).body("violations[0].field", equalTo("body"));
        given().contentType(ContentType.JSON).body("{\"name\": \"Trailing\", \"homeArea\": \"E10000024\"} xyz")
                .when().post("/api/leaders").then().statusCode(400).body("violations[0].field", equalTo("body"));
        // a whole number is not cut from a fraction, nor read from a string
        var profile = Fixtures.leader("Fraction Mentor");
        profile.put("mentoring", Map.of("willing", true, "capacity", 2.7));
        given().contentType(ContentType.JSON).body(profile).when().post("/api/leaders")
                .then().statusCode(400).body("violations[0].field", equalTo("mentoring.capacity"))
                .body("violations[0].message", containsString("whole number"));
        profile.put("mentoring", Map.of("willing", true, "capacity", "2"));
        given().contentType(ContentType.JSON).body(profile).when().post("/api/leaders")
                .then().statusCode(400).body("violations[0].field", equalTo("mentoring.capacity"));
    }

    @Test
    void aMissingBodyIsNamedAsTheBody() {
        given().contentType(ContentType.JSON).body("").when().post("/api/leaders")
                .then().statusCode(400).body("violations[0].field", equalTo("body")).body("violations[0].in", equalTo("body"));
        given().contentType(ContentType.JSON).body("null").when().post("/api/auth/token")
                .then().statusCode(400).body("violations[0].field", equalTo("body"));
    }
}
