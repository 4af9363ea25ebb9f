package org.joinedup.integration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.joinedup.Fixtures.createLeader;
import static org.joinedup.Fixtures.createRecord;
import static org.joinedup.Fixtures.leader;
import static org.joinedup.Fixtures.record;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.joinedup.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Outcomes are judged by their metric's direction, and their figures are exact, finite and bounded. */
@QuarkusTest
class OutcomeResourceTest {

    @BeforeAll
    static void actAsAdmin() {
        Fixtures.actAs("demo-admin");
    }

    private static Map<String, Object> outcome(String metric, Object baseline, Object result) {
        var outcome = new HashMap<String, Object>();
        outcome.put("metric", metric);
        outcome.put("baseline", baseline);
        outcome.put("result", result);
        return outcome;
    }

    /** The record as served, numbers read exactly. */
    private static JsonPath served(long recordId) {
        return given().config(RestAssured.config().jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL)))
                .when().get("/api/records/" + recordId).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void judgesEachOutcomeByItsMetricsDirection() {
        long leaderId = createLeader(leader("Outcome Judge"));
        var r = record("Judged outcomes");
        var described = new HashMap<String, Object>(Map.of("description", "Staff say teams work better together"));
        r.put("outcomes", List.of(
                outcome("delayed-transfers", 14.2, 9.8),      // lower is better, went down
                outcome("delayed-transfers", 9.8, 14.2),      // lower is better, went up
                outcome("reablement-91-day", 80, 85),         // higher is better, went up
                outcome("reablement-91-day", 85, 80),         // higher is better, went down
                outcome("length-of-stay", 6, 6),              // no change
                outcome("cost", null, 500000),                // no baseline
                described));                                  // no metric at all
        var record = served(createRecord(leaderId, r));

        assertEquals(Boolean.TRUE, (Object) record.get("outcomes[0].improved"));
        assertEquals(new BigDecimal("-4.4"), (Object) record.get("outcomes[0].change"));
        assertEquals(new BigDecimal("-0.3099"), (Object) record.get("outcomes[0].relativeChange"));
        assertEquals(Boolean.FALSE, (Object) record.get("outcomes[1].improved"), "worse is shown as not improved, not hidden");
        assertEquals(new BigDecimal("4.4"), (Object) record.get("outcomes[1].change"));
        assertEquals(Boolean.TRUE, (Object) record.get("outcomes[2].improved"));
        assertEquals(new BigDecimal("0.0625"), (Object) record.get("outcomes[2].relativeChange"));
        assertEquals(Boolean.FALSE, (Object) record.get("outcomes[3].improved"));
        assertEquals(Boolean.FALSE, (Object) record.get("outcomes[4].improved"), "no change is not an improvement");
        assertEquals(0, record.getInt("outcomes[4].change"));
        assertEquals(null, (Object) record.get("outcomes[5].improved"), "unknown without a baseline");
        assertEquals(null, (Object) record.get("outcomes[5].change"));
        assertEquals(null, (Object) record.get("outcomes[6].improved"), "unknown without a metric");
        assertEquals(List.of("delayed days", "delayed days", "percent", "percent", "days", "GBP"),
                record.getList("outcomes.unit").subList(0, 6), "figures without a unit get the metric's default unit");
    }

    @Test
    void servesEachMetricsDirectionAndDefaultUnit() {
        given().when().get("/api/vocabularies/outcome-metrics").then().statusCode(200)
                .body("find { it.code == 'delayed-transfers' }.direction", equalTo("lower-is-better"))
                .body("find { it.code == 'reablement-91-day' }.direction", equalTo("higher-is-better"))
                .body("find { it.code == 'length-of-stay' }.defaultUnit", equalTo("days"))
                .body("findAll { it.direction == null }", hasSize(0));
        given().when().get("/api/vocabularies/services").then().statusCode(200)
                .body("find { it.code == 'gp' }.direction", nullValue());
    }

    @Test
    void rejectsFiguresOutOfRangeOrTooPreciseNamingTheFieldAndWritesNothing() throws Exception {
        long leaderId = createLeader(leader("Huge Figures"));
        assertRejected(leaderId, "1e999999999", "100", "outcomes[0].baseline");
        assertRejected(leaderId, "100", "-1e12", "outcomes[0].result");
        assertRejected(leaderId, "1000000000000", "5", "outcomes[0].baseline");
        assertRejected(leaderId, "1e-999999999", "5", "outcomes[0].baseline");
        assertRejected(leaderId, "100", "92.1234567", "outcomes[0].result");
        given().when().get("/api/leaders/" + leaderId + "/records").then().statusCode(200).body("total", equalTo(0));

        // the edges of the range are fine, and trailing zeros are not extra precision
        var r = record("Edge figures");
        r.put("outcomes", List.of(outcome("cost", "999999999999.999999", "-999999999999.999999"), outcome("cost", "1.50000000", "1")));
        var record = served(createRecord(leaderId, r));
        assertEquals(new BigDecimal("999999999999.999999"), (Object) record.get("outcomes[0].baseline"));
        assertEquals(Boolean.TRUE, (Object) record.get("outcomes[0].improved"));
    }

    /** Sends the figures as raw JSON numbers, as a client could. */
    private static void assertRejected(long leaderId, String baseline, String result, String field) throws Exception {
        var r = record("Bad figures");
        r.put("outcomes", List.of(outcome("delayed-transfers", "BASELINE", "RESULT")));
        var json = new ObjectMapper().findAndRegisterModules().writeValueAsString(r)
                .replace("\"BASELINE\"", baseline).replace("\"RESULT\"", result);
        given().contentType(ContentType.JSON).body(json).when().post("/api/leaders/" + leaderId + "/records")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations", hasSize(1))
                .body("violations[0].field", equalTo(field));
    }
}
