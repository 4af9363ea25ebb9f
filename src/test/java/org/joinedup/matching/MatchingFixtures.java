package org.joinedup.matching;

import static io.restassured.RestAssured.given;
import static org.joinedup.Fixtures.createLeader;
import static org.joinedup.Fixtures.createRecord;
import static org.joinedup.Fixtures.leader;
import static org.joinedup.Fixtures.record;

import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Mentors and learners made through the API, placed far from the demo data so tests can reason about their scores. */
final class MatchingFixtures {

    /** A place abroad no demo record is near: matches here are decided by the test's own leaders. */
    static final Map<String, Object> TEST_PLACE = Map.of("country", "NZ", "place", "Test Bay", "latitude", -45.0, "longitude", 170.0);

    private MatchingFixtures() {
    }

    static long mentor(String name, String organisation, int capacity, List<String> services) {
        var leader = leader(name);
        leader.put("organisation", organisation);
        leader.put("mentoring", Map.of("willing", true, "capacity", capacity, "formats", List.of(), "trained", false));
        long id = createLeader(leader);
        var work = record(name + " work");
        work.put("services", services);
        work.put("approaches", List.of());
        work.put("areas", List.of(TEST_PLACE));
        work.put("outcomes", List.of());
        work.remove("programme");
        createRecord(id, work);
        return id;
    }

    static long learner(String name, String organisation, List<String> conflicts) {
        var leader = leader(name);
        leader.put("organisation", organisation);
        leader.put("mentoring", Map.of("willing", false, "capacity", 0, "formats", List.of(), "trained", false, "conflicts", conflicts));
        return createLeader(leader);
    }

    static Map<String, Object> request(long learnerId, List<String> services) {
        var request = new HashMap<String, Object>();
        request.put("learnerId", learnerId);
        request.put("area", "E10000024");
        request.put("services", services);
        request.put("approaches", List.of());
        request.put("need", "Wants to learn");
        return request;
    }

    static long createRequest(Map<String, Object> request) {
        return given().contentType(ContentType.JSON).body(request).when().post("/api/learning-requests")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static int propose(long requestId, long mentorId) {
        return given().contentType(ContentType.JSON).body(Map.of("requestId", requestId, "mentorId", mentorId))
                .when().post("/api/mentorships").then().extract().statusCode();
    }
}
