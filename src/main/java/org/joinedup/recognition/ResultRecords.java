package org.joinedup.recognition;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.List;

/** A round's stored result (round_result) and its moves (round_adjustment), in SQL. */
@ApplicationScoped
@SuppressWarnings("unchecked")
public class ResultRecords {

    /** One stored place; leaderId null once the person has left the registry. */
    public record Row(int position, Long leaderId, int computedPosition, BigDecimal mean, int judgesCounted, boolean selected, boolean ranked,
            String citation) {

        Row at(int newPosition, int selectCount, int rankCount) {
            return new Row(newPosition, leaderId, computedPosition, mean, judgesCounted, ResultMethod.selected(newPosition, mean, selectCount),
                    ResultMethod.ranked(newPosition, mean, selectCount, rankCount), citation);
        }

        Row citing(String text) {
            return new Row(position, leaderId, computedPosition, mean, judgesCounted, selected, ranked, text);
        }
    }

    @Inject
    EntityManager em;

    List<Row> rows(long roundId) {
        List<Object[]> rows = em.createNativeQuery("""
                select position, nominee_leader_id, computed_position, mean_score, judges_counted, selected, ranked, citation
                  from round_result where round_id = :round order by position""").setParameter("round", roundId).getResultList();
        return rows.stream().map(r -> new Row(((Number) r[0]).intValue(), r[1] == null ? null : ((Number) r[1]).longValue(),
                ((Number) r[2]).intValue(), (BigDecimal) r[3], ((Number) r[4]).intValue(), (Boolean) r[5], (Boolean) r[6], (String) r[7])).toList();
    }

    /** Replaces the round's whole order (positions are the key, so a move rewrites them all). */
    void replace(long roundId, List<Row> rows) {
        em.createNativeQuery("delete from round_result where round_id = :round").setParameter("round", roundId).executeUpdate();
        for (var row : rows) {
            em.createNativeQuery("""
                    insert into round_result (round_id, position, nominee_leader_id, computed_position, mean_score, judges_counted, selected,
                                              ranked, citation)
                    values (:round, :position, :leader, :computed, :mean, :judges, :selected, :ranked, :citation)""")
                    .setParameter("round", roundId).setParameter("position", row.position()).setParameter("leader", row.leaderId())
                    .setParameter("computed", row.computedPosition()).setParameter("mean", row.mean())
                    .setParameter("judges", row.judgesCounted()).setParameter("selected", row.selected()).setParameter("ranked", row.ranked())
                    .setParameter("citation", row.citation()).executeUpdate();
        }
    }

    void adjust(long roundId, Long leaderId, int from, int to, String reason, Long accountId) {
        em.createNativeQuery("""
                insert into round_adjustment (round_id, nominee_leader_id, from_position, to_position, reason, adjusted_by_account_id)
                values (:round, :leader, :from, :to, :reason, :by)""")
                .setParameter("round", roundId).setParameter("leader", leaderId).setParameter("from", from).setParameter("to", to)
                .setParameter("reason", reason).setParameter("by", accountId).executeUpdate();
    }

    List<ResultView.Adjustment> adjustments(long roundId) {
        List<Object[]> rows = em.createNativeQuery("""
                select nominee_leader_id, from_position, to_position, reason, adjusted_by_account_id, adjusted_at
                  from round_adjustment where round_id = :round order by id""").setParameter("round", roundId).getResultList();
        return rows.stream().map(r -> new ResultView.Adjustment(r[0] == null ? null : ((Number) r[0]).longValue(), ((Number) r[1]).intValue(),
                ((Number) r[2]).intValue(), (String) r[3], r[4] == null ? null : ((Number) r[4]).longValue(), JudgingRecords.toInstant(r[5])))
                .toList();
    }
}
