package org.joinedup.recognition;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The published rounds that selected a leader (round_result.selected of a round with published_at),
 * newest first: for profiles and for the search index. Whoever asks; callers cut them to their
 * audience ({@link Recognition#shownTo}).
 */
@ApplicationScoped
public class Recognitions {

    /** The year of a recognition is the year its round was published, as people in England count it. */
    static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static final String SELECTED = "select r.nominee_leader_id, n.id, n.name, n.published_at, r.position, r.ranked, n.list_visibility"
            + " from round_result r join nomination_round n on n.id = r.round_id"
            + " where r.selected and n.published_at is not null and r.nominee_leader_id = any(:ids)"
            + " order by n.published_at desc, n.id desc";

    @Inject
    EntityManager entityManager;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Recognition> of(long leaderId) {
        return ofLeaders(List.of(leaderId)).getOrDefault(leaderId, List.of());
    }

    /** By leader, for a batch (the indexer's); leaders with none are left out. */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public Map<Long, List<Recognition>> ofLeaders(Collection<Long> leaderIds) {
        var byLeader = new LinkedHashMap<Long, List<Recognition>>();
        if (leaderIds.isEmpty()) {
            return byLeader;
        }
        List<Object[]> rows = entityManager.createNativeQuery(SELECTED)
                .setParameter("ids", leaderIds.stream().distinct().toArray(Long[]::new))
                .getResultList();
        for (var row : rows) {
            var published = instant(row[3]);
            var recognition = new Recognition(((Number) row[1]).longValue(), (String) row[2], published.atZone(LONDON).getYear(),
                    ((Number) row[4]).intValue(), (Boolean) row[5], (String) row[6]);
            byLeader.computeIfAbsent(((Number) row[0]).longValue(), id -> new ArrayList<>()).add(recognition);
        }
        return byLeader;
    }

    /** A timestamptz as the driver hands it back (the type depends on the Hibernate and driver versions). */
    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        return value instanceof Timestamp ts ? ts.toInstant() : (Instant) value;
    }

    /** Everyone a round's list names (selected or not): whose recognitions its publication changes. */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public List<Long> nominees(long roundId) {
        List<Number> ids = entityManager.createNativeQuery(
                "select nominee_leader_id from round_result where round_id = :round and nominee_leader_id is not null")
                .setParameter("round", roundId).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }
}
