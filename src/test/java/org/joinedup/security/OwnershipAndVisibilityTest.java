package org.joinedup.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.joinedup.security.SecurityFixtures.as;
import static org.joinedup.security.SecurityFixtures.leader;
import static org.joinedup.security.SecurityFixtures.leaderAccount;
import static org.joinedup.security.SecurityFixtures.record;
import static org.joinedup.security.SecurityFixtures.withToken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import io.restassured.specification.RequestSpecification;
import org.hamcrest.Matchers;
import org.joinedup.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Leaders change only what is theirs; who sees a leader is the leader's choice, everywhere they can show up. */
@QuarkusTest
class OwnershipAndVisibilityTest {

    @BeforeAll
    static void noDefaultToken() {
        Fixtures.actAnonymously();
    }

    @Test
    void aLeaderChangesTheirOwnProfileAndRecordsOnly() {
        long mine = leader("Owner Leader", "public");
        long theirs = leader("Other Leader", "public");
        var token = leaderAccount(mine);
        withToken(token).when().get("/api/me").then().statusCode(200).body("leader.id", equalTo((int) mine));

        var edit = Fixtures.leader("Owner Leader");
        edit.put("version", 0);
        edit.put("doingNow", "Writing up our discharge work");
        withToken(token).contentType(ContentType.JSON).body(edit).when().put("/api/leaders/" + mine).then().statusCode(200);
        withToken(token).contentType(ContentType.JSON).body(edit).when().put("/api/leaders/" + theirs)
                .then().statusCode(403).contentType("application/problem+json");
        withToken(token).contentType(ContentType.JSON).body(Fixtures.record("Not mine")).when().post("/api/leaders/" + theirs + "/records")
                .then().statusCode(403);
        long ownRecord = withToken(token).contentType(ContentType.JSON).body(Fixtures.record("Mine")).when()
                .post("/api/leaders/" + mine + "/records").then().statusCode(201).extract().jsonPath().getLong("id");
        long theirRecord = record(theirs, Fixtures.record("Theirs"));
        withToken(token).when().delete("/api/records/" + theirRecord).then().statusCode(403);
        withToken(token).when().delete("/api/leaders/" + theirs).then().statusCode(403);

        // an account speaks only for its organisation, never for one it names (the own-record rule: CorroborationTest)
        var forged = Map.of("decision", "confirmed", "endorserName", "A Partner", "endorserOrganisation", "Newark and Sherwood CCG");
        withToken(token).contentType(ContentType.JSON).body(forged).when().post("/api/records/" + theirRecord + "/endorsements")
                .then().statusCode(400);
        for (long record : List.of(ownRecord, theirRecord)) {
            withToken(token).contentType(ContentType.JSON).body(Map.of("decision", "confirmed")).when().post("/api/records/" + record + "/endorsements")
                    .then().statusCode(403).body("type", Matchers.endsWith("/corroboration/no-organisation"));
        }
        as("demo-admin").when().get("/api/records/" + theirRecord).then().body("verification", equalTo("self-reported"));
    }

    @Test
    void onlyProgrammeStaffVerify() {
        long owner = leader("Verified Leader", "public");
        long id = record(owner, Fixtures.record("To verify"));
        var verification = Map.of("programme", "pioneer-2013", "decision", "confirmed");
        as("demo-commissioner").contentType(ContentType.JSON).body(verification).when().post("/api/records/" + id + "/verifications")
                .then().statusCode(403);
        as("demo-programme").contentType(ContentType.JSON).body(verification).when().post("/api/records/" + id + "/verifications")
                .then().statusCode(201).body("verification", equalTo("verified"));
    }

    @Test
    void aHiddenLeaderIs404NeverForbidden() {
        long hidden = leader("Hidden Programme Leader", "programme");
        long recordId = record(hidden, Fixtures.record("Hidden work"));
        as("demo-commissioner").when().get("/api/leaders/" + hidden).then().statusCode(404);
        as("demo-commissioner").when().get("/api/records/" + recordId).then().statusCode(404);
        as("demo-leader").contentType(ContentType.JSON).body(Map.of("name", "x", "homeArea", "E10000024", "version", 0))
                .when().put("/api/leaders/" + hidden).then().statusCode(404);
        as("demo-leader").when().delete("/api/records/" + recordId).then().statusCode(404);
        as("demo-programme").when().get("/api/leaders/" + hidden).then().statusCode(200);
        long registered = leader("Registered Only Leader", "registered");
        given().when().get("/api/leaders/" + registered).then().statusCode(404);
        as("demo-commissioner").when().get("/api/leaders/" + registered).then().statusCode(200);
    }

    @Test
    void theGeneralPublicSeesAReducedProfileAndNobodySeesConflicts() {
        long id = leader("Public Profile Leader", "public");
        given().when().get("/api/leaders/" + id).then().statusCode(200)
                .body("doingNow", nullValue()).body("mentoring.conflicts", equalTo(List.of()));
        as("demo-commissioner").when().get("/api/leaders/" + id).then().statusCode(200).body("doingNow", equalTo("Leading discharge redesign"));
    }

    @Test
    void visibilityHoldsInSearchFacetsRegionsAndMatches() {
        var token = "Vizqwerty" + System.nanoTime();
        for (var visibility : List.of("public", "registered", "programme")) {
            long id = leader(token + " " + visibility, visibility);
            var work = Fixtures.record(token + " work");
            work.put("areas", List.of(Map.of("code", "E06000001")));
            work.put("services", List.of("learning-disability", "end-of-life", "housing"));
            record(id, work);
        }
        Fixtures.awaitIndexInStep(Duration.ofSeconds(10));
        assertSeen(() -> given(), token, 1);
        assertSeen(() -> as("demo-commissioner"), token, 2);
        assertSeen(() -> as("demo-programme"), token, 3);

        // a leader learning in Hartlepool never meets the programme-only mentor
        var request = Map.of("learnerId", 1, "area", "E06000001", "services", List.of("learning-disability", "end-of-life", "housing"));
        long requestId = as("demo-leader").contentType(ContentType.JSON).body(request).when().post("/api/learning-requests")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        List<String> forLeader = as("demo-leader").queryParam("size", 50).when().get("/api/learning-requests/" + requestId + "/matches")
                .then().statusCode(200).extract().jsonPath().getList("mentor.name");
        List<String> forStaff = as("demo-programme").queryParam("size", 50).when().get("/api/learning-requests/" + requestId + "/matches")
                .then().statusCode(200).extract().jsonPath().getList("mentor.name");
        assertTrue(forStaff.contains(token + " programme"), "staff see every mentor: " + forStaff);
        assertTrue(forLeader.contains(token + " public") && !forLeader.contains(token + " programme"), "leader sees " + forLeader);
    }

    private static void assertSeen(Supplier<RequestSpecification> caller, String token, int leaders) {
        var found = caller.get().queryParam("q", token).when().get("/api/search/leaders").then().statusCode(200).extract().jsonPath();
        assertEquals(leaders, found.getInt("total"), "hits");
        assertEquals(leaders, found.getInt("facets.region.find { it.code == 'E40000012' }.leaders"), "region facet");
        assertEquals(leaders, found.getInt("facets.mentored.find { it.code == 'no' }.leaders"), "a leader's own facet");
        var regions = caller.get().queryParam("q", token).when().get("/api/search/regions").then().statusCode(200).extract().jsonPath();
        assertEquals(leaders, regions.getInt("leaders"), "region overview");
    }
}
