package org.joinedup.account;

import static io.restassured.RestAssured.given;
import static org.joinedup.account.AccountFixtures.address;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import org.joinedup.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Nobody can make us flood an address with resets or confirmations, nor sweep addresses from one
 * client; and a limit reached never changes the answer. Each test plays its own client address
 * (the test profile trusts X-Forwarded-For from loopback), so the counts of other tests do not meet.
 */
@QuarkusTest
class MailAskLimitTest {

    /** joinedup.accounts.mails-per-address. */
    private static final int PER_ADDRESS = 3;
    /** %test.joinedup.accounts.asks-per-client. */
    private static final int PER_CLIENT = 300;

    @BeforeAll
    static void anonymous() {
        Fixtures.actAnonymously();
    }

    private static String client() {
        var random = ThreadLocalRandom.current();
        return "10." + random.nextInt(1, 255) + "." + random.nextInt(1, 255) + "." + random.nextInt(1, 255);
    }

    private static ExtractableResponse<Response> askReset(String email, String client) {
        return given().header("X-Forwarded-For", client).contentType(ContentType.JSON).body(Map.of("email", email)).when()
                .post("/api/password-reset").then().extract();
    }

    private static ExtractableResponse<Response> askAccount(String email, String client) {
        return given().header("X-Forwarded-For", client).contentType(ContentType.JSON)
                .body(Map.of("email", email, "fullName", "Bo Bomber")).when().post("/api/account-requests").then().extract();
    }

    private static long resetMails(String email) {
        return AccountFixtures.securityMail(email).stream().filter(m -> m.subject().contains("Reset")).count();
    }

    @Test
    void eightSimultaneousResetsForOneAddressQueueAtMostTheLimitWithIdenticalAnswers() throws Exception {
        var email = AccountFixtures.claimedLeader("Bea Bombed");
        var unknownAnswer = askReset(address("nobody"), client());
        var pool = Executors.newFixedThreadPool(8);
        try {
            var calls = new ArrayList<Callable<ExtractableResponse<Response>>>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> askReset(email, client()));
            }
            var answers = new ArrayList<ExtractableResponse<Response>>();
            for (var f : pool.invokeAll(calls)) {
                answers.add(f.get());
            }
            for (var answer : answers) {
                assertEquals(202, answer.statusCode());
                assertEquals(unknownAnswer.body().asString(), answer.body().asString());
            }
        } finally {
            pool.shutdown();
        }
        var sent = resetMails(email);
        assertTrue(sent >= 1 && sent <= PER_ADDRESS, "reset mails queued: " + sent);
        // the asks took turns: the first link was still open for the others, so one mail in all
        assertEquals(1, sent);
    }

    @Test
    void theFourthResetMailInAnHourIsNotSentAndTheAnswerDoesNotSay() {
        var email = AccountFixtures.claimedLeader("Cy Clicker");
        var client = client();
        var expected = askReset(address("nobody"), client).body().asString();
        for (int i = 1; i <= PER_ADDRESS; i++) {
            assertEquals(expected, askReset(email, client).body().asString());
            assertEquals(i, resetMails(email));
            // as if the quiet period had passed and the link run out: only the hourly limit stands in the way
            AccountFixtures.expireLinksTo(email);
        }
        var refused = askReset(email, client);
        assertEquals(202, refused.statusCode());
        assertEquals(expected, refused.body().asString());
        assertEquals(PER_ADDRESS, resetMails(email));
    }

    @Test
    void anAddressGetsAtMostTheLimitOfConfirmationMails() {
        var email = address("dee.requester");
        var client = client();
        var first = askAccount(email, client);
        for (int i = 1; i < PER_ADDRESS + 2; i++) {
            AccountFixtures.expireLinksTo(email);
            var again = askAccount(email, client);
            assertEquals(202, again.statusCode());
            assertEquals(first.body().asString(), again.body().asString());
        }
        assertEquals(PER_ADDRESS, AccountFixtures.securityMail(email).size());
    }

    @Test
    void eightSimultaneousAccountRequestsForOneAddressMailOnce() throws Exception {
        var email = address("eve.eight");
        var pool = Executors.newFixedThreadPool(8);
        try {
            var calls = new ArrayList<Callable<Integer>>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> askAccount(email, client()).statusCode());
            }
            for (var f : pool.invokeAll(calls)) {
                assertEquals(202, f.get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(1, AccountFixtures.securityMail(email).size());
    }

    @Test
    void aClientPastItsLimitOfAsksMakesNoMoreMailButGetsTheSameAnswer() {
        var email = AccountFixtures.claimedLeader("Fay Swept");
        var sweeper = client();
        var expected = askReset(address("nobody"), sweeper).body().asString();
        for (int i = 1; i < PER_CLIENT; i++) {
            askReset(address("swept-" + i), sweeper);
        }
        var refused = askReset(email, sweeper);
        assertEquals(202, refused.statusCode());
        assertEquals(expected, refused.body().asString());
        var request = address("swept-request");
        assertEquals(202, askAccount(request, sweeper).statusCode());
        assertEquals(List.of(), AccountFixtures.securityMail(request));
        assertEquals(0, resetMails(email));
        // the address itself is not blocked: the same ask from elsewhere is mailed
        askReset(email, client());
        assertEquals(1, resetMails(email));
    }
}
