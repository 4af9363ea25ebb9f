package org.joinedup.matching;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.joinedup.Fixtures.awaitIndexInStep;
import static org.joinedup.matching.MatchingFixtures.createRequest;
import static org.joinedup.matching.MatchingFixtures.learner;
import static org.joinedup.matching.MatchingFixtures.mentor;
import static org.joinedup.matching.MatchingFixtures.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.joinedup.Fixtures;

@QuarkusTest
class CohortMatchResourceTest {

    @BeforeAll
    static void actAsAdmin() {
        Fixtures.actAs("demo-admin");
    }

    private static JsonPath run(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/cohort-matches")
                .then().statusCode(201).extract().jsonPath();
    }

    /**
     * Mentor A suits both requests equally, mentor B only the first, one place each: greedy gives
     * A to the first request and leaves the second without anyone; the optimum gives A to the second.
     */
    @Test
    void theOptimumBeatsGreedyAndIsAcceptedAllOrNothing() {
        long a = mentor("Cohort Mentor A", "Org A", 1, List.of("gp", "social-care", "housing", "pharmacy"));
        long b = mentor("Cohort Mentor B", "Org B", 1, List.of("gp", "acute"));
        long first = createRequest(request(learner("Cohort Learner 1", "Org L1", List.of()), List.of("gp", "social-care")));
        long second = createRequest(request(learner("Cohort Learner 2", "Org L2", List.of()), List.of("housing", "pharmacy")));
        awaitIndexInStep(Duration.ofSeconds(10));

        var result = run(Map.of("requests", List.of(first, second), "mentors", List.of(a, b), "perRequest", 1));
        assertEquals(List.of(first, second), result.getList("assignments.requestId", Long.class));
        assertEquals(List.of(b, a), result.getList("assignments.mentorId", Long.class));
        assertEquals(List.of(), result.getList("unmatched"));
        double total = result.getDouble("totalScore");
        double greedy = result.getDouble("greedyTotalScore");
        assertTrue(total > greedy, total + " vs greedy " + greedy);
        assertEquals(1, result.getInt("greedyAssignments"));
        assertEquals(total, result.getList("assignments.score", Float.class).stream().mapToDouble(Float::doubleValue).sum(), 0.05);
        assertEquals(result.getList("assignments"), run(Map.of("requests", List.of(second, first), "mentors", List.of(b, a)))
                .getList("assignments"), "deterministic whatever the order");

        long cohort = result.getLong("id");
        given().contentType(ContentType.JSON).body(Map.of("rows", List.of(3))).when().post("/api/cohort-matches/" + cohort + "/accept")
                .then().statusCode(400).body("violations[0].field", equalTo("rows[0]"));
        given().contentType(ContentType.JSON).body(Map.of()).when().post("/api/cohort-matches/" + cohort + "/accept")
                .then().statusCode(200).body("status", equalTo(List.of("proposed", "proposed")))
                .body("cohortMatchId", equalTo(List.of((int) cohort, (int) cohort)));
        // accepting again would need places the mentors no longer have: refused, and nothing half-done
        given().contentType(ContentType.JSON).body(Map.of()).when().post("/api/cohort-matches/" + cohort + "/accept")
                .then().statusCode(409).contentType("application/problem+json");
        given().queryParam("mentorId", a).when().get("/api/mentorships").then().body("total", equalTo(1));
    }

    @Test
    void capacityAndPerRequestHoldAndUnmatchedRequestsSayWhy() {
        long mentor = mentor("Cohort Mentor Solo", "Solo Org", 2, List.of("gp", "social-care"));
        var requests = new ArrayList<Long>();
        for (int i = 0; i < 3; i++) {
            requests.add(createRequest(request(learner("Solo Learner " + i, "Solo L" + i, List.of()), List.of("gp"))));
        }
        long nobody = createRequest(request(learner("Lonely Learner", "Lonely Org", List.of()), List.of("learning-disability")));
        awaitIndexInStep(Duration.ofSeconds(10));
        var all = new ArrayList<>(requests);
        all.add(nobody);
        var result = run(Map.of("requests", all, "mentors", List.of(mentor), "perRequest", 1));
        assertEquals(2, result.getList("assignments").size(), "capacity 2");
        assertEquals(2, result.getList("unmatched").size());
        assertTrue(result.getString("unmatched.find { it.requestId == " + nobody + " }.reason").startsWith("no available mentor"));
        List<Long> short1 = result.getList("unmatched.findAll { it.requestId != " + nobody + " }.requestId", Long.class);
        assertTrue(result.getString("unmatched.find { it.requestId == " + short1.get(0) + " }.reason").contains("no capacity left"));

        // two mentors per request, but only one mentor: never the same mentor twice for a request
        var twice = run(Map.of("requests", requests.subList(0, 1), "mentors", List.of(mentor), "perRequest", 2));
        assertEquals(1, twice.getList("assignments").size());
        assertEquals(1, twice.getInt("unmatched[0].missing"));
    }

    /** A mentor already proposed for a request is not offered for it again: accepting the cohort would refuse every row. */
    @Test
    void aMentorAlreadyProposedForARequestIsNotOfferedForItAgain() {
        long mentor = mentor("Cohort Mentor Proposed", "Proposed Org", 2, List.of("gp", "social-care"));
        long request = createRequest(request(learner("Cohort Learner Proposed", "Proposed L", List.of()), List.of("gp")));
        awaitIndexInStep(Duration.ofSeconds(10));
        assertEquals(201, MatchingFixtures.propose(request, mentor));

        var result = run(Map.of("requests", List.of(request), "mentors", List.of(mentor), "perRequest", 1));
        assertEquals(List.of(), result.getList("assignments"), result.prettify());
        assertEquals(List.of(request), result.getList("unmatched.requestId", Long.class));
        given().contentType(ContentType.JSON).body(Map.of("requests", List.of(request), "mentors", List.of(mentor),
                "locks", List.of(Map.of("requestId", request, "mentorId", mentor)))).when().post("/api/cohort-matches")
                .then().statusCode(409).body("detail", containsString("already proposed"));
    }

    /**
     * Two programme staff accept, at the same moment, two cohorts that both give the one place of
     * mentor M: one accept succeeds, the other is refused whole (its other row, with mentor N, is
     * not created either) and M never holds more than one learner.
     */
    @Test
    void twoAcceptsRacingForTheSameMentorNeverExceedItsCapacity() throws Exception {
        long m = mentor("Racing Cohort Mentor M", "Org RM", 1, List.of("gp", "social-care"));
        long n = mentor("Racing Cohort Mentor N", "Org RN", 1, List.of("acute", "urgent-care"));
        long r1 = createRequest(request(learner("Racing Cohort Learner 1", "Org RL1", List.of()), List.of("gp")));
        long r2 = createRequest(request(learner("Racing Cohort Learner 2", "Org RL2", List.of()), List.of("gp")));
        long r3 = createRequest(request(learner("Racing Cohort Learner 3", "Org RL3", List.of()), List.of("acute")));
        awaitIndexInStep(Duration.ofSeconds(10));
        long x = run(Map.of("requests", List.of(r1), "mentors", List.of(m))).getLong("id");
        var y = run(Map.of("requests", List.of(r2, r3), "mentors", List.of(m, n)));
        assertEquals(List.of(m, n), y.getList("assignments.mentorId", Long.class));

        var barrier = new CyclicBarrier(2);
        var pool = Executors.newFixedThreadPool(2);
        try {
            var accepts = new ArrayList<Future<Integer>>();
            for (long cohort : List.of(x, y.getLong("id"))) {
                accepts.add(pool.submit(() -> {
                    barrier.await();
                    return given().contentType(ContentType.JSON).body(Map.of()).when().post("/api/cohort-matches/" + cohort + "/accept")
                            .then().extract().statusCode();
                }));
            }
            int first = accepts.get(0).get();
            int second = accepts.get(1).get();
            assertEquals(List.of(200, 409), Stream.of(first, second).sorted().toList());
            given().when().get("/api/leaders/" + m).then().body("mentoring.active", equalTo(1));
            given().queryParam("mentorId", m).when().get("/api/mentorships").then().body("total", equalTo(1));
            // the losing cohort left nothing behind: N has a learner only if its cohort won
            given().queryParam("mentorId", n).when().get("/api/mentorships").then().body("total", equalTo(second == 200 ? 1 : 0));
            given().when().get("/api/leaders/" + n).then().body("mentoring.active", equalTo(second == 200 ? 1 : 0));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rejectsBadCohortsNamingTheField() {
        given().contentType(ContentType.JSON).body(Map.of("requests", List.of())).when().post("/api/cohort-matches")
                .then().statusCode(400).body("violations[0].field", equalTo("requests"));
        given().contentType(ContentType.JSON).body(Map.of("requests", List.of(1), "perRequest", 0)).when().post("/api/cohort-matches")
                .then().statusCode(400).body("violations[0].field", equalTo("perRequest"));
        long learner = learner("Cohort Checker", "Checker Org", List.of());
        long real = createRequest(request(learner, List.of("gp")));
        given().contentType(ContentType.JSON).body(Map.of("requests", List.of(real, 987_654_321L))).when().post("/api/cohort-matches")
                .then().statusCode(400).body("violations[0].field", equalTo("requests[1]"));
        given().contentType(ContentType.JSON).body(Map.of("requests", List.of(real), "mentors", List.of(987_654_321L)))
                .when().post("/api/cohort-matches").then().statusCode(400).body("violations[0].field", equalTo("mentors[0]"));
        given().when().get("/api/cohort-matches/987654321").then().statusCode(404);
    }
}
