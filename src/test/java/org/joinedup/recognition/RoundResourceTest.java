package org.joinedup.recognition;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.joinedup.recognition.RecognitionFixtures.as;
import static org.joinedup.recognition.RecognitionFixtures.today;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.joinedup.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RoundResourceTest {

    private static long judge;

    @BeforeAll
    static void setUp() {
        Fixtures.actAnonymously();
    }

    private static long judge() {
        if (judge == 0) {
            judge = RecognitionFixtures.account("commissioner", null).id();
        }
        return judge;
    }

    @Test
    void opensARoundWithTheSixDefaultCriteriaAndItsPhase() {
        var round = RecognitionFixtures.nominatingRound("Defaults round", List.of(judge()));
        var created = as("demo-programme").body(round).when().post("/api/rounds").then().statusCode(201)
                .header("ETag", "\"0\"").header("Location", org.hamcrest.Matchers.matchesPattern(".*/api/rounds/\\d+"))
                .body("phase", equalTo("nominating")).body("criteria.code", contains("leadership", "local-impact", "buy-in", "outcomes",
                        "innovation", "peer-support"))
                .body("judges.accountId", contains((int) judge())).body("createdAt", not(equalTo(null)))
                .extract().jsonPath();
        long id = created.getLong("id");
        as("demo-programme").when().get("/api/rounds/" + id).then().statusCode(200).header("ETag", "\"0\"")
                .body("name", equalTo("Defaults round")).body("selectCount", equalTo(50)).body("rankCount", equalTo(10));
    }

    @Test
    void reportsEveryProblemAtOnceNamingItsField() {
        var round = new HashMap<String, Object>();
        round.put("name", " ");
        round.put("criteria", List.of(Map.of("code", "Bad Code", "name", "x", "description", "y"),
                Map.of("code", "ok", "name", "", "description", "y"), Map.of("code", "ok", "name", "z", "description", "y")));
        round.put("nominationsOpenOn", today().plusDays(5).toString());
        round.put("nominationsCloseOn", today().toString());
        round.put("judgingCloseOn", today().plusYears(50).toString());
        round.put("selectCount", 501);
        round.put("rankCount", -1);
        round.put("judges", List.of(987_654_321L));
        round.put("nominators", "everyone");
        round.put("listVisibility", "world");
        var problem = as("demo-programme").body(round).when().post("/api/rounds").then().statusCode(400)
                .contentType("application/problem+json").extract().jsonPath();
        var fields = problem.getList("violations.field", String.class);
        for (var field : List.of("name", "question", "criteria[0].code", "criteria[1].name", "criteria[2].code", "judgingCloseOn", "selectCount",
                "rankCount", "judges[0]", "nominators", "listVisibility")) {
            assertTrue(fields.contains(field), field + " not among " + fields);
        }
    }

    @Test
    void refusesDatesOutOfOrderAndRankAboveSelect() {
        var round = RecognitionFixtures.round("Bad dates", today().plusDays(5), today(), today().minusDays(1), List.of(judge()));
        round.put("selectCount", 5);
        round.put("rankCount", 6);
        var fields = as("demo-programme").body(round).when().post("/api/rounds").then().statusCode(400).extract().jsonPath()
                .getList("violations.field", String.class);
        assertEquals(List.of("rankCount", "nominationsCloseOn", "judgingCloseOn"), fields);
    }

    @Test
    void aHugeCountIsA400NamingIt() {
        var round = RecognitionFixtures.nominatingRound("Huge", List.of(judge()));
        round.put("selectCount", 99_999_999_999L);
        as("demo-programme").body(round).when().post("/api/rounds").then().statusCode(400).body("violations.field", hasItem("selectCount"));
    }

    @Test
    void refusesADisabledOrRepeatedJudgeAndNoJudges() {
        var round = RecognitionFixtures.nominatingRound("Judges", List.of(judge(), judge()));
        as("demo-programme").body(round).when().post("/api/rounds").then().statusCode(400).body("violations.field", contains("judges[1]"));
        round.put("judges", List.of());
        as("demo-programme").body(round).when().post("/api/rounds").then().statusCode(400).body("violations.field", contains("judges"));
    }

    @Test
    void criteriaAndJudgesChangeOnlyWhileScheduled() {
        var scheduled = RecognitionFixtures.round("Scheduled", today().plusDays(3), today().plusDays(10), today().plusDays(20), List.of(judge()));
        long id = RecognitionFixtures.open(scheduled);
        as("demo-programme").when().get("/api/rounds/" + id).then().body("phase", equalTo("scheduled"));
        scheduled.put("criteria", List.of(Map.of("code", "impact", "name", "Impact", "description", "What changed.")));
        scheduled.put("version", 0);
        as("demo-programme").body(scheduled).when().put("/api/rounds/" + id).then().statusCode(200).header("ETag", "\"1\"")
                .body("criteria.code", contains("impact"));

        var nominating = RecognitionFixtures.nominatingRound("Nominating", List.of(judge()));
        long open = RecognitionFixtures.open(nominating);
        nominating.put("version", 0);
        nominating.put("criteria", List.of(Map.of("code", "impact", "name", "Impact", "description", "What changed.")));
        as("demo-programme").body(nominating).when().put("/api/rounds/" + open).then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("criteria are fixed"));
        nominating.remove("criteria");
        nominating.put("judges", List.of(judge(), RecognitionFixtures.account("programme", null).id()));
        as("demo-programme").body(nominating).when().put("/api/rounds/" + open).then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("judges are fixed"));
    }

    @Test
    void datesMoveARoundOnButNeverBack() {
        var round = RecognitionFixtures.nominatingRound("Moving", List.of(judge()));
        long id = RecognitionFixtures.open(round);
        round.put("version", 0);
        round.put("nominationsOpenOn", today().plusDays(2).toString());
        as("demo-programme").body(round).when().put("/api/rounds/" + id).then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("back to scheduled"));
        // on to judging: nominations closed yesterday
        round.put("nominationsOpenOn", today().minusDays(5).toString());
        round.put("nominationsCloseOn", today().minusDays(1).toString());
        as("demo-programme").body(round).when().put("/api/rounds/" + id).then().statusCode(200).body("phase", equalTo("judging"));
        round.put("version", 1);
        round.put("nominationsCloseOn", today().plusDays(1).toString());
        as("demo-programme").body(round).when().put("/api/rounds/" + id).then().statusCode(409);
    }

    @Test
    void aStaleIfMatchIs412() {
        var round = RecognitionFixtures.nominatingRound("Stale", List.of(judge()));
        long id = RecognitionFixtures.open(round);
        round.put("name", "Stale, renamed");
        as("demo-programme").header("If-Match", "\"0\"").body(round).when().put("/api/rounds/" + id).then().statusCode(200);
        as("demo-programme").header("If-Match", "\"0\"").body(round).when().put("/api/rounds/" + id).then().statusCode(412);
    }

    @Test
    void whoSeesWhichRound() {
        var judgeAccount = RecognitionFixtures.account("commissioner", null);
        long scheduled = RecognitionFixtures.open(RecognitionFixtures.round("Seen scheduled", today().plusDays(3), today().plusDays(10),
                today().plusDays(20), List.of(judgeAccount.id())));
        long signedIn = RecognitionFixtures.open(RecognitionFixtures.nominatingRound("Seen signed-in", List.of(judge())));
        var publicBody = RecognitionFixtures.nominatingRound("Seen public", List.of(judge()));
        publicBody.put("nominators", "public");
        long publicRound = RecognitionFixtures.open(publicBody);

        // staff: all
        var staff = as("demo-programme").queryParam("size", 100).when().get("/api/rounds").then().statusCode(200).extract().jsonPath()
                .getList("items.id", Long.class);
        assertTrue(staff.containsAll(List.of(scheduled, signedIn, publicRound)));
        // the judge: their scheduled round and every nominating one, and judges named only to them
        RecognitionFixtures.withToken(judgeAccount.token()).when().get("/api/rounds/" + scheduled).then().statusCode(200)
                .body("judges.accountId", contains((int) judgeAccount.id()));
        // another signed-in account: nominating rounds only, without judges
        as("demo-commissioner").when().get("/api/rounds/" + scheduled).then().statusCode(404);
        as("demo-commissioner").when().get("/api/rounds/" + signedIn).then().statusCode(200).body("judges", equalTo(List.of()));
        var commissioner = as("demo-commissioner").queryParam("size", 100).when().get("/api/rounds").then().statusCode(200).extract().jsonPath()
                .getList("items.id", Long.class);
        assertTrue(commissioner.containsAll(List.of(signedIn, publicRound)) && !commissioner.contains(scheduled), commissioner.toString());
        // the public: public nominating rounds only
        RestAssured.given().when().get("/api/rounds/" + signedIn).then().statusCode(404);
        RestAssured.given().when().get("/api/rounds/" + publicRound).then().statusCode(200);
        RestAssured.given().queryParam("size", 100).when().get("/api/rounds").then().statusCode(200)
                .body("items.id", hasItem((int) publicRound)).body("items.id", not(hasItem((int) signedIn)));
    }

    @Test
    void onlyStaffOpenRounds() {
        as("demo-commissioner").body(RecognitionFixtures.nominatingRound("Not mine", List.of(judge()))).when().post("/api/rounds").then()
                .statusCode(403);
    }

    @Test
    void openingIsAudited() {
        long id = RecognitionFixtures.open(RecognitionFixtures.nominatingRound("Audited round", List.of(judge())));
        as("demo-admin").queryParam("entityType", "nomination-round").queryParam("entityId", id).when().get("/api/admin/audit").then()
                .statusCode(200).body("items.action", hasItem("create"));
    }
}
