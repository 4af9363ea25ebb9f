package org.joinedup.importing;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import org.joinedup.integration.IntegrationRecordService;
import org.joinedup.leader.LeaderService;

/**
 * Writes a checked plan through the leader and record services, a batch of leaders (with their
 * records) per transaction, marking each changed leader once per batch so search indexes it once.
 * A dry run goes through the same steps and rolls each batch back: its counts are exactly what the
 * import would do.
 */
@ApplicationScoped
class ImportWriter {

    /** Counts as they grow, batch by batch. */
    static final class Tally {
        int leadersCreated;
        int leadersUpdated;
        int leadersUnchanged;
        final IntegrationRecordService.Counts records = new IntegrationRecordService.Counts();
        int leadersDone;
        int rowsDone;
        final List<Long> written = new ArrayList<>();

        ImportCounts leaders() {
            return new ImportCounts(leadersCreated, leadersUpdated, leadersUnchanged);
        }

        ImportCounts recordCounts() {
            return new ImportCounts(records.created, records.updated, records.unchanged);
        }
    }

    /** Told after each batch, with the rows it covered. */
    interface Step {
        void done(int rows);
    }

    @Inject
    LeaderService leaders;

    @Inject
    IntegrationRecordService records;

    @Inject
    ImportConfig config;

    Tally write(ImportPlan plan, String actor, boolean rollBack, Step step) {
        return write(plan, actor, rollBack, false, step);
    }

    /**
     * {@code joined}: every batch in the caller's transaction (the demo data at start, all or nothing);
     * otherwise a transaction per batch.
     */
    Tally write(ImportPlan plan, String actor, boolean rollBack, boolean joined, Step step) {
        var tally = new Tally();
        var all = plan.leaders();
        for (int from = 0; from < all.size(); from += config.batchSize()) {
            var batch = all.subList(from, Math.min(all.size(), from + config.batchSize()));
            if (joined) {
                int rows = writeBatch(batch, plan.fileName(), actor, tally);
                tally.leadersDone += batch.size();
                tally.rowsDone += rows;
                step.done(rows);
                continue;
            }
            int rows;
            if (rollBack) {
                // a rehearsal: written, counted, rolled back
                QuarkusTransaction.begin(QuarkusTransaction.beginOptions().timeout(300));
                try {
                    rows = writeBatch(batch, plan.fileName(), actor, tally);
                } finally {
                    QuarkusTransaction.rollback();
                }
            } else {
                rows = QuarkusTransaction.requiringNew().timeout(300).call(() -> writeBatch(batch, plan.fileName(), actor, tally));
            }
            tally.leadersDone += batch.size();
            tally.rowsDone += rows;
            step.done(rows);
        }
        return tally;
    }

    private int writeBatch(List<ImportPlan.PlannedLeader> batch, String fileName, String actor, Tally tally) {
        var results = leaders.importLeaders(batch.stream().map(l -> new LeaderService.ImportedLeader(l.externalId(), l.input())).toList(), actor);
        var ids = new HashMap<String, Long>();
        var changed = new HashSet<Long>();
        for (var result : results) {
            ids.put(result.externalId(), result.id());
            tally.written.add(result.id());
            if (result.created()) {
                tally.leadersCreated++;
            } else if (result.changed()) {
                tally.leadersUpdated++;
            } else {
                tally.leadersUnchanged++;
            }
            if (result.changed()) {
                changed.add(result.id());
            }
        }
        var items = new ArrayList<IntegrationRecordService.ImportedRecord>();
        int rows = 0;
        for (var leader : batch) {
            rows += Math.max(1, leader.records().size());
            for (var record : leader.records()) {
                items.add(new IntegrationRecordService.ImportedRecord(record.externalId(), ids.get(leader.externalId()), record.input()));
            }
        }
        changed.addAll(records.importRecords(items, fileName, actor, tally.records));
        leaders.markChanged(changed);
        return rows;
    }
}
