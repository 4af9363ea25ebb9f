package org.joinedup.mail;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The hand-over without Quarkus or a server: a mailer that fails at once must not cost the mailer's timeout. */
class SmtpHandOverTest {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.close();
    }

    private SmtpHandOver handOver(ReactiveMailer mailer) {
        var handOver = new SmtpHandOver();
        handOver.mailer = mailer;
        handOver.vertx = vertx;
        handOver.timeout = Duration.ofSeconds(30);
        handOver.createContext();
        return handOver;
    }

    @Test
    void aMailerThatThrowsWhileBuildingTheMailIsAQuickNotHandedOver() {
        var handOver = handOver(mails -> {
            throw new IllegalArgumentException("not an address: a,b@example.org");
        });
        long start = System.nanoTime();
        var failed = assertThrows(ExecutionException.class, () -> handOver.send(Mail.withText("a,b@example.org", "s", "t")));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 5000, "failed after " + millis + " ms, not at once");
        var cause = assertInstanceOf(SmtpHandOver.NotHandedOver.class, failed.getCause());
        assertInstanceOf(IllegalArgumentException.class, cause.getCause());
    }

    @Test
    void aFailureTheMailerReportsIsPassedOnAsBefore() {
        var handOver = handOver(mails -> Uni.createFrom().failure(new IllegalStateException("connection reset")));
        var failed = assertThrows(ExecutionException.class, () -> handOver.send(Mail.withText("a@example.org", "s", "t")));
        assertInstanceOf(IllegalStateException.class, failed.getCause());
    }

    @Test
    void aMailTheMailerTakesReturns() throws Exception {
        handOver(mails -> Uni.createFrom().voidItem()).send(Mail.withText("a@example.org", "s", "t"));
    }
}
