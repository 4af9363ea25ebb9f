package org.joinedup.recognition;

import static org.hamcrest.Matchers.equalTo;
import static org.joinedup.recognition.RecognitionFixtures.as;
import static org.joinedup.recognition.RecognitionFixtures.today;
import static org.joinedup.recognition.RecognitionFixtures.withToken;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.joinedup.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * Issue 16's writes refuse a token whose account signed out everywhere (401, problem+json), and write
 * nothing; a token issued after the sign-out does the same thing. Fresh accounts only: the demo
 * accounts are never signed out (other tests share their tokens).
 */
@QuarkusTest
class RecognitionStaleTokenTest {

    /** Signs the account out everywhere with its token, and checks the token is dead. */
    private static String signedOut(RecognitionFixtures.NewAccount account) {
        withToken(account.token()).when().get("/api/me").then().statusCode(200);
        withToken(account.token()).when().post("/api/auth/sign-out-everywhere").then().statusCode(204);
        return account.token();
    }

    private static String fresh(RecognitionFixtures.NewAccount account) {
        return Fixtures.token(account.username(), RecognitionFixtures.PASSWORD);
    }

    private static void refused(ValidatableResponse response) {
        response.statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
    }

    @Test
    void roundsAreNeitherOpenedNorChangedWithAStaleToken() {
        var staff = RecognitionFixtures.account("programme", null);
        var judge = RecognitionFixtures.account("commissioner", null);
        var stale = signedOut(staff);
        var round = RecognitionFixtures.nominatingRound("Stale token round", List.of(judge.id()));

        refused(withToken(stale).body(round).when().post("/api/rounds").then());
        long id = withToken(fresh(staff)).body(round).when().post("/api/rounds").then().statusCode(201).extract().jsonPath().getLong("id");

        round.put("name", "Renamed with a stale token");
        round.put("version", 0);
        refused(withToken(stale).body(round).when().put("/api/rounds/" + id).then());
        as("demo-programme").when().get("/api/rounds/" + id).then().body("name", equalTo("Stale token round")).body("version", equalTo(0));
        withToken(fresh(staff)).body(round).when().put("/api/rounds/" + id).then().statusCode(200).body("version", equalTo(1));
    }

    @Test
    void noNominationFromAStaleTokenEvenInARoundOpenToThePublic() {
        var judge = RecognitionFixtures.account("commissioner", null);
        var body = RecognitionFixtures.nominatingRound("Stale token nominations", List.of(judge.id()));
        body.put("nominators", "public");
        long round = RecognitionFixtures.open(body);
        long nominee = as("demo-admin").body(Fixtures.leader("Stale Token Nominee")).when().post("/api/leaders").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        var nominator = RecognitionFixtures.account("commissioner", null);
        var stale = signedOut(nominator);

        // not taken as an anonymous caller of the public round: the token is refused
        refused(withToken(stale).body(Map.of("nominee", Map.of("leaderId", nominee), "reasons", Map.of("leadership", "Brought four councils together.")))
                .when().post("/api/rounds/" + round + "/nominations").then());
        as("demo-programme").when().get("/api/rounds/" + round + "/nominations").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void noScoreFromAStaleJudgesToken() {
        var judge = RecognitionFixtures.account("commissioner", null);
        long round = RecognitionFixtures.open(RecognitionFixtures.round("Stale token judging", today().minusDays(10), today().minusDays(1),
                today().plusDays(10), List.of(judge.id())));
        as("demo-programme").when().get("/api/rounds/" + round).then().body("phase", equalTo("judging"));
        var stale = signedOut(judge);

        refused(withToken(stale).body(Map.of("scores", Map.of("leadership", 4))).when().put("/api/rounds/" + round + "/judging/scores/1").then());
        refused(withToken(stale).when().get("/api/rounds/" + round + "/judging/scores").then());
        withToken(fresh(judge)).when().get("/api/rounds/" + round + "/judging/scores").then().statusCode(200);
    }

    @Test
    void coLeadersAreNeitherInvitedNorAnsweredWithAStaleToken() {
        long owner = as("demo-admin").body(Fixtures.leader("Stale Token Owner")).when().post("/api/leaders").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        long partner = as("demo-admin").body(Fixtures.leader("Stale Token Partner")).when().post("/api/leaders").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        long record = as("demo-admin").body(Fixtures.record("Stale token record")).when().post("/api/leaders/" + owner + "/records").then()
                .statusCode(201).extract().jsonPath().getLong("id");
        var ownerAccount = RecognitionFixtures.account("leader", owner);
        var partnerAccount = RecognitionFixtures.account("leader", partner);
        var invitation = Map.of("leaderId", partner, "role", "co-led");

        var staleOwner = signedOut(ownerAccount);
        refused(withToken(staleOwner).body(invitation).when().post("/api/records/" + record + "/co-leaders").then());
        withToken(fresh(ownerAccount)).when().get("/api/records/" + record + "/co-leaders").then().statusCode(200).body("size()", equalTo(0));
        withToken(fresh(ownerAccount)).body(invitation).when().post("/api/records/" + record + "/co-leaders").then().statusCode(201);

        var stalePartner = signedOut(partnerAccount);
        refused(withToken(stalePartner).when().post("/api/me/co-leads/" + record + "/confirm").then());
        refused(withToken(stalePartner).when().post("/api/me/co-leads/" + record + "/decline").then());
        // the invitation is still waiting: the partner, signed in again, confirms it
        withToken(fresh(partnerAccount)).when().post("/api/me/co-leads/" + record + "/confirm").then().statusCode(200);
    }
}
