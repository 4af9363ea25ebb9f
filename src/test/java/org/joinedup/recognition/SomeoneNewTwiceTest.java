package org.joinedup.recognition;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.joinedup.recognition.RecognitionFixtures.as;
import static org.joinedup.recognition.RecognitionFixtures.withToken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.joinedup.Fixtures;
import org.joinedup.Race;
import org.joinedup.account.AccountFixtures;
import org.joinedup.mail.MailKind;
import org.joinedup.mail.QueuedMail;
import org.joinedup.recognition.RecognitionFixtures.NewAccount;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Someone not in the registry nominated again at the same address (any case, any spaces), while the
 * leader the first nomination added has no account: the same leader, one invitation, and nothing in
 * the nominator's answers that tells them someone had nominated the address before.
 */
@QuarkusTest
class SomeoneNewTwiceTest {

    @BeforeAll
    static void setUp() {
        Fixtures.actAnonymously();
    }

    private static long round(String name) {
        return RecognitionFixtures.open(RecognitionFixtures.nominatingRound(name + " " + System.nanoTime(),
                List.of(RecognitionFixtures.account("commissioner", null).id())));
    }

    private static NewAccount nominator() {
        return RecognitionFixtures.account("commissioner", null);
    }

    private static Map<String, Object> someoneNew(String name, String email) {
        return Map.of("nominee", Map.of("name", name, "email", email, "homeArea", "E10000024"),
                "reasons", Map.of("innovation", "Started the first shared care record in the county."));
    }

    private static JsonPath nominate(NewAccount nominator, long roundId, String name, String email, int status) {
        return withToken(nominator.token()).body(someoneNew(name, email)).when().post("/api/rounds/" + roundId + "/nominations").then()
                .statusCode(status).extract().jsonPath();
    }

    /** The round's nominees as staff see them. */
    private static JsonPath nominees(long roundId) {
        return as("demo-programme").when().get("/api/rounds/" + roundId + "/nominations").then().statusCode(200).extract().jsonPath();
    }

    private static long leadersAt(String address) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Arc.container().instance(EntityManager.class).get()
                .createNativeQuery("select count(*) from leader where lower(btrim(contact_email)) = :address")
                .setParameter("address", address).getSingleResult()).longValue());
    }

    private static int invitations(String address) {
        return QueuedMail.to(address, MailKind.SECURITY).size();
    }

    private static String address(String who) {
        return who + "-" + System.nanoTime() + "@example.org";
    }

    @Test
    void inTheSameRoundItIsTheSameNominee() {
        long roundId = round("Same round");
        var first = nominator();
        var second = nominator();
        var email = address("sam");
        nominate(first, roundId, "Sam Same", email, 201);
        // the same nominator again, the address typed otherwise: as for a leader nominated twice, a 409
        withToken(first.token()).body(someoneNew("Sam Same", "  " + email.toUpperCase() + " ")).when()
                .post("/api/rounds/" + roundId + "/nominations").then().statusCode(409)
                .body("detail", containsString("you have nominated this person in this round already"));
        // another nominator: a second nomination of the same nominee
        nominate(second, roundId, "Samantha Same", email, 201);

        var staffSee = nominees(roundId);
        assertEquals(1, staffSee.getInt("total"));
        assertEquals(2, staffSee.getInt("items[0].nominations.size()"));
        assertEquals("Sam Same", staffSee.getString("items[0].name"), "the leader the first nomination added");
        assertEquals(1, leadersAt(email));
        assertEquals(1, invitations(email));
    }

    @Test
    void inAnotherRoundItIsTheWaitingLeaderInvitedOnceUntilTheLinkRunsOut() {
        var email = address("otto");
        nominate(nominator(), round("First round"), "Otto Other", email, 201);
        long laterRound = round("Later round");
        nominate(nominator(), laterRound, "Otto Other", email, 201);

        long leaderId = nominees(laterRound).getLong("items[0].leaderId");
        as("demo-programme").when().get("/api/leaders/" + leaderId).then().statusCode(200).body("name", equalTo("Otto Other"));
        assertEquals(1, leadersAt(email));
        assertEquals(1, invitations(email), "the first link still works: no second mail");

        // once the link has run out, a new nomination is a reason to invite them again, still as the same leader
        QuarkusTransaction.requiringNew().run(() -> Arc.container().instance(EntityManager.class).get()
                .createNativeQuery("update one_time_link set expires_at = now() - interval '1 minute' where leader_id = :leader")
                .setParameter("leader", leaderId).executeUpdate());
        nominate(nominator(), round("Third round"), "Otto Other", email, 201);
        assertEquals(1, leadersAt(email));
        assertEquals(2, invitations(email));

        // claimed, the address is an account's: refused as before, and nothing is added
        given().contentType(ContentType.JSON).body(Map.of("token", AccountFixtures.linkToken(email), "password", RecognitionFixtures.PASSWORD))
                .when().post("/api/invitations/claim").then().statusCode(201);
        var refused = withToken(nominator().token()).body(someoneNew("Otto Other", email)).when()
                .post("/api/rounds/" + round("Fourth round") + "/nominations").then().statusCode(409).extract().jsonPath();
        assertEquals("an account has this mail address already; invite the leader at another address", refused.getString("detail"));
        assertEquals(1, leadersAt(email));
    }

    @Test
    void eightIdenticalNominationsAtOnceAddOneLeaderAndSendOneInvitation() throws Exception {
        long roundId = round("Eight newcomers");
        var nominator = nominator();
        var email = address("eight");
        var statuses = Race.sortedStatuses(8, i -> {
            var request = withToken(nominator.token()).body(someoneNew("Eve Eight", email));
            return () -> request.when().post("/api/rounds/" + roundId + "/nominations").then().extract().statusCode();
        });
        assertEquals(List.of(201, 409, 409, 409, 409, 409, 409, 409), statuses);
        assertEquals(1, leadersAt(email));
        assertEquals(1, invitations(email));
        assertEquals(1, nominees(roundId).getInt("total"));
    }

    @Test
    void theNominatorsAnswerIsTheSameWhetherOrNotTheAddressWasNominatedBefore() {
        long roundId = round("Probing");
        var taken = address("taken");
        nominate(nominator(), roundId, "Tara Taken", taken, 201);

        var prober = nominator();
        var fresh = nominate(prober, roundId, "Fay Fresh", address("fresh"), 201);
        var again = nominate(prober, roundId, "T. Taken", taken, 201);
        // the same fields, no id of a leader only staff see (an older one would tell), the name as the prober gave it
        assertEquals(fresh.getMap("").keySet(), again.getMap("").keySet());
        assertNull(fresh.get("nomineeLeaderId"));
        assertNull(again.get("nomineeLeaderId"));
        assertEquals("T. Taken", again.getString("nomineeName"));
        var mine = withToken(prober.token()).when().get("/api/me/nominations").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("T. Taken", "Fay Fresh"), mine.getList("items.nomineeName"));
        assertEquals(2, mine.getList("items.nomineeLeaderId").stream().filter(id -> id == null).count());

        // staff see the leader: its id and the name it has
        var staff = as("demo-programme").body(someoneNew("Tara T", taken)).when().post("/api/rounds/" + roundId + "/nominations").then()
                .statusCode(201).extract().jsonPath();
        assertEquals(nominees(roundId).getLong("items[0].leaderId"), staff.getLong("nomineeLeaderId"));
        assertEquals("Tara Taken", staff.getString("nomineeName"));
    }
}
