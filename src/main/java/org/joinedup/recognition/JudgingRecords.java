package org.joinedup.recognition;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.joinedup.recognition.ResultMethod.Conflict;

/**
 * The judging tables (round_judge, judge_conflict, judge_score) in SQL: rows are written per judge
 * under a lock on that judge's round_judge row, so one judge's writes never wait on another's and
 * the round's own row (and version) is left alone.
 */
@ApplicationScoped
@SuppressWarnings("unchecked")
public class JudgingRecords {

    /** A judge of a round, with their username (progress shows who) and when they declared conflicts. */
    public record JudgeRow(long accountId, String username, Instant declaredAt) {
    }

    @Inject
    EntityManager em;

    /** Serialises one judge's writes in one round (the same request eight times at once runs one after another). */
    void lockJudge(long roundId, long judge) {
        em.createNativeQuery("select account_id from round_judge where round_id = :round and account_id = :judge for update")
                .setParameter("round", roundId).setParameter("judge", judge).getResultList();
    }

    Instant declaredAt(long roundId, long judge) {
        List<Object> rows = em.createNativeQuery("select conflicts_declared_at from round_judge where round_id = :round and account_id = :judge")
                .setParameter("round", roundId).setParameter("judge", judge).getResultList();
        return rows.isEmpty() || rows.get(0) == null ? null : toInstant(rows.get(0));
    }

    List<JudgeRow> judges(long roundId) {
        List<Object[]> rows = em.createNativeQuery("""
                select j.account_id, a.username, j.conflicts_declared_at from round_judge j join account a on a.id = j.account_id
                 where j.round_id = :round order by j.account_id""").setParameter("round", roundId).getResultList();
        return rows.stream().map(r -> new JudgeRow(((Number) r[0]).longValue(), (String) r[1], r[2] == null ? null : toInstant(r[2]))).toList();
    }

    /** The judge's confirmed conflicts: nominee to reason. */
    Map<Long, String> conflicts(long roundId, long judge) {
        List<Object[]> rows = em.createNativeQuery("""
                select nominee_leader_id, reason from judge_conflict where round_id = :round and judge_account_id = :judge
                 order by nominee_leader_id""").setParameter("round", roundId).setParameter("judge", judge).getResultList();
        var conflicts = new TreeMap<Long, String>();
        rows.forEach(r -> conflicts.put(((Number) r[0]).longValue(), (String) r[1]));
        return conflicts;
    }

    Set<Conflict> allConflicts(long roundId) {
        List<Object[]> rows = em.createNativeQuery("select judge_account_id, nominee_leader_id from judge_conflict where round_id = :round")
                .setParameter("round", roundId).getResultList();
        var conflicts = new HashSet<Conflict>();
        rows.forEach(r -> conflicts.add(new Conflict(((Number) r[0]).longValue(), ((Number) r[1]).longValue())));
        return conflicts;
    }

    /** Replaces the judge's conflicts, drops their scores for the nominees now conflicted, and marks them declared. */
    void replaceConflicts(long roundId, long judge, Map<Long, String> conflicts) {
        em.createNativeQuery("delete from judge_conflict where round_id = :round and judge_account_id = :judge")
                .setParameter("round", roundId).setParameter("judge", judge).executeUpdate();
        conflicts.forEach((leaderId, reason) -> {
            em.createNativeQuery("insert into judge_conflict (round_id, judge_account_id, nominee_leader_id, reason) values (:round, :judge, :leader, :reason)")
                    .setParameter("round", roundId).setParameter("judge", judge).setParameter("leader", leaderId).setParameter("reason", reason)
                    .executeUpdate();
            em.createNativeQuery("delete from judge_score where round_id = :round and judge_account_id = :judge and nominee_leader_id = :leader")
                    .setParameter("round", roundId).setParameter("judge", judge).setParameter("leader", leaderId).executeUpdate();
        });
        em.createNativeQuery("update round_judge set conflicts_declared_at = now() where round_id = :round and account_id = :judge")
                .setParameter("round", roundId).setParameter("judge", judge).executeUpdate();
    }

    Map<String, Integer> sheet(long roundId, long judge, long leaderId) {
        return sheets(roundId, judge).stream().filter(s -> s.leaderId() == leaderId).findFirst().map(SheetView::scores).orElse(Map.of());
    }

    void replaceScores(long roundId, long judge, long leaderId, Map<String, Integer> scores) {
        em.createNativeQuery("delete from judge_score where round_id = :round and judge_account_id = :judge and nominee_leader_id = :leader")
                .setParameter("round", roundId).setParameter("judge", judge).setParameter("leader", leaderId).executeUpdate();
        scores.forEach((code, score) -> em.createNativeQuery("""
                insert into judge_score (round_id, judge_account_id, nominee_leader_id, criterion_code, score)
                values (:round, :judge, :leader, :code, :score)""")
                .setParameter("round", roundId).setParameter("judge", judge).setParameter("leader", leaderId).setParameter("code", code)
                .setParameter("score", score).executeUpdate());
    }

    /** Score sheets in a round, by judge and nominee; only one judge's when judge is not null. */
    List<SheetView> sheets(long roundId, Long judge) {
        List<Object[]> rows = em.createNativeQuery("""
                select judge_account_id, nominee_leader_id, criterion_code, score from judge_score
                 where round_id = :round and (cast(:judge as bigint) is null or judge_account_id = :judge)
                 order by judge_account_id, nominee_leader_id, criterion_code""")
                .setParameter("round", roundId).setParameter("judge", judge).getResultList();
        var sheets = new LinkedHashMap<List<Long>, Map<String, Integer>>();
        rows.forEach(r -> sheets.computeIfAbsent(List.of(((Number) r[0]).longValue(), ((Number) r[1]).longValue()), k -> new TreeMap<>())
                .put((String) r[2], ((Number) r[3]).intValue()));
        var views = new ArrayList<SheetView>();
        sheets.forEach((key, scores) -> views.add(new SheetView(key.get(0), key.get(1), scores)));
        return views;
    }

    static Instant toInstant(Object value) {
        return value instanceof Instant instant ? instant : value instanceof OffsetDateTime odt ? odt.toInstant()
                : ((Timestamp) value).toInstant();
    }
}
