package org.joinedup.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.joinedup.Fixtures;
import org.joinedup.Race;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A client retrying in parallel (a double click, a second tab): one request does the work, the others are told why not, never a 500. */
@QuarkusTest
class SameRequestAtOnceTest {

    @BeforeAll
    static void asAdmin() {
        Fixtures.actAs("demo-admin");
    }

    @Test
    void anIntroductionAskedEightTimesAtOnceIsAskedOnce() throws Exception {
        long leader = Fixtures.createLeader(Fixtures.leader("Asked Once"));
        var statuses = Race.sortedStatuses(8, i -> () -> commissioner().contentType(ContentType.JSON)
                .body(Map.of("leaderId", leader, "message", "Could we talk?")).when().post("/api/introductions").then().extract().statusCode());
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(7, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        commissioner().when().get("/api/introductions").then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void aShortlistDeletedEightTimesAtOnceIsDeletedOnceAndNoneIsAServerError() throws Exception {
        long shortlist = commissioner().contentType(ContentType.JSON).body(Map.of("name", "Deleted at once " + System.nanoTime()))
                .when().post("/api/shortlists").then().statusCode(201).extract().jsonPath().getLong("id");
        var statuses = Race.sortedStatuses(8, i -> () -> commissioner().when().delete("/api/shortlists/" + shortlist).then().extract().statusCode());
        assertEquals(1, statuses.stream().filter(s -> s == 204).count(), statuses.toString());
        assertTrue(statuses.stream().allMatch(s -> s == 204 || s == 404 || s == 409), statuses.toString());
        commissioner().when().get("/api/shortlists/" + shortlist).then().statusCode(404);
    }

    private static final String PASSWORD = "a-test-password-long-enough";
    private static String commissionerToken;

    /** A commissioner of this test's own, so their lists hold only what it made. */
    private static RequestSpecification commissioner() {
        synchronized (SameRequestAtOnceTest.class) {
            if (commissionerToken == null) {
                var username = "at-once-" + System.nanoTime();
                given().contentType(ContentType.JSON).body(Map.of("username", username, "password", PASSWORD, "roles", List.of("commissioner")))
                        .when().post("/api/admin/accounts").then().statusCode(201);
                commissionerToken = Fixtures.token(username, PASSWORD);
            }
        }
        return given().header("Authorization", Fixtures.bearer(commissionerToken));
    }
}
