package org.joinedup.mail;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.vertx.ext.mail.SMTPException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;
import org.joinedup.mail.MailStore.Claimed;

/**
 * Sends queued mail, in every copy, on a short schedule: claim one mail (committed as 'sending'),
 * hand it to the SMTP server, mark it 'sent'. At most once per outbox row; the price is that a copy
 * dying mid-send leaves its one mail 'uncertain' for an admin (docs/mail.md, "Sent once").
 */
@ApplicationScoped
public class MailSender {

    private static final Logger LOG = Logger.getLogger(MailSender.class);
    static final String COPY = Optional.ofNullable(System.getenv("HOSTNAME")).orElse("localhost") + ":" + ProcessHandle.current().pid()
            + ":" + UUID.randomUUID().toString().substring(0, 8);

    /** How an attempt ended. */
    public enum Outcome { SENT, RETRY, PARKED, UNCERTAIN }

    @Inject
    SmtpHandOver smtp;

    @Inject
    MailStore store;

    @Inject
    MailComposer composer;

    @Inject
    MailConfig config;

    private volatile boolean stopping;

    void onStop(@Observes ShutdownEvent event) {
        stopping = true; // the mail in hand is finished; no new one is claimed
    }

    @Scheduled(identity = "mail-sender", every = "${joinedup.mail.send-every:5S}", delayed = "${joinedup.mail.send-every:5S}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        if (!config.enabled()) {
            return;
        }
        try {
            var lost = store.expireLeases();
            if (lost > 0) {
                LOG.warnf("%d mail(s) were claimed by a copy that stopped mid-send: now 'uncertain', see GET /api/admin/mail", lost);
            }
            sendPass();
        } catch (RuntimeException e) {
            LOG.warnf("Mail send pass failed (%s); the next pass tries again", e.toString());
        }
    }

    /** Sends due mail until none is due or the batch is done; safe to run in any number of threads and copies at once. */
    public int sendPass() {
        int sent = 0;
        for (int i = 0; i < config.batch() && !stopping; i++) {
            var claimed = store.claimNext(COPY);
            if (claimed.isEmpty()) {
                break;
            }
            if (send(claimed.get()) == Outcome.SENT) {
                sent++;
            }
        }
        return sent;
    }

    Outcome send(Claimed mail) {
        try {
            smtp.send(composer.compose(mail));
        } catch (ExecutionException e) {
            return failed(mail, e.getCause());
        } catch (TimeoutException | RuntimeException e) {
            return failed(mail, e);
        }
        store.sent(mail);
        LOG.debugf("Sent mail %d (%s %s)", mail.id(), mail.kind().code(), mail.eventKey());
        return Outcome.SENT;
    }

    /**
     * Known not handed over (no connection; the server answered with a refusal; the client would not start) goes back to the queue;
     * anything else (a timeout or a broken connection mid-exchange) may have been delivered, so it is
     * left 'uncertain' rather than risk sending it twice.
     */
    private Outcome failed(Claimed mail, Throwable e) {
        if (e instanceof SmtpHandOver.NotHandedOver) {
            // nothing reached the server, and trying again fails the same way: a refusal, so it parks
            var state = store.notSent(mail, e.getMessage(), true);
            LOG.warnf("Mail %d not sent: %s (%s)", mail.id(), e.getMessage(), state);
            return "parked".equals(state) ? Outcome.PARKED : Outcome.RETRY;
        }
        var smtp = cause(e, SMTPException.class);
        if (smtp.isPresent()) {
            var reply = smtp.get();
            var error = "SMTP " + reply.getReplyCode() + ": " + reply.getReplyMessage();
            var state = store.notSent(mail, error, reply.isPermanent());
            LOG.warnf("Mail %d to the SMTP server: %s (%s)", mail.id(), error, state);
            return "parked".equals(state) ? Outcome.PARKED : Outcome.RETRY;
        }
        if (cause(e, ConnectException.class).isPresent() || cause(e, UnknownHostException.class).isPresent()
                || cause(e, NoRouteToHostException.class).isPresent()) {
            var error = "no connection to the SMTP server: " + rootMessage(e);
            var state = store.notSent(mail, error, false);
            LOG.warnf("Mail %d not sent, %s (%s)", mail.id(), error, state);
            return "parked".equals(state) ? Outcome.PARKED : Outcome.RETRY;
        }
        var error = "outcome unknown: " + rootMessage(e);
        store.uncertain(mail, error);
        LOG.warnf("Mail %d: %s; left 'uncertain' for an admin, not resent", mail.id(), error);
        return Outcome.UNCERTAIN;
    }

    private static <T extends Throwable> Optional<T> cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }

    private static String rootMessage(Throwable e) {
        var root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
