package org.joinedup.mail;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.runtime.Startup;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Hands one mail to the SMTP server and waits for the server's answer, at most
 * {@code quarkus.mailer.timeout}. All sends run on one Vert.x event-loop context, this class's own.
 *
 * <p>Why not the blocking {@code Mailer} from the sender's worker thread: the Vert.x mail client
 * (4.5) sets up its reader of a new connection in a task for the context it was called from, while
 * the connection's data is read on an event loop. Called from a worker thread, the two can race:
 * when the event loop reads the server's greeting first (a loaded machine, a server that greets at
 * once), nobody is listening yet, the greeting is dropped, and the client waits for it until the
 * timeout. The mail is then left 'uncertain' though it was never handed over. The tests' SMTP
 * server saw this about once in a hundred mails under the full test run (docs/mail.md, "A greeting
 * that was lost"). Called on one event-loop context, the client opens, reads and closes its
 * connections on that context's thread alone, and the race is gone: none since in the test runs.
 */
@ApplicationScoped
@Startup // so a timeout of zero stops the start, not every send pass
class SmtpHandOver {

    @Inject
    ReactiveMailer mailer;

    @Inject
    Vertx vertx;

    @ConfigProperty(name = "quarkus.mailer.timeout")
    Duration timeout;

    private Context context;

    @PostConstruct
    void createContext() {
        if (timeout.isZero() || timeout.isNegative()) {
            // Quarkus reads 0 as "wait for ever": a silent server would then hold the sender until the claim's lease ran out
            throw new IllegalStateException("quarkus.mailer.timeout must be longer than zero (docs/mail.md, Configuration), not " + timeout);
        }
        // a plain event-loop context: not the caller's (a worker's, or a request's duplicate)
        context = ((VertxInternal) vertx).createEventLoopContext();
    }

    /**
     * Returns once the server has taken the mail; throws with the cause, or a TimeoutException, if it has not.
     * A mail the client will not even start on (it throws while building the message) fails at once with
     * {@link NotHandedOver}: thrown inside the task, nothing would complete the future and the sender would
     * wait out the whole timeout, with every other mail behind it.
     */
    void send(Mail mail) throws ExecutionException, TimeoutException {
        var answered = new CompletableFuture<Void>();
        context.runOnContext(ignored -> {
            try {
                mailer.send(mail).subscribe().with(answered::complete, answered::completeExceptionally);
            } catch (RuntimeException | LinkageError e) {
                answered.completeExceptionally(new NotHandedOver(e));
            }
        });
        try {
            answered.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new TimeoutException("no answer from the SMTP server within " + timeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExecutionException("interrupted while the SMTP server was being asked", e);
        }
    }

    /** The mail client refused the mail before any of it went to the server: known not sent. */
    static final class NotHandedOver extends Exception {

        NotHandedOver(Throwable cause) {
            super("the mail client could not start on the mail: " + cause, cause);
        }
    }
}
