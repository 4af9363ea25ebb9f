package org.joinedup.recognition;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.joinedup.Fixtures;
import org.joinedup.recognition.RoundFixtures.TestAccount;
import org.joinedup.security.Roles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Judging a round through the API: conflicts, scores, their secrecy, progress and closing (docs/recognition.md). */
@QuarkusTest
class RoundJudgingTest {

    @Inject
    EntityManager em;

    private String organisation;
    private TestAccount conflicted;
    private TestAccount free;
    private long ownOrganisationNominee;
    private long partnerNominee;
    private long otherNominee;
    private long round;

    @BeforeAll
    static void asProgrammeStaff() {
        Fixtures.actAs("demo-programme");
    }

    /*
     * A judge of organisation O (conflicted) and one of none (free). Nominees: one of O itself, one
     * whose published record names O as a partner, and one with no tie to O.
     */
    @BeforeEach
    void roundWithTwoJudgesAndThreeNominees() {
        organisation = Fixtures.organisation("Judging Test Partnership Trust");
        conflicted = RoundFixtures.account(Roles.COMMISSIONER, organisation, null);
        free = RoundFixtures.account(Roles.COMMISSIONER, null, null);
        var own = Fixtures.leader("Own Organisation Nominee");
        own.put("organisation", organisation);
        ownOrganisationNominee = Fixtures.createLeader(own);
        partnerNominee = Fixtures.createLeader(Fixtures.leader("Partner Nominee"));
        var record = Fixtures.record("Work with the trust");
        record.put("partnerOrganisations", List.of(organisation, "RK5"));
        given().header("Authorization", Fixtures.bearer(Fixtures.token("demo-admin"))).contentType(ContentType.JSON).body(record)
                .when().post("/api/leaders/" + partnerNominee + "/records").then().statusCode(201);
        otherNominee = Fixtures.createLeader(Fixtures.leader("Other Nominee"));
        round = RoundFixtures.judgingRound(em, List.of(conflicted.id(), free.id()), NominationRound.LIST_PUBLIC, 2, 1);
        for (long nominee : List.of(ownOrganisationNominee, partnerNominee, otherNominee)) {
            RoundFixtures.nominate(em, round, nominee, free.id());
        }
        RoundFixtures.nominate(em, round, otherNominee, conflicted.id());
    }

    @Test
    void aJudgesConflictsAreSuggestedFromOrganisationAndPartnerships() {
        conflicted.request().when().get("/api/rounds/" + round + "/judging/conflicts").then().statusCode(200)
                .body("declaredAt", nullValue())
                .body("suggested.leaderId", containsInAnyOrder((int) ownOrganisationNominee, (int) partnerNominee))
                .body("suggested.find { it.leaderId == " + ownOrganisationNominee + " }.reason", equalTo("own-organisation"))
                .body("suggested.find { it.leaderId == " + partnerNominee + " }.reason", equalTo("partner-organisation"))
                .body("confirmed", empty());
        free.request().when().get("/api/rounds/" + round + "/judging/conflicts").then().statusCode(200).body("suggested", empty());
    }

    @Test
    void scoringWaitsForDeclaredConflictsAndRefusesAConflictedNominee() {
        conflicted.request().body(RoundFixtures.scores(4, 4)).when().put(scoreOf(otherNominee)).then().statusCode(409);
        declare(conflicted, Map.of(ownOrganisationNominee, "own-organisation", partnerNominee, "partner-organisation"));
        conflicted.request().body(RoundFixtures.scores(4, 4)).when().put(scoreOf(ownOrganisationNominee)).then().statusCode(403);
        conflicted.request().body(RoundFixtures.scores(4, 4)).when().put(scoreOf(otherNominee)).then().statusCode(200)
                .body("scores.leadership", equalTo(4));
    }

    @Test
    void declaringAConflictLaterRemovesThatJudgesScoresForTheNominee() {
        declare(free, Map.of());
        free.request().body(RoundFixtures.scores(5, 5)).when().put(scoreOf(otherNominee)).then().statusCode(200);
        free.request().body(RoundFixtures.scores(3, 3)).when().put(scoreOf(partnerNominee)).then().statusCode(200);
        declare(free, Map.of(otherNominee, "declared"));
        free.request().when().get("/api/rounds/" + round + "/judging/scores").then().statusCode(200)
                .body("sheets.leaderId", contains((int) partnerNominee));
    }

    @Test
    void badScoresAndConflictsNameTheField() {
        declare(free, Map.of());
        free.request().body(Map.of("scores", Map.of("leadership", 6, "made-up", 3))).when().put(scoreOf(otherNominee)).then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("scores.leadership", "scores.local-impact", "scores.made-up"));
        long notANominee = Fixtures.createLeader(Fixtures.leader("Not Nominated"));
        RoundFixtures.nominateUnconfirmed(em, round, notANominee, "someone@example.org");
        free.request().body(RoundFixtures.scores(3, 3)).when().put(scoreOf(notANominee)).then().statusCode(404);
        free.request().body(Map.of("conflicts", List.of(Map.of("leaderId", notANominee, "reason", "declared"),
                Map.of("leaderId", otherNominee, "reason", "a-grudge")))).when().put("/api/rounds/" + round + "/judging/conflicts")
                .then().statusCode(400).body("violations.field", containsInAnyOrder("conflicts[0].leaderId", "conflicts[1].reason"));
    }

    @Test
    void onlyTheRoundsJudgesJudge() {
        var outsider = RoundFixtures.account(Roles.COMMISSIONER, null, null);
        outsider.request().when().get("/api/rounds/" + round + "/judging/conflicts").then().statusCode(403);
        outsider.request().body(Map.of("conflicts", List.of())).when().put("/api/rounds/" + round + "/judging/conflicts").then().statusCode(403);
        outsider.request().when().get("/api/rounds/" + round + "/judging/scores").then().statusCode(403);
        outsider.request().when().get("/api/rounds/" + round + "/result").then().statusCode(403);
    }

    @Test
    void scoresAreHiddenFromOtherJudgesUntilTheRoundCloses() {
        declare(conflicted, Map.of(ownOrganisationNominee, "own-organisation", partnerNominee, "partner-organisation"));
        declare(free, Map.of());
        conflicted.request().body(RoundFixtures.scores(2, 3)).when().put(scoreOf(otherNominee)).then().statusCode(200);
        free.request().body(RoundFixtures.scores(5, 4)).when().put(scoreOf(otherNominee)).then().statusCode(200);
        free.request().when().get("/api/rounds/" + round + "/judging/scores").then().statusCode(200).body("all", equalTo(false))
                .body("sheets.judgeAccountId", contains((int) free.id()));
        // staff see progress, never values, and no result before close
        given().when().get("/api/rounds/" + round + "/progress").then().statusCode(200)
                .body("nominees", equalTo(3))
                .body("judges.find { it.accountId == " + conflicted.id() + " }.scored", equalTo(1))
                .body("judges.find { it.accountId == " + conflicted.id() + " }.mayScore", equalTo(1))
                .body("judges.find { it.accountId == " + free.id() + " }.mayScore", equalTo(3))
                .body(not(containsString("\"scores\"")));
        given().when().get("/api/rounds/" + round + "/judging/scores").then().statusCode(403);
        given().when().get("/api/rounds/" + round + "/result").then().statusCode(409);

        given().when().post("/api/rounds/" + round + "/close").then().statusCode(200);
        free.request().when().get("/api/rounds/" + round + "/judging/scores").then().statusCode(200).body("all", equalTo(true))
                .body("sheets.judgeAccountId", containsInAnyOrder((int) conflicted.id(), (int) free.id()));
        given().when().get("/api/rounds/" + round + "/judging/scores").then().statusCode(200).body("sheets.size()", equalTo(2));
        free.request().body(RoundFixtures.scores(1, 1)).when().put(scoreOf(otherNominee)).then().statusCode(409);
    }

    /*
     * By hand. Criteria leadership and local-impact. The conflicted judge declared own-organisation
     * and partner-organisation and scores only the other nominee; a stray score row for a conflicted
     * nominee (written straight to the table) must still be left out.
     *   other nominee:   conflicted [2,3] = 2.5, free [5,4] = 4.5  -> 3.5 over 2 judges
     *   partner nominee: free [4,4] = 4 (conflicted's stray [1,1] left out) -> 4.0 over 1 judge
     *   own-org nominee: free [3,4] = 3.5 -> 3.5 over 1 judge
     * Order: partner (4.0); then other and own-org tie on 3.5, other has 2 judges: other; own-org.
     * selectCount 2, rankCount 1: partner selected and ranked, other selected, own-org neither.
     */
    @Test
    void closingComputesTheResultAsTheHandComputationDoes() {
        declare(conflicted, Map.of(ownOrganisationNominee, "own-organisation", partnerNominee, "partner-organisation"));
        declare(free, Map.of());
        conflicted.request().body(RoundFixtures.scores(2, 3)).when().put(scoreOf(otherNominee)).then().statusCode(200);
        free.request().body(RoundFixtures.scores(5, 4)).when().put(scoreOf(otherNominee)).then().statusCode(200);
        free.request().body(RoundFixtures.scores(4, 4)).when().put(scoreOf(partnerNominee)).then().statusCode(200);
        free.request().body(RoundFixtures.scores(3, 4)).when().put(scoreOf(ownOrganisationNominee)).then().statusCode(200);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into judge_score (round_id, judge_account_id, nominee_leader_id, criterion_code, score)
                values (:round, :judge, :leader, 'leadership', 1), (:round, :judge, :leader, 'local-impact', 1)""")
                .setParameter("round", round).setParameter("judge", conflicted.id()).setParameter("leader", partnerNominee).executeUpdate());

        given().when().post("/api/rounds/" + round + "/close").then().statusCode(200)
                .body("phase", equalTo("closed"))
                .body("entries.leaderId", contains((int) partnerNominee, (int) otherNominee, (int) ownOrganisationNominee))
                .body("entries.mean", contains(4.0f, 3.5f, 3.5f))
                .body("entries.judgesCounted", contains(1, 2, 1))
                .body("entries.selected", contains(true, true, false))
                .body("entries.ranked", contains(true, false, false));
        // the judges see it too once closed
        free.request().when().get("/api/rounds/" + round + "/result").then().statusCode(200).body("entries.size()", equalTo(3));
    }

    @Test
    void ofEightClosesAtOnceOneWins() throws Exception {
        var barrier = new CyclicBarrier(8);
        var pool = Executors.newFixedThreadPool(8);
        var token = Fixtures.token("demo-programme");
        try {
            var answers = new ArrayList<Future<Integer>>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> {
                    barrier.await();
                    return given().header("Authorization", Fixtures.bearer(token)).when().post("/api/rounds/" + round + "/close")
                            .then().extract().statusCode();
                }));
            }
            var statuses = new ArrayList<Integer>();
            for (var answer : answers) {
                statuses.add(answer.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), "statuses: " + statuses);
            assertEquals(7, statuses.stream().filter(s -> s == 409).count(), "statuses: " + statuses);
        } finally {
            pool.shutdownNow();
        }
        given().when().get("/api/rounds/" + round + "/result").then().statusCode(200).body("entries.size()", equalTo(3));
    }

    @Test
    void theSameScoreEightTimesAtOnceLeavesOneSheet() throws Exception {
        declare(free, Map.of());
        var barrier = new CyclicBarrier(8);
        var pool = Executors.newFixedThreadPool(8);
        try {
            var answers = new ArrayList<Future<Integer>>();
            for (int i = 0; i < 8; i++) {
                int score = 1 + i % 5;
                answers.add(pool.submit(() -> {
                    barrier.await();
                    return free.request().body(RoundFixtures.scores(score, score)).when().put(scoreOf(otherNominee)).then().extract().statusCode();
                }));
            }
            for (var answer : answers) {
                assertEquals(200, answer.get());
            }
        } finally {
            pool.shutdownNow();
        }
        free.request().when().get("/api/rounds/" + round + "/judging/scores").then().statusCode(200)
                .body("sheets.size()", equalTo(1)).body("sheets[0].scores.size()", equalTo(2));
    }

    @Test
    void closingIsForStaffAndOnlyWhileJudging() {
        free.request().when().post("/api/rounds/" + round + "/close").then().statusCode(403);
        given().when().post("/api/rounds/" + round + "/close").then().statusCode(200);
        given().when().post("/api/rounds/" + round + "/close").then().statusCode(409);
        given().when().get("/api/rounds/" + round + "/progress").then().statusCode(200).body("phase", equalTo("closed"));
        free.request().body(Map.of("conflicts", List.of())).when().put("/api/rounds/" + round + "/judging/conflicts").then().statusCode(409);
        given().when().post("/api/rounds/987654000/close").then().statusCode(404);
        given().when().get("/api/admin/audit?action=round-close&entityId=" + round).then().statusCode(403);
        given().header("Authorization", Fixtures.bearer(Fixtures.token("demo-admin")))
                .when().get("/api/admin/audit?action=round-close&entityType=round&entityId=" + round).then().statusCode(200)
                .body("items.action", hasItem("round-close"));
    }

    private String scoreOf(long leaderId) {
        return "/api/rounds/" + round + "/judging/scores/" + leaderId;
    }

    private void declare(TestAccount judge, Map<Long, String> conflicts) {
        var body = conflicts.entrySet().stream().map(e -> Map.of("leaderId", (Object) e.getKey(), "reason", e.getValue())).toList();
        judge.request().body(Map.of("conflicts", body)).when().put("/api/rounds/" + round + "/judging/conflicts").then().statusCode(200)
                .body("declaredAt", not(nullValue()))
                .body("confirmed.leaderId", containsInAnyOrder(conflicts.keySet().stream().map(Long::intValue).toArray()));
    }
}
