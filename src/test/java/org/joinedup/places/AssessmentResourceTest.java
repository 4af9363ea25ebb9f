package org.joinedup.places;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.joinedup.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Place self-assessments through the API: who may, what is refused (naming the field), the history and the audit. */
@QuarkusTest
class AssessmentResourceTest {

    static final List<String> DIMENSIONS = List.of("readiness-to-change", "structure-and-governance", "digital-infrastructure",
            "process-coordination", "finance-and-funding", "removal-of-inhibitors", "population-approach", "citizen-empowerment",
            "evaluation-methods", "breadth-of-ambition", "innovation-management", "capacity-building");
    private static final String RUTLAND = "E06000017";
    private static final String ICB = "E54000060"; // NHS Nottingham and Nottinghamshire ICB
    private static final String TODAY = LocalDate.now(ZoneId.of("Europe/London")).toString();

    @BeforeAll
    static void noDefaultToken() {
        Fixtures.actAnonymously();
    }

    static RequestSpecification as(String demoAccount) {
        return given().header("Authorization", Fixtures.bearer(Fixtures.token(demoAccount))).contentType(ContentType.JSON);
    }

    /** Every dimension at {@code score}, with the given ones changed. */
    static Map<String, Object> scores(int score, Map<String, Object> changed) {
        var scores = new LinkedHashMap<String, Object>();
        DIMENSIONS.forEach(d -> scores.put(d, score));
        scores.putAll(changed);
        return scores;
    }

    static Map<String, Object> body(String assessedOn, Map<String, Object> scores, String note) {
        var body = new HashMap<String, Object>();
        body.put("assessedOn", assessedOn);
        body.put("scores", scores);
        if (note != null) {
            body.put("note", note);
        }
        return body;
    }

    @Test
    void recordsAnAssessmentWithEveryScoreAndTheSignedInAssessor() {
        var created = as("demo-commissioner").body(body(TODAY, scores(3, Map.of("finance-and-funding", 1)), " After the March workshop "))
                .when().post("/api/areas/" + RUTLAND + "/assessments").then().statusCode(201)
                .body("areaCode", equalTo(RUTLAND)).body("areaName", equalTo("Rutland"))
                .body("assessedOn", equalTo(TODAY)).body("note", equalTo("After the March workshop"))
                .body("scores.code", equalTo(DIMENSIONS))
                .body("scores.find { it.code == 'finance-and-funding' }.score", equalTo(1))
                .body("scores.find { it.code == 'finance-and-funding' }.label", equalTo("Finance and funding"))
                .body("assessorRemoved", equalTo(false)).extract().jsonPath();
        assertTrue(created.getString("assessedBy") != null && !created.getString("assessedBy").isBlank());
        long id = created.getLong("id");
        // audited, with what was recorded
        as("demo-admin").queryParam("entityType", "place-assessment").queryParam("entityId", id).when().get("/api/admin/audit")
                .then().statusCode(200).body("items.action", equalTo(List.of("create")))
                .body("items[0].after.scores.find { it.code == 'finance-and-funding' }.score", equalTo(1));
        // an ICB assesses itself too
        as("demo-programme").body(body(TODAY, scores(2, Map.of()), null)).when().post("/api/areas/" + ICB + "/assessments").then().statusCode(201)
                .body("areaCode", equalTo(ICB)).body("note", nullValue());
    }

    @Test
    void theAssessorComesFromTheSignInNeverTheBody() {
        var forged = body(TODAY, scores(3, Map.of()), null);
        forged.put("assessedBy", "someone-else");
        as("demo-commissioner").body(forged).when().post("/api/areas/" + RUTLAND + "/assessments").then().statusCode(400);
    }

    @Test
    void refusesRegionsUnknownAndSupersededCodesNamingCode() {
        for (var code : List.of("E40000011", "E99999999", "nowhere", "x".repeat(300), "E54000022")) {
            as("demo-commissioner").body(body(TODAY, scores(3, Map.of()), null)).when().post("/api/areas/" + code + "/assessments").then()
                    .statusCode(400).contentType("application/problem+json").body("violations.field", equalTo(List.of("code")));
            as("demo-commissioner").when().get("/api/areas/" + code + "/assessments").then().statusCode(400)
                    .body("violations.field", equalTo(List.of("code")));
        }
    }

    @Test
    void eachBadScoreIsA400NamingItsDimensionAndNothingIsWritten() {
        long before = as("demo-admin").when().get("/api/areas/" + RUTLAND + "/assessments").then().statusCode(200).extract().jsonPath().getLong("total");
        var missing = scores(3, Map.of());
        missing.remove("capacity-building");
        refused(body(TODAY, missing, null), "scores.capacity-building");
        refused(body(TODAY, scores(3, Map.of("breadth-of-ambition", 2.5)), null), "scores.breadth-of-ambition");
        refused(body(TODAY, scores(3, Map.of("citizen-empowerment", 6)), null), "scores.citizen-empowerment");
        refused(body(TODAY, scores(3, Map.of("citizen-empowerment", -1)), null), "scores.citizen-empowerment");
        refused(body(TODAY, scores(3, Map.of("evaluation-methods", "3")), null), "scores.evaluation-methods");
        refused(body(TODAY, scores(3, Map.of("evaluation-methods", new java.math.BigInteger("99999999999999999999999"))), null),
                "scores.evaluation-methods");
        refused(body(TODAY, scores(3, Map.of("telepathy", 3)), null), "scores.telepathy");
        refused(body(TODAY, null, null), "scores");
        refused(body(LocalDate.now(ZoneId.of("Europe/London")).plusDays(2).toString(), scores(3, Map.of()), null), "assessedOn");
        refused(body("1987-01-01", scores(3, Map.of()), null), "assessedOn");
        refused(body("20/11/2026", scores(3, Map.of()), null), "assessedOn");
        refused(body(null, scores(3, Map.of()), null), "assessedOn");
        refused(body(TODAY, scores(3, Map.of()), "n".repeat(2001)), "note");
        // two problems at once are both named
        var both = as("demo-commissioner").body(body(null, scores(3, Map.of("finance-and-funding", 9)), null))
                .when().post("/api/areas/" + RUTLAND + "/assessments").then().statusCode(400).extract().jsonPath().getList("violations.field", String.class);
        assertEquals(List.of("assessedOn", "scores.finance-and-funding"), both.stream().sorted().toList());
        as("demo-admin").when().get("/api/areas/" + RUTLAND + "/assessments").then().statusCode(200).body("total", equalTo((int) before));
    }

    private static void refused(Map<String, Object> body, String field) {
        as("demo-commissioner").body(body).when().post("/api/areas/" + RUTLAND + "/assessments").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", equalTo(List.of(field)));
    }

    @Test
    void onlyCommissionersProgrammeStaffAndAdminsRecordAndRead() {
        given().contentType(ContentType.JSON).body(body(TODAY, scores(3, Map.of()), null)).when().post("/api/areas/" + RUTLAND + "/assessments")
                .then().statusCode(401);
        given().when().get("/api/areas/" + RUTLAND + "/assessments").then().statusCode(401);
        as("demo-leader").body(body(TODAY, scores(3, Map.of()), null)).when().post("/api/areas/" + RUTLAND + "/assessments").then().statusCode(403);
        as("demo-leader").when().get("/api/areas/" + RUTLAND + "/assessments").then().statusCode(403);
        as("demo-leader").when().get("/api/areas/" + RUTLAND + "/strengths-for-gaps").then().statusCode(403);
        for (var role : List.of("demo-commissioner", "demo-programme", "demo-admin")) {
            as(role).when().get("/api/areas/" + RUTLAND + "/assessments").then().statusCode(200);
        }
    }

    @Test
    void historyIsNewestFirstByTheDayAssessedAndPaged() {
        var code = "E06000053"; // the Isles of Scilly: no other test assesses it
        var today = LocalDate.now(ZoneId.of("Europe/London"));
        var ids = new ArrayList<Long>();
        for (var date : List.of(today.minusYears(2), today, today.minusYears(1))) {
            ids.add(as("demo-programme").body(body(date.toString(), scores(2, Map.of()), null)).when().post("/api/areas/" + code + "/assessments")
                    .then().statusCode(201).extract().jsonPath().getLong("id"));
        }
        // same day again: the later recorded comes first among equals
        ids.add(as("demo-programme").body(body(today.toString(), scores(4, Map.of()), null)).when().post("/api/areas/" + code + "/assessments")
                .then().statusCode(201).extract().jsonPath().getLong("id"));
        var page0 = as("demo-commissioner").queryParam("size", 2).when().get("/api/areas/" + code + "/assessments").then().statusCode(200)
                .extract().jsonPath();
        assertTrue(page0.getLong("total") >= 4);
        assertEquals(List.of(ids.get(3), ids.get(1)), page0.getList("items.id", Long.class));
        var all = as("demo-commissioner").queryParam("size", 100).when().get("/api/areas/" + code + "/assessments").then().statusCode(200)
                .extract().jsonPath().getList("items.id", Long.class);
        assertTrue(all.indexOf(ids.get(1)) < all.indexOf(ids.get(2)) && all.indexOf(ids.get(2)) < all.indexOf(ids.get(0)), "order: " + all);
        as("demo-commissioner").queryParam("size", 101).when().get("/api/areas/" + code + "/assessments").then().statusCode(400)
                .body("violations.field", hasItem("size"));
    }

    /** Decided: each POST is an assessment on record, so eight identical ones at once are eight history rows, and nothing breaks. */
    @Test
    void eightIdenticalPostsAtOnceAreEightRows() throws Exception {
        var code = "E06000052"; // Cornwall
        long before = as("demo-admin").when().get("/api/areas/" + code + "/assessments").then().statusCode(200).extract().jsonPath().getLong("total");
        var token = Fixtures.token("demo-commissioner");
        var body = body(TODAY, scores(3, Map.of("digital-infrastructure", 0)), "same");
        var barrier = new CyclicBarrier(8);
        var pool = Executors.newFixedThreadPool(8);
        try {
            var answers = new ArrayList<Future<Integer>>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> {
                    barrier.await();
                    return given().header("Authorization", Fixtures.bearer(token)).contentType(ContentType.JSON).body(body)
                            .when().post("/api/areas/" + code + "/assessments").then().extract().statusCode();
                }));
            }
            for (var answer : answers) {
                assertEquals(201, answer.get());
            }
        } finally {
            pool.shutdown();
        }
        var history = as("demo-admin").queryParam("size", 100).when().get("/api/areas/" + code + "/assessments").then().statusCode(200).extract().jsonPath();
        assertEquals(before + 8, history.getLong("total"));
        assertEquals(java.util.Collections.nCopies(8, "same"), history.getList("items.note", String.class).subList(0, 8));
    }

    @Test
    void anErasedAssessorLeavesTheAssessmentShownAsRemoved() {
        // an account that is both a leader's and a commissioner's: erasing the leader erases the account
        long leader = as("demo-admin").body(Fixtures.leader("Assessing Leader")).when().post("/api/leaders").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        var username = "assessor-" + System.nanoTime();
        as("demo-admin").body(Map.of("username", username, "password", "a-test-password-long-enough", "roles", List.of("leader", "commissioner"),
                "leaderId", leader, "fullName", "Pat Assessor")).when().post("/api/admin/accounts").then().statusCode(201);
        var token = Fixtures.token(username, "a-test-password-long-enough");
        long id = given().header("Authorization", Fixtures.bearer(token)).contentType(ContentType.JSON).body(body(TODAY, scores(2, Map.of()), null))
                .when().post("/api/areas/E06000017/assessments").then().statusCode(201).body("assessedBy", equalTo("Pat Assessor"))
                .extract().jsonPath().getLong("id");
        given().header("Authorization", Fixtures.bearer(token)).when().delete("/api/me").then().statusCode(204);
        var history = as("demo-commissioner").queryParam("size", 100).when().get("/api/areas/E06000017/assessments").then().statusCode(200).extract().jsonPath();
        assertEquals(null, history.getString("items.find { it.id == " + id + " }.assessedBy"));
        assertEquals(true, history.getBoolean("items.find { it.id == " + id + " }.assessorRemoved"));
        assertEquals(2, history.getInt("items.find { it.id == " + id + " }.scores[0].score"));
    }
}
