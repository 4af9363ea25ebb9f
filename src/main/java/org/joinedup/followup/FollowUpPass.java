package org.joinedup.followup;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.joinedup.platform.ScheduledRuns;

/**
 * Asks the follow-ups that fell due, hourly, in one service copy: the copy that claims the run in
 * scheduled_run does it. (The pass itself is safe to run twice at once; the claim saves the work.)
 */
@ApplicationScoped
public class FollowUpPass {

    static final String JOB = "follow-ups";
    private static final String COPY = "copy-" + ProcessHandle.current().pid() + "-" + Long.toHexString(System.nanoTime());

    @Inject
    ScheduledRuns runs;

    @Inject
    FollowUpService followUps;

    @Scheduled(every = "1h", delayed = "2m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        if (runs.claim(JOB, Duration.ofMinutes(55), COPY)) {
            followUps.askDue(Instant.now());
        }
    }
}
