package org.joinedup.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.joinedup.job.Progress;
import org.joinedup.leader.LeaderService;

/**
 * Rebuilds the index from PostgreSQL without taking search offline: creates {alias}-v(N+1) beside
 * the live index, has every copy's indexer write changes to both from then on, bulk-loads every
 * leader, reconciles the new index with the database, swaps the alias atomically and drops the
 * old index. It runs as a job ({@link ReindexJob}), whose row is the lock across copies: one rebuild
 * at a time, so a building index found at the start is the leftover of a copy that died mid-rebuild.
 */
@ApplicationScoped
public class Reindexer {

    private static final Logger LOG = Logger.getLogger(Reindexer.class);
    private static final int BATCH = 500;
    /** Bulk requests under way at once while the next batch is read. */
    private static final int IN_FLIGHT = 2;

    @Inject
    LeaderIndex index;

    @Inject
    LeaderService leaders;

    @Inject
    LeaderDocuments documents;

    @Inject
    IndexWriter writer;

    @Inject
    IndexReconciler reconciler;

    @Inject
    SearchOutbox outbox;

    @Inject
    ElasticsearchClient client;

    public record Report(String previousIndex, String index, long documents, long millis, double documentsPerSecond,
            IndexReconciler.Report check, Instant finishedAt) {
    }

    /** Only while this job holds the lock (the job row of {@link ReindexJob}): progress and errors go to the job. */
    Report reindex(Progress progress) throws IOException {
        var previous = index.currentLiveIndex().orElseThrow(ReindexJob::notSetUp);
        var leftover = index.indexBehind(index.buildingAlias());
        if (leftover.isPresent()) {
            LOG.warnf("Dropping %s: the leftover of a rebuild whose service copy stopped before it finished", leftover.get());
            index.dropBuilding(leftover.get());
        }
        for (var replaced : index.replacedIndices(previous)) {
            LOG.warnf("Deleting %s: an earlier rebuild replaced it but could not delete it", replaced);
            index.deleteReplaced(replaced);
        }
        var next = index.nextIndexName();
        long started = System.nanoTime();
        progress.phase("creating index");
        index.create(next, true);
        boolean live = false;
        try {
            index.markBuilding(next);
            LOG.infof("Rebuilding search index: %s beside live %s", next, previous);
            // every copy notices the building alias within a second and writes to both from then on;
            // a change indexed only to the old index before that is caught by the checks below
            progress.phase("loading documents");
            progress.total(leaders.count());
            long count = bulkLoad(next, progress);
            progress.phase("checking");
            index.finishBulkLoad(next);
            var check = reconciler.compare(next);
            if (!check.inStep()) {
                // changes that raced the bulk load: write their current state to the new index now
                writeCurrent(next, check.revisionsToFix().keySet().stream().toList(), check);
                check = reconciler.compare(next);
            }
            progress.checkStopped();
            progress.phase("swapping");
            index.pointAliasAt(previous, next);
            live = true;
            index.deleteReplaced(previous);
            long millis = Math.max(1, (System.nanoTime() - started) / 1_000_000);
            catchStragglers();
            var report = new Report(previous, next, count, millis, count * 1000.0 / millis, check, Instant.now());
            progress.phase("done");
            LOG.infof("Search index rebuilt: %s is live with %d leaders in %d ms (%.0f/s); %s dropped", next, count, millis,
                    report.documentsPerSecond(), previous);
            return report;
        } catch (IOException | RuntimeException e) {
            if (live) {
                // the alias already points at the new index: dropping it now would leave no index at all
                LOG.errorf(e, "Rebuild of %s failed after it went live; %s stays live", next, next);
            } else {
                LOG.errorf(e, "Rebuild of %s failed; %s stays live", next, previous);
                index.dropBuilding(next);
            }
            throw e;
        }
    }

    /**
     * Reads leaders in id order and bulk-writes them, with up to {@link #IN_FLIGHT} bulk requests
     * under way while the next batch is read: Elasticsearch never waits for the service to read
     * or serialise.
     */
    private long bulkLoad(String target, Progress progress) throws IOException {
        ExecutorService bulkThreads = Executors.newFixedThreadPool(IN_FLIGHT, r -> new Thread(r, "reindex-bulk"));
        var inFlight = new ArrayDeque<Future<?>>();
        try {
            long count = 0;
            long after = 0;
            while (true) {
                progress.checkStopped();
                var ids = leaders.revisionsAfter(after, BATCH).stream().map(r -> r.id()).toList();
                if (ids.isEmpty()) {
                    break;
                }
                after = ids.get(ids.size() - 1);
                var docs = buildable(ids, new HashSet<>(), progress);
                if (inFlight.size() == IN_FLIGHT) {
                    await(inFlight.removeFirst());
                }
                var puts = docs.stream().map(IndexWriter.Put::new).toList();
                var what = "the bulk request of leaders " + ids.get(0) + " to " + after;
                inFlight.addLast(bulkThreads.submit(() -> {
                    // a document Elasticsearch refuses is left out and named, as one that cannot be built is: one leader's
                    // bad value must not stop every rebuild (the outbox parks the same document)
                    BulkRetry.send(what, () -> writer.write(List.of(target), puts)).forEach((id, reason) -> {
                        LOG.errorf("Rebuild leaves out leader %d, whose document Elasticsearch refused: %s", id, reason);
                        progress.error("leader " + id + " left out: Elasticsearch refused its document (" + reason + ")");
                    });
                    progress.advance(docs.size());
                    return null;
                }));
                count += docs.size();
            }
            while (!inFlight.isEmpty()) {
                await(inFlight.removeFirst());
            }
            return count;
        } finally {
            bulkThreads.shutdownNow();
        }
    }

    /**
     * After the swap, in the background: a change a copy wrote only to the old index (before it
     * noticed the rebuild) is found by comparing the new index with the database, and queued.
     */
    private void catchStragglers() {
        CompletableFuture.runAsync(() -> {
            try {
                var after = reconciler.compare(index.alias());
                outbox.enqueue(after.revisionsToFix());
                if (!after.inStep()) {
                    LOG.infof("After the rebuild, %d leaders differed from the database; queued for indexing", after.revisionsToFix().size());
                }
            } catch (IOException | RuntimeException e) {
                LOG.warnf("Check after the rebuild did not run (%s); POST /api/admin/search/check/fix repairs any difference", e.getMessage());
            }
        });
    }

    private void writeCurrent(String target, List<Long> ids, IndexReconciler.Report check) throws IOException {
        var unbuildable = new HashSet<Long>();
        // a leader left out here was left out of the load too, and is in the job's errors already
        var docs = buildable(ids, unbuildable, null);
        var changes = new ArrayList<IndexWriter.Change>();
        docs.forEach(doc -> changes.add(new IndexWriter.Put(doc)));
        var present = docs.stream().map(LeaderDocument::id).collect(Collectors.toSet());
        ids.stream().filter(id -> !present.contains(id) && !unbuildable.contains(id))
                .forEach(id -> changes.add(new IndexWriter.Remove(id, check.revisionsToFix().get(id))));
        BulkRetry.send("the bulk request of the leaders changed during the load", () -> writer.write(List.of(target), changes));
        client.indices().refresh(r -> r.index(target));
    }

    /**
     * The documents of those leaders that can be built: one leader whose document cannot be built
     * (the outbox parks it) is left out and named in the log and the job's errors, rather than failing
     * the whole rebuild.
     */
    private List<LeaderDocument> buildable(List<Long> ids, Set<Long> unbuildable, Progress progress) {
        try {
            return documents.load(ids);
        } catch (RuntimeException e) {
            if (!IndexBatch.batchAtFault(e)) {
                throw e;
            }
            if (ids.size() == 1) {
                LOG.errorf("Rebuild leaves out leader %d, whose document cannot be built: %s", ids.get(0), e);
                if (progress != null) {
                    progress.error("leader " + ids.get(0) + " left out: its document cannot be built (" + e + ")");
                }
                unbuildable.add(ids.get(0));
                return List.of();
            }
            int half = ids.size() / 2;
            var docs = new ArrayList<>(buildable(ids.subList(0, half), unbuildable, progress));
            docs.addAll(buildable(ids.subList(half, ids.size()), unbuildable, progress));
            return docs;
        }
    }

    private static void await(Future<?> future) throws IOException {
        if (future == null) {
            return;
        }
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }
}
