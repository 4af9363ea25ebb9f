package org.joinedup.matching;

import static io.restassured.RestAssured.given;
import static org.joinedup.Fixtures.createLeader;
import static org.joinedup.Fixtures.createRecord;
import static org.joinedup.Fixtures.leader;
import static org.joinedup.Fixtures.record;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.joinedup.Fixtures;

/** Mentors and learners made through the API, placed far from the demo data so tests can reason about their scores. */
final class MatchingFixtures {

    /** A place abroad no demo record is near: matches here are decided by the test's own leaders. */
    static final Map<String, Object> TEST_PLACE = Map.of("country", "NZ", "place", "Test Bay", "latitude", -45.0, "longitude", 170.0);

    private MatchingFixtures() {
    }

    static long mentor(String name, String organisation, int capacity, List<String> services) {
        var leader = leader(name);
        leader.put("organisation", Fixtures.organisation(organisation));
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
        leader.put("organisation", Fixtures.organisation(organisation));
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

    /** A new learner and a mentor of capacity 1, and a mentorship proposed between them (as the caller, staff). */
    record Proposed(long learner, long mentor, long mentorship) {
    }

    static Proposed proposedMentorship(String name) {
        long learner = learner(name + " Learner", name + " Learner Org", List.of());
        long mentor = mentor(name + " Mentor", name + " Mentor Org", 1, List.of("gp", "social-care"));
        long request = createRequest(request(learner, List.of("gp")));
        Fixtures.awaitIndexInStep(Duration.ofSeconds(30));
        long id = given().contentType(ContentType.JSON).body(Map.of("requestId", request, "mentorId", mentor))
                .when().post("/api/mentorships").then().statusCode(201).extract().jsonPath().getLong("id");
        return new Proposed(learner, mentor, id);
    }

    static int propose(long requestId, long mentorId) {
        return given().contentType(ContentType.JSON).body(Map.of("requestId", requestId, "mentorId", mentorId))
                .when().post("/api/mentorships").then().extract().statusCode();
    }
}
