package org.joinedup.recognition;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.joinedup.Fixtures;
import org.joinedup.recognition.RoundFixtures.TestAccount;
import org.joinedup.security.Roles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Erasure in a round, through the service's own erasure (an admin deleting the leader, which takes
 * their account with it): a nominee's nominations and scores go; a judge's scores go; a published
 * list keeps the place of a person who has left; a closed round's stored result does not change.
 */
@QuarkusTest
class RoundErasureTest {

    @Inject
    EntityManager em;

    private TestAccount judge;
    private TestAccount leaderJudge;
    private long judgeAsLeader;
    private long kept;
    private long erased;
    private long round;

    @BeforeAll
    static void asProgrammeStaff() {
        Fixtures.actAs("demo-programme");
    }

    /*
     * Two judges, one of them a leader with an account (so erasing that leader erases the judge).
     * Scores: kept gets judge [4,4] = 4 and leader-judge [2,2] = 2 (mean 3 over 2);
     * erased gets judge [5,5] = 5 (mean 5 over 1). Computed order: erased (5), kept (3).
     */
    @BeforeEach
    void scoredRound() {
        var nominator = RoundFixtures.account(Roles.COMMISSIONER, null, null);
        judge = RoundFixtures.account(Roles.COMMISSIONER, null, null);
        judgeAsLeader = Fixtures.createLeader(Fixtures.leader("Erasure Judge Leader"));
        leaderJudge = RoundFixtures.account(Roles.LEADER, null, judgeAsLeader);
        kept = Fixtures.createLeader(Fixtures.leader("Erasure Kept Nominee"));
        erased = Fixtures.createLeader(Fixtures.leader("Erasure Erased Nominee"));
        round = RoundFixtures.judgingRound(em, List.of(judge.id(), leaderJudge.id()), NominationRound.LIST_PUBLIC, 2, 2);
        RoundFixtures.nominate(em, round, kept, nominator.id());
        RoundFixtures.nominate(em, round, erased, nominator.id());
        RoundFixtures.declareNone(judge, round);
        RoundFixtures.declareNone(leaderJudge, round);
        RoundFixtures.score(judge, round, kept, 4, 4);
        RoundFixtures.score(judge, round, erased, 5, 5);
        RoundFixtures.score(leaderJudge, round, kept, 2, 2);
    }

    @Test
    void aNomineeErasedBeforeCloseLeavesTheNomineesAndTheScores() {
        eraseLeader(erased);
        given().when().get("/api/rounds/" + round + "/progress").then().statusCode(200).body("nominees", equalTo(1));
        judge.request().when().get("/api/rounds/" + round + "/judging/scores").then().statusCode(200).body("sheets.leaderId", contains((int) kept));
        assertEquals(0L, count("select count(*) from nomination where nominee_leader_id = " + erased));
        given().when().post("/api/rounds/" + round + "/close").then().statusCode(200).body("entries.leaderId", contains((int) kept));
    }

    @Test
    void aNomineeErasedAfterPublicationLeavesAPlaceholder() {
        given().when().post("/api/rounds/" + round + "/close").then().statusCode(200);
        given().when().post("/api/rounds/" + round + "/publish").then().statusCode(200);
        eraseLeader(erased);
        given().when().get("/api/rounds/" + round + "/list").then().statusCode(200)
                .body("entries.name", contains(ResultService.LEFT_THE_REGISTRY, "Erasure Kept Nominee"))
                .body("entries[0].leaderId", nullValue())
                .body("entries[0].profile", nullValue())
                .body("entries[0].role", nullValue());
        given().when().get("/api/rounds/" + round + "/result").then().statusCode(200)
                .body("entries[0].leaderId", nullValue()).body("entries[0].name", equalTo(ResultService.LEFT_THE_REGISTRY));
        assertEquals(0L, count("select count(*) from judge_score where nominee_leader_id = " + erased));
    }

    @Test
    void aJudgeErasedBeforeCloseLeavesTheResult() {
        eraseLeader(judgeAsLeader);
        // kept now has only judge's [4,4] = 4: erased (5) first, kept (4.0, 1 judge) second
        given().when().post("/api/rounds/" + round + "/close").then().statusCode(200)
                .body("entries.leaderId", contains((int) erased, (int) kept))
                .body("entries[1].mean", equalTo(4.0f))
                .body("entries[1].judgesCounted", equalTo(1));
        given().when().get("/api/rounds/" + round + "/progress").then().statusCode(200).body("judges.accountId", contains((int) judge.id()));
    }

    @Test
    void aJudgeErasedAfterCloseLeavesTheStoredResultAsItWas() {
        var before = given().when().post("/api/rounds/" + round + "/close").then().statusCode(200)
                .body("entries[1].mean", equalTo(3.0f)).body("entries[1].judgesCounted", equalTo(2))
                .extract().jsonPath().getList("entries");
        eraseLeader(judgeAsLeader);
        var after = given().when().get("/api/rounds/" + round + "/result").then().statusCode(200).extract().jsonPath().getList("entries");
        assertEquals(before, after);
        assertEquals(0L, count("select count(*) from judge_score where judge_account_id = " + leaderJudge.id()));
    }

    private static void eraseLeader(long leaderId) {
        given().header("Authorization", Fixtures.bearer(Fixtures.token("demo-admin"))).when().delete("/api/leaders/" + leaderId)
                .then().statusCode(204);
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
