package org.joinedup.job;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a running job reports as it goes: its phase, how many of how many it has done, and the
 * errors it carried on past. Kept in memory, cheap to update per item; the job's row gets a copy
 * once a second ({@link JobConfig#progressInterval()}), never per item.
 */
public final class Progress {

    /** Errors kept word for word; beyond these only the count grows. */
    static final int ERRORS_KEPT = 20;
    /**
     * How far back a running job's rate looks: long enough to be steady, short enough that a slow
     * start (a cold service, a busy machine) does not stretch the time left long after it passed.
     */
    static final Duration RECENT = Duration.ofSeconds(10);

    /**
     * A moment's copy, as written to the row. {@code rate} is items a second: over the last
     * {@link #RECENT} while the job runs, over the whole count from {@link #total} once it ended.
     */
    record Snapshot(String phase, long done, Long total, Double rate, List<String> errors, int errorCount) {
    }

    private final AtomicLong done = new AtomicLong();
    private final List<String> errors = new ArrayList<>();
    private volatile String phase;
    private volatile Long total;
    private volatile long countingSince;
    private volatile long lastAdvance;
    private volatile String stopped;
    private int errorCount;
    /** {time of the latest advance, done} at each snapshot within the last {@link #RECENT}: what the rate of a running job looks at. */
    private final ArrayDeque<long[]> recent = new ArrayDeque<>();

    public void phase(String phase) {
        this.phase = phase;
    }

    /** How many there are to do; the rate is measured from now. */
    public void total(long total) {
        this.total = total;
        this.countingSince = System.nanoTime();
    }

    public void advance(long count) {
        done.addAndGet(count);
        lastAdvance = System.nanoTime();
    }

    /** An error the job carries on past (a failure that ends the job is thrown instead). */
    public synchronized void error(String message) {
        errorCount++;
        if (errors.size() < ERRORS_KEPT) {
            errors.add(message);
        }
    }

    /**
     * Throws when the job has been told to stop (its service copy is stopping, or its lease ran out
     * and another copy may start the same kind): a job calls this between steps.
     */
    public void checkStopped() {
        var reason = stopped;
        if (reason != null) {
            throw new CancellationException(reason);
        }
    }

    void stop(String reason) {
        stopped = reason;
    }

    /** The figures of a running job. */
    synchronized Snapshot snapshot() {
        long count = done.get();
        long latest = lastAdvance;
        if (recent.isEmpty() || recent.peekLast()[0] != latest) {
            recent.addLast(new long[] { latest, count });
        }
        while (recent.size() > 2 && latest - recent.peekFirst()[0] > RECENT.toNanos()) {
            recent.removeFirst();
        }
        var oldest = recent.peekFirst();
        boolean window = recent.size() > 1 && oldest[0] > countingSince;
        return snapshot(window ? rate(count - oldest[1], latest - oldest[0]) : rate(count, latest - countingSince));
    }

    /** The figures of a job that ended: the rate is the average over the whole count. */
    synchronized Snapshot finalSnapshot() {
        return snapshot(rate(done.get(), lastAdvance - countingSince));
    }

    private Snapshot snapshot(Double rate) {
        long count = done.get();
        // more done than counted at the start (added meanwhile): the total was an estimate, and grows
        Long counted = total == null ? null : Math.max(total, count);
        return new Snapshot(phase, count, counted, total == null ? null : rate, List.copyOf(errors), errorCount);
    }

    private static Double rate(long items, long nanos) {
        return items > 0 && nanos > 0 ? items / (nanos / 1e9) : null;
    }
}
