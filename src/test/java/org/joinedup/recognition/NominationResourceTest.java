package org.joinedup.recognition;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.joinedup.recognition.RecognitionFixtures.as;
import static org.joinedup.recognition.RecognitionFixtures.today;
import static org.joinedup.recognition.RecognitionFixtures.withToken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.joinedup.Fixtures;
import org.joinedup.Race;
import org.joinedup.account.AccountFixtures;
import org.joinedup.recognition.RecognitionFixtures.NewAccount;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class NominationResourceTest {

    @BeforeAll
    static void setUp() {
        Fixtures.actAnonymously();
    }

    private static long leader(String name, String visibility) {
        var body = Fixtures.leader(name);
        body.put("visibility", visibility);
        return as("demo-programme").body(body).when().post("/api/leaders").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static long record(long leaderId, String title) {
        return as("demo-admin").body(Fixtures.record(title)).when().post("/api/leaders/" + leaderId + "/records").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    private static Map<String, Object> nomination(long leaderId, Map<String, String> reasons, List<Long> recordIds) {
        var body = new HashMap<String, Object>();
        body.put("nominee", Map.of("leaderId", leaderId));
        body.put("reasons", reasons);
        body.put("recordIds", recordIds);
        return body;
    }

    /** A leader with an account: the leader's id and the account. */
    private record LeaderWithAccount(long leaderId, NewAccount account) {
    }

    private static LeaderWithAccount leaderWithAccount(String name) {
        long id = leader(name, "public");
        return new LeaderWithAccount(id, RecognitionFixtures.account("leader", id));
    }

    @Test
    void staffSeeEachNomineeWithTheirEvidenceAndWhoNominated() {
        var judge = RecognitionFixtures.account("commissioner", null);
        var round = RecognitionFixtures.nominatingRound("Evidence round", List.of(judge.id()));
        long roundId = RecognitionFixtures.open(round);
        long nominee = leader("Evidence Nominee", "public");
        long first = record(nominee, "Discharge to assess");
        record(nominee, "Neighbourhood teams");
        var nominator = leaderWithAccount("Evidence Nominator");

        withToken(nominator.account().token()).body(nomination(nominee, Map.of("leadership", "Brought four councils to one plan.",
                "outcomes", "Fewer emergency admissions."), List.of(first))).when().post("/api/rounds/" + roundId + "/nominations").then()
                .statusCode(201).body("nomineeName", equalTo("Evidence Nominee")).body("reasons.criterion", contains("leadership", "outcomes"))
                .body("recordIds", contains((int) first)).body("confirmed", equalTo(true));

        var staff = as("demo-programme").when().get("/api/rounds/" + roundId + "/nominations").then().statusCode(200).extract().jsonPath();
        assertEquals(1, staff.getInt("total"));
        assertEquals("Evidence Nominee", staff.getString("items[0].name"));
        assertEquals("Head of integrated care", staff.getString("items[0].currentRole"));
        assertEquals("Robin leader", staff.getString("items[0].nominations[0].nominatedBy"));
        assertEquals("Discharge to assess", staff.getString("items[0].nominations[0].records[0].title"));
        assertEquals(Boolean.TRUE, staff.get("items[0].nominations[0].records[0].outcomes[0].improved"));
        assertEquals(List.of("Effective leadership", "Better outcomes"), staff.getList("items[0].nominations[0].reasons.criterionName"));
        // two published records, each with one outcome judged improved; no mentoring yet
        Map<String, Integer> byLevel = staff.getMap("items[0].evidence.recordsByVerification");
        assertEquals(2, byLevel.values().stream().mapToInt(Integer::intValue).sum());
        assertEquals(2, staff.getInt("items[0].evidence.outcomesJudged"));
        assertEquals(2, staff.getInt("items[0].evidence.outcomesImproved"));
        assertEquals(0, staff.getInt("items[0].evidence.peersMentored"));

        // the judge: not while nominating; from judging on, without who nominated
        withToken(judge.token()).when().get("/api/rounds/" + roundId + "/nominations").then().statusCode(403);
        round.put("version", 0);
        round.put("nominationsOpenOn", today().minusDays(5).toString());
        round.put("nominationsCloseOn", today().minusDays(1).toString());
        as("demo-programme").body(round).when().put("/api/rounds/" + roundId).then().statusCode(200).body("phase", equalTo("judging"));
        var judged = withToken(judge.token()).when().get("/api/rounds/" + roundId + "/nominations").then().statusCode(200).extract().jsonPath();
        assertEquals("Evidence Nominee", judged.getString("items[0].name"));
        assertNull(judged.get("items[0].nominations[0].nominatedBy"));
        assertEquals("Brought four councils to one plan.", judged.getString("items[0].nominations[0].reasons[0].reason"));
        // someone who is not a judge
        as("demo-commissioner").when().get("/api/rounds/" + roundId + "/nominations").then().statusCode(404);
        // and nominations are over
        withToken(nominator.account().token()).body(nomination(nominee, Map.of("innovation", "New."), List.of()))
                .when().post("/api/rounds/" + roundId + "/nominations").then().statusCode(404);
        as("demo-programme").body(nomination(nominee, Map.of("innovation", "New."), List.of()))
                .when().post("/api/rounds/" + roundId + "/nominations").then().statusCode(409).body("detail", containsString("judging"));
    }

    @Test
    void refusesEachBadPartNamingItsField() {
        long roundId = RecognitionFixtures.open(RecognitionFixtures.nominatingRound("Refusals", List.of(RecognitionFixtures.account("commissioner", null).id())));
        long nominee = leader("Refusals Nominee", "public");
        long other = leader("Someone Else", "public");
        long othersRecord = record(other, "Not the nominee's");
        var nominator = leaderWithAccount("Refusals Nominator");
        var post = "/api/rounds/" + roundId + "/nominations";

        withToken(nominator.account().token()).body(nomination(nominee, Map.of(), List.of())).when().post(post).then().statusCode(400)
                .body("violations.field", contains("reasons"));
        withToken(nominator.account().token()).body(nomination(nominee, Map.of("xyz", "Because."), List.of())).when().post(post).then()
                .statusCode(400).body("violations.field", contains("reasons.xyz"));
        withToken(nominator.account().token()).body(nomination(nominee, Map.of("leadership", "Because."), List.of(othersRecord))).when()
                .post(post).then().statusCode(400).body("violations.field", contains("recordIds[0]"));
        withToken(nominator.account().token()).body(nomination(nominator.leaderId(), Map.of("leadership", "Me."), List.of())).when()
                .post(post).then().statusCode(400).body("violations.field", contains("nominee.leaderId"));
        withToken(nominator.account().token()).body(Map.of("reasons", Map.of("leadership", "Who?"))).when().post(post).then().statusCode(400)
                .body("violations.field", contains("nominee"));
        // a hidden leader answers as a missing one
        long hidden = leader("Hidden Nominee", "programme");
        var forHidden = withToken(nominator.account().token()).body(nomination(hidden, Map.of("leadership", "x"), List.of())).when().post(post)
                .then().statusCode(404).extract().jsonPath().getString("detail");
        var forMissing = withToken(nominator.account().token()).body(nomination(987_654_321L, Map.of("leadership", "x"), List.of())).when()
                .post(post).then().statusCode(404).extract().jsonPath().getString("detail");
        assertEquals(forMissing.replace("987654321", "{id}"), forHidden.replace(String.valueOf(hidden), "{id}"));
        // nothing was written
        as("demo-programme").when().get(post).then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void aScheduledRoundTakesNoNominations() {
        long roundId = RecognitionFixtures.open(RecognitionFixtures.round("Not yet", today().plusDays(2), today().plusDays(9), today().plusDays(20),
                List.of(RecognitionFixtures.account("commissioner", null).id())));
        long nominee = leader("Too Early", "public");
        as("demo-programme").body(nomination(nominee, Map.of("leadership", "x"), List.of())).when().post("/api/rounds/" + roundId + "/nominations")
                .then().statusCode(409).body("detail", containsString("scheduled"));
    }

    @Test
    void eightIdenticalNominationsAtOnceMakeOne() throws Exception {
        long roundId = RecognitionFixtures.open(RecognitionFixtures.nominatingRound("Eight at once", List.of(RecognitionFixtures.account("commissioner", null).id())));
        long nominee = leader("Popular Nominee", "public");
        var nominator = leaderWithAccount("Eager Nominator");
        var statuses = Race.sortedStatuses(8, i -> {
            var request = withToken(nominator.account().token()).body(nomination(nominee, Map.of("leadership", "Really."), List.of()));
            return () -> request.when().post("/api/rounds/" + roundId + "/nominations").then().extract().statusCode();
        });
        assertEquals(List.of(201, 409, 409, 409, 409, 409, 409, 409), statuses);
        as("demo-programme").when().get("/api/rounds/" + roundId + "/nominations").then().body("items[0].nominations.size()", equalTo(1));
    }

    @Test
    void theNominatorSeesAndWithdrawsTheirOwnOnly() {
        long roundId = RecognitionFixtures.open(RecognitionFixtures.nominatingRound("Withdrawing", List.of(RecognitionFixtures.account("commissioner", null).id())));
        long nominee = leader("Withdrawn Nominee", "public");
        var nominator = leaderWithAccount("Changing Mind");
        long id = withToken(nominator.account().token()).body(nomination(nominee, Map.of("leadership", "x"), List.of())).when()
                .post("/api/rounds/" + roundId + "/nominations").then().statusCode(201).extract().jsonPath().getLong("id");
        withToken(nominator.account().token()).when().get("/api/me/nominations").then().statusCode(200).body("items.id", contains((int) id))
                .body("items[0].roundName", equalTo("Withdrawing"));
        as("demo-commissioner").when().delete("/api/rounds/" + roundId + "/nominations/" + id).then().statusCode(404);
        withToken(nominator.account().token()).when().delete("/api/rounds/" + roundId + "/nominations/" + id).then().statusCode(204);
        withToken(nominator.account().token()).when().get("/api/me/nominations").then().body("total", equalTo(0));
        as("demo-admin").queryParam("entityType", "nomination").queryParam("entityId", id).when().get("/api/admin/audit").then()
                .body("items.action", hasItem("withdraw")).body("items.action", hasItem("nominate"));
    }

    @Test
    void aNominationIsNotWithdrawnOnceJudgingStartsNorThroughAnotherRound() {
        var round = RecognitionFixtures.nominatingRound("Too late to withdraw", List.of(RecognitionFixtures.account("commissioner", null).id()));
        long roundId = RecognitionFixtures.open(round);
        long otherRound = RecognitionFixtures.open(RecognitionFixtures.nominatingRound("Another round", List.of(RecognitionFixtures.account("commissioner", null).id())));
        long nominee = leader("Kept Nominee", "public");
        var nominator = leaderWithAccount("Late Changer");
        long id = withToken(nominator.account().token()).body(nomination(nominee, Map.of("leadership", "x"), List.of())).when()
                .post("/api/rounds/" + roundId + "/nominations").then().statusCode(201).extract().jsonPath().getLong("id");
        withToken(nominator.account().token()).when().delete("/api/rounds/" + otherRound + "/nominations/" + id).then().statusCode(404);
        round.put("version", 0);
        round.put("nominationsOpenOn", today().minusDays(5).toString());
        round.put("nominationsCloseOn", today().minusDays(1).toString());
        as("demo-programme").body(round).when().put("/api/rounds/" + roundId).then().statusCode(200);
        withToken(nominator.account().token()).when().delete("/api/rounds/" + roundId + "/nominations/" + id).then().statusCode(409);
        as("demo-programme").when().get("/api/rounds/" + roundId + "/nominations").then().body("total", equalTo(1));
    }

    @Test
    void aPersonNotInTheRegistryIsAddedAndInvited() {
        long roundId = RecognitionFixtures.open(RecognitionFixtures.nominatingRound("Newcomers", List.of(RecognitionFixtures.account("commissioner", null).id())));
        var nominator = leaderWithAccount("Spotter");
        var email = "newcomer-" + System.nanoTime() + "@example.org";
        var body = new HashMap<String, Object>(Map.of("nominee", Map.of("name", "Nadia Newcomer", "email", email, "homeArea", "E10000024"),
                "reasons", Map.of("innovation", "Started the first shared care record in the county.")));
        // the nominator is told the name they gave, not the id of a leader only staff see
        withToken(nominator.account().token()).body(body).when().post("/api/rounds/" + roundId + "/nominations").then()
                .statusCode(201).body("nomineeName", equalTo("Nadia Newcomer")).body("nomineeLeaderId", equalTo(null));
        long nominee = as("demo-programme").when().get("/api/rounds/" + roundId + "/nominations").then().extract().jsonPath()
                .getLong("items[0].leaderId");
        as("demo-programme").when().get("/api/leaders/" + nominee).then().statusCode(200).body("visibility", equalTo("programme"));
        as("demo-admin").queryParam("entityType", "leader").queryParam("entityId", nominee).when().get("/api/admin/audit").then()
                .body("items.action", hasItem("invite"));
        // a bad home area is named inside the nominee, and nothing is left behind
        body.put("nominee", Map.of("name", "Nobody", "email", "nobody-" + System.nanoTime() + "@example.org", "homeArea", "XX"));
        withToken(nominator.account().token()).body(body).when().post("/api/rounds/" + roundId + "/nominations").then().statusCode(400)
                .body("violations.field", hasItem("nominee.homeArea"));
        // a role longer than a leader's may be is refused, as when the leader is added any other way
        body.put("nominee", Map.of("name", "Long Role", "email", "long-" + System.nanoTime() + "@example.org", "homeArea", "E10000024",
                "currentRole", "r".repeat(201)));
        withToken(nominator.account().token()).body(body).when().post("/api/rounds/" + roundId + "/nominations").then().statusCode(400)
                .body("violations.field", hasItem("nominee.currentRole"));
    }

    @Test
    void withdrawingTheOnlyNominationOfSomeoneNewRevokesTheirInvitation() {
        long roundId = RecognitionFixtures.open(RecognitionFixtures.nominatingRound("Typos", List.of(RecognitionFixtures.account("commissioner", null).id())));
        var nominator = RecognitionFixtures.account("commissioner", null);
        var other = RecognitionFixtures.account("commissioner", null);
        var post = "/api/rounds/" + roundId + "/nominations";
        var typo = "jane.typo-" + System.nanoTime() + "@example.org";
        var body = Map.of("nominee", Map.of("name", "Jane Typo", "email", typo, "homeArea", "E10000024"), "reasons", Map.of("leadership", "x"));
        long mine = withToken(nominator.token()).body(body).when().post(post).then().statusCode(201).extract().jsonPath().getLong("id");
        long theirs = withToken(other.token()).body(body).when().post(post).then().statusCode(201).extract().jsonPath().getLong("id");
        var token = AccountFixtures.linkToken(typo);
        // another nomination still names them: the invitation stays
        withToken(nominator.token()).when().delete(post + "/" + mine).then().statusCode(204);
        assertEquals(1, AccountFixtures.openLinksTo(typo));
        // the last one withdrawn, whoever reads the mistyped address cannot claim the profile
        withToken(other.token()).when().delete(post + "/" + theirs).then().statusCode(204);
        given().contentType(ContentType.JSON).body(Map.of("token", token, "username", "typo-" + System.nanoTime(), "password", RecognitionFixtures.PASSWORD))
                .when().post("/api/invitations/claim").then().statusCode(410);
        assertEquals(0, AccountFixtures.openLinksTo(typo));
    }

    @Test
    void aNominatorAddsAtMostTenNewPeopleADay() {
        long roundId = RecognitionFixtures.open(RecognitionFixtures.nominatingRound("Crowd", List.of(RecognitionFixtures.account("commissioner", null).id())));
        var nominator = RecognitionFixtures.account("commissioner", null);
        var post = "/api/rounds/" + roundId + "/nominations";
        for (int i = 0; i < 10; i++) {
            var body = Map.of("nominee", Map.of("name", "Crowd " + i, "email", "crowd-" + i + "-" + System.nanoTime() + "@example.org",
                    "homeArea", "E10000024"), "reasons", Map.of("leadership", "x"));
            withToken(nominator.token()).body(body).when().post(post).then().statusCode(201);
        }
        var eleventh = "crowd-11-" + System.nanoTime() + "@example.org";
        var body = Map.of("nominee", Map.of("name", "One Too Many", "email", eleventh, "homeArea", "E10000024"), "reasons", Map.of("leadership", "x"));
        withToken(nominator.token()).body(body).when().post(post).then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());
        assertEquals(0, org.joinedup.mail.MailFixtures.countTo(eleventh));
        // leaders of the registry are still nominated, and a person someone else added is no addition of theirs
        withToken(nominator.token()).body(nomination(leader("Known Crowd", "public"), Map.of("leadership", "x"), List.of())).when().post(post)
                .then().statusCode(201);
        withToken(RecognitionFixtures.account("commissioner", null).token()).body(body).when().post(post).then().statusCode(201);
        withToken(nominator.token()).body(body).when().post(post).then().statusCode(201);
    }

    @Test
    void aNewPersonsNameOrRoleWithLineBreaksIsRefusedAndNobodyIsMailed() {
        long roundId = RecognitionFixtures.open(RecognitionFixtures.nominatingRound("Line breaks", List.of(RecognitionFixtures.account("commissioner", null).id())));
        var nominator = leaderWithAccount("Line Spotter");
        var email = "phished-" + System.nanoTime() + "@example.org";
        // the name is said in the invitation mailed to the address given: lines of its own would be the nominator's text in our mail
        var body = new HashMap<String, Object>(Map.of("nominee", Map.of("name", "New Person\n\nYour pension needs action: http://evil.example",
                "email", email, "homeArea", "E10000024"), "reasons", Map.of("innovation", "x")));
        withToken(nominator.account().token()).body(body).when().post("/api/rounds/" + roundId + "/nominations").then().statusCode(400)
                .body("violations.field", hasItem("nominee.name"));
        body.put("nominee", Map.of("name", "New Person", "email", email, "homeArea", "E10000024", "currentRole", "Head\r\nof care"));
        withToken(nominator.account().token()).body(body).when().post("/api/rounds/" + roundId + "/nominations").then().statusCode(400)
                .body("violations.field", hasItem("nominee.currentRole"));
        as("demo-programme").when().get("/api/rounds/" + roundId + "/nominations").then().body("total", equalTo(0));
        assertEquals(0, org.joinedup.mail.MailFixtures.countTo(email));
    }

    @Test
    void erasingTheNomineeOrTheNominatorRemovesTheirNominations() {
        long roundId = RecognitionFixtures.open(RecognitionFixtures.nominatingRound("Erasure", List.of(RecognitionFixtures.account("commissioner", null).id())));
        var nominee = leaderWithAccount("Erased Nominee");
        var nominator = leaderWithAccount("Erased Nominator");
        long other = leader("Remaining Nominee", "public");
        var post = "/api/rounds/" + roundId + "/nominations";
        withToken(nominator.account().token()).body(nomination(nominee.leaderId(), Map.of("leadership", "x"), List.of())).when().post(post)
                .then().statusCode(201);
        withToken(nominator.account().token()).body(nomination(other, Map.of("leadership", "y"), List.of())).when().post(post).then().statusCode(201);
        withToken(nominee.account().token()).body(nomination(other, Map.of("leadership", "z"), List.of())).when().post(post).then().statusCode(201);
        as("demo-programme").when().get(post).then().body("total", equalTo(2));

        // the nominee goes: the nomination they received and the one they made
        withToken(nominee.account().token()).when().delete("/api/me").then().statusCode(204);
        var left = as("demo-programme").when().get(post).then().extract().jsonPath();
        assertEquals(List.of((int) other), left.getList("items.leaderId"));
        assertEquals(1, left.getInt("items[0].nominations.size()"));
        // the nominator goes: the nomination they made
        withToken(nominator.account().token()).when().delete("/api/me").then().statusCode(204);
        as("demo-programme").when().get(post).then().body("total", equalTo(0));
    }
}
