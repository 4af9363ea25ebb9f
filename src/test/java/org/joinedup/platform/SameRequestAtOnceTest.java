package org.joinedup.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.joinedup.Fixtures;
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
        var statuses = eightAtOnce(() -> commissioner().contentType(ContentType.JSON).body(Map.of("leaderId", leader, "message", "Could we talk?"))
                .when().post("/api/introductions").then().extract().statusCode());
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(7, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        commissioner().when().get("/api/introductions").then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void aShortlistDeletedEightTimesAtOnceIsDeletedOnceAndNoneIsAServerError() throws Exception {
        long shortlist = commissioner().contentType(ContentType.JSON).body(Map.of("name", "Deleted at once " + System.nanoTime()))
                .when().post("/api/shortlists").then().statusCode(201).extract().jsonPath().getLong("id");
        var statuses = eightAtOnce(() -> commissioner().when().delete("/api/shortlists/" + shortlist).then().extract().statusCode());
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

    private static List<Integer> eightAtOnce(Callable<Integer> request) throws Exception {
        var barrier = new CyclicBarrier(8);
        var pool = Executors.newFixedThreadPool(8);
        try {
            var answers = new ArrayList<Future<Integer>>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> {
                    barrier.await();
                    return request.call();
                }));
            }
            var statuses = new ArrayList<Integer>();
            for (var answer : answers) {
                statuses.add(answer.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
