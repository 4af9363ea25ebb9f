package org.joinedup.recognition;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.joinedup.Fixtures;
import org.joinedup.Race;
import org.joinedup.recognition.RoundFixtures.TestAccount;
import org.joinedup.security.Roles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** After judging: moves with a reason, citations, publishing, and who sees the published list. */
@QuarkusTest
class RoundResultTest {

    @Inject
    EntityManager em;

    @Inject
    PublishedRounds publishedRounds;

    private long first;
    private long second;
    private long third;

    @BeforeAll
    static void asProgrammeStaff() {
        Fixtures.actAs("demo-programme");
    }

    /** A closed round of three nominees scored 5, 4 and 3 by one judge: first, second, third; two selected, one ranked. */
    private long closedRound(String listVisibility, String thirdVisibility) {
        var judge = RoundFixtures.account(Roles.COMMISSIONER, null, null);
        first = Fixtures.createLeader(Fixtures.leader("Result First"));
        second = Fixtures.createLeader(Fixtures.leader("Result Second"));
        var hidden = Fixtures.leader("Result Third");
        hidden.put("visibility", thirdVisibility);
        third = Fixtures.createLeader(hidden);
        long round = RoundFixtures.judgingRound(em, List.of(judge.id()), listVisibility, 2, 1);
        List.of(first, second, third).forEach(id -> RoundFixtures.nominate(em, round, id, judge.id()));
        RoundFixtures.declareNone(judge, round);
        RoundFixtures.score(judge, round, first, 5, 5);
        RoundFixtures.score(judge, round, second, 4, 4);
        RoundFixtures.score(judge, round, third, 3, 3);
        given().when().post("/api/rounds/" + round + "/close").then().statusCode(200)
                .body("entries.leaderId", contains((int) first, (int) second, (int) third));
        return round;
    }

    @Test
    void aMoveNeedsAReasonShiftsTheOthersAndIsKept() {
        long round = closedRound(NominationRound.LIST_PUBLIC, "public");
        given().body(Map.of("leaderId", third, "toPosition", 1)).contentType("application/json")
                .when().post("/api/rounds/" + round + "/result/moves").then().statusCode(400).body("violations.field", hasItem("reason"));
        given().body(Map.of("leaderId", third, "toPosition", 4, "reason", "x")).contentType("application/json")
                .when().post("/api/rounds/" + round + "/result/moves").then().statusCode(400).body("violations.field", hasItem("toPosition"));
        given().body(Map.of("leaderId", 987_654_321L, "toPosition", 1, "reason", "x")).contentType("application/json")
                .when().post("/api/rounds/" + round + "/result/moves").then().statusCode(400).body("violations.field", hasItem("leaderId"));

        given().body(Map.of("leaderId", third, "toPosition", 1, "reason", "Panel agreed the evidence was under-read")).contentType("application/json")
                .when().post("/api/rounds/" + round + "/result/moves").then().statusCode(200)
                .body("entries.leaderId", contains((int) third, (int) first, (int) second))
                .body("entries.position", contains(1, 2, 3))
                .body("entries.computedPosition", contains(3, 1, 2))
                .body("entries.selected", contains(true, true, false))
                .body("entries.ranked", contains(true, false, false))
                .body("adjustments[0].fromPosition", equalTo(3))
                .body("adjustments[0].toPosition", equalTo(1))
                .body("adjustments[0].reason", equalTo("Panel agreed the evidence was under-read"));
    }

    /** Two staff changing one result: each change raises the ETag, and a change based on an older one is refused. */
    @Test
    void movesAndCitationsHonourIfMatch() {
        long round = closedRound(NominationRound.LIST_PUBLIC, "public");
        var read = given().when().get("/api/rounds/" + round + "/result").then().statusCode(200).extract();
        var etag = read.header("ETag");
        assertEquals("\"" + read.path("version") + "\"", etag, "the result's ETag is its version");

        var moved = given().header("If-Match", etag).body(Map.of("leaderId", third, "toPosition", 1, "reason", "Panel agreed"))
                .contentType("application/json").when().post("/api/rounds/" + round + "/result/moves").then().statusCode(200).extract();
        var afterMove = moved.header("ETag");
        assertNotEquals(etag, afterMove, "a move raises the version");
        assertEquals(afterMove, given().when().get("/api/rounds/" + round + "/result").then().extract().header("ETag"),
                "the move's answer carries the version a read then shows");

        // the other staff member still holds the first ETag: refused, nothing written
        given().header("If-Match", etag).body(Map.of("citation", "Written on the old order")).contentType("application/json")
                .when().put("/api/rounds/" + round + "/result/citations/" + first).then().statusCode(412);
        given().header("If-Match", etag).body(Map.of("leaderId", first, "toPosition", 1, "reason", "Undo")).contentType("application/json")
                .when().post("/api/rounds/" + round + "/result/moves").then().statusCode(412);
        given().when().get("/api/rounds/" + round + "/result").then().statusCode(200)
                .body("entries.leaderId", contains((int) third, (int) first, (int) second))
                .body("entries.citation", contains(nullValue(), nullValue(), nullValue()))
                .body("adjustments.size()", equalTo(1));

        var cited = given().header("If-Match", afterMove).body(Map.of("citation", "Read the new order first")).contentType("application/json")
                .when().put("/api/rounds/" + round + "/result/citations/" + first).then().statusCode(200)
                .body("entries[1].citation", equalTo("Read the new order first")).extract().header("ETag");
        assertNotEquals(afterMove, cited, "a citation raises the version too");
        given().header("If-Match", "W/" + cited).body(Map.of("citation", "weak")).contentType("application/json")
                .when().put("/api/rounds/" + round + "/result/citations/" + first).then().statusCode(412);
    }

    /** The same move eight times at once, all on one ETag: the round's row lock lets one through; the others find the version moved. */
    @Test
    void eightMovesAtOnceOnOneETagMakeOne() throws Exception {
        long round = closedRound(NominationRound.LIST_PUBLIC, "public");
        var etag = given().when().get("/api/rounds/" + round + "/result").then().statusCode(200).extract().header("ETag");
        var statuses = Race.sortedStatuses(8, i -> {
            var request = given().header("If-Match", etag).body(Map.of("leaderId", third, "toPosition", 1, "reason", "All at once"))
                    .contentType("application/json");
            return () -> request.when().post("/api/rounds/" + round + "/result/moves").then().extract().statusCode();
        });
        assertEquals(List.of(200, 412, 412, 412, 412, 412, 412, 412), statuses);
        given().when().get("/api/rounds/" + round + "/result").then().statusCode(200).body("adjustments.size()", equalTo(1));
    }

    @Test
    void citationsAreShortAndPublishedWithTheList() {
        long round = closedRound(NominationRound.LIST_PUBLIC, "public");
        given().body(Map.of("citation", "x".repeat(601))).contentType("application/json")
                .when().put("/api/rounds/" + round + "/result/citations/" + first).then().statusCode(400).body("violations.field", hasItem("citation"));
        given().body(Map.of("citation", "For ten years of joined-up discharge.")).contentType("application/json")
                .when().put("/api/rounds/" + round + "/result/citations/" + first).then().statusCode(200)
                .body("entries[0].citation", equalTo("For ten years of joined-up discharge."));
        given().body(Map.of("citation", "x")).contentType("application/json")
                .when().put("/api/rounds/" + round + "/result/citations/987654321").then().statusCode(404);

        // not published yet: only staff see the list
        given().header("Authorization", Fixtures.bearer(Fixtures.token("demo-commissioner"))).when().get("/api/rounds/" + round + "/list")
                .then().statusCode(404);
        given().when().get("/api/rounds/" + round + "/list").then().statusCode(200).body("publishedAt", nullValue());

        given().when().post("/api/rounds/" + round + "/publish").then().statusCode(200);
        assertTrue(publishedRounds.ids().contains(round), "RoundPublished fired");
        Fixtures.actAnonymously();
        try {
            given().when().get("/api/rounds/" + round + "/list").then().statusCode(200)
                    .body("entries.leaderId", contains((int) first, (int) second))
                    .body("entries.ranked", contains(true, false))
                    .body("entries[0].citation", equalTo("For ten years of joined-up discharge."))
                    .body("entries[0].profile", equalTo("/leaders/" + first))
                    .body("entries[0].role", equalTo("Head of integrated care"));
        } finally {
            Fixtures.actAs("demo-programme");
        }
        // published: the order is fixed
        given().body(Map.of("leaderId", third, "toPosition", 1, "reason", "late")).contentType("application/json")
                .when().post("/api/rounds/" + round + "/result/moves").then().statusCode(409);
        given().when().post("/api/rounds/" + round + "/publish").then().statusCode(409);
    }

    @Test
    void aSignedInListIsNotShownToThePublicAndAProgrammeListOnlyToStaff() {
        long signedIn = closedRound(NominationRound.LIST_SIGNED_IN, "public");
        given().when().post("/api/rounds/" + signedIn + "/publish").then().statusCode(200);
        long programme = closedRound(NominationRound.LIST_PROGRAMME, "public");
        given().when().post("/api/rounds/" + programme + "/publish").then().statusCode(200);
        var commissioner = Fixtures.bearer(Fixtures.token("demo-commissioner"));
        given().header("Authorization", commissioner).when().get("/api/rounds/" + signedIn + "/list").then().statusCode(200);
        given().header("Authorization", commissioner).when().get("/api/rounds/" + programme + "/list").then().statusCode(404);
        given().when().get("/api/rounds/" + programme + "/list").then().statusCode(200);
        Fixtures.actAnonymously();
        try {
            given().when().get("/api/rounds/" + signedIn + "/list").then().statusCode(404);
        } finally {
            Fixtures.actAs("demo-programme");
        }
    }

    @Test
    void aListedLeaderTheCallerMayNotSeeHasNoProfileLink() {
        long round = closedRound(NominationRound.LIST_PUBLIC, "programme");
        given().body(Map.of("leaderId", third, "toPosition", 1, "reason", "Moved up for the test")).contentType("application/json")
                .when().post("/api/rounds/" + round + "/result/moves").then().statusCode(200);
        given().when().post("/api/rounds/" + round + "/publish").then().statusCode(200);
        Fixtures.actAnonymously();
        try {
            given().when().get("/api/rounds/" + round + "/list").then().statusCode(200)
                    .body("entries[0].name", equalTo("Result Third"))
                    .body("entries[0].leaderId", nullValue())
                    .body("entries[0].profile", nullValue());
        } finally {
            Fixtures.actAs("demo-programme");
        }
    }

    @Test
    void judgesSeeTheResultOnlyOnceClosedAndNeverMoveIt() {
        TestAccount judge = RoundFixtures.account(Roles.COMMISSIONER, null, null);
        long leader = Fixtures.createLeader(Fixtures.leader("Result Judge View"));
        long round = RoundFixtures.judgingRound(em, List.of(judge.id()), NominationRound.LIST_PUBLIC, 1, 1);
        RoundFixtures.nominate(em, round, leader, judge.id());
        judge.request().when().get("/api/rounds/" + round + "/result").then().statusCode(409);
        given().when().post("/api/rounds/" + round + "/close").then().statusCode(200).body("entries[0].unscored", equalTo(true))
                .body("entries[0].selected", equalTo(false));
        judge.request().when().get("/api/rounds/" + round + "/result").then().statusCode(200);
        judge.request().body(Map.of("leaderId", leader, "toPosition", 1, "reason", "x")).when().post("/api/rounds/" + round + "/result/moves")
                .then().statusCode(403);
    }
}
