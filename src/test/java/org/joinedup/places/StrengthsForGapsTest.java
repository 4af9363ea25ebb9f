package org.joinedup.places;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.joinedup.places.AssessmentResourceTest.as;
import static org.joinedup.places.AssessmentResourceTest.body;
import static org.joinedup.places.AssessmentResourceTest.scores;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.joinedup.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Leaders strong where Nottinghamshire is weak, against a hand reckoning on leaders made here. Its
 * assessment: finance and funding 1, digital infrastructure 2, capacity building 2, the rest 4; so
 * the weakest are those three (the third lowest is 2, no tie beyond it), finance and funding built by
 * pooled budgets and joint commissioning, digital infrastructure by shared records and risk
 * stratification, capacity building by no approach. Points: 5 minus the score per weak dimension
 * built, +2 for an improved outcome, +2 for work in a place like Nottinghamshire (Derbyshire and
 * Staffordshire are among its ten nearest neighbours, Westminster is not):
 * <ul>
 * <li>A: pooled budgets in Derbyshire, improved: 4 + 2 + 2 = 8</li>
 * <li>B: pooled budgets and shared records in Westminster, not improved: 4 + 3 = 7</li>
 * <li>C: shared records in Staffordshire, not improved: 3 + 2 = 5</li>
 * <li>D: shared records in Westminster, not improved: 3</li>
 * <li>E: integrated teams only: builds none of them, not found (until its record changes)</li>
 * <li>H: as A, but seen by programme staff only: never found by a commissioner</li>
 * </ul>
 */
@QuarkusTest
class StrengthsForGapsTest {

    private static final String NOTTINGHAMSHIRE = "E10000024";
    private static final String DERBYSHIRE = "E10000007";
    private static final String STAFFORDSHIRE = "E10000028";
    private static final String WESTMINSTER = "E09000033";

    private static long a;
    private static long b;
    private static long c;
    private static long d;
    private static long e;
    private static long eRecord;
    private static long h;

    @BeforeEach
    void leaders() {
        if (a != 0) {
            return;
        }
        Fixtures.actAs("demo-admin");
        try {
            a = leader("Strength Alder", "public", DERBYSHIRE, List.of("pooled-budgets"), true);
            b = leader("Strength Birch", "public", WESTMINSTER, List.of("pooled-budgets", "shared-records"), false);
            c = leader("Strength Cedar", "public", STAFFORDSHIRE, List.of("shared-records"), false);
            d = leader("Strength Damson", "public", WESTMINSTER, List.of("shared-records"), false);
            e = leader("Strength Elder", "public", DERBYSHIRE, List.of("integrated-teams"), true);
            h = leader("Strength Hazel", "programme", DERBYSHIRE, List.of("pooled-budgets"), true);
            Fixtures.awaitIndexInStep(Duration.ofSeconds(60));
        } finally {
            Fixtures.actAnonymously();
        }
        var assessment = scores(4, Map.of("finance-and-funding", 1, "digital-infrastructure", 2, "capacity-building", 2));
        as("demo-commissioner").body(body(LocalDate.now(ZoneId.of("Europe/London")).toString(), assessment, null))
                .when().post("/api/areas/" + NOTTINGHAMSHIRE + "/assessments").then().statusCode(201);
    }

    private static long leader(String name, String visibility, String council, List<String> approaches, boolean improved) {
        var leader = Fixtures.leader(name);
        leader.put("visibility", visibility);
        long id = Fixtures.createLeader(leader);
        long record = Fixtures.createRecord(id, record(council, approaches, improved));
        if (name.endsWith("Elder")) {
            eRecord = record;
        }
        return id;
    }

    private static Map<String, Object> record(String council, List<String> approaches, boolean improved) {
        var record = Fixtures.record("Joint work in " + council);
        record.put("areas", List.of(Map.of("code", council)));
        record.put("approaches", approaches);
        record.put("services", List.of("gp", "social-care"));
        if (!improved) {
            // emergency admissions went up: worse, as lower is better
            record.put("outcomes", List.of(Map.of("metric", "non-elective-admissions", "description", "Emergency admissions of over-65s",
                    "baseline", 92, "result", 100, "unit", "index", "period", "2014-2017")));
        }
        return record;
    }

    /** Every leader found, in order, walking the pages. */
    private static List<Map<String, Object>> all(String caller) {
        var found = new ArrayList<Map<String, Object>>();
        for (int page = 0; page < 20; page++) {
            var result = as(caller).queryParam("size", 100).queryParam("page", page).when().get("/api/areas/" + NOTTINGHAMSHIRE + "/strengths-for-gaps")
                    .then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = result.getList("leaders.items");
            found.addAll(items);
            if (found.size() >= result.getLong("leaders.total") || items.isEmpty()) {
                break;
            }
        }
        return found;
    }

    private static List<Long> ids(List<Map<String, Object>> found) {
        return found.stream().map(f -> ((Number) ((Map<?, ?>) f.get("leader")).get("id")).longValue()).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> of(List<Map<String, Object>> found, long leader) {
        return found.stream().filter(f -> ((Number) ((Map<?, ?>) f.get("leader")).get("id")).longValue() == leader).findFirst()
                .orElseThrow(() -> new AssertionError("leader " + leader + " not found"));
    }

    @Test
    void theWeakestDimensionsAndTheApproachesThatBuildThem() {
        var result = as("demo-commissioner").queryParam("size", 1).when().get("/api/areas/" + NOTTINGHAMSHIRE + "/strengths-for-gaps")
                .then().statusCode(200).body("place.name", equalTo("Nottinghamshire")).extract().jsonPath();
        assertEquals(List.of("finance-and-funding", "digital-infrastructure", "capacity-building"), result.getList("weakest.code"));
        assertEquals(List.of(1, 2, 2), result.getList("weakest.score"));
        assertEquals(List.of("pooled-budgets", "joint-commissioning"), result.getList("weakest[0].approaches"));
        assertEquals(List.of("shared-records", "risk-stratification"), result.getList("weakest[1].approaches"));
        assertEquals(List.of(), result.getList("weakest[2].approaches"));
        assertTrue(result.getList("placesLike").containsAll(List.of("Derbyshire", "Staffordshire")));
        assertFalse(result.getList("placesLike").contains("Westminster"));
    }

    @Test
    void ranksAsReckonedByHandWithReasons() {
        var found = all("demo-commissioner");
        var order = ids(found);
        assertTrue(order.indexOf(a) >= 0 && order.indexOf(a) < order.indexOf(b) && order.indexOf(b) < order.indexOf(c)
                && order.indexOf(c) < order.indexOf(d), "order: A " + order.indexOf(a) + ", B " + order.indexOf(b) + ", C " + order.indexOf(c)
                + ", D " + order.indexOf(d));
        assertEquals(8, of(found, a).get("points"));
        assertEquals(7, of(found, b).get("points"));
        assertEquals(5, of(found, c).get("points"));
        assertEquals(3, of(found, d).get("points"));
        assertEquals(List.of("finance-and-funding", "digital-infrastructure"), of(found, b).get("builds"));
        assertEquals(true, of(found, a).get("outcomeImproved"));
        assertEquals(List.of("Derbyshire"), of(found, a).get("workedInPlacesLike"));
        @SuppressWarnings("unchecked")
        var why = (List<String>) of(found, a).get("why");
        assertEquals("used pooled budgets (section 75), which builds finance and funding, where Nottinghamshire scores 1 of 5", why.get(0));
        assertTrue(why.stream().anyMatch(w -> w.startsWith("worked in Derbyshire, a place like Nottinghamshire")), "why: " + why);
        assertTrue(why.contains("an outcome improved where they used it"), "why: " + why);
        // points never rise down the list
        var points = found.stream().map(f -> ((Number) f.get("points")).intValue()).toList();
        for (int i = 1; i < points.size(); i++) {
            assertTrue(points.get(i - 1) >= points.get(i), "points at " + i + ": " + points);
        }
        assertFalse(order.contains(e), "integrated teams build none of the weak dimensions");
    }

    @Test
    void aHiddenLeaderIsNotFoundByThoseWhoMayNotSeeThem() {
        assertFalse(ids(all("demo-commissioner")).contains(h), "programme-only leader shown to a commissioner");
        assertTrue(ids(all("demo-programme")).contains(h), "programme staff see programme-only leaders");
    }

    @Test
    void changingTheApproachALeaderUsedChangesWhoIsFound() {
        var edit = record(DERBYSHIRE, List.of("integrated-teams", "joint-commissioning"), true);
        given().header("Authorization", Fixtures.bearer(Fixtures.token("demo-admin"))).header("If-Match", "*").contentType(ContentType.JSON)
                .body(edit).when().put("/api/records/" + eRecord).then().statusCode(200);
        Fixtures.awaitIndexInStep(Duration.ofSeconds(60));
        var found = all("demo-commissioner");
        // joint commissioning builds finance and funding: 4, improved 2, Derbyshire 2
        assertEquals(8, of(found, e).get("points"));
        assertEquals(List.of("joint-commissioning"), of(found, e).get("approaches"));
        // and back: found no more
        given().header("Authorization", Fixtures.bearer(Fixtures.token("demo-admin"))).header("If-Match", "*").contentType(ContentType.JSON)
                .body(record(DERBYSHIRE, List.of("integrated-teams"), true)).when().put("/api/records/" + eRecord).then().statusCode(200);
        Fixtures.awaitIndexInStep(Duration.ofSeconds(60));
        assertFalse(ids(all("demo-commissioner")).contains(e));
    }

    @Test
    void theLearningRequestItOffersCanBePosted() {
        @SuppressWarnings("unchecked")
        var offered = new HashMap<String, Object>((Map<String, Object>) of(all("demo-programme"), a).get("learningRequest"));
        assertEquals(NOTTINGHAMSHIRE, offered.get("area"));
        assertEquals(List.of("pooled-budgets"), offered.get("approaches"));
        assertEquals(null, offered.get("learnerId"));
        long learner;
        Fixtures.actAs("demo-admin");
        try {
            learner = Fixtures.createLeader(Fixtures.leader("Strength Learner"));
        } finally {
            Fixtures.actAnonymously();
        }
        offered.put("learnerId", learner);
        long id = as("demo-programme").body(offered).when().post("/api/learning-requests").then().statusCode(201).extract().jsonPath().getLong("id");
        as("demo-programme").when().get("/api/learning-requests/" + id).then().statusCode(200)
                .body("approaches", equalTo(List.of("pooled-budgets"))).body("learnerId", equalTo((int) learner));
    }

    @Test
    void aPlaceWithoutAnAssessmentIsAConflictAndBadCodesA400() {
        as("demo-commissioner").when().get("/api/areas/E06000001/strengths-for-gaps").then().statusCode(409)
                .contentType("application/problem+json");
        as("demo-commissioner").when().get("/api/areas/E40000011/strengths-for-gaps").then().statusCode(400)
                .body("violations.field", equalTo(List.of("code")));
        as("demo-commissioner").queryParam("size", 0).when().get("/api/areas/" + NOTTINGHAMSHIRE + "/strengths-for-gaps").then().statusCode(400);
    }
}
