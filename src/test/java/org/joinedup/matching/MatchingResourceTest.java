package org.joinedup.matching;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.joinedup.Fixtures.awaitIndexInStep;
import static org.joinedup.matching.MatchingFixtures.createRequest;
import static org.joinedup.matching.MatchingFixtures.learner;
import static org.joinedup.matching.MatchingFixtures.mentor;
import static org.joinedup.matching.MatchingFixtures.propose;
import static org.joinedup.matching.MatchingFixtures.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.joinedup.vocabulary.Geography;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.joinedup.Fixtures;

@QuarkusTest
class MatchingResourceTest {

    @BeforeAll
    static void actAsAdmin() {
        Fixtures.actAs("demo-admin");
    }

    @Inject
    Geography geography;

    @Test
    void learningRequestsAreCheckedNamingEachField() {
        long learner = learner("Checked Learner", "Checked Org", List.of());
        var bad = request(learner, List.of("gp", "plumbing"));
        bad.put("area", "E40000011");
        bad.put("scope", "street");
        bad.put("formats", List.of("telepathy"));
        given().contentType(ContentType.JSON).body(bad).when().post("/api/learning-requests")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("area", "services[1]", "scope", "formats[0]")))
                .body("violations.find { it.field == 'services[1]' }.allowed", hasItem("gp"));
        given().contentType(ContentType.JSON).body(request(987_654_321L, List.of("gp")))
                .when().post("/api/learning-requests").then().statusCode(400).body("violations[0].field", equalTo("learnerId"));
        given().contentType(ContentType.JSON).body(request(learner, List.of()))
                .when().post("/api/learning-requests").then().statusCode(400).body("violations[0].field", equalTo("services"));
    }

    @Test
    void aRequestIsReadUpdatedWithItsVersionAndWithdrawn() {
        long learner = learner("Updating Learner", "Updating Org", List.of());
        long id = createRequest(request(learner, List.of("gp", "social-care")));
        given().when().get("/api/learning-requests/" + id).then().statusCode(200)
                .body("learnerName", equalTo("Updating Learner")).body("area.region.code", equalTo("E40000011")).body("status", equalTo("open"));
        var change = request(learner, List.of("housing", "social-care"));
        change.put("version", 0);
        given().contentType(ContentType.JSON).body(change).when().put("/api/learning-requests/" + id)
                .then().statusCode(200).body("services", equalTo(List.of("housing", "social-care"))).body("version", equalTo(1));
        given().contentType(ContentType.JSON).body(change).when().put("/api/learning-requests/" + id).then().statusCode(409);
        given().when().delete("/api/learning-requests/" + id).then().statusCode(200).body("status", equalTo("withdrawn"));
        given().when().get("/api/learning-requests/" + id + "/matches").then().statusCode(409);
        given().queryParam("learnerId", learner).queryParam("status", "withdrawn").when().get("/api/learning-requests")
                .then().statusCode(200).body("total", equalTo(1));
        given().when().get("/api/learning-requests/987654321").then().statusCode(404);
    }

    @Test
    void matchesNeverIncludeTheLearnerTheirOrganisationOrADeclaredConflict() {
        long learner = learner("Careful Learner", "Shared Health Trust", List.of("Refused Council"));
        long colleague = mentor("Colleague Mentor", "shared health trust", 2, List.of("gp", "social-care"));
        long refused = mentor("Refused Mentor", "Refused Council", 2, List.of("gp", "social-care"));
        long refusing = mentor("Refusing Mentor", "Third Org", 2, List.of("gp", "social-care"));
        given().contentType(ContentType.JSON).body(Map.of("name", "Refusing Mentor", "homeArea", "E10000024", "organisation", Fixtures.organisation("Third Org"),
                "version", 0, "mentoring", Map.of("willing", true, "capacity", 2, "formats", List.of(), "trained", false,
                        "conflicts", List.of("Shared Health Trust"))))
                .when().put("/api/leaders/" + refusing).then().statusCode(200);
        long fine = mentor("Fine Mentor", "Fourth Org", 2, List.of("gp", "social-care"));
        long request = createRequest(request(learner, List.of("gp", "social-care")));
        awaitIndexInStep(Duration.ofSeconds(10));

        List<Long> mentors = given().queryParam("size", 50).when().get("/api/learning-requests/" + request + "/matches")
                .then().statusCode(200).extract().jsonPath().getList("mentor.id", Long.class);
        assertFalse(mentors.isEmpty());
        for (long excluded : List.of(learner, colleague, refused, refusing)) {
            assertFalse(mentors.contains(excluded), "leader " + excluded + " in " + mentors);
            assertEquals(409, propose(request, excluded), "proposing leader " + excluded);
        }
        assertEquals(201, propose(request, fine));
    }

    @Test
    void eachMatchCarriesItsScorePartsRecordsAndReasons() {
        long learner = learner("Reasoned Learner", "Reasoned Org", List.of());
        long request = createRequest(request(learner, List.of("gp", "social-care")));
        var match = given().queryParam("size", 3).when().get("/api/learning-requests/" + request + "/matches")
                .then().statusCode(200).extract().jsonPath();
        List<Float> scores = match.getList("score", Float.class);
        assertEquals(3, scores.size());
        assertTrue(scores.get(0) >= scores.get(1) && scores.get(1) >= scores.get(2), "best first: " + scores);
        Map<String, Float> parts = match.getMap("[0].parts");
        assertEquals(scores.get(0), parts.values().stream().map(Float::doubleValue).reduce(0.0, Double::sum).floatValue(), 0.05);
        assertTrue(parts.get("services") > 0);
        assertFalse(match.getList("[0].records").isEmpty());
        assertTrue(match.getString("[0].reasons[0]").matches("(joined up|worked on) .* services you want\\)"), match.getString("[0].reasons[0]"));
    }

    @Test
    @Transactional
    void demoLearnersInEveryRegionGetSensibleMentors() {
        awaitIndexInStep(Duration.ofSeconds(60));
        var regionsCovered = new TreeSet<String>();
        for (LearningRequest demo : LearningRequest.<LearningRequest>list("status", LearningRequest.OPEN)) {
            var region = geography.resolve(demo.areaCode).orElseThrow().regionCode();
            if (!regionsCovered.add(region)) {
                continue;
            }
            var matches = given().queryParam("size", 5).when().get("/api/learning-requests/" + demo.id + "/matches")
                    .then().statusCode(200).extract().jsonPath();
            List<Long> mentors = matches.getList("mentor.id", Long.class);
            assertFalse(mentors.isEmpty(), "no mentors for request " + demo.id + " in " + region);
            assertFalse(mentors.contains(demo.learnerId));
            List<List<Long>> records = matches.getList("records.id");
            assertTrue(records.stream().allMatch(r -> !r.isEmpty()));
            List<Float> serviceParts = matches.getList("parts.services", Float.class);
            assertTrue(serviceParts.stream().allMatch(p -> p > 0), "every mentor shares a wanted service: " + serviceParts);
        }
        assertEquals(7, regionsCovered.size(), "demo learning requests in every region: " + regionsCovered);
    }

    @Test
    void aMentorshipGoesFromProposedToCompletedAndRefusesIllegalSteps() {
        long learner = learner("Lifecycle Learner", "Lifecycle Org", List.of());
        long mentor = mentor("Lifecycle Mentor", "Mentor Org", 1, List.of("gp", "social-care"));
        long request = createRequest(request(learner, List.of("gp")));
        awaitIndexInStep(Duration.ofSeconds(10));
        long id = given().contentType(ContentType.JSON).body(Map.of("requestId", request, "mentorId", mentor))
                .when().post("/api/mentorships").then().statusCode(201)
                .body("status", equalTo("proposed")).body("mentor.name", equalTo("Lifecycle Mentor"))
                .body("reasons[0]", startsWith("worked on")).extract().jsonPath().getLong("id");
        given().contentType(ContentType.JSON).body(Map.of()).when().post("/api/mentorships/" + id + "/complete")
                .then().statusCode(409).contentType("application/problem+json");
        given().when().post("/api/mentorships/" + id + "/accept").then().statusCode(200).body("status", equalTo("accepted"));
        given().when().post("/api/mentorships/" + id + "/accept").then().statusCode(409);
        given().when().post("/api/mentorships/" + id + "/start").then().statusCode(200).body("status", equalTo("active"));
        given().contentType(ContentType.JSON).body(Map.of("mentorNote", "Good visits", "onBehalfOf", "mentor"))
                .when().post("/api/mentorships/" + id + "/complete").then().statusCode(200)
                .body("status", equalTo("completed")).body("mentorNote", equalTo("Good visits"));
        given().contentType(ContentType.JSON).body(Map.of("learnerNote", "Learned a lot", "learnerWouldRecommend", true, "onBehalfOf", "learner"))
                .when().put("/api/mentorships/" + id + "/closing").then().statusCode(200)
                .body("learnerWouldRecommend", equalTo(true)).body("mentorNote", equalTo("Good visits"));
        given().when().get("/api/leaders/" + mentor).then().body("mentoring.active", equalTo(0));
        given().when().post("/api/mentorships/" + id + "/decline").then().statusCode(409);
    }

    @Test
    void capacityIsNeverExceededEvenWhenTwoProposalsRace() throws Exception {
        long mentor = mentor("Busy Mentor", "Busy Org", 1, List.of("gp", "social-care"));
        var requests = new ArrayList<Long>();
        for (int i = 0; i < 2; i++) {
            requests.add(createRequest(request(learner("Racing Learner " + i, "Racing Org " + i, List.of()), List.of("gp"))));
        }
        awaitIndexInStep(Duration.ofSeconds(10));
        var barrier = new CyclicBarrier(2);
        var pool = Executors.newFixedThreadPool(2);
        try {
            var statuses = new ArrayList<Future<Integer>>();
            for (long request : requests) {
                statuses.add(pool.submit(() -> {
                    barrier.await();
                    return propose(request, mentor);
                }));
            }
            var results = new ArrayList<Integer>();
            for (var s : statuses) {
                results.add(s.get());
            }
            results.sort(Integer::compare);
            assertEquals(List.of(201, 409), results);
        } finally {
            pool.shutdownNow();
        }
        given().when().get("/api/leaders/" + mentor).then().body("mentoring.active", equalTo(1));
        long proposed = given().queryParam("mentorId", mentor).when().get("/api/mentorships").then().extract().jsonPath().getLong("items[0].id");
        given().when().post("/api/mentorships/" + proposed + "/decline").then().statusCode(200);
        given().when().get("/api/leaders/" + mentor).then().body("mentoring.active", equalTo(0));
    }
}
