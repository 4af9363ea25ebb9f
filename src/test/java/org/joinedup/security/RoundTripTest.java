package org.joinedup.security;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.joinedup.security.SecurityFixtures.as;
import static org.joinedup.security.SecurityFixtures.withToken;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.joinedup.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A client can PUT back exactly what it GOT, and that changes nothing: leaders, records, learning requests. */
@QuarkusTest
class RoundTripTest {

    @BeforeAll
    static void noDefaultToken() {
        Fixtures.actAnonymously();
    }

    @Test
    void aProfilePutBackAsReadChangesNothingForTheOwnerOrAnAdmin() {
        long id = leaderWithEverything();
        var owner = SecurityFixtures.leaderAccount(id);
        assertRoundTrip(() -> withToken(owner), "/api/leaders/" + id);
        assertRoundTrip(() -> as("demo-admin"), "/api/leaders/" + id);
        withToken(owner).when().get("/api/leaders/" + id).then().statusCode(200)
                .body("contact.email", equalTo("round.trip@example.org")).body("contact.phone", equalTo("0115 496 0000"))
                .body("mentoring.conflicts", equalTo(List.of("Rival Trust")));
    }

    @Test
    void onlyTheOwnerAndAdminsSeeContactOnAProfile() {
        long id = leaderWithEverything();
        as("demo-admin").when().get("/api/leaders/" + id).then().statusCode(200).body("contact.email", equalTo("round.trip@example.org"));
        for (var other : List.of("demo-programme", "demo-commissioner", "demo-leader")) {
            as(other).when().get("/api/leaders/" + id).then().statusCode(200).body("contact", nullValue());
        }
    }

    @Test
    void aProfilePutWithoutContactKeepsIt() {
        long id = leaderWithEverything();
        var owner = SecurityFixtures.leaderAccount(id);
        Map<String, Object> read = withToken(owner).when().get("/api/leaders/" + id).then().statusCode(200).extract().jsonPath().getMap("");
        read.remove("contact");
        read.put("currentRole", "Director of place");
        withToken(owner).contentType(ContentType.JSON).body(read).when().put("/api/leaders/" + id).then().statusCode(200)
                .body("currentRole", equalTo("Director of place")).body("contact.email", equalTo("round.trip@example.org"));
        withToken(owner).when().get("/api/leaders/" + id).then().body("contact.phone", equalTo("0115 496 0000"));
    }

    @Test
    void aRecordPutBackAsReadChangesNothing() {
        long id = leaderWithEverything();
        var owner = SecurityFixtures.leaderAccount(id);
        long recordId = SecurityFixtures.record(id, Fixtures.record("Round trip work"));
        as("demo-programme").contentType(ContentType.JSON)
                .body(Map.of("programme", "pioneer-2013", "decision", "confirmed"))
                .when().post("/api/records/" + recordId + "/verifications").then().statusCode(201);
        assertRoundTrip(() -> withToken(owner), "/api/records/" + recordId);
        assertRoundTrip(() -> as("demo-admin"), "/api/records/" + recordId);
    }

    @Test
    void aLearningRequestPutBackAsReadChangesNothing() {
        long id = leaderWithEverything();
        var owner = SecurityFixtures.leaderAccount(id);
        long requestId = withToken(owner).contentType(ContentType.JSON)
                .body(Map.of("learnerId", id, "area", "E08000012", "services", List.of("gp", "social-care"), "approaches",
                        List.of("integrated-teams"), "scope", "place", "formats", List.of("calls"), "need", "How to start"))
                .when().post("/api/learning-requests").then().statusCode(201).extract().jsonPath().getLong("id");
        assertRoundTrip(() -> withToken(owner), "/api/learning-requests/" + requestId);
        assertRoundTrip(() -> as("demo-programme"), "/api/learning-requests/" + requestId);
    }

    /** GET, PUT the same body: 200 with the same representation, and a GET afterwards still the same. */
    private static void assertRoundTrip(Supplier<RequestSpecification> caller, String path) {
        Map<String, Object> read = caller.get().when().get(path).then().statusCode(200).extract().jsonPath().getMap("");
        Map<String, Object> answered = caller.get().contentType(ContentType.JSON).body(read).when().put(path)
                .then().log().ifValidationFails().statusCode(200).extract().jsonPath().getMap("");
        assertEquals(read, answered, "PUT of what was read answers it unchanged");
        assertEquals(read, caller.get().when().get(path).then().statusCode(200).extract().jsonPath().getMap(""), "nothing changed");
    }

    private static long leaderWithEverything() {
        var leader = Fixtures.leader("Round Trip Leader");
        leader.put("contact", Map.of("email", "round.trip@example.org", "phone", "0115 496 0000"));
        leader.put("mentoring", Map.of("willing", true, "capacity", 2, "formats", List.of("calls"), "trained", true, "conflicts",
                List.of("Rival Trust")));
        return as("demo-admin").contentType(ContentType.JSON).body(leader).when().post("/api/leaders").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }
}
