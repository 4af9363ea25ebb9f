package org.joinedup.search.index;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.joinedup.leader.MentoringOffer;
import org.joinedup.platform.ScheduledRuns;

/**
 * Repairs the live index from PostgreSQL on a schedule: queues every leader missing or stale there,
 * and the deletion of every document whose leader is gone. Deletes rely on tombstones Elasticsearch
 * forgets after gc_deletes, so a write from a copy that stalled can resurrect an erased leader;
 * this is what removes it again. It also writes again the leaders whose record that was still to end
 * when they were written has ended since ({@link LeaderDocument.Experience#nextEnd}): unchanged, nothing
 * else would, and until then a search with no words, filter or place scores them through their records.
 * And those a copy of an older build wrote ({@link LeaderDocument#mappingVersion}), which lack what this
 * build's mapping added: during a rolling update the old copies write to the new index too.
 */
@ApplicationScoped
public class IndexReconciliation {

    private static final Logger LOG = Logger.getLogger(IndexReconciliation.class);
    static final String JOB = "search-reconcile";
    /** A nightly job: a second copy firing within this time finds it done. */
    private static final Duration ONCE_WITHIN = Duration.ofHours(1);
    private static final String COPY = "copy-" + ProcessHandle.current().pid() + "-" + Long.toHexString(System.nanoTime());

    @Inject
    IndexReconciler reconciler;

    @Inject
    LeaderIndex index;

    @Inject
    SearchOutbox outbox;

    @Inject
    Indexer indexer;

    @Inject
    ScheduledRuns runs;

    @Inject
    LeaderDocuments documents;

    @Inject
    IndexWriter writer;

    /** How many leaders are read and written again at once. */
    private static final int REWRITE_BATCH = 500;

    @Scheduled(identity = JOB, cron = "${joinedup.indexer.reconcile-cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        scheduled();
    }

    /** The scheduled run: in one copy only; empty if another copy has it. */
    Optional<IndexReconciler.Report> scheduled() {
        if (!runs.claim(JOB, ONCE_WITHIN, COPY)) {
            LOG.debugf("Index reconciliation: another copy ran it within %s", ONCE_WITHIN);
            return Optional.empty();
        }
        return run("scheduled");
    }

    /** Compares and queues the differences now; empty if Elasticsearch or PostgreSQL did not answer. */
    public Optional<IndexReconciler.Report> run(String why) {
        try {
            var report = reconciler.compare(index.alias());
            if (!report.inStep()) {
                outbox.enqueue(report.revisionsToFix());
                indexer.nudge();
                LOG.warnf("Index reconciliation (%s): %d missing, %d stale, %d extra leaders queued for indexing", why,
                        report.missing(), report.stale(), report.extra());
            } else {
                LOG.infof("Index reconciliation (%s): index in step with PostgreSQL (%d leaders)", why, report.inDatabase());
            }
            writeAgain(why);
            return Optional.of(report);
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Index reconciliation (%s) did not run: %s; the next one will", why, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Writes again, at the revision the index holds, the leaders whose first record still to end has ended by today, and
     * those a copy of an older build wrote (during a rolling update: they lack what this build's mapping added). A leader
     * changed since is left to the outbox, which writes its newer revision anyway.
     */
    void writeAgain(String why) {
        rewrite(why, "with a record ended since they were written", () -> reconciler.endedBy(index.alias(), MentoringOffer.today()));
        rewrite(why, "written by an older build", () -> index.liveIsOfThisMapping()
                ? reconciler.writtenBefore(index.alias(), LeaderIndex.mappingVersion()) : Map.of());
    }

    private interface Found {
        /** Leader id to the revision the index holds. */
        Map<Long, Long> leaders() throws IOException;
    }

    private void rewrite(String why, String which, Found found) {
        try {
            var held = found.leaders();
            var ids = List.copyOf(held.keySet());
            int rewritten = 0;
            for (int from = 0; from < ids.size(); from += REWRITE_BATCH) {
                var puts = documents.load(ids.subList(from, Math.min(ids.size(), from + REWRITE_BATCH))).stream()
                        .filter(d -> held.get(d.id()) == d.revision()).map(IndexWriter.Put::new).toList();
                var failures = writer.rewrite(index.writeTargets(), puts);
                failures.forEach((id, error) -> LOG.warnf("Index reconciliation (%s): leader %d not written again: %s", why, id, error));
                rewritten += puts.size() - failures.size();
            }
            if (!ids.isEmpty()) {
                LOG.infof("Index reconciliation (%s): %d of %d leaders %s, written again", why, rewritten, ids.size(), which);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Index reconciliation (%s): the leaders %s were not written again: %s; the next run will", why, which,
                    e.getMessage());
        }
    }
}
