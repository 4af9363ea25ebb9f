package org.joinedup.recognition;

import static io.restassured.RestAssured.given;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.joinedup.Fixtures;

/**
 * Rounds and nominations for judging tests, written straight to the database until the round and
 * nomination API is merged (then these become calls to it). Accounts go through the admin API.
 */
public final class RoundFixtures {

    public static final String PASSWORD = "a-judging-test-password";
    /** The criteria of test rounds: two of the CI50's six (seed-data/recognition/criteria.csv). */
    public static final List<String> CRITERIA = List.of("leadership", "local-impact");

    /** An account made for a test: its id, username and a signed-in token. */
    public record TestAccount(long id, String username, String token) {

        public RequestSpecification request() {
            return given().header("Authorization", Fixtures.bearer(token)).contentType(ContentType.JSON);
        }
    }

    private RoundFixtures() {
    }

    /** An account with these roles (and organisation, and leader, either may be null). */
    public static TestAccount account(String role, String organisation, Long leaderId) {
        var username = "judging-" + role + "-" + System.nanoTime();
        var body = new HashMap<String, Object>(Map.of("username", username, "password", PASSWORD, "roles", List.of(role)));
        if (organisation != null) {
            body.put("organisation", organisation);
        }
        if (leaderId != null) {
            body.put("leaderId", leaderId);
        }
        long id = given().header("Authorization", Fixtures.bearer(Fixtures.token("demo-admin"))).contentType(ContentType.JSON).body(body)
                .when().post("/api/admin/accounts").then().statusCode(201).extract().jsonPath().getLong("id");
        return new TestAccount(id, username, Fixtures.token(username, PASSWORD));
    }

    /** A round in its judging phase (nominations closed ten days ago) with these judges. */
    public static long judgingRound(EntityManager em, List<Long> judgeAccountIds, String listVisibility, int selectCount, int rankCount) {
        var today = LocalDate.now(ZoneId.of("Europe/London"));
        return QuarkusTransaction.requiringNew().call(() -> {
            var round = new NominationRound();
            round.name = "Judging test round " + System.nanoTime();
            round.question = "Who has led integration in their place?";
            round.nominationsOpenOn = today.minusDays(30);
            round.nominationsCloseOn = today.minusDays(10);
            round.judgingCloseOn = today.plusDays(10);
            round.selectCount = selectCount;
            round.rankCount = rankCount;
            round.nominators = NominationRound.NOMINATORS_SIGNED_IN;
            round.listVisibility = listVisibility;
            var criteria = new ArrayList<RoundCriterion>();
            CRITERIA.forEach(code -> criteria.add(new RoundCriterion(code, code, "Test criterion " + code)));
            round.criteria = criteria;
            judgeAccountIds.forEach(id -> round.judges.add(new RoundJudge(id)));
            round.persist();
            return round.id;
        });
    }

    /** A nomination by an account (it counts). */
    public static void nominate(EntityManager em, long roundId, long leaderId, long nominatorAccountId) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "insert into nomination (round_id, nominee_leader_id, nominator_account_id) values (:round, :leader, :by)")
                .setParameter("round", roundId).setParameter("leader", leaderId).setParameter("by", nominatorAccountId).executeUpdate());
    }

    /** A nomination by an e-mail address never confirmed (it does not count). */
    public static void nominateUnconfirmed(EntityManager em, long roundId, long leaderId, String email) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "insert into nomination (round_id, nominee_leader_id, nominator_email) values (:round, :leader, :email)")
                .setParameter("round", roundId).setParameter("leader", leaderId).setParameter("email", email).executeUpdate());
    }

    /** Scores for every test criterion, in the order of {@link #CRITERIA}. */
    public static Map<String, Object> scores(int leadership, int localImpact) {
        return Map.of("scores", Map.of(CRITERIA.get(0), leadership, CRITERIA.get(1), localImpact));
    }

    /** The judge declares no conflicts (so they may score everyone). */
    public static void declareNone(TestAccount judge, long roundId) {
        judge.request().body(Map.of("conflicts", List.of())).when().put("/api/rounds/" + roundId + "/judging/conflicts").then().statusCode(200);
    }

    public static void score(TestAccount judge, long roundId, long leaderId, int leadership, int localImpact) {
        judge.request().body(scores(leadership, localImpact)).when().put("/api/rounds/" + roundId + "/judging/scores/" + leaderId)
                .then().statusCode(200);
    }
}
