package org.joinedup.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.joinedup.account.AccountFixtures.PASSWORD;
import static org.joinedup.account.AccountFixtures.address;
import static org.joinedup.account.AccountFixtures.as;
import static org.joinedup.account.AccountFixtures.invite;
import static org.joinedup.account.AccountFixtures.leader;
import static org.joinedup.account.AccountFixtures.linkToken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.joinedup.Fixtures;
import org.joinedup.Race;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Programme staff invite a leader; the mailed link makes their account once, and only for them. */
@QuarkusTest
class InvitationTest {

    @BeforeAll
    static void anonymous() {
        Fixtures.actAnonymously();
    }

    private static ValidatableResponse claim(String token, String username, String password) {
        var body = new HashMap<String, Object>(Map.of("token", token, "password", password));
        if (username != null) {
            body.put("username", username);
        }
        return given().contentType(ContentType.JSON).body(body).when().post("/api/invitations/claim").then();
    }

    @Test
    void anInvitedLeaderClaimsTheirProfileAndSignsIn() {
        long leaderId = leader("Ivy Invited");
        var email = address("ivy");
        invite(leaderId, email);
        var mails = AccountFixtures.securityMail(email);
        assertEquals(1, mails.size());
        assertNull(mails.get(0).accountId(), "no account yet");
        assertTrue(mails.get(0).text().contains("http://localhost:8080/account/claim?token="), mails.get(0).text());
        assertTrue(mails.get(0).reason().contains("Ivy Invited"), mails.get(0).reason());

        var username = "ivy-" + leaderId;
        claim(linkToken(email), username, PASSWORD).statusCode(201).body("username", equalTo(username)).body("leaderId", equalTo((int) leaderId))
                .body("roles", equalTo(List.of("leader")));
        var token = Fixtures.token(username, PASSWORD);
        given().header("Authorization", Fixtures.bearer(token)).when().get("/api/me").then().statusCode(200);
        as("demo-admin").queryParam("action", "claim-invitation").when().get("/api/admin/audit").then().statusCode(200)
                .body("items.entityId", hasItem(String.valueOf(AccountFixtures.accountId(username))));
    }

    @Test
    void theInvitationSaysUntilWhenInUkTimeNotAMachineTimestamp() {
        long leaderId = leader("Uma Until");
        var email = address("uma");
        invite(leaderId, email);
        var text = AccountFixtures.securityMail(email).get(0).text();
        assertTrue(text.matches("(?s).*until \\d{1,2} [A-Z][a-z]+ \\d{4}, \\d{2}:\\d{2} \\(UK time\\)\\..*"), text);
        assertFalse(text.matches("(?s).*\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}.*Z.*"), text);
    }

    @Test
    void withoutAUsernameTheAddressIsTheUsername() {
        var email = address("una");
        invite(leader("Una Username"), email);
        claim(linkToken(email), null, PASSWORD).statusCode(201).body("username", equalTo(email));
        Fixtures.token(email, PASSWORD);
    }

    @Test
    void aUsedForgedOrExpiredLinkIsTheSame410() {
        var email = address("used");
        invite(leader("Ursula Used"), email);
        var token = linkToken(email);
        claim(token, null, PASSWORD).statusCode(201);
        var used = claim(token, "another-name-" + System.nanoTime(), PASSWORD).statusCode(410).contentType("application/problem+json")
                .extract().jsonPath().getString("detail");
        var forged = claim("A".repeat(43), null, PASSWORD).statusCode(410).extract().jsonPath().getString("detail");
        var garbage = claim("not-a-token", null, PASSWORD).statusCode(410).extract().jsonPath().getString("detail");

        var late = address("late");
        invite(leader("Larry Late"), late);
        var lateToken = linkToken(late);
        AccountFixtures.expireLinksTo(late);
        var expired = claim(lateToken, null, PASSWORD).statusCode(410).extract().jsonPath().getString("detail");
        assertEquals(used, forged);
        assertEquals(used, garbage);
        assertEquals(used, expired);
    }

    @Test
    void aBadPasswordOrTakenUsernameIsRefusedAndTheLinkStillWorks() {
        var email = address("pat.weak");
        invite(leader("Pat Weak"), email);
        var token = linkToken(email);
        claim(token, null, "short").statusCode(400).body("violations[0].field", equalTo("password"));
        claim(token, null, "Password2024!").statusCode(400).body("violations[0].field", equalTo("password"));
        claim(token, "pat-weak-x", "pat-weak-x-is-my-password").statusCode(400).body("violations[0].field", equalTo("password"));
        claim(token, "demo-admin", PASSWORD).statusCode(400).body("violations[0].field", equalTo("username"));
        claim(token, null, PASSWORD).statusCode(201);
    }

    @Test
    void invitingAgainKillsTheEarlierLink() {
        long leaderId = leader("Rita Reinvited");
        var email = address("rita");
        invite(leaderId, email);
        var first = linkToken(email);
        invite(leaderId, email);
        var second = linkToken(email);
        assertTrue(!first.equals(second));
        claim(first, null, PASSWORD).statusCode(410);
        claim(second, null, PASSWORD).statusCode(201);
    }

    @Test
    void aLeaderWithAnAccountCannotBeInvitedNorClaimedTwice() {
        long leaderId = leader("Hal Hasaccount");
        var email = address("hal");
        invite(leaderId, email);
        var token = linkToken(email);
        // an admin makes them an account meanwhile
        as("demo-admin").body(Map.of("username", "hal-" + leaderId, "password", PASSWORD, "roles", List.of("leader"), "leaderId", leaderId))
                .when().post("/api/admin/accounts").then().statusCode(201);
        as("demo-programme").body(Map.of("email", address("hal2"))).when().post("/api/leaders/" + leaderId + "/invitation").then().statusCode(409);
        claim(token, null, PASSWORD).statusCode(409);
    }

    @Test
    void onlyProgrammeStaffAndAdminsInvite() {
        long leaderId = leader("Nora Notinvited");
        for (var role : List.of("demo-leader", "demo-commissioner")) {
            as(role).body(Map.of("email", address("nora"))).when().post("/api/leaders/" + leaderId + "/invitation").then().statusCode(403);
        }
        given().contentType(ContentType.JSON).body(Map.of("email", address("nora"))).when().post("/api/leaders/" + leaderId + "/invitation")
                .then().statusCode(401);
        as("demo-admin").body(Map.of("email", "not an address")).when().post("/api/leaders/" + leaderId + "/invitation").then().statusCode(400)
                .body("violations[0].field", equalTo("email"));
        as("demo-admin").body(Map.of("email", address("nobody"))).when().post("/api/leaders/987654321/invitation").then().statusCode(404);
    }

    @Test
    void eightSimultaneousClaimsOfOneLinkMakeOneAccount() throws Exception {
        long leaderId = leader("Cora Concurrent");
        var email = address("cora");
        invite(leaderId, email);
        var token = linkToken(email);
        var barrier = new CyclicBarrier(8);
        var pool = Executors.newFixedThreadPool(8);
        var results = new ArrayList<Future<Integer>>();
        for (int i = 0; i < 8; i++) {
            var username = "cora-" + i + "-" + leaderId;
            results.add(pool.submit(() -> {
                barrier.await();
                return claim(token, username, PASSWORD).extract().statusCode();
            }));
        }
        var statuses = new ArrayList<Integer>();
        for (var result : results) {
            statuses.add(result.get());
        }
        pool.shutdown();
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(7, statuses.stream().filter(s -> s == 410 || s == 409).count(), statuses.toString());
        assertEquals(1, AccountFixtures.accountsOfLeader(leaderId));
    }

    @Test
    void eightSimultaneousInvitationsOfOneLeaderLeaveOneLinkOpenTheLastMade() throws Exception {
        long leaderId = leader("Inez Eightinvites");
        // two addresses, as staff correcting a mistyped one would: the earlier address must not keep a link either
        var addresses = List.of(address("inez.wrong"), address("inez.right"));
        var staff = Fixtures.bearer(Fixtures.token("demo-programme"));
        var statuses = Race.sortedStatuses(8, i -> {
            var request = given().header("Authorization", staff).contentType(ContentType.JSON).body(Map.of("email", addresses.get(i % 2)));
            return () -> request.when().post("/api/leaders/" + leaderId + "/invitation").then().extract().statusCode();
        });
        assertEquals(List.of(202, 202, 202, 202, 202, 202, 202, 202), statuses);
        var links = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery("""
                select count(*) filter (where used_at is null and expires_at > now()),
                       max(id) filter (where used_at is null), max(id)
                  from one_time_link where purpose = 'invitation' and leader_id = :leader""")
                .setParameter("leader", leaderId).getSingleResult());
        assertEquals(1L, ((Number) links[0]).longValue(), "open invitation links");
        assertEquals(((Number) links[2]).longValue(), ((Number) links[1]).longValue(), "the open link is the last one made");
    }

    @Inject
    EntityManager em;

    @Inject
    InvitationService invitations;

    @Test
    void inviteAllInvitesThoseItCanAndListsTheRest() {
        long first = leader("Ada Allinvited");
        long second = leader("Bo Allinvited");
        var firstEmail = address("ada");
        var secondEmail = address("bo");
        var addresses = new LinkedHashMap<Long, String>();
        addresses.put(first, firstEmail);
        addresses.put(987654321L, address("ghost"));
        addresses.put(second, "not an address");
        var problems = invitations.inviteAll(addresses, "import of leaders.csv");
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("leader 987654321"), problems.toString());
        assertEquals(1, AccountFixtures.securityMail(firstEmail).size());
        assertEquals(0, AccountFixtures.securityMail(secondEmail).size());
        claim(linkToken(firstEmail), null, PASSWORD).statusCode(201).body("leaderId", equalTo((int) first));
    }

    @Test
    void anInvitationLinkDoesNotResetAPasswordNorConfirmARequest() {
        var email = address("purpose");
        invite(leader("Percy Purpose"), email);
        var token = linkToken(email);
        given().contentType(ContentType.JSON).body(Map.of("token", token, "password", PASSWORD)).when().post("/api/password-reset/completion")
                .then().statusCode(410);
        given().contentType(ContentType.JSON).body(Map.of("token", token)).when().post("/api/account-requests/confirmation").then().statusCode(410);
        claim(token, null, PASSWORD).statusCode(201);
    }
}
