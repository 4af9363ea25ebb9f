package org.joinedup.mail;

import static io.restassured.RestAssured.given;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.joinedup.Fixtures;

/** Accounts with mail addresses, mail queued as a feature would queue it, and outbox rows as the sender left them. */
public final class MailFixtures {

    public static final String PASSWORD = "a-mail-test-password-long";

    /** An account made for a test, with its own address. */
    public record TestAccount(long id, String username, String email) {
        public String token() {
            return Fixtures.token(username, PASSWORD);
        }
    }

    /** An outbox row as the sender left it. */
    record Row(long id, String state, int attempts, int refusals, String lastError, String dropReason, double retryWaitSeconds) {
    }

    private MailFixtures() {
    }

    /** A commissioner account with the address {@code localPart-<unique>@example.org}. */
    public static TestAccount account(String localPart) {
        var username = "mail-" + System.nanoTime();
        var id = given().header("Authorization", Fixtures.bearer(Fixtures.token("demo-admin"))).contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", PASSWORD, "roles", List.of("commissioner")))
                .when().post("/api/admin/accounts").then().statusCode(201).extract().jsonPath().getLong("id");
        var email = localPart + "-" + System.nanoTime() + "@example.org";
        sql("update account set email = '" + email + "' where id = " + id);
        return new TestAccount(id, username, email);
    }

    /** Queues a mail in its own transaction, as a feature's change would; the outbox row id. */
    static long queue(Long accountId, String address, MailKind kind, String subject) {
        var event = kind.code() + "-" + System.nanoTime();
        QuarkusTransaction.requiringNew().run(() -> Arc.container().instance(MailOutbox.class).get()
                .enqueue(new Mail(accountId, address, kind, event, subject, "Body of " + subject + ".", "You are in a mail test.")));
        return QueuedMail.to(address).stream().filter(m -> m.eventKey().equals(event)).findFirst().orElseThrow().id();
    }

    static long queue(TestAccount account, MailKind kind, String subject) {
        return queue(account.id(), account.email(), kind, subject);
    }

    static Row row(long id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var r = (Object[]) em().createNativeQuery("""
                    select id, state, attempts, refusals, last_error, drop_reason,
                           extract(epoch from next_attempt_at - coalesce(claimed_at, created_at))::float8
                      from mail_outbox where id = :id""").setParameter("id", id).getSingleResult();
            return new Row(((Number) r[0]).longValue(), (String) r[1], ((Number) r[2]).intValue(), ((Number) r[3]).intValue(), (String) r[4],
                    (String) r[5], ((Number) r[6]).doubleValue());
        });
    }

    /** Waits (up to 30 s) until the row satisfies {@code until}; returns it. */
    static Row awaitRow(long id, Predicate<Row> until) {
        return awaitRow(id, until, Duration.ofSeconds(30));
    }

    static Row awaitRow(long id, Predicate<Row> until, Duration patience) {
        var deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            var row = row(id);
            if (until.test(row)) {
                return row;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("mail " + id + " did not get there: " + row);
            }
            Mailbox.sleep(100);
        }
    }

    /** How many mails were ever queued to {@code address}, whatever became of them. */
    public static long countTo(String address) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em().createNativeQuery("select count(*) from mail_outbox where address = :a")
                .setParameter("a", address).getSingleResult()).longValue());
    }

    static void sql(String statement) {
        QuarkusTransaction.requiringNew().run(() -> em().createNativeQuery(statement).executeUpdate());
    }

    private static EntityManager em() {
        return Arc.container().instance(EntityManager.class).get();
    }
}
