package org.joinedup.matching;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.joinedup.Fixtures.awaitIndexInStep;
import static org.joinedup.Fixtures.createLeader;
import static org.joinedup.Fixtures.createRecord;
import static org.joinedup.matching.MatchingFixtures.createRequest;
import static org.joinedup.matching.MatchingFixtures.learner;
import static org.joinedup.matching.MatchingFixtures.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.joinedup.Fixtures;
import org.joinedup.places.NearestNeighbours;
import org.joinedup.vocabulary.Area;
import org.joinedup.vocabulary.Geography;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's place part through the API: a programme that weighs "place" puts a mentor from a council like the learner's
 * (Nottinghamshire's nearest statistical neighbour) above one who worked in Nottinghamshire itself, who comes first by default;
 * and which councils a council, an ICB or a region request counts as like it.
 */
@QuarkusTest
class LikePlaceMatchingTest {

    private static final String NOTTS = "E10000024";
    /** A programme no other test steers. */
    private static final String PROGRAMME = "pioneer-2013";

    @Inject
    LikePlaces likePlaces;

    @Inject
    NearestNeighbours neighbours;

    @Inject
    Geography geography;

    @BeforeAll
    static void actAsAdmin() {
        Fixtures.actAs("demo-admin");
    }

    private static long mentorIn(String name, String areaCode) {
        var leader = Fixtures.leader(name);
        leader.put("organisation", Fixtures.organisation(name + " Org"));
        leader.put("mentoring", Map.of("willing", true, "capacity", 2, "formats", List.of(), "trained", false));
        long id = createLeader(leader);
        var work = Fixtures.record(name + " work");
        work.put("services", List.of("gp", "housing"));
        work.put("approaches", List.of());
        work.put("areas", List.of(Map.of("code", areaCode)));
        work.put("outcomes", List.of());
        work.put("role", "contributed");
        work.remove("programme");
        createRecord(id, work);
        return id;
    }

    private static JsonPath put(Map<String, Integer> weights) {
        int version = given().when().get("/api/matching-profiles/" + PROGRAMME).then().statusCode(200).extract().jsonPath().getInt("version");
        return given().contentType(ContentType.JSON).body(Map.of("weights", weights, "version", version)).when()
                .put("/api/matching-profiles/" + PROGRAMME).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aProgrammeWeighingThePlacePutsTheMentorFromALikeCouncilFirst() {
        var nearest = neighbours.of(NOTTS, 1).get(0).code();
        var nearestName = geography.find(nearest).orElseThrow().name();
        String suffix = Long.toString(System.nanoTime() % 1_000_000);
        long there = mentorIn("Place There " + suffix, NOTTS);
        long like = mentorIn("Place Like " + suffix, nearest);
        var ask = request(learner("Place Learner " + suffix, "Place L " + suffix, List.of()), List.of("gp", "housing"));
        long plain = createRequest(ask);
        var steered = new HashMap<>(ask);
        steered.put("programme", PROGRAMME);
        long weighed = createRequest(steered);
        var profile = put(Map.of("place", 10));
        assertEquals(10, profile.getInt("weights.place"));
        awaitIndexInStep(Duration.ofSeconds(10));
        try {
            // by default the part is off: the mentor who worked in Nottinghamshire itself (distance 15) is ahead
            var byDefault = given().when().get("/api/learning-requests/" + plain + "/matches?size=50").then().statusCode(200).extract().jsonPath();
            var ids = byDefault.getList("mentor.id", Long.class);
            assertTrue(ids.contains(there) && ids.contains(like), ids.toString());
            assertTrue(ids.indexOf(there) < ids.indexOf(like), ids.toString());
            assertFalse(byDefault.getMap("[" + ids.indexOf(like) + "].parts").containsKey("place"));

            var weighted = given().when().get("/api/learning-requests/" + weighed + "/matches?size=50").then().statusCode(200).extract().jsonPath();
            ids = weighted.getList("mentor.id", Long.class);
            assertTrue(ids.contains(there) && ids.contains(like), ids.toString());
            assertTrue(ids.indexOf(like) < ids.indexOf(there), ids.toString());
            int row = ids.indexOf(like);
            assertEquals(20.0, weighted.getDouble("[" + row + "].parts.place"), "the nearest neighbour, at weight 10");
            assertEquals(0.0, weighted.getDouble("[" + ids.indexOf(there) + "].parts.place"), "Nottinghamshire itself is not a place like it");
            var reasons = weighted.getList("[" + row + "].reasons", String.class);
            assertTrue(reasons.stream().anyMatch(r -> r.startsWith("worked in " + nearestName + ", a place like Nottinghamshire")), reasons.toString());

            // a cohort of the two: the default assigns the mentor who was there, the programme the one from the like council
            var pool = List.of(there, like);
            var cohortDefault = given().contentType(ContentType.JSON).body(Map.of("requests", List.of(plain), "mentors", pool)).when()
                    .post("/api/cohort-matches").then().statusCode(201).extract().jsonPath();
            assertEquals(List.of(there), cohortDefault.getList("assignments.mentorId", Long.class));
            var cohortWeighed = given().contentType(ContentType.JSON).body(Map.of("requests", List.of(plain), "mentors", pool, "programme", PROGRAMME))
                    .when().post("/api/cohort-matches").then().statusCode(201).extract().jsonPath();
            assertEquals(List.of(like), cohortWeighed.getList("assignments.mentorId", Long.class));
            assertEquals(10, cohortWeighed.getInt("profile.weights.place"));
        } finally {
            put(Map.of("place", 0));
        }
    }

    @Test
    void thePlaceWeightIsValidatedAsTheOthersAndTheDefaultIsOff() {
        given().when().get("/api/matching-profiles/stp").then().statusCode(200).body("weights.place", equalTo(0));
        int version = given().when().get("/api/matching-profiles/" + PROGRAMME).then().statusCode(200).extract().jsonPath().getInt("version");
        for (Object bad : List.of(11, -1, 2.5)) {
            given().contentType(ContentType.JSON).body(Map.of("weights", Map.of("place", bad), "version", version)).when()
                    .put("/api/matching-profiles/" + PROGRAMME).then().statusCode(400).contentType("application/problem+json")
                    .body("violations[0].field", equalTo("weights.place"));
        }
    }

    @Test
    void aCouncilCountsItsTenNeighboursAnIcbItsCouncilsNeighboursARegionNone() {
        var council = likePlaces.of(NOTTS);
        var expected = neighbours.of(NOTTS, 10);
        assertEquals(10, council.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(i + 1, council.get(expected.get(i).code()).rank(), expected.get(i).code());
        }
        assertFalse(council.containsKey(NOTTS));

        var icb = geography.find(NOTTS).orElseThrow().icbCode();
        var own = geography.all().stream().filter(Area::isLocalAuthority).filter(a -> icb.equals(a.icbCode())).map(Area::code).toList();
        var ofIcb = likePlaces.of(icb);
        assertFalse(ofIcb.isEmpty());
        own.forEach(code -> assertFalse(ofIcb.containsKey(code), "the ICB's own council " + code));
        // each of its councils' neighbours is there, at its best rank over them
        for (var c : own) {
            var list = neighbours.of(c, 10);
            for (int i = 0; i < list.size(); i++) {
                if (!own.contains(list.get(i).code())) {
                    assertTrue(ofIcb.get(list.get(i).code()).rank() <= i + 1, list.get(i).code());
                }
            }
        }

        var region = geography.find(NOTTS).orElseThrow().regionCode();
        assertEquals(Map.of(), likePlaces.of(region));
        assertEquals(Map.of(), likePlaces.of("E99999999"));
        assertEquals(Map.of(), likePlaces.of(null));
    }
}
