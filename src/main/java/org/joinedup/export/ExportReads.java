package org.joinedup.export;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.joinedup.integration.IntegrationRecordService;
import org.joinedup.integration.RecordView;
import org.joinedup.leader.LeaderService;
import org.joinedup.leader.LeaderState;
import org.joinedup.leader.LeaderView;

/**
 * Reads one chunk of an export from PostgreSQL: the leaders and their published work (their own
 * records and those they confirmed they led together with another leader, in their own role), through
 * their features' services. Each chunk is its own short read-only transaction, so the persistence
 * context (and the memory it holds) goes with it and no transaction stays open while rows are written.
 */
@ApplicationScoped
class ExportReads {

    @Inject
    LeaderService leaders;

    @Inject
    IntegrationRecordService records;

    @Inject
    Session session;

    record Chunk(Map<Long, LeaderView> leaders, Map<Long, List<RecordView>> records) {
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    Chunk read(Collection<Long> leaderIds) {
        session.setDefaultReadOnly(true);
        var found = leaders.states(leaderIds).stream().map(LeaderState::leader)
                .collect(Collectors.toMap(LeaderView::id, Function.identity()));
        return new Chunk(found, records.workOfLeaders(found.keySet()));
    }
}
