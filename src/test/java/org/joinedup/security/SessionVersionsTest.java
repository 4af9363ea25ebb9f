package org.joinedup.security;

import static org.joinedup.security.SecurityFixtures.withToken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.joinedup.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Session versions remembered between requests never outlive a change: a change made where this copy
 * did not make it (another copy, or by hand in the database) is heard through the database's
 * notice, and while the notices are lost nothing remembered is trusted.
 */
@QuarkusTest
class SessionVersionsTest {

    /** Long enough for a notice on a loaded machine; the point is that it comes at all, without a new sign-in. */
    private static final Duration HEARD_WITHIN = Duration.ofSeconds(10);

    @Inject
    DataSource database;

    @Inject
    SessionVersions versions;

    @BeforeAll
    static void anonymous() {
        Fixtures.actAnonymously();
    }

    /** A commissioner signed in, with a token, once this copy listens for changes (so it can remember the account). */
    private record SignedIn(long id, String username, String token) {
        String freshToken() {
            return Fixtures.token(username, SecurityFixtures.PASSWORD);
        }
    }

    private SignedIn signedIn(String prefix) throws Exception {
        var username = prefix + "-" + System.nanoTime();
        long id = SecurityFixtures.account(username, Roles.COMMISSIONER);
        var token = Fixtures.token(username, SecurityFixtures.PASSWORD);
        awaitListening(id);
        return new SignedIn(id, username, token);
    }

    /** What another copy's "sign out everywhere" does to the row, bypassing this copy. */
    private void bumpSessionVersionByHand(long accountId) throws SQLException {
        try (var connection = database.getConnection();
                var update = connection.prepareStatement("update account set session_version = session_version + 1 where id = ?")) {
            update.setLong(1, accountId);
            assertEquals(1, update.executeUpdate());
        }
    }

    private static int status(String token) {
        return withToken(token).when().get("/api/me").then().extract().statusCode();
    }

    private static void refusedWithin(String token, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (status(token) != 401) {
            assertTrue(System.nanoTime() < deadline, "the stale token still works after " + limit);
            Thread.sleep(50);
        }
    }

    @Test
    void aSignedInRequestRemembersTheVersionAndAChangeByHandIsHeard() throws Exception {
        var account = signedIn("heard");
        versions.forget(account.id());
        assertEquals(200, status(account.token()));
        assertTrue(versions.remembered(account.id()).isPresent(), "a checked token's version is remembered");

        bumpSessionVersionByHand(account.id());

        refusedWithin(account.token(), HEARD_WITHIN);
        assertEquals(200, status(account.freshToken()), "a token issued after the change works");
    }

    @Test
    void aTokenSignedOutByAnotherCopyIsHeard() throws Exception {
        var account = signedIn("signed-out-elsewhere");
        var other = account.freshToken();
        assertEquals(200, status(account.token()));
        assertEquals(200, status(other));

        // what another copy's sign-out writes, bypassing this copy
        var tokenId = new DefaultJWTParser().parseOnly(account.token()).getTokenID();
        try (var connection = database.getConnection(); var insert = connection.prepareStatement(
                "insert into signed_out_token (token_id, account_id, expires_at) values (?, ?, now() + interval '1 hour')")) {
            insert.setString(1, tokenId);
            insert.setLong(2, account.id());
            assertEquals(1, insert.executeUpdate());
        }

        refusedWithin(account.token(), HEARD_WITHIN);
        assertEquals(200, status(other), "the account's other token goes on");
    }

    @Test
    void aChangeMadeWhileTheNoticesAreLostIsNotMissed() throws Exception {
        var account = signedIn("unheard");
        assertEquals(200, status(account.token()));

        endTheListenersConnection();
        bumpSessionVersionByHand(account.id());

        refusedWithin(account.token(), HEARD_WITHIN);
        // and it listens again: the next change by hand is heard too
        var next = account.freshToken();
        awaitListening(account.id());
        assertEquals(200, status(next));
        bumpSessionVersionByHand(account.id());
        refusedWithin(next, HEARD_WITHIN);
    }

    /** Not left to the notice's round trip: the request right after this copy's own change must not find the old version. */
    @Test
    void thisCopysOwnChangeIsForgottenAsItCommits() throws Exception {
        long id = signedIn("own").id();

        QuarkusTransaction.requiringNew().run(() -> Account.<Account>findById(id).revokeSessions());

        assertTrue(versions.remembered(id).isEmpty());
    }

    /** Eight clients keep using a token while its account signs out everywhere: none is let in after the answer. */
    @Test
    void noRequestAfterASignOutGetsIn() throws Exception {
        var account = signedIn("racing");
        var token = account.token();
        record Answer(long sentAt, int status) {
        }
        var answers = new ConcurrentLinkedQueue<Answer>();
        var stopAt = new AtomicLong(Long.MAX_VALUE);
        var clients = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 8; i++) {
            clients.submit(() -> {
                while (System.nanoTime() < stopAt.get()) {
                    long sentAt = System.nanoTime();
                    answers.add(new Answer(sentAt, status(token)));
                }
            });
        }
        Thread.sleep(500);
        withToken(account.freshToken()).when().post("/api/auth/sign-out-everywhere").then().statusCode(204);
        long signedOutAt = System.nanoTime();
        stopAt.set(signedOutAt + Duration.ofMillis(500).toNanos());
        clients.shutdown();
        assertTrue(clients.awaitTermination(30, TimeUnit.SECONDS));

        assertTrue(answers.stream().anyMatch(a -> a.sentAt() < signedOutAt && a.status() == 200), "the token worked before");
        var after = answers.stream().filter(a -> a.sentAt() > signedOutAt).toList();
        assertTrue(after.size() >= 8, "too few requests after the sign-out to tell: " + after.size());
        assertEquals(List.of(), after.stream().filter(a -> a.status() != 401).toList(), "let in after the sign-out");
    }

    /** Until the listener is connected nothing is remembered; a read then remembers the account. */
    private void awaitListening(long accountId) throws Exception {
        long deadline = System.nanoTime() + HEARD_WITHIN.toNanos();
        while (true) {
            versions.read(accountId);
            if (versions.remembered(accountId).isPresent()) {
                return;
            }
            assertTrue(System.nanoTime() < deadline, "the copy does not listen for account session changes");
            Thread.sleep(50);
        }
    }

    private void endTheListenersConnection() throws SQLException {
        try (var connection = database.getConnection();
                var end = connection.prepareStatement("select count(pg_terminate_backend(pid)) from pg_stat_activity"
                        + " where application_name = ? and datname = current_database()")) {
            end.setString(1, SessionVersions.LISTENER_NAME);
            try (var ended = end.executeQuery()) {
                ended.next();
                assertTrue(ended.getInt(1) >= 1, "no listening connection to end");
            }
        }
    }
}
