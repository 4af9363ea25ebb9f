package org.joinedup.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.joinedup.security.SecurityFixtures.account;
import static org.joinedup.security.SecurityFixtures.as;
import static org.joinedup.security.SecurityFixtures.withToken;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.joinedup.Fixtures;
import org.joinedup.Race;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A token stops working the moment it is signed out, or its account changes role or password, is disabled, erased or signs out everywhere. */
@QuarkusTest
class AccountSessionsTest {

    private static final String PASSWORD = SecurityFixtures.PASSWORD;

    @Inject
    EntityManager em;

    @BeforeAll
    static void anonymous() {
        Fixtures.actAnonymously();
    }

    private static void revoked(String token) {
        withToken(token).when().get("/api/me").then().statusCode(401).contentType("application/problem+json");
    }

    private static String name(String prefix) {
        return prefix + "-" + System.nanoTime();
    }

    @Test
    void aDemotedAdminsTokenNoLongerReadsTheAuditTrail() {
        var username = name("demoted");
        long id = account(username, Roles.ADMIN);
        var token = Fixtures.token(username, PASSWORD);
        withToken(token).when().get("/api/admin/audit").then().statusCode(200);

        as("demo-admin").contentType(ContentType.JSON).body(Map.of("roles", List.of(Roles.COMMISSIONER)))
                .when().put("/api/admin/accounts/" + id + "/roles").then().statusCode(200);

        withToken(token).when().get("/api/admin/audit").then().statusCode(401);
        revoked(token);
        withToken(Fixtures.token(username, PASSWORD)).when().get("/api/admin/audit").then().statusCode(403);
    }

    @Test
    void aRoleChangeThatChangesNothingKeepsTheSessionsAndWritesNoAuditEntry() {
        var username = name("unchanged");
        long id = account(username, Roles.COMMISSIONER);
        var token = Fixtures.token(username, PASSWORD);
        as("demo-admin").contentType(ContentType.JSON).body(Map.of("roles", List.of(Roles.COMMISSIONER, Roles.COMMISSIONER)))
                .when().put("/api/admin/accounts/" + id + "/roles").then().statusCode(200).body("roles", equalTo(List.of(Roles.COMMISSIONER)));
        withToken(token).when().get("/api/me").then().statusCode(200);
        as("demo-admin").queryParam("entityType", "account").queryParam("entityId", id).queryParam("action", "role-change")
                .when().get("/api/admin/audit").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void anErasedLeadersTokenNoLongerWorks() {
        long leaderId = SecurityFixtures.leader("Erased Token Holder", "public");
        var token = SecurityFixtures.leaderAccount(leaderId);
        withToken(token).when().get("/api/me").then().statusCode(200);

        withToken(token).when().delete("/api/me").then().statusCode(204);

        revoked(token);
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndEndsEveryOtherSession() {
        var username = name("changer");
        account(username, Roles.COMMISSIONER);
        var first = Fixtures.token(username, PASSWORD);
        var second = Fixtures.token(username, PASSWORD);

        withToken(first).contentType(ContentType.JSON).body(Map.of("currentPassword", "not-my-password", "newPassword", "a-brand-new-password"))
                .when().put("/api/auth/password").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("currentPassword"));
        withToken(first).contentType(ContentType.JSON).body(Map.of("currentPassword", PASSWORD, "newPassword", "short"))
                .when().put("/api/auth/password").then().statusCode(400).body("violations[0].field", equalTo("newPassword"));
        withToken(first).when().get("/api/me").then().statusCode(200);

        var fresh = withToken(first).contentType(ContentType.JSON).body(Map.of("currentPassword", PASSWORD, "newPassword", "a-brand-new-password"))
                .when().put("/api/auth/password").then().statusCode(200).extract().jsonPath().getString("accessToken");

        revoked(first);
        revoked(second);
        withToken(fresh).when().get("/api/me").then().statusCode(200).body("account.username", equalTo(username));
        given().contentType(ContentType.JSON).body(Map.of("username", username, "password", PASSWORD))
                .when().post("/api/auth/token").then().statusCode(401);
        Fixtures.token(username, "a-brand-new-password");
    }

    @Test
    void aDisabledAccountCannotSignInAndItsTokensStopUntilEnabled() {
        var username = name("disabled");
        long id = account(username, Roles.PROGRAMME);
        var token = Fixtures.token(username, PASSWORD);

        as("demo-admin").when().post("/api/admin/accounts/" + id + "/disable").then().statusCode(200)
                .body("disabledAt", Matchers.notNullValue());

        revoked(token);
        given().contentType(ContentType.JSON).body(Map.of("username", username, "password", PASSWORD))
                .when().post("/api/auth/token").then().statusCode(401);

        as("demo-admin").when().post("/api/admin/accounts/" + id + "/enable").then().statusCode(200)
                .body("disabledAt", Matchers.nullValue());
        revoked(token);
        withToken(Fixtures.token(username, PASSWORD)).when().get("/api/me").then().statusCode(200);
    }

    @Test
    void anAdminCannotDisableThemselfNorDisableAMissingAccount() {
        var username = name("self");
        long id = account(username, Roles.ADMIN);
        withToken(Fixtures.token(username, PASSWORD)).when().post("/api/admin/accounts/" + id + "/disable")
                .then().statusCode(409).contentType("application/problem+json");
        as("demo-admin").when().post("/api/admin/accounts/999999999/disable").then().statusCode(404);
        as("demo-commissioner").when().post("/api/admin/accounts/" + id + "/disable").then().statusCode(403);
    }

    @Test
    void signingOutEverywhereEndsEveryTokenOfTheAccount() {
        var username = name("everywhere");
        account(username, Roles.COMMISSIONER);
        var laptop = Fixtures.token(username, PASSWORD);
        var phone = Fixtures.token(username, PASSWORD);

        withToken(phone).when().post("/api/auth/sign-out-everywhere").then().statusCode(204);

        revoked(laptop);
        revoked(phone);
        withToken(Fixtures.token(username, PASSWORD)).when().get("/api/me").then().statusCode(200);
    }

    @Test
    void signingOutEndsThatTokenOnlyEvenSentEightTimesAtOnce() throws Exception {
        var username = name("signout");
        account(username, Roles.COMMISSIONER);
        var laptop = Fixtures.token(username, PASSWORD);
        var phone = Fixtures.token(username, PASSWORD);

        var statuses = Race.sortedStatuses(8, i -> () -> withToken(phone).when().post("/api/auth/sign-out").then().extract().statusCode());

        assertTrue(statuses.contains(204) && statuses.stream().allMatch(s -> s == 204 || s == 401), statuses.toString());
        revoked(phone);
        withToken(laptop).when().get("/api/me").then().statusCode(200).body("account.username", equalTo(username));
        given().when().post("/api/auth/sign-out").then().statusCode(401);
    }

    @Test
    void anAccountThatHasSignedOutManyTokensEndsEverySessionWithTheNext() {
        var username = name("looping");
        long id = account(username, Roles.COMMISSIONER);
        var laptop = Fixtures.token(username, PASSWORD);
        var phone = Fixtures.token(username, PASSWORD);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into signed_out_token (token_id, account_id, expires_at)"
                + " select 'looped-' || n || '-' || :id, :id, now() + interval '1 hour' from generate_series(1, :count) n")
                .setParameter("id", id).setParameter("count", SignedOutTokens.MOST_PER_ACCOUNT).executeUpdate());
        withToken(laptop).when().get("/api/me").then().statusCode(200);

        withToken(phone).when().post("/api/auth/sign-out").then().statusCode(204);

        revoked(laptop);
        revoked(phone);
        long left = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from signed_out_token where account_id = :id").setParameter("id", id).getSingleResult()).longValue());
        assertEquals(0, left, "the ids are no longer needed once the session version moved on");
        withToken(Fixtures.token(username, PASSWORD)).when().get("/api/me").then().statusCode(200);
    }

    @Test
    void signingOutEverywhereNeedsASignedInAccount() {
        given().when().post("/api/auth/sign-out-everywhere").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("currentPassword", "x", "newPassword", "a-brand-new-password"))
                .when().put("/api/auth/password").then().statusCode(401);
    }
}
