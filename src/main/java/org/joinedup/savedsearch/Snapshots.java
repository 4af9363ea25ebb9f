package org.joinedup.savedsearch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.joinedup.integration.IntegrationRecordService;
import org.joinedup.integration.RecordView;
import org.joinedup.search.Audience;
import org.joinedup.search.MatchingLeaders;
import org.joinedup.search.SearchCriteria;

/** Takes a saved search's snapshot (the search, then its records' versions from their service) and keeps it in saved_search_match. */
@ApplicationScoped
class Snapshots {

    @Inject
    MatchingLeaders matching;

    @Inject
    IntegrationRecordService records;

    @Inject
    SavedSearchConfig config;

    @Inject
    EntityManager em;

    /**
     * What {@code criteria} match now for {@code audience}, up to joinedup.saved-searches.max-matches leaders;
     * a leader's records are their work, as search holds it: their own and those they led together with others.
     */
    Snapshot take(SearchCriteria criteria, Audience audience) {
        var found = matching.find(criteria, audience, config.maxMatches());
        var work = records.workOfLeaders(found.leaders().stream().map(MatchingLeaders.Match::leaderId).toList());
        var leaders = new LinkedHashMap<Long, Snapshot.Leader>();
        for (var match : found.leaders()) {
            Map<Long, RecordView> byId = work.getOrDefault(match.leaderId(), List.of()).stream()
                    .collect(Collectors.toMap(RecordView::id, Function.identity(), (first, same) -> first));
            var states = new TreeMap<Long, Snapshot.RecordState>();
            for (var recordId : match.recordIds()) {
                var record = byId.get(recordId);
                // a record the index still holds but the database no longer has as this leader's published work is not part of what matches
                if (record != null) {
                    states.put(recordId, new Snapshot.RecordState(record.version(), record.verification()));
                }
            }
            leaders.put(match.leaderId(), new Snapshot.Leader(match.leaderId(), match.name(), states));
        }
        return new Snapshot(leaders, found.total());
    }

    /** The fingerprints stored at the last look, by leader id. */
    @Transactional(TxType.MANDATORY)
    Map<Long, String> stored(long savedSearchId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select leader_id, records from saved_search_match where saved_search_id = :id")
                .setParameter("id", savedSearchId).getResultList();
        var stored = new LinkedHashMap<Long, String>();
        rows.forEach(r -> stored.put(((Number) r[0]).longValue(), (String) r[1]));
        return stored;
    }

    /** Replaces the stored snapshot; leaders no longer matching go quietly, and a leader removed meanwhile is left out. */
    @Transactional(TxType.MANDATORY)
    void replace(long savedSearchId, Snapshot snapshot) {
        em.createNativeQuery("delete from saved_search_match where saved_search_id = :id").setParameter("id", savedSearchId).executeUpdate();
        if (snapshot.leaders().isEmpty()) {
            return;
        }
        var leaders = snapshot.leaders().values().stream().map(Snapshot.Leader::id).toArray(Long[]::new);
        var fingerprints = snapshot.leaders().values().stream().map(Snapshot.Leader::fingerprint).toArray(String[]::new);
        em.createNativeQuery("""
                insert into saved_search_match (saved_search_id, leader_id, records)
                select :id, t.leader, t.records from unnest(cast(:leaders as bigint[]), cast(:records as text[])) as t(leader, records)
                 where exists (select 1 from leader l where l.id = t.leader)""")
                .setParameter("id", savedSearchId).setParameter("leaders", leaders).setParameter("records", fingerprints)
                .executeUpdate();
    }
}
