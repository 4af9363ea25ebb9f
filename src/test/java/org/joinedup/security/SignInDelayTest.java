package org.joinedup.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.persistence.EntityManager;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.joinedup.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Guessing is slowed per account and address, counted before the password is checked, so parallel
 * guesses cannot slip past the count, and a guesser elsewhere cannot lock the real user out. The
 * test profile trusts forwarded headers from loopback, so X-Forwarded-For plays the client address.
 */
@QuarkusTest
class SignInDelayTest {

    private static final String PASSWORD = SecurityFixtures.PASSWORD;

    @Inject
    EntityManager em;

    @BeforeAll
    static void anonymous() {
        Fixtures.actAnonymously();
    }

    private static String account() {
        var username = "guessed-" + System.nanoTime();
        SecurityFixtures.as("demo-admin").contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", PASSWORD, "roles", List.of(Roles.COMMISSIONER)))
                .when().post("/api/admin/accounts").then().statusCode(201);
        return username;
    }

    private static Response signIn(String username, String password, String address) {
        return given().header("X-Forwarded-For", address).contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password)).when().post("/api/auth/token");
    }

    @Test
    void sevenParallelGuessesGetFiveTriesAndTheRealUserElsewhereIsNotLockedOut() throws Exception {
        var username = account();
        var attacker = "203.0.113." + (System.nanoTime() % 200 + 1);
        int guesses = 7;
        var start = new CyclicBarrier(guesses);
        var pool = Executors.newFixedThreadPool(guesses);
        var statuses = new ArrayList<Future<Integer>>();
        for (int i = 0; i < guesses; i++) {
            int guess = i;
            statuses.add(pool.submit(() -> {
                start.await();
                return signIn(username, "wrong guess " + guess, attacker).statusCode();
            }));
        }
        var counts = new TreeMap<Integer, Integer>();
        for (var status : statuses) {
            counts.merge(status.get(), 1, Integer::sum);
        }
        pool.shutdown();
        assertEquals(Map.of(401, 5, 429, 2), counts, "statuses of seven parallel wrong passwords");

        // the attacker's own address now waits, even with the right password
        var delayed = signIn(username, PASSWORD, attacker);
        assertEquals(429, delayed.statusCode());
        assertEquals("application/problem+json", delayed.contentType());
        assertEquals("https://joinedup.example/problems/too-many-attempts", delayed.jsonPath().getString("type"));
        long retryAfter = Long.parseLong(delayed.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 2, "Retry-After " + retryAfter);

        // the real user at their own address signs in at once
        signIn(username, PASSWORD, "198.51.100.20").then().statusCode(200);

        // and the attacker's address may try again once the delay has passed
        Fixtures.sleep(retryAfter * 1000 + 200);
        signIn(username, PASSWORD, attacker).then().statusCode(200);
    }

    @Test
    void theDelayDoublesWithEachFurtherWrongPassword() {
        var username = account();
        var address = "192.0.2." + (System.nanoTime() % 200 + 1);
        for (int i = 0; i < 5; i++) {
            signIn(username, "wrong " + i, address).then().statusCode(401);
        }
        var first = Long.parseLong(signIn(username, "wrong", address).then().statusCode(429).extract().header("Retry-After"));
        Fixtures.sleep(first * 1000 + 200);
        signIn(username, "wrong again", address).then().statusCode(401);
        var second = Long.parseLong(signIn(username, "wrong", address).then().statusCode(429).extract().header("Retry-After"));
        assertTrue(second > first, "second delay " + second + " s after a first of " + first + " s");
    }

    /** Another service copy's count, written straight into the shared table, delays this copy too. */
    @Test
    void attemptsCountedByAnotherCopyDelayThisOne() {
        var username = account();
        var address = "198.51.100." + (System.nanoTime() % 200 + 1);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into login_throttle (subject, attempts, last_attempt_at, next_allowed_at) values (:s, 5, :now, :later)""")
                .setParameter("s", LoginThrottle.PAIR + username + "@" + address).setParameter("now", Instant.now())
                .setParameter("later", Instant.now().plusSeconds(60)).executeUpdate());
        signIn(username, PASSWORD, address).then().statusCode(429).body("type", equalTo("https://joinedup.example/problems/too-many-attempts"));
        signIn(username, PASSWORD, "198.51.100.250").then().statusCode(200);
    }
}
