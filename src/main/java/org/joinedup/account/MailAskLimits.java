package org.joinedup.account;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * Against mail bombing through the public forms (password reset, account request, public
 * nomination): at most so many mails to one address, and so many asks from one client, per window.
 * A hit limit changes nothing the caller sees: the answer stays the one every address gets, so it
 * says nothing about accounts.
 * Counters are rows of mail_ask_limit, locked in the asking transaction, so eight simultaneous asks
 * are counted one after another, and across service copies.
 */
@ApplicationScoped
public class MailAskLimits {

    static final String ADDRESS = "address:";
    static final String CLIENT = "client:";

    @Inject
    AccountLinksConfig config;

    @Inject
    EntityManager em;

    /** One subject's counter, its row locked until the asking transaction ends. */
    public final class Counter {
        private final String subject;
        private int asks;

        private Counter(String subject, int asks) {
            this.subject = subject;
            this.asks = asks;
        }

        /** Counts one more if under {@code limit}; false (and nothing counted) once the limit is reached. */
        public boolean take(int limit) {
            if (asks >= limit) {
                return false;
            }
            em.createNativeQuery("update mail_ask_limit set asks = asks + 1 where subject = :subject").setParameter("subject", subject)
                    .executeUpdate();
            asks++;
            return true;
        }
    }

    /** The client address of a request (with forwarded headers trusted only as configured, docs/security.md). */
    public static String clientOf(HttpServerRequest request) {
        return request == null || request.remoteAddress() == null ? "unknown" : request.remoteAddress().host();
    }

    /** Counts an ask from the client; false when the client has asked its limit in this window. */
    @Transactional(TxType.MANDATORY)
    public boolean clientMayAsk(String client) {
        return lock(CLIENT + (client == null || client.isBlank() ? "unknown" : client)).take(config.asksPerClient());
    }

    /**
     * The address's counter, locked: taken by the caller only when it really queues a mail, so asks
     * answered without one (a double click within the quiet period) do not use the address's limit up.
     */
    @Transactional(TxType.MANDATORY)
    public Counter address(String address) {
        return lock(ADDRESS + sha256(address));
    }

    /** Whether one more mail may go to the address's counter; counts it if so. */
    public boolean mayMail(Counter counter) {
        return counter.take(config.mailsPerAddress());
    }

    /** Counters whose window has passed are forgotten, with the addresses and client addresses they name. */
    @Scheduled(every = "10M", delayed = "2M")
    void forgetPassed() {
        var cutoff = Instant.now().minus(config.askWindow());
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from mail_ask_limit where window_start < :cutoff")
                .setParameter("cutoff", cutoff).executeUpdate());
    }

    /** The subject's row, locked; one whose window has passed starts again from nothing. */
    private Counter lock(String subject) {
        var now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        em.createNativeQuery("""
                insert into mail_ask_limit (subject, window_start, asks) values (:subject, :now, 0)
                on conflict (subject) do nothing""").setParameter("subject", subject).setParameter("now", now).executeUpdate();
        var row = (Object[]) em.createNativeQuery("select window_start, asks from mail_ask_limit where subject = :subject for update")
                .setParameter("subject", subject).getSingleResult();
        var start = row[0] instanceof Instant i ? i
                : row[0] instanceof OffsetDateTime odt ? odt.toInstant() : ((Timestamp) row[0]).toInstant();
        if (start.isBefore(now.minus(config.askWindow()))) {
            em.createNativeQuery("update mail_ask_limit set window_start = :now, asks = 0 where subject = :subject")
                    .setParameter("now", now).setParameter("subject", subject).executeUpdate();
            return new Counter(subject, 0);
        }
        return new Counter(subject, ((Number) row[1]).intValue());
    }

    /** The address is not kept as it is: the counter only needs to tell addresses apart. */
    private static String sha256(String address) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(address.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
