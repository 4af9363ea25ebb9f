package org.joinedup.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.joinedup.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every paged endpoint refuses a page whose offset would not fit, with a 400 naming page, never a 500. */
@QuarkusTest
class PagingLimitsTest {

    /** Every endpoint that takes page and size (the admin reaches them all). */
    private static final List<String> PAGED = List.of("/api/leaders", "/api/leaders/1/records", "/api/introductions",
            "/api/learning-requests", "/api/mentorships", "/api/admin/accounts", "/api/admin/audit", "/api/search/leaders");

    @BeforeAll
    static void actAsAdmin() {
        Fixtures.actAs("demo-admin");
    }

    @Test
    void refusesAPageWhoseOffsetOverflows() {
        for (var path : PAGED) {
            given().queryParam("page", 30_000_000).queryParam("size", 100)
                    .when().get(path)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations.field", hasItem("page")).body("violations.in", hasItem("query"));
        }
    }

    @Test
    void answersTheLastReachablePageWithNoItems() {
        // (21,474,835 + 1) * 100 = 2,147,483,600, just under Integer.MAX_VALUE
        for (var path : List.of("/api/leaders", "/api/admin/accounts", "/api/admin/audit", "/api/mentorships")) {
            given().queryParam("page", 21_474_835).queryParam("size", 100)
                    .when().get(path)
                    .then().statusCode(200).body("items.size()", equalTo(0));
        }
        given().queryParam("page", 21_474_836).queryParam("size", 100)
                .when().get("/api/leaders")
                .then().statusCode(400).body("violations[0].field", equalTo("page"));
    }
}
