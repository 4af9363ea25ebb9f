package org.joinedup.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Makes one caller's heavy requests take turns in this copy before they take a database connection:
 * a burst from one account then queues on a lock of its own instead of holding the pool's
 * connections while it waits (twenty saved-search saves at once from one account had every other
 * request answered 503 for seconds). Keys share a fixed set of locks, so memory stays bounded; two
 * keys that share one only wait for each other. Across copies the database's own locks still decide
 * ({@link TransactionLocks}); this only keeps one copy's waiting off the pool.
 */
@ApplicationScoped
public class Turns {

    private static final int LOCKS = 64;
    /** Longer than any one turn should take: a caller still waiting after it is told to try again. */
    static final Duration PATIENCE = Duration.ofSeconds(60);

    private final ReentrantLock[] locks = new ReentrantLock[LOCKS];

    public Turns() {
        for (int i = 0; i < LOCKS; i++) {
            locks[i] = new ReentrantLock(true);
        }
    }

    /** Runs {@code work} once no other work of the same key runs in this copy; 503 with Retry-After past {@link #PATIENCE}. */
    public <T> T take(String key, Supplier<T> work) {
        var lock = locks[Math.floorMod(key.hashCode(), LOCKS)];
        try {
            if (!lock.tryLock(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
                throw busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        }
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    private static ProblemException busy() {
        return new ProblemException(Problem.of("busy", "Busy", 503,
                "your earlier requests of this kind are still being handled; try again shortly")).retryAfter(Problem.RETRY_AFTER_SECONDS);
    }
}
