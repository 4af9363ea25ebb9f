package org.joinedup.importing;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.joinedup.integration.IntegrationRecord;
import org.joinedup.leader.Leader;
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
        int leadersKept;
        final IntegrationRecordService.Counts records = new IntegrationRecordService.Counts();
        int leadersDone;
        int rowsDone;
        final List<Long> written = new ArrayList<>();

        ImportCounts leaders() {
            return new ImportCounts(leadersCreated, leadersUpdated, leadersUnchanged, leadersKept);
        }

        ImportCounts recordCounts() {
            return new ImportCounts(records.created, records.updated, records.unchanged, records.keptByLeader);
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

    @Inject
    EntityManager em;

    @Inject
    NewRowsWriter newRows;

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

    /**
     * One batch: leaders and records already in the registry (by external id) through the services'
     * import methods, as before; new ones checked and filled by the services and written as
     * batched plain inserts ({@link NewRowsWriter}), with an audit entry each; then one search-outbox
     * row per leader changed or created.
     */
    private int writeBatch(List<ImportPlan.PlannedLeader> batch, String fileName, String actor, Tally tally) {
        var known = leaders.idsByExternalId(batch.stream().map(ImportPlan.PlannedLeader::externalId).toList());
        var recordIds = batch.stream().flatMap(l -> l.records().stream()).map(ImportPlan.PlannedRecord::externalId).toList();
        var knownRecords = new HashMap<String, Long>();
        for (int i = 0; i < recordIds.size(); i += 1000) {
            // a leader may have many records: a bounded list per query
            knownRecords.putAll(records.idsByExternalId(recordIds.subList(i, Math.min(recordIds.size(), i + 1000))));
        }
        var existing = batch.stream().filter(l -> known.containsKey(l.externalId())).toList();
        var fresh = batch.stream().filter(l -> !known.containsKey(l.externalId())).toList();

        var ids = new HashMap<String, Long>(known);
        var changed = new HashSet<Long>();
        for (var result : leaders.importLeaders(existing.stream().map(l -> new LeaderService.ImportedLeader(l.externalId(), l.input())).toList(), actor)) {
            if (result.kept()) {
                tally.leadersKept++;
            } else if (result.changed()) {
                tally.leadersUpdated++;
                changed.add(result.id());
            } else {
                tally.leadersUnchanged++;
            }
        }

        // new leaders: ids from their sequence, timestamps as Hibernate would set them
        var now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        var newLeaders = new ArrayList<Leader>();
        for (var leader : fresh) {
            newLeaders.add(leaders.prepareImported(new LeaderService.ImportedLeader(leader.externalId(), leader.input())));
        }
        var leaderIds = newRows.ids("leader_seq", newLeaders.size());
        for (int i = 0; i < newLeaders.size(); i++) {
            var leader = newLeaders.get(i);
            leader.id = leaderIds.get(i);
            leader.createdAt = now;
            leader.updatedAt = now;
            ids.put(leader.externalId, leader.id);
            changed.add(leader.id);
        }
        tally.leadersCreated += newLeaders.size();

        // records: those in the registry through the service (a changed one updates, one of another leader is refused), new ones inserted
        var toService = new ArrayList<IntegrationRecordService.ImportedRecord>();
        var newRecords = new ArrayList<IntegrationRecord>();
        int rows = 0;
        for (var leader : batch) {
            rows += Math.max(1, leader.records().size());
            for (var record : leader.records()) {
                var item = new IntegrationRecordService.ImportedRecord(record.externalId(), ids.get(leader.externalId()), record.input());
                if (knownRecords.containsKey(record.externalId())) {
                    toService.add(item);
                } else {
                    newRecords.add(records.prepareImported(item, fileName));
                }
            }
        }
        changed.addAll(records.importRecords(toService, fileName, actor, tally.records));
        var newRecordIds = newRows.ids("record_seq", newRecords.size());
        for (int i = 0; i < newRecords.size(); i++) {
            var record = newRecords.get(i);
            record.id = newRecordIds.get(i);
            record.createdAt = now;
            record.updatedAt = now;
            changed.add(record.leaderId);
        }
        tally.records.created += newRecords.size();

        var audit = new ArrayList<NewRowsWriter.Created>();
        newLeaders.forEach(l -> audit.add(new NewRowsWriter.Created("leader", l.id, leaders.auditView(l))));
        newRecords.forEach(r -> audit.add(new NewRowsWriter.Created("record", r.id, records.auditView(r))));
        // Write what the services changed and let go of their entities: every search-outbox row that
        // markChanged queues is a native statement, and Hibernate flushes (dirty-checks every managed
        // entity) before each one; with a batch's entities still managed that alone was a third of an
        // import's time. The caller (a job batch, or the demo load) holds no entity across this call.
        em.flush();
        em.clear();
        newRows.insert(newLeaders, newRecords, audit, actor);
        leaders.markChanged(changed);
        for (var leader : batch) {
            tally.written.add(ids.get(leader.externalId()));
        }
        return rows;
    }
}
