package org.joinedup.integration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.joinedup.Fixtures.createLeader;
import static org.joinedup.Fixtures.createRecord;
import static org.joinedup.Fixtures.leader;
import static org.joinedup.Fixtures.record;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.joinedup.Fixtures;

@QuarkusTest
class RecordResourceTest {

    @BeforeAll
    static void actAsAdmin() {
        Fixtures.actAs("demo-admin");
    }

    private ValidatableResponse post(long leaderId, Map<String, Object> record) {
        return given().contentType(ContentType.JSON).body(record)
                .when().post("/api/leaders/" + leaderId + "/records").then();
    }

    @Test
    void logsARecordAndServesItWithAreasResolvedAndSelfReported() {
        long leaderId = createLeader(leader("Record Keeper"));
        long id = createRecord(leaderId, record("Local integrated care teams"));
        given().when().get("/api/records/" + id)
                .then().statusCode(200)
                .body("leaderId", equalTo((int) leaderId))
                .body("title", equalTo("Local integrated care teams"))
                .body("services", equalTo(List.of("gp", "community-health", "social-care")))
                .body("areas[0].icb.code", equalTo("E54000060"))
                .body("areas[0].region.code", equalTo("E40000011"))
                .body("outcomes[0].metric", equalTo("non-elective-admissions"))
                .body("outcomes[0].result", equalTo(92))
                .body("verification", equalTo("self-reported"));
        given().when().get("/api/leaders/" + leaderId + "/records")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo((int) id));
    }

    @Test
    void acceptsAPlaceOutsideEnglandWithCoordinates() {
        long leaderId = createLeader(leader("Abroad Leader"));
        var abroad = record("Canterbury integrated health system");
        abroad.put("areas", List.of(Map.of("country", "NZ", "place", "Canterbury", "latitude", -43.53, "longitude", 172.64)));
        post(leaderId, abroad).statusCode(201)
                .body("areas[0].country", equalTo("NZ"))
                .body("areas[0].place", equalTo("Canterbury"));
    }

    @Test
    void legacyIcbCodeResolvesToItsSuccessor() {
        long leaderId = createLeader(leader("Legacy Leader"));
        var legacy = record("North West London shared care record");
        legacy.put("areas", List.of(Map.of("code", "E54000027")));
        post(leaderId, legacy).statusCode(201)
                .body("areas[0].code", equalTo("E54000027"))
                .body("areas[0].icb.code", equalTo("E54000071"))
                .body("areas[0].region.name", equalTo("London"));
    }

    @Test
    void rejectsRecordWithOneService() {
        long leaderId = createLeader(leader("One Service"));
        var bad = record("Only GP");
        bad.put("services", List.of("gp"));
        post(leaderId, bad).statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("services"))
                .body("violations[0].allowed", hasItems("gp", "social-care"));
        bad.put("services", List.of("gp", "gp"));
        post(leaderId, bad).statusCode(400).body("violations[0].field", equalTo("services"));
    }

    @Test
    void rejectsUnknownVocabularyCodesListingAllowedValues() {
        long leaderId = createLeader(leader("Unknown Codes"));
        var bad = record("Bad codes");
        bad.put("services", List.of("gp", "dentistry-in-space"));
        bad.put("scope", "galaxy");
        bad.put("approaches", List.of("integrated-teams", "magic"));
        bad.put("programme", "moonshot");
        bad.put("role", "watched");
        post(leaderId, bad).statusCode(400)
                .body("violations.field", hasItems("services[1]", "scope", "approaches[1]", "programme", "role"))
                .body("violations.find { it.field == 'scope' }.allowed", equalTo(List.of("team", "organisations", "place", "system")));
    }

    @Test
    void rejectsEndBeforeStart() {
        long leaderId = createLeader(leader("Time Traveller"));
        var bad = record("Backwards");
        bad.put("periodStart", "2018-01-01");
        bad.put("periodEnd", "2016-01-01");
        post(leaderId, bad).statusCode(400)
                .body("violations[0].field", equalTo("periodEnd"))
                .body("violations[0].message", containsString("2018-01-01"));
    }

    @Test
    void rejectsDatesOutsideTheYearsAWorkCanHaveAndAnAreaGivenTwice() {
        long leaderId = createLeader(leader("Far Dates"));
        for (var start : List.of("-0001-01-01", "0000-01-01", "1899-12-31")) {
            var bad = record("Too early");
            bad.put("periodStart", start);
            post(leaderId, bad).statusCode(400).body("violations[0].field", equalTo("periodStart"));
        }
        var far = record("Too far");
        far.put("periodEnd", "+10000-01-01");
        post(leaderId, far).statusCode(400).body("violations[0].field", equalTo("periodEnd"));
        var twice = record("Twice there");
        twice.put("areas", List.of(Map.of("code", "E10000024"), Map.of("code", "E10000024")));
        post(leaderId, twice).statusCode(400).body("violations[0].field", equalTo("areas[1].code"));
        given().when().get("/api/leaders/" + leaderId + "/records").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void rejectsBaselineWithoutMetric() {
        long leaderId = createLeader(leader("No Metric"));
        var bad = record("Unmeasured");
        bad.put("outcomes", List.of(Map.of("description", "fewer admissions", "baseline", 10, "result", 8)));
        post(leaderId, bad).statusCode(400)
                .body("violations[0].field", equalTo("outcomes[0].metric"))
                .body("violations[0].allowed", hasItem("non-elective-admissions"));
    }

    @Test
    void rejectsUnknownAreaAndIncompletePlaceAbroad() {
        long leaderId = createLeader(leader("Lost Leader"));
        var bad = record("Nowhere");
        bad.put("areas", List.of(Map.of("code", "E12345678"), Map.of("country", "NZ", "place", "Canterbury")));
        post(leaderId, bad).statusCode(400)
                .body("violations.field", hasItems("areas[0].code", "areas[1].latitude", "areas[1].longitude"));
    }

    @Test
    void rejectsMissingRequiredFieldsNamingEach() {
        long leaderId = createLeader(leader("Empty Record"));
        post(leaderId, Map.of("title", "")).statusCode(400)
                .body("violations.field", hasItems("title", "areas", "services", "scope", "role", "periodStart"));
    }

    @Test
    void recordForMissingLeaderIs404() {
        post(999999999L, record("Orphan")).statusCode(404).contentType("application/problem+json");
    }

    @Test
    void rejectedRecordLeavesNothingBehind() {
        long leaderId = createLeader(leader("Careful Leader"));
        var bad = record("Half written");
        bad.put("periodEnd", "1999-01-01");
        post(leaderId, bad).statusCode(400);
        given().when().get("/api/leaders/" + leaderId + "/records").then().body("total", equalTo(0));
    }

    @Test
    void aRecordSentBackAsItIsWritesNothing() {
        long leaderId = createLeader(leader("Round Tripper"));
        long id = createRecord(leaderId, record("Sent back as it is"));
        var shown = given().when().get("/api/records/" + id).then().statusCode(200).extract().asString();
        given().contentType(ContentType.JSON).body(shown).when().put("/api/records/" + id).then().statusCode(200).body("version", equalTo(0));
        given().queryParam("entityType", "record").queryParam("entityId", id).queryParam("action", "update")
                .when().get("/api/admin/audit").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void updatesWithVersionAndRefusesStaleVersion() {
        long leaderId = createLeader(leader("Editor"));
        long id = createRecord(leaderId, record("First title"));
        var changed = record("Second title");
        changed.put("version", 0);
        given().contentType(ContentType.JSON).body(changed).when().put("/api/records/" + id)
                .then().statusCode(200).body("title", equalTo("Second title")).body("version", equalTo(1));
        given().contentType(ContentType.JSON).body(changed).when().put("/api/records/" + id)
                .then().statusCode(409).contentType("application/problem+json");
        given().when().get("/api/records/" + id).then().body("title", equalTo("Second title"));
    }

    @Test
    void editingARecordDoesNotMakeTheLeaderProfileStale() {
        long leaderId = createLeader(leader("Profile Owner"));
        createRecord(leaderId, record("Some work"));
        var profile = leader("Profile Owner Renamed");
        profile.put("version", 0);
        given().contentType(ContentType.JSON).body(profile).when().put("/api/leaders/" + leaderId).then().statusCode(200);
    }

    @Test
    void deletesARecord() {
        long leaderId = createLeader(leader("Deleter"));
        long id = createRecord(leaderId, record("Short-lived"));
        given().when().delete("/api/records/" + id).then().statusCode(204);
        given().when().get("/api/records/" + id).then().statusCode(404);
        given().when().delete("/api/records/" + id).then().statusCode(404);
    }

    @Test
    void deletingALeaderRemovesTheirRecords() {
        long leaderId = createLeader(leader("Leaver"));
        long id = createRecord(leaderId, record("Left behind?"));
        given().when().delete("/api/leaders/" + leaderId).then().statusCode(204);
        given().when().get("/api/records/" + id).then().statusCode(404);
    }

    @Test
    void programmeVerificationRaisesTheRecordToVerified() {
        long leaderId = createLeader(leader("Verified Leader"));
        long id = createRecord(leaderId, record("Verifiable"));
        given().contentType(ContentType.JSON)
                .body(Map.of("programme", "pioneer-2013", "decision", "confirmed", "comment", "Checked against the evaluation."))
                .when().post("/api/records/" + id + "/verifications")
                .then().statusCode(201)
                .body("verification", equalTo("verified"))
                .body("endorsements[0].kind", equalTo("verification"))
                .body("endorsements[0].endorserName", equalTo("demo-admin"));
    }

    @Test
    void anEndorsementNamingItsEndorserIsRefusedAndNothingIsWritten() {
        long leaderId = createLeader(leader("Unendorsed"));
        long id = createRecord(leaderId, record("Not yours to endorse"));
        given().contentType(ContentType.JSON)
                .body(Map.of("decision", "confirmed", "endorserName", "Stranger", "endorserOrganisation", "Acme Consulting"))
                .when().post("/api/records/" + id + "/endorsements")
                .then().statusCode(400)
                .body("violations.field", hasItem("endorserOrganisation"));
        given().when().get("/api/records/" + id).then().body("verification", equalTo("self-reported")).body("endorsements.size()", equalTo(0));
    }

    @Test
    void endorsingMissingRecordIs404() {
        given().contentType(ContentType.JSON).body(Map.of("decision", "confirmed"))
                .when().post("/api/records/999999999/endorsements").then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("programme", "pioneer-2013", "decision", "confirmed"))
                .when().post("/api/records/999999999/verifications").then().statusCode(404);
    }
}
