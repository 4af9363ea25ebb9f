package org.joinedup.search.index;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Drains the search outbox into Elasticsearch on one background thread per service copy: claims a
 * batch, reloads those leaders' current state, bulk-writes them with their revision as external
 * version, and deletes the rows Elasticsearch acknowledged. Runs again at once while batches come
 * back full, after every local commit, and on a timer for other copies' rows and retries.
 */
@ApplicationScoped
public class Indexer {

    private static final Logger LOG = Logger.getLogger(Indexer.class);

    @Inject
    SearchOutbox outbox;

    @Inject
    IndexBatch batch;

    @Inject
    IndexerConfig config;

    @Inject
    MeterRegistry registry;

    @Inject
    IndexReconciliation reconciliation;

    private final AtomicBoolean drainQueued = new AtomicBoolean();
    private final AtomicReference<SearchOutbox.Stats> lastStats = new AtomicReference<>(new SearchOutbox.Stats(0, 0, Duration.ZERO));
    private volatile String lastError;
    /** When the indexer thread last finished a drain: the time since is time it stood still. */
    private volatile long lastDrainEnd = System.nanoTime();
    private ScheduledExecutorService thread;
    /** Set on shutdown: the drain in hand stops after its batch instead of taking another. */
    private volatile boolean stopping;
    /** The outbox rows of the batch in hand, to hand back if a stop cannot wait for it. */
    private final AtomicReference<List<Long>> inHand = new AtomicReference<>(List.of());
    private Counter indexed;
    private Counter failed;
    private Counter rowsDone;
    private Counter rowsClaimed;

    void onStart(@Observes StartupEvent start) {
        Gauge.builder("joinedup.outbox.pending", () -> lastStats.get().pending()).description("Outbox rows waiting to be indexed").register(registry);
        Gauge.builder("joinedup.outbox.parked", () -> lastStats.get().parked()).description("Outbox rows parked after repeated failures").register(registry);
        Gauge.builder("joinedup.outbox.oldest.age.seconds", () -> lastStats.get().oldestPendingAge().toMillis() / 1000.0)
                .description("Age of the oldest outbox row waiting to be indexed").register(registry);
        indexed = Counter.builder("joinedup.indexer.changes").tag("outcome", "indexed").register(registry);
        failed = Counter.builder("joinedup.indexer.changes").tag("outcome", "failed").register(registry);
        // outbox rows this copy completed: summed over copies it equals the rows written, if no copy does another's work
        rowsDone = Counter.builder("joinedup.outbox.rows.done").register(registry);
        // rows claimed by this copy: summed over copies it exceeds the rows written only if a row was worked on twice
        rowsClaimed = Counter.builder("joinedup.outbox.rows.claimed").register(registry);
        if (!config.enabled()) {
            LOG.info("Indexer disabled (joinedup.indexer.enabled=false): this copy does not drain the outbox");
            return;
        }
        thread = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "search-indexer"));
        long every = config.pollInterval().toMillis();
        thread.scheduleWithFixedDelay(this::pollAndDrain, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * A graceful stop: the batch in hand is finished and acknowledged (up to joinedup.indexer.stop-grace),
     * no new one is taken, and rows still claimed are handed back at once rather than when their
     * lease runs out, so another copy picks them up without waiting.
     */
    void onStop(@Observes ShutdownEvent stop) {
        if (thread == null) {
            return;
        }
        stopping = true;
        thread.shutdown();
        try {
            if (!thread.awaitTermination(config.stopGrace().toMillis(), TimeUnit.MILLISECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
        var held = inHand.getAndSet(List.of());
        if (!held.isEmpty()) {
            LOG.infof("Stopping: handed back %d outbox rows this copy had claimed", outbox.release(held));
        }
    }

    /** Asks for a drain soon, on the indexer thread; many nudges while one is queued make one drain. */
    public void nudge() {
        if (thread != null && drainQueued.compareAndSet(false, true)) {
            thread.execute(() -> {
                drainQueued.set(false);
                drain();
            });
        }
    }

    public SearchOutbox.Stats stats() {
        return lastStats.get();
    }

    /** The last failure talking to Elasticsearch, or null once a batch succeeds again. */
    public String lastError() {
        return lastError;
    }

    private void pollAndDrain() {
        var stoodStill = Duration.ofNanos(System.nanoTime() - lastDrainEnd);
        refreshStats();
        drain();
        if (stoodStill.compareTo(config.gcDeletes().plus(config.pollInterval())) > 0) {
            resumedAfter(stoodStill);
        }
    }

    /**
     * This copy stood still for longer than Elasticsearch keeps tombstones (a long GC, a frozen VM, a
     * bulk request stuck in the network): what it wrote on waking may have overwritten a delete that
     * Elasticsearch had already forgotten. A reconciliation after that write finds such a leader.
     */
    void resumedAfter(Duration pause) {
        LOG.warnf("Indexer resumed after %d s, longer than gc_deletes (%s): reconciling the index", pause.toSeconds(), config.gcDeletes());
        reconciliation.run("indexer resumed after " + pause.toSeconds() + " s");
    }

    /** Reads the backlog figures afresh (the metrics show the last ones read). */
    public SearchOutbox.Stats refreshStats() {
        try {
            lastStats.set(outbox.stats());
        } catch (RuntimeException e) {
            LOG.warnf("Cannot read the search outbox: %s", e.getMessage());
        }
        return lastStats.get();
    }

    /** Processes batches until one comes back short of full; never throws, so the thread keeps going. */
    void drain() {
        try {
            while (!stopping && drainOneBatch() == config.batchSize()) {
                // a full batch: more may be waiting
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "Indexer batch failed; it will be retried");
        } finally {
            lastDrainEnd = System.nanoTime();
        }
    }

    /** Returns how many rows it claimed, or 0 when Elasticsearch could not be reached (no point going on). */
    int drainOneBatch() {
        var claimed = outbox.claim(config.batchSize(), config.lease());
        if (claimed.isEmpty()) {
            return 0;
        }
        rowsClaimed.increment(claimed.size());
        inHand.set(claimed.stream().map(SearchOutbox.Entry::id).toList());
        try {
            return write(claimed);
        } finally {
            inHand.set(List.of());
        }
    }

    private int write(List<SearchOutbox.Entry> claimed) {
        // the row says only which leader changed; the highest revision matters only for a deletion
        Map<Long, List<Long>> rowsByLeader = new LinkedHashMap<>();
        Map<Long, Long> revisionByLeader = new HashMap<>();
        for (var entry : claimed) {
            rowsByLeader.computeIfAbsent(entry.leaderId(), k -> new ArrayList<>()).add(entry.id());
            revisionByLeader.merge(entry.leaderId(), entry.revision(), Math::max);
        }
        long started = System.nanoTime();
        try {
            var result = batch.write(List.copyOf(rowsByLeader.keySet()), revisionByLeader);
            var failures = result.refused();
            var poisoned = result.poisoned();
            var done = new ArrayList<Long>();
            rowsByLeader.forEach((leaderId, rows) -> {
                if (!failures.containsKey(leaderId) && !poisoned.containsKey(leaderId)) {
                    done.addAll(rows);
                }
            });
            rowsDone.increment(outbox.complete(done));
            indexed.increment(rowsByLeader.size() - failures.size() - poisoned.size());
            if (!failures.isEmpty()) {
                failed.increment(failures.size());
                var failedRows = new ArrayList<Long>();
                failures.keySet().forEach(id -> failedRows.addAll(rowsByLeader.get(id)));
                var sample = failures.entrySet().iterator().next();
                LOG.warnf("Elasticsearch refused %d of %d leaders, e.g. leader %d: %s", failures.size(), rowsByLeader.size(),
                        sample.getKey(), sample.getValue());
                outbox.fail(failedRows, sample.getValue(), true, config.maxAttempts());
            }
            // the same state fails the same way however often it is retried: park it for an admin at once
            poisoned.forEach((leaderId, error) -> {
                failed.increment();
                LOG.errorf("Leader %d cannot be indexed and is parked (replay it once fixed): %s", leaderId, error);
                outbox.park(rowsByLeader.get(leaderId), error);
            });
            lastError = null;
            var took = Duration.ofNanos(System.nanoTime() - started);
            if (took.compareTo(config.gcDeletes()) > 0) {
                resumedAfter(took);
            }
        } catch (IOException | RuntimeException e) {
            // Elasticsearch (or PostgreSQL) not answering: not the rows' fault, and splitting the batch would not help
            var rows = claimed.stream().map(SearchOutbox.Entry::id).toList();
            if (lastError == null) {
                LOG.warnf("Cannot index %d leaders (%s); the outbox keeps them until Elasticsearch answers", rowsByLeader.size(),
                        e.getMessage());
            }
            lastError = String.valueOf(e.getMessage());
            outbox.fail(rows, lastError, false, config.maxAttempts());
            return 0;
        }
        return claimed.size();
    }
}
