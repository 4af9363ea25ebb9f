package org.joinedup.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * A progressive delay on sign-in attempts, per (account, client address) and per client address,
 * instead of a lock: someone guessing from elsewhere slows only their own pair, never the real user
 * at their own address. Each attempt is counted before the password is checked, under a row lock in
 * PostgreSQL (table login_throttle), so parallel guesses and several service copies see one count.
 */
@ApplicationScoped
public class LoginThrottle {

    @ConfigMapping(prefix = "joinedup.security.login")
    public interface Limits {
        /** Attempts per account and address before the delay starts. */
        @WithDefault("5")
        int freeAttemptsPerAccount();

        /**
         * Attempts per address, over all accounts, before the delay starts (against spraying many
         * usernames). Generous, because a whole organisation can sit behind one address; a right
         * password gives its attempt back.
         */
        @WithDefault("50")
        int freeAttemptsPerAddress();

        /** The first delay; it doubles with each further attempt. */
        @WithDefault("1S")
        Duration firstDelay();

        @WithDefault("10M")
        Duration maxDelay();

        /** A subject quiet for this long starts again from nothing. */
        @WithDefault("15M")
        Duration window();
    }

    static final String PAIR = "pair:";
    static final String ADDRESS = "address:";

    @Inject
    Limits limits;

    @Inject
    EntityManager em;

    Clock clock = Clock.systemUTC();

    /**
     * Counts an attempt and says how long to wait if it may not go ahead now (then it is not counted).
     * The address row is locked before the pair row, in every call, so two calls cannot deadlock.
     */
    public Optional<Duration> attempt(String username, String address) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var byAddress = lock(ADDRESS + address);
            var byPair = lock(PAIR + username + "@" + address);
            // read the clock once both rows are ours: an attempt that waited for the lock must not find
            // the rows stamped by a later attempt in its own future. PostgreSQL keeps microseconds.
            var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            var wait = byAddress.waitAt(now).or(() -> byPair.waitAt(now));
            if (wait.isEmpty()) {
                count(byAddress, limits.freeAttemptsPerAddress(), now);
                count(byPair, limits.freeAttemptsPerAccount(), now);
            }
            return wait;
        });
    }

    /** The password was right: the pair starts again, and the attempt does not count against the address. */
    public void succeeded(String username, String address) {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("delete from login_throttle where subject = :subject")
                    .setParameter("subject", PAIR + username + "@" + address).executeUpdate();
            em.createNativeQuery("update login_throttle set attempts = greatest(attempts - 1, 0) where subject = :subject")
                    .setParameter("subject", ADDRESS + address).executeUpdate();
        });
    }

    /** Erasure: the account's counters go with it (in the caller's transaction), whatever the address. */
    public void forget(String username) {
        em.createNativeQuery("delete from login_throttle where subject like :subject escape '\\'")
                .setParameter("subject", PAIR + username.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "@%")
                .executeUpdate();
    }

    /** Subjects quiet for longer than the window are forgotten, so names and addresses tried are not kept. */
    @Scheduled(every = "5M", delayed = "1M")
    void forgetQuiet() {
        var cutoff = clock.instant().minus(limits.window());
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from login_throttle where last_attempt_at < :cutoff")
                .setParameter("cutoff", cutoff).executeUpdate());
    }

    /** A subject's count as it stands, its row locked until the transaction ends. */
    private record Count(String subject, int attempts, Instant lastAttempt, Instant nextAllowed) {
        Optional<Duration> waitAt(Instant now) {
            return now.isBefore(nextAllowed) ? Optional.of(Duration.between(now, nextAllowed)) : Optional.empty();
        }
    }

    /** A subject's counter, its row locked until the transaction ends; a new one is free to go. */
    private Count lock(String subject) {
        em.createNativeQuery("""
                insert into login_throttle (subject, attempts, last_attempt_at, next_allowed_at) values (:subject, 0, :never, :never)
                on conflict (subject) do nothing""").setParameter("subject", subject).setParameter("never", Instant.EPOCH).executeUpdate();
        var row = (Object[]) em.createNativeQuery(
                "select attempts, last_attempt_at, next_allowed_at from login_throttle where subject = :subject for update")
                .setParameter("subject", subject).getSingleResult();
        return new Count(subject, ((Number) row[0]).intValue(), SigningKeys.instant(row[1]), SigningKeys.instant(row[2]));
    }

    private void count(Count count, int free, Instant now) {
        // a counter quiet for the whole window starts again from nothing
        int attempts = (count.lastAttempt().isBefore(now.minus(limits.window())) ? 0 : count.attempts()) + 1;
        var delay = delayAfter(attempts, free);
        em.createNativeQuery("""
                update login_throttle set attempts = :attempts, last_attempt_at = :now, next_allowed_at = :next where subject = :subject""")
                .setParameter("attempts", attempts).setParameter("now", now)
                .setParameter("next", delay.isZero() ? Instant.EPOCH : now.plus(delay)).setParameter("subject", count.subject()).executeUpdate();
    }

    /** No delay for the free attempts, then the first delay, doubling, up to the maximum. */
    Duration delayAfter(int attempts, int free) {
        if (attempts < free) {
            return Duration.ZERO;
        }
        int doublings = Math.min(attempts - free, 30);
        var delay = limits.firstDelay().multipliedBy(1L << doublings);
        return delay.compareTo(limits.maxDelay()) > 0 ? limits.maxDelay() : delay;
    }
}
