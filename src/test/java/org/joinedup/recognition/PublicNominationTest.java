package org.joinedup.recognition;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;
import static org.joinedup.account.AccountFixtures.address;
import static org.joinedup.account.AccountFixtures.linkToken;
import static org.joinedup.recognition.RecognitionFixtures.as;
import static org.joinedup.recognition.RecognitionFixtures.today;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.joinedup.Fixtures;
import org.joinedup.account.AccountFixtures;
import org.joinedup.mail.MailKind;
import org.joinedup.mail.QueuedMail;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Nominating without an account in a round open to the public: the address confirms the nomination through a mailed link. */
@QuarkusTest
class PublicNominationTest {

    @Inject
    EntityManager em;

    @Inject
    NominationPruning pruning;

    @BeforeAll
    static void setUp() {
        Fixtures.actAnonymously();
    }

    private static Map<String, Object> publicRound(String name) {
        var round = RecognitionFixtures.nominatingRound(name, List.of(RecognitionFixtures.account("commissioner", null).id()));
        round.put("nominators", "public");
        return round;
    }

    private static long leader(String name, String visibility) {
        var body = Fixtures.leader(name);
        body.put("visibility", visibility);
        return as("demo-programme").body(body).when().post("/api/leaders").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static Map<String, Object> nomination(Object nominee, String email) {
        var body = new HashMap<String, Object>();
        body.put("nominee", nominee);
        body.put("reasons", Map.of("leadership", "Brought four councils to one plan."));
        if (email != null) {
            body.put("nominatorEmail", email);
        }
        return body;
    }

    private static ValidatableResponse nominate(long roundId, long leaderId, String email) {
        return given().contentType(ContentType.JSON).body(nomination(Map.of("leaderId", leaderId), email)).when()
                .post("/api/rounds/" + roundId + "/nominations").then();
    }

    private static ValidatableResponse confirm(String token) {
        return given().contentType(ContentType.JSON).body(Map.of("token", token)).when().post("/api/nominations/confirm").then();
    }

    private static int nomineesSeenByStaff(long roundId) {
        return as("demo-programme").when().get("/api/rounds/" + roundId + "/nominations").then().statusCode(200).extract().jsonPath()
                .getInt("total");
    }

    private long rows(long roundId, String email) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from nomination where round_id = :round and nominator_email = :email").setParameter("round", roundId)
                .setParameter("email", email).getSingleResult()).longValue());
    }

    @Test
    void nominatedConfirmedThroughTheMailedLinkAndCountedOnlyThen() {
        long roundId = RecognitionFixtures.open(publicRound("Public round"));
        long nominee = leader("Public Nominee", "public");
        var email = address("public.nominator");

        nominate(roundId, nominee, email.toUpperCase()).statusCode(202).body("next", containsString(email)).body("$", not(hasKey("id")));
        assertEquals(1, rows(roundId, email), "kept under the address as given, in lower case");
        assertEquals(0, nomineesSeenByStaff(roundId), "not shown before it is confirmed");

        var token = linkToken(email);
        var mails = QueuedMail.to(email, MailKind.SECURITY);
        assertTrue(mails.get(mails.size() - 1).text().contains("/nominations/confirm?token=" + token));
        long id = confirm(token).statusCode(200).body("nomineeLeaderId", equalTo((int) nominee)).body("confirmed", equalTo(true))
                .extract().jsonPath().getLong("id");
        // audited without the address
        var audit = as("demo-admin").queryParam("entityType", "nomination").queryParam("entityId", id).when().get("/api/admin/audit").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(List.of("nomination-confirm", "nominate-public"), audit.getList("items.action"));
        assertTrue(!audit.prettify().contains(email), "no address in the audit trail");
        assertEquals(1, nomineesSeenByStaff(roundId));
        var staff = as("demo-programme").when().get("/api/rounds/" + roundId + "/nominations").then().extract().jsonPath();
        assertEquals(email, staff.getString("items[0].nominations[0].nominatedBy"));

        // the link works once; a forged one is the same answer
        confirm(token).statusCode(410).body("type", containsString("link-not-valid"));
        confirm("C".repeat(43)).statusCode(410);
        // nominating again from a confirmed address: the same answer, no new mail, no new row
        nominate(roundId, nominee, email).statusCode(202);
        assertEquals(mails.size(), QueuedMail.to(email, MailKind.SECURITY).size());
        assertEquals(1, rows(roundId, email));
        assertEquals(1, nomineesSeenByStaff(roundId));
    }

    @Test
    void refusesWhatOnlySignedInNominatorsMayDo() {
        long publicId = RecognitionFixtures.open(publicRound("Public refusals"));
        long signedInOnly = RecognitionFixtures.open(RecognitionFixtures.nominatingRound("Signed-in only",
                List.of(RecognitionFixtures.account("commissioner", null).id())));
        long nominee = leader("Refused Nominee", "public");
        long hidden = leader("Hidden Nominee", "programme");
        var email = address("refused");
        var post = "/api/rounds/" + publicId + "/nominations";

        nominate(signedInOnly, nominee, email).statusCode(401);
        nominate(999_999_999L, nominee, email).statusCode(404);
        nominate(publicId, nominee, null).statusCode(400).body("violations.field", equalTo(List.of("nominatorEmail")));
        nominate(publicId, nominee, "not-an-address").statusCode(400).body("violations.field", equalTo(List.of("nominatorEmail")));
        given().contentType(ContentType.JSON).body(nomination(Map.of("name", "New Person", "email", address("new"), "homeArea", "E10000024"), email))
                .when().post(post).then().statusCode(400).body("violations.field", equalTo(List.of("nominee")));
        // hidden answers as missing
        nominate(publicId, hidden, email).statusCode(404);
        nominate(publicId, 999_999_999L, email).statusCode(404);
        // signed in, the address is not taken
        as("demo-commissioner").body(nomination(Map.of("leaderId", nominee), email)).when().post(post).then().statusCode(400)
                .body("violations.field", equalTo(List.of("nominatorEmail")));
        as("demo-commissioner").body(nomination(Map.of("leaderId", nominee), email)).when().post("/api/rounds/" + signedInOnly + "/nominations")
                .then().statusCode(400).body("violations.field", equalTo(List.of("nominatorEmail")));
        assertEquals(0, rows(publicId, email), "nothing written");
        assertEquals(0, QueuedMail.to(email, MailKind.SECURITY).size(), "nothing mailed");
    }

    @Test
    void aLeaderSignedOutCannotNominateThemselvesWithTheirOwnAddress() {
        long roundId = RecognitionFixtures.open(publicRound("Public self"));
        var contactAddress = address("self.contact");
        var body = Fixtures.leader("Selena Self");
        body.put("contact", Map.of("email", contactAddress));
        long nominee = as("demo-programme").body(body).when().post("/api/leaders").then().statusCode(201).extract().jsonPath().getLong("id");
        var accountAddress = address("self.account");
        AccountFixtures.invite(nominee, accountAddress);
        given().contentType(ContentType.JSON).body(Map.of("token", linkToken(accountAddress), "password", AccountFixtures.PASSWORD))
                .when().post("/api/invitations/claim").then().statusCode(201);
        int mailedBefore = QueuedMail.to(accountAddress, MailKind.SECURITY).size();

        // the same answer as any nomination (a refusal would say which address is a leader's), but nothing kept or mailed
        nominate(roundId, nominee, accountAddress.toUpperCase()).statusCode(202).body("next", containsString(accountAddress));
        nominate(roundId, nominee, contactAddress).statusCode(202);
        assertEquals(0, rows(roundId, accountAddress), "the account's address");
        assertEquals(0, rows(roundId, contactAddress), "the contact address");
        assertEquals(mailedBefore, QueuedMail.to(accountAddress, MailKind.SECURITY).size());
        assertEquals(0, QueuedMail.to(contactAddress, MailKind.SECURITY).size());
        // someone else's address still nominates them
        var other = address("self.other");
        nominate(roundId, nominee, other).statusCode(202);
        assertEquals(1, rows(roundId, other));
    }

    @Test
    void aSecondNominationFromTheAddressSendsTheLinkAgainInsteadOfAddingOne() {
        long roundId = RecognitionFixtures.open(publicRound("Public again"));
        long nominee = leader("Again Nominee", "public");
        var email = address("again");

        nominate(roundId, nominee, email).statusCode(202);
        var first = linkToken(email);
        // at once: the link just mailed still works, nothing more is sent
        nominate(roundId, nominee, email).statusCode(202);
        assertEquals(1, QueuedMail.to(email, MailKind.SECURITY).size());
        // later: a new link replaces the first
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update one_time_link set created_at = now() - interval '1 hour' where email = :email").setParameter("email", email).executeUpdate());
        nominate(roundId, nominee, email).statusCode(202);
        var second = linkToken(email);
        assertNotEquals(first, second);
        assertEquals(1, rows(roundId, email));
        confirm(first).statusCode(410);
        confirm(second).statusCode(200);
        assertEquals(1, nomineesSeenByStaff(roundId));
    }

    @Test
    void eightAtOnceGiveOneNominationAndNoError() throws Exception {
        long roundId = RecognitionFixtures.open(publicRound("Public eight"));
        long nominee = leader("Eight Nominee", "public");
        var email = address("eight");
        var barrier = new CyclicBarrier(8);
        var pool = Executors.newFixedThreadPool(8);
        try {
            var answers = new ArrayList<Future<Integer>>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> {
                    barrier.await();
                    return nominate(roundId, nominee, email).extract().statusCode();
                }));
            }
            for (var answer : answers) {
                assertEquals(202, answer.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, rows(roundId, email));
        assertEquals(1, QueuedMail.to(email, MailKind.SECURITY).size(), "the quiet period: one mail");
    }

    @Test
    void confirmingAfterNominationsClosedIsRefused() {
        var round = publicRound("Public closed");
        long roundId = RecognitionFixtures.open(round);
        long nominee = leader("Closed Nominee", "public");
        var email = address("closed");
        nominate(roundId, nominee, email).statusCode(202);
        var token = linkToken(email);

        round.put("version", 0);
        round.put("nominationsOpenOn", today().minusDays(5).toString());
        round.put("nominationsCloseOn", today().minusDays(1).toString());
        as("demo-programme").body(round).when().put("/api/rounds/" + roundId).then().statusCode(200).body("phase", equalTo("judging"));
        confirm(token).statusCode(409).body("detail", containsString("judging"));
        assertEquals(0, nomineesSeenByStaff(roundId));
        // and anonymous nominating is over too
        nominate(roundId, nominee, address("late")).statusCode(401);
    }

    @Test
    void anUnconfirmedNominationIsDeletedOnceItsLinkRunsOut() {
        long roundId = RecognitionFixtures.open(publicRound("Public pruned"));
        long nominee = leader("Pruned Nominee", "public");
        var kept = address("kept");
        var lapsed = address("lapsed");
        nominate(roundId, nominee, kept).statusCode(202);
        nominate(roundId, nominee, lapsed).statusCode(202);
        AccountFixtures.expireLinksTo(lapsed);

        assertTrue(QuarkusTransaction.requiringNew().call(pruning::prune) >= 1);
        assertEquals(0, rows(roundId, lapsed));
        assertEquals(1, rows(roundId, kept));
    }

    @Test
    void theMailedLinkOpensAPageWhoseButtonConfirms() {
        long roundId = RecognitionFixtures.open(publicRound("Public round page"));
        long nominee = leader("Page Nominee", "public");
        var email = address("page.nominator");
        nominate(roundId, nominee, email).statusCode(202);
        var token = linkToken(email);

        // opening the link (as a mail scanner would) changes nothing: a page with a button
        var page = given().when().get("/nominations/confirm?token=" + token).then().statusCode(200)
                .body(containsString("Page Nominee")).body(containsString("Public round page")).extract();
        assertEquals(0, nomineesSeenByStaff(roundId));
        var csrf = org.joinedup.web.PageForms.csrfOf(page.body().asString());
        // without its token the form is refused
        given().cookies(page.cookies()).formParam("token", token).when().post("/nominations/confirm").then().statusCode(403);
        given().cookies(page.cookies()).formParam("csrf", csrf).formParam("token", token).when().post("/nominations/confirm").then()
                .statusCode(200).body(containsString("Nomination confirmed"));
        assertEquals(1, nomineesSeenByStaff(roundId));
        // used: the page and the button both say the link does not work
        given().when().get("/nominations/confirm?token=" + token).then().statusCode(410);
        given().cookies(page.cookies()).formParam("csrf", csrf).formParam("token", token).when().post("/nominations/confirm").then()
                .statusCode(410).body(containsString("This link does not work"));
        given().when().get("/nominations/confirm?token=" + "C".repeat(43)).then().statusCode(410);
    }

    @Test
    void thePublicNominatesOnTheRoundPageAndConfirmsByMail() {
        long roundId = RecognitionFixtures.open(publicRound("Public round form"));
        long nominee = leader("Form Nominee", "public");
        var email = address("form.nominator");

        // the round's page offers the public a form with an address field (a signed-in-only round does not)
        var page = given().when().get("/rounds/" + roundId + "?nominee=" + nominee).then().statusCode(200)
                .body(containsString("id=\"nominatorEmail\"")).extract();
        var csrf = org.joinedup.web.PageForms.csrfOf(page.body().asString());
        long signedInOnly = RecognitionFixtures.open(RecognitionFixtures.nominatingRound("Signed-in round",
                List.of(RecognitionFixtures.account("commissioner", null).id())));
        given().when().get("/rounds/" + signedInOnly).then().statusCode(404);

        // no address: the error beside its field, nothing written
        given().redirects().follow(false).cookies(page.cookies()).formParam("csrf", csrf).formParam("nominee", nominee)
                .formParam("reason-leadership", "Brought four councils to one plan.").when().post("/rounds/" + roundId + "/nominations")
                .then().statusCode(400).body(containsString("id=\"nominatorEmail-error\""));
        assertEquals(0, rows(roundId, email));

        given().redirects().follow(false).cookies(page.cookies()).formParam("csrf", csrf).formParam("nominee", nominee)
                .formParam("reason-leadership", "Brought four councils to one plan.").formParam("nominatorEmail", email)
                .when().post("/rounds/" + roundId + "/nominations").then().statusCode(303)
                .header("Location", containsString("done=nomination-mailed"));
        assertEquals(1, rows(roundId, email));
        assertEquals(0, nomineesSeenByStaff(roundId), "not counted before the address is confirmed");
        confirm(linkToken(email)).statusCode(200);
        assertEquals(1, nomineesSeenByStaff(roundId));
    }
}
