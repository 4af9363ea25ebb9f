package org.joinedup.job;

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

    /** A moment's copy, as written to the row: {@code rate} is items a second from {@link #total} to the latest advance. */
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

    synchronized Snapshot snapshot() {
        long count = done.get();
        Double rate = null;
        double seconds = (lastAdvance - countingSince) / 1e9;
        if (total != null && count > 0 && seconds > 0) {
            rate = count / seconds;
        }
        // more done than counted at the start (added meanwhile): the total was an estimate, and grows
        Long counted = total == null ? null : Math.max(total, count);
        return new Snapshot(phase, count, counted, rate, List.copyOf(errors), errorCount);
    }
}
