package org.joinedup.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Limits failed sign-ins per account and per client address within a sliding window. Counted in
 * PostgreSQL (table login_failure), so every service copy enforces the same limit. Each call is
 * its own short transaction: a failure must be recorded even though the sign-in it belongs to
 * answers with an error.
 */
@ApplicationScoped
public class LoginThrottle {

    @ConfigMapping(prefix = "joinedup.security.login")
    public interface Limits {
        @WithDefault("5")
        int maxFailuresPerAccount();

        @WithDefault("20")
        int maxFailuresPerAddress();

        @WithDefault("15M")
        Duration window();
    }

    private static final String ACCOUNT = "account:";
    private static final String ADDRESS = "address:";

    @Inject
    Limits limits;

    @Inject
    EntityManager em;

    Clock clock = Clock.systemUTC();

    /** How long until this account or address may try again, if it is blocked now. */
    public Optional<Duration> blockedFor(String username, String address) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var byAccount = blocked(ACCOUNT + username, limits.maxFailuresPerAccount());
            return byAccount.isPresent() ? byAccount : blocked(ADDRESS + address, limits.maxFailuresPerAddress());
        });
    }

    public void failed(String username, String address) {
        var now = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> {
            for (var subject : List.of(ACCOUNT + username, ADDRESS + address)) {
                em.createNativeQuery("insert into login_failure (subject, failed_at) values (:subject, :at)")
                        .setParameter("subject", subject).setParameter("at", now).executeUpdate();
            }
        });
    }

    /** A sign-in worked: the account's failures are forgiven, and failures past the window are dropped. */
    public void succeeded(String username) {
        var cutoff = clock.instant().minus(limits.window());
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "delete from login_failure where subject = :subject or failed_at < :cutoff")
                .setParameter("subject", ACCOUNT + username).setParameter("cutoff", cutoff).executeUpdate());
    }

    /** Erasure: failed sign-ins under the account's name go with it (in the caller's transaction). */
    public void forget(String username) {
        em.createNativeQuery("delete from login_failure where subject = :subject").setParameter("subject", ACCOUNT + username).executeUpdate();
    }

    private Optional<Duration> blocked(String subject, int max) {
        var cutoff = clock.instant().minus(limits.window());
        var row = (Object[]) em.createNativeQuery(
                "select count(*), min(failed_at) from login_failure where subject = :subject and failed_at >= :cutoff")
                .setParameter("subject", subject).setParameter("cutoff", cutoff).getSingleResult();
        if (((Number) row[0]).longValue() < max) {
            return Optional.empty();
        }
        // blocked until the oldest failure in the window leaves it
        return Optional.of(Duration.between(cutoff, instant(row[1])).plusSeconds(1));
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
