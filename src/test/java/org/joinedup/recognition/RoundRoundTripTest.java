package org.joinedup.recognition;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.joinedup.recognition.RecognitionFixtures.as;
import static org.joinedup.recognition.RecognitionFixtures.today;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A round's GET body PUTs back as it is (judges as the objects the GET shows), and a judge object with a bad id is a 400 naming it. */
@QuarkusTest
class RoundRoundTripTest {

    private static long judgeA;
    private static long judgeB;

    // made in each test's time, not in a @BeforeAll: RestAssured knows the test port only once a test runs
    @BeforeEach
    void judges() {
        if (judgeA == 0) {
            judgeA = RecognitionFixtures.account("commissioner", null).id();
            judgeB = RecognitionFixtures.account("commissioner", null).id();
        }
    }

    private static Map<String, Object> scheduled(String name) {
        var round = RecognitionFixtures.round(name, today().plusDays(3), today().plusDays(10), today().plusDays(20), List.of(judgeA, judgeB));
        round.put("criteria", List.of(Map.of("code", "impact", "name", "Impact", "description", "What changed."),
                Map.of("code", "reach", "name", "Reach", "description", "How far it went.")));
        round.put("nominators", "public");
        round.put("listVisibility", "programme");
        return round;
    }

    private static long auditEntries(long round) {
        return as("demo-admin").queryParam("entityType", RoundService.AUDITED).queryParam("entityId", round).when().get("/api/admin/audit")
                .then().statusCode(200).extract().jsonPath().getLong("total");
    }

    @Test
    void theGetBodyPutsBackAsItIsAndChangesNothing() {
        long id = RecognitionFixtures.open(scheduled("Round trip, scheduled"));
        var read = as("demo-programme").when().get("/api/rounds/" + id).then().statusCode(200).extract();
        String body = read.asString();
        Map<String, Object> asRead = read.jsonPath().getMap("");

        // the exact bytes of the GET, with its ETag as If-Match
        var back = as("demo-programme").header("If-Match", read.header("ETag")).body(body).when().put("/api/rounds/" + id).then()
                .statusCode(200).header("ETag", "\"0\"").extract().jsonPath();
        assertEquals(asRead, back.getMap(""), "the PUT back gives the round as it was");
        // again, with only the body's version
        as("demo-programme").body(body).when().put("/api/rounds/" + id).then().statusCode(200).body("version", equalTo(0));
        assertEquals(asRead, as("demo-programme").when().get("/api/rounds/" + id).then().extract().jsonPath().getMap(""));
        assertEquals(1, auditEntries(id), "only the opening is audited: the PUTs back changed nothing");
    }

    @Test
    void aNominatingRoundsGetBodyPutsBackTooThoughItsJudgesAreFixed() {
        long id = RecognitionFixtures.open(RecognitionFixtures.nominatingRound("Round trip, nominating", List.of(judgeB, judgeA)));
        var read = as("demo-programme").when().get("/api/rounds/" + id).then().statusCode(200).body("phase", equalTo("nominating")).extract();
        as("demo-programme").header("If-Match", read.header("ETag")).body(read.asString()).when().put("/api/rounds/" + id).then()
                .statusCode(200).header("ETag", "\"0\"").body("judges.accountId", contains((int) Math.min(judgeA, judgeB), (int) Math.max(judgeA, judgeB)));
        assertEquals(1, auditEntries(id));
    }

    @Test
    void oneFieldChangedInTheGetBodyHolds() {
        long id = RecognitionFixtures.open(scheduled("Round trip, changed"));
        var read = as("demo-programme").when().get("/api/rounds/" + id).then().statusCode(200).extract();
        Map<String, Object> body = new HashMap<>(read.jsonPath().getMap(""));
        body.put("listVisibility", "signed-in");
        var after = as("demo-programme").header("If-Match", read.header("ETag")).body(body).when().put("/api/rounds/" + id).then()
                .statusCode(200).header("ETag", "\"1\"").body("listVisibility", equalTo("signed-in")).extract().jsonPath().getMap("");
        var expected = new HashMap<>(read.jsonPath().getMap(""));
        expected.put("listVisibility", "signed-in");
        expected.put("version", 1);
        assertEquals(expected, after, "only the changed field (and the version) moved");
        as("demo-programme").when().get("/api/rounds/" + id).then().body("listVisibility", equalTo("signed-in"));
        assertEquals(2, auditEntries(id));
    }

    @Test
    void judgesAsObjectsOrAsIdsGiveTheSameRound() {
        var asObjects = scheduled("Judges as objects");
        asObjects.put("judges", List.of(Map.of("accountId", judgeB, "name", "any name: it is ignored"), Map.of("accountId", judgeA)));
        long byObjects = RecognitionFixtures.open(asObjects);
        long byIds = RecognitionFixtures.open(scheduled("Judges as ids"));
        var judges = as("demo-programme").when().get("/api/rounds/" + byIds).then().extract().jsonPath().getList("judges");
        as("demo-programme").when().get("/api/rounds/" + byObjects).then().body("judges", equalTo(judges));

        // and on a PUT, ids and objects mixed: judge A out, judge B kept
        var change = scheduled("Judges as ids");
        change.put("judges", List.of(Map.of("accountId", judgeB, "name", "Robin commissioner")));
        change.put("version", 0);
        as("demo-programme").body(change).when().put("/api/rounds/" + byIds).then().statusCode(200).body("judges.accountId", contains((int) judgeB));
        change.put("judges", List.of(judgeB));
        as("demo-programme").body(change).when().put("/api/rounds/" + byObjects).then().statusCode(200).body("judges.accountId", contains((int) judgeB));
    }

    @Test
    void aBadJudgeIsA400NamingItAndNothingIsWritten() {
        long id = RecognitionFixtures.open(scheduled("Round trip, bad judges"));
        var read = as("demo-programme").when().get("/api/rounds/" + id).then().statusCode(200).extract();
        Map<String, Object> asRead = read.jsonPath().getMap("");
        var missing = new LinkedHashMap<String, Object>();
        missing.put("name", "no id");
        var nullId = new HashMap<String, Object>();
        nullId.put("accountId", null);
        Map<Object, String> badJudges = new LinkedHashMap<>();
        badJudges.put(Map.of("accountId", String.valueOf(judgeA)), "judges[0].accountId");
        badJudges.put(Map.of("accountId", "abc"), "judges[0].accountId");
        badJudges.put(Map.of("accountId", -5), "judges[0]");
        badJudges.put(Map.of("accountId", 1e30), "judges[0].accountId");
        badJudges.put(Map.of("accountId", 1.5), "judges[0].accountId");
        badJudges.put(Map.of("accountId", 99_999_999_999_999_999_999.0), "judges[0].accountId");
        badJudges.put(missing, "judges[0].accountId");
        badJudges.put(nullId, "judges[0].accountId");
        badJudges.put(Map.of("accountId", judgeA, "role", "judge"), "judges[0].role");
        badJudges.put(Map.of("accountId", Map.of("id", judgeA)), "judges[0].accountId");
        badJudges.put(1e30, "judges[0]");
        badJudges.put("abc", "judges[0]");
        badJudges.put(List.of(judgeA), "judges[0]");
        badJudges.forEach((judge, field) -> {
            var body = new HashMap<>(asRead);
            body.put("name", "Renamed by a bad request");
            body.put("judges", List.of(judge, judgeB));
            as("demo-programme").header("If-Match", read.header("ETag")).body(body).when().put("/api/rounds/" + id).then()
                    .statusCode(400).contentType("application/problem+json").body("violations.field", contains(field));
        });
        assertEquals(asRead, as("demo-programme").when().get("/api/rounds/" + id).then().extract().jsonPath().getMap(""), "nothing written");
        assertEquals(1, auditEntries(id));
    }
}
