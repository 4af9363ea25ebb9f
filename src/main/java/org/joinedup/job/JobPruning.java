package org.joinedup.job;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;
import org.joinedup.platform.ScheduledRuns;

/** Deletes finished jobs older than joinedup.jobs.keep, once a day in one service copy, so the job table does not grow for ever. */
@ApplicationScoped
public class JobPruning {

    private static final Logger LOG = Logger.getLogger(JobPruning.class);
    private static final String JOB = "job-pruning";

    @Inject
    JobTable table;

    @Inject
    JobConfig config;

    @Inject
    ScheduledRuns runs;

    @Scheduled(identity = JOB, every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        // hourly checks, daily work: a copy that was down at the hour still prunes within the day
        if (runs.claim(JOB, Duration.ofHours(23), JobService.COPY)) {
            prune(Instant.now());
        }
    }

    /** Deletes the jobs that finished more than joinedup.jobs.keep before {@code now}; returns how many. */
    int prune(Instant now) {
        int deleted = table.deleteFinishedBefore(now.minus(config.keep()));
        if (deleted > 0) {
            LOG.infof("Deleted %d jobs that finished over %s ago", deleted, config.keep());
        }
        return deleted;
    }
}
