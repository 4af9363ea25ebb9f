package org.joinedup.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits failed sign-ins per account and per client address within a sliding window. Kept in
 * memory: each service copy counts its own, so N copies allow at most N times the limit; put the
 * copies behind sticky routing or an identity provider if that matters.
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

    @Inject
    Limits limits;

    Clock clock = Clock.systemUTC();

    private final ConcurrentHashMap<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    /** How long until this account or address may try again, if it is blocked now. */
    public Optional<Duration> blockedFor(String username, String address) {
        var byAccount = blocked("account:" + username, limits.maxFailuresPerAccount());
        var byAddress = blocked("address:" + address, limits.maxFailuresPerAddress());
        return byAccount.isPresent() ? byAccount : byAddress;
    }

    public void failed(String username, String address) {
        var now = clock.instant();
        for (var key : new String[] {"account:" + username, "address:" + address}) {
            failures.computeIfAbsent(key, k -> new ArrayDeque<>());
            failures.computeIfPresent(key, (k, times) -> {
                times.addLast(now);
                return times;
            });
        }
    }

    public void succeeded(String username) {
        failures.remove("account:" + username);
    }

    private Optional<Duration> blocked(String key, int max) {
        var cutoff = clock.instant().minus(limits.window());
        var times = failures.computeIfPresent(key, (k, deque) -> {
            while (!deque.isEmpty() && deque.peekFirst().isBefore(cutoff)) {
                deque.removeFirst();
            }
            return deque.isEmpty() ? null : deque;
        });
        if (times == null || times.size() < max) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(cutoff, times.peekFirst()).plusSeconds(1));
    }
}
