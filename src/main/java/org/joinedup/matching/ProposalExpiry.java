package org.joinedup.matching;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.joinedup.platform.ScheduledRuns;

/**
 * Expires proposals the mentor has not answered within joinedup.matching.limits.proposal-expiry,
 * so an unanswered proposal cannot hold a mentor's place for ever. The schedule runs in one service
 * copy at a time (a claim in scheduled_run); the expiry is one conditional UPDATE besides, so each
 * proposal expires (and frees its place) exactly once. The reminder pass (notification.Reminders)
 * reminds the mentor before this, and runs the expiry too.
 */
@ApplicationScoped
public class ProposalExpiry {

    private static final String JOB = "proposal-expiry";
    private static final String COPY = "copy-" + ProcessHandle.current().pid() + "-" + Long.toHexString(System.nanoTime());

    @Inject
    MentorshipService mentorships;

    @Inject
    MatchingLimits limits;

    @Inject
    ScheduledRuns runs;

    // minutes late on a fortnight's wait is fine; checking more often would only add load
    @Scheduled(every = "5m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (runs.claim(JOB, Duration.ofMinutes(4), COPY)) {
            run();
        }
    }

    void run() {
        expire(Instant.now());
    }

    /** Expires the proposals unanswered as of {@code now}; returns how many. */
    public int expire(Instant now) {
        return mentorships.expireUnanswered(cutoff(now));
    }

    /** Proposals made before this are unanswered too long as of {@code now}. */
    public Instant cutoff(Instant now) {
        return now.minus(limits.proposalExpiry());
    }
}
