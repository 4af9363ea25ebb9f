package org.joinedup.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.joinedup.account.AccountFixtures.PASSWORD;
import static org.joinedup.account.AccountFixtures.address;
import static org.joinedup.account.AccountFixtures.as;
import static org.joinedup.account.AccountFixtures.linkToken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import org.joinedup.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Forgotten passwords by mail, and changing a password when signed in. */
@QuarkusTest
class PasswordResetTest {

    private static final String NEW_PASSWORD = "otter-meadow-compass-42";

    @BeforeAll
    static void anonymous() {
        Fixtures.actAnonymously();
    }

    private static ExtractableResponse<Response> askReset(String email) {
        return given().contentType(ContentType.JSON).body(Map.of("email", email)).when().post("/api/password-reset").then().extract();
    }

    private static ValidatableResponse complete(String token, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("token", token, "password", password)).when()
                .post("/api/password-reset/completion").then();
    }

    @Test
    void anUnknownAddressGetsExactlyTheAnswerOfAKnownOne() {
        var known = AccountFixtures.claimedLeader("Kim Known");
        var unknown = address("nobody");
        var forKnown = askReset(known);
        var forUnknown = askReset(unknown);
        assertEquals(202, forKnown.statusCode());
        assertEquals(forKnown.statusCode(), forUnknown.statusCode());
        assertEquals(forKnown.body().asString(), forUnknown.body().asString());
        assertEquals(forKnown.contentType(), forUnknown.contentType());
        assertEquals(0, AccountFixtures.securityMail(unknown).size());
        assertTrue(AccountFixtures.securityMail(known).get(AccountFixtures.securityMail(known).size() - 1).subject().contains("Reset"));
        // not even an address: the same answer too
        assertEquals(forKnown.body().asString(), askReset("not an address").body().asString());
    }

    @Test
    void theResetMailSaysUntilWhenInUkTimeNotAMachineTimestamp() {
        var email = AccountFixtures.claimedLeader("Uri Until");
        askReset(email);
        var mails = AccountFixtures.securityMail(email);
        var text = mails.get(mails.size() - 1).text();
        assertTrue(text.matches("(?s).*until \\d{1,2} [A-Z][a-z]+ \\d{4}, \\d{2}:\\d{2} \\(UK time\\)\\..*"), text);
        assertFalse(text.matches("(?s).*\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}.*Z.*"), text);
    }

    @Test
    void aResetSetsThePasswordOnceAndEndsEverySession() {
        var email = AccountFixtures.claimedLeader("Rosa Reset");
        var oldToken = Fixtures.token(email, PASSWORD);
        askReset(email);
        var token = linkToken(email);
        complete(token, "tooshort").statusCode(400).body("violations[0].field", equalTo("password"));
        complete(token, NEW_PASSWORD).statusCode(200);
        given().header("Authorization", Fixtures.bearer(oldToken)).when().get("/api/me").then().statusCode(401);
        Fixtures.token(email, NEW_PASSWORD);
        complete(token, "another-fine-password-7").statusCode(410);
        given().contentType(ContentType.JSON).body(Map.of("username", email, "password", "another-fine-password-7")).when()
                .post("/api/auth/token").then().statusCode(401);
    }

    @Test
    void askingTwiceAtOnceMailsOneLink() {
        var email = AccountFixtures.claimedLeader("Tess Twice");
        int before = AccountFixtures.securityMail(email).size();
        askReset(email);
        askReset(email);
        assertEquals(before + 1, AccountFixtures.securityMail(email).size());
    }

    @Test
    void anExpiredOrForgedResetLinkIsGone() {
        var email = AccountFixtures.claimedLeader("Elsa Expired");
        askReset(email);
        var token = linkToken(email);
        AccountFixtures.expireLinksTo(email);
        complete(token, NEW_PASSWORD).statusCode(410);
        complete("B".repeat(43), NEW_PASSWORD).statusCode(410);
        Fixtures.token(email, PASSWORD);
    }

    @Test
    void aDisabledAccountGetsNoResetAndItsOpenLinkDies() {
        var email = AccountFixtures.claimedLeader("Dora Disabled");
        askReset(email);
        var token = linkToken(email);
        long id = AccountFixtures.accountId(email);
        as("demo-admin").when().post("/api/admin/accounts/" + id + "/disable").then().statusCode(200);
        int mails = AccountFixtures.securityMail(email).size();
        AccountFixtures.expireLinksTo(email); // past the quiet period, so a new link would be made if it could
        askReset(email);
        assertEquals(mails, AccountFixtures.securityMail(email).size());
        complete(token, NEW_PASSWORD).statusCode(410);
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndMeetsThePolicy() {
        var email = AccountFixtures.claimedLeader("Chad Change");
        var token = Fixtures.token(email, PASSWORD);
        var other = Fixtures.token(email, PASSWORD);
        var me = given().header("Authorization", Fixtures.bearer(token)).contentType(ContentType.JSON);
        me.body(Map.of("currentPassword", "not-my-password-at-all", "newPassword", NEW_PASSWORD)).when().put("/api/auth/password")
                .then().statusCode(400).body("violations[0].field", equalTo("currentPassword"));
        given().header("Authorization", Fixtures.bearer(token)).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", PASSWORD, "newPassword", "qwertyqwerty")).when().put("/api/auth/password")
                .then().statusCode(400).body("violations[0].field", equalTo("newPassword"));
        var fresh = given().header("Authorization", Fixtures.bearer(token)).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD)).when().put("/api/auth/password")
                .then().statusCode(200).extract().jsonPath().getString("accessToken");
        given().header("Authorization", Fixtures.bearer(other)).when().get("/api/me").then().statusCode(401);
        given().header("Authorization", Fixtures.bearer(fresh)).when().get("/api/me").then().statusCode(200);
    }

    @Test
    void wrongCurrentPasswordsAreDelayedLikeSignIns() {
        var email = AccountFixtures.claimedLeader("Gus Guesser");
        var token = Fixtures.token(email, PASSWORD);
        int status = 0;
        for (int i = 0; i < 8 && status != 429; i++) {
            status = given().header("Authorization", Fixtures.bearer(token)).contentType(ContentType.JSON)
                    .body(Map.of("currentPassword", "wrong-guess-number-" + i, "newPassword", NEW_PASSWORD)).when().put("/api/auth/password")
                    .then().extract().statusCode();
        }
        assertEquals(429, status);
    }
}
