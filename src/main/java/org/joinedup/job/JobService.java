package org.joinedup.job;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.joinedup.platform.Page;
import org.joinedup.platform.PageRequest;
import org.joinedup.platform.ProblemException;

/**
 * Runs long jobs in this service copy and keeps each one's row in PostgreSQL up to date, so any copy
 * can say how it is going. One unfinished job of a kind at a time across all copies (a unique index
 * on the table); a job whose copy died is marked failed once its lease runs out.
 */
@ApplicationScoped
public class JobService {

    private static final Logger LOG = Logger.getLogger(JobService.class);
    /** This service copy as the job rows name their runner: host, process and a random part (a restarted container keeps its pid). */
    static final String COPY = Optional.ofNullable(System.getenv("HOSTNAME")).orElse("localhost") + ":" + ProcessHandle.current().pid()
            + ":" + UUID.randomUUID().toString().substring(0, 8);

    /** What a job does: it reports through {@code progress} and returns its result (plain data, kept as JSON). */
    @FunctionalInterface
    public interface Work {
        Object run(Progress progress) throws Exception;
    }

    @Inject
    JobTable table;

    @Inject
    JobConfig config;

    private final Map<Long, Progress> running = new ConcurrentHashMap<>();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        var thread = new Thread(r, "job");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * Starts {@code work} as a job of {@code kind} in this copy and answers at once, with the job
     * queued. A 409 naming the other job if one of this kind is queued or running in any copy.
     */
    public JobView start(String kind, String unit, String startedBy, Work work) {
        table.expireAbandoned(config.lease());
        long id = table.insertUnlessUnfinished(kind, unit, startedBy, COPY).orElseThrow(() -> alreadyRunning(kind));
        var progress = new Progress();
        running.put(id, progress);
        threads.execute(() -> run(id, progress, work));
        return table.find(id).orElseThrow();
    }

    public Optional<JobView> find(long id) {
        table.expireAbandoned(config.lease());
        return table.find(id);
    }

    /** Newest first, of one kind or (null) all. */
    public Page<JobView> list(String kind, PageRequest paging) {
        table.expireAbandoned(config.lease());
        return table.list(kind, paging);
    }

    private void run(long id, Progress progress, Work work) {
        try {
            if (!table.markRunning(id, COPY)) {
                return;
            }
            var result = work.run(progress);
            end(id, progress, JobState.SUCCEEDED, null, result);
        } catch (CancellationException e) {
            LOG.warnf("Job %d stopped: %s", id, e.getMessage());
            end(id, progress, JobState.FAILED, "stopped: " + e.getMessage(), null);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.errorf(e, "Job %d failed", id);
            end(id, progress, JobState.FAILED, failure(e), null);
        } finally {
            running.remove(id);
        }
    }

    private void end(long id, Progress progress, JobState state, String failure, Object result) {
        try {
            if (!table.finish(id, COPY, progress.finalSnapshot(), state, failure, result)) {
                LOG.warnf("Job %d ended (%s) after its lease ran out; its row already says failed", id, state.code());
            }
        } catch (RuntimeException e) {
            // PostgreSQL is not answering: the row stays unfinished until its lease runs out and it reads as failed
            LOG.errorf(e, "Job %d ended (%s) but its row could not be written", id, state.code());
        }
    }

    /** The progress of this copy's jobs, written to their rows; each write renews the job's lease. */
    @Scheduled(every = "${joinedup.jobs.progress-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void writeProgress() {
        running.forEach((id, progress) -> {
            try {
                if (!table.saveProgress(id, COPY, progress.snapshot())) {
                    progress.stop("its lease ran out before this copy could write its progress, so it is marked failed");
                }
            } catch (RuntimeException e) {
                LOG.warnf("Progress of job %d not written (%s); trying again in %s", id, e.getMessage(), config.progressInterval());
            }
        });
    }

    /** A stopping copy stops its jobs and marks them failed, instead of leaving them to look running until the lease runs out. */
    void onStop(@Observes ShutdownEvent stop) {
        running.values().forEach(progress -> progress.stop("the service copy running it was stopped"));
        threads.shutdownNow();
        try {
            if (!threads.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warnf("Jobs %s did not stop within 5 s; their leases will mark them failed", running.keySet());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ProblemException alreadyRunning(String kind) {
        var detail = table.unfinished(kind)
                .map(other -> "a " + kind + " job is already " + other.state() + ": job " + other.id() + ", started by " + other.startedBy()
                        + " at " + other.createdAt() + "; follow it at " + JobResource.path(other.id()))
                .orElse("a " + kind + " job was running a moment ago; try again");
        return ProblemException.conflict(detail);
    }

    private static String failure(Exception e) {
        if (e instanceof ProblemException problem) {
            return problem.problem().detail();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
