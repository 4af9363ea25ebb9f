package org.joinedup.search.index;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.joinedup.leader.LeaderChanged;

/**
 * The search_outbox table: "leader X changed" rows written in the transaction of the change and
 * drained by the {@link Indexer}. Rows are claimed with FOR UPDATE SKIP LOCKED and a lease in one
 * short transaction, so several service copies share the work and none holds a lock while it
 * talks to Elasticsearch.
 */
@ApplicationScoped
public class SearchOutbox {

    /** One claimed row. */
    public record Entry(long id, long leaderId, long revision, int attempts) {
    }

    public record Stats(long pending, long parked, Duration oldestPendingAge) {
    }

    public record ParkedEntry(long id, long leaderId, long revision, int attempts, Instant createdAt, String lastError) {
    }

    @Inject
    EntityManager em;

    /** Queues a leader in the caller's transaction: the row commits or rolls back with the change. */
    @Transactional(TxType.MANDATORY)
    public void add(long leaderId, long revision) {
        em.createNativeQuery("insert into search_outbox (leader_id, revision) values (:leader, :revision)")
                .setParameter("leader", leaderId).setParameter("revision", revision).executeUpdate();
    }

    /** {@link #add} for many leaders in one statement (a batch of the bulk import). */
    @Transactional(TxType.MANDATORY)
    public void addAll(List<LeaderChanged> changes) {
        if (changes.isEmpty()) {
            return;
        }
        em.createNativeQuery("insert into search_outbox (leader_id, revision) select * from unnest(cast(:leaders as bigint[]), cast(:revisions as bigint[]))")
                .setParameter("leaders", changes.stream().map(c -> c.leaderId()).toArray(Long[]::new))
                .setParameter("revisions", changes.stream().map(c -> c.revision()).toArray(Long[]::new))
                .executeUpdate();
    }

    /** Claims up to {@code limit} due rows, oldest first, for {@code lease}; other copies skip them meanwhile. */
    @Transactional(TxType.REQUIRES_NEW)
    @SuppressWarnings("unchecked")
    public List<Entry> claim(int limit, Duration lease) {
        List<Object[]> rows = em.createNativeQuery("""
                update search_outbox set claimed_until = now() + make_interval(secs => :lease)
                 where id in (select id from search_outbox
                               where not parked and next_attempt_at <= now()
                                 and (claimed_until is null or claimed_until < now())
                               order by id limit :limit
                               for update skip locked)
                returning id, leader_id, revision, attempts""")
                .setParameter("lease", lease.toSeconds()).setParameter("limit", limit)
                .getResultList();
        return rows.stream()
                .map(r -> new Entry(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), ((Number) r[2]).longValue(),
                        ((Number) r[3]).intValue()))
                .sorted((a, b) -> Long.compare(a.id(), b.id()))
                .toList();
    }

    /** Hands rows this copy claimed back to every copy at once (on a graceful stop), instead of after the lease. */
    @Transactional(TxType.REQUIRES_NEW)
    public int release(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return em.createNativeQuery("update search_outbox set claimed_until = null where id in (:ids) and claimed_until is not null")
                .setParameter("ids", ids).executeUpdate();
    }

    /** Elasticsearch acknowledged these rows: they are done. Returns how many were still there. */
    @Transactional(TxType.REQUIRES_NEW)
    public int complete(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return em.createNativeQuery("delete from search_outbox where id = any(:ids)").setParameter("ids", ids.toArray(Long[]::new))
                .executeUpdate();
    }

    /**
     * These rows failed: retry after an exponential backoff (1 s, 2 s, 4 s ... up to 5 min), or park
     * them after {@code maxAttempts}. A failure of Elasticsearch as a whole is not counted against
     * the rows ({@code countAttempt} false): the backlog just waits for it to return.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public void fail(Collection<Long> ids, String error, boolean countAttempt, int maxAttempts) {
        if (ids.isEmpty()) {
            return;
        }
        em.createNativeQuery("""
                update search_outbox
                   set attempts = attempts + :step,
                       parked = attempts + :step >= :max,
                       next_attempt_at = now() + make_interval(secs => least(300, power(2, attempts)::int)),
                       claimed_until = null,
                       last_error = left(:error, 1000)
                 where id = any(:ids)""")
                .setParameter("step", countAttempt ? 1 : 0).setParameter("max", maxAttempts)
                .setParameter("error", error).setParameter("ids", ids.toArray(Long[]::new))
                .executeUpdate();
    }

    /** These rows fail whatever is retried (a leader whose document cannot be built): parked with the error, for an admin. */
    @Transactional(TxType.REQUIRES_NEW)
    public void park(Collection<Long> ids, String error) {
        if (ids.isEmpty()) {
            return;
        }
        em.createNativeQuery("""
                update search_outbox set attempts = attempts + 1, parked = true, claimed_until = null, last_error = left(:error, 1000)
                 where id = any(:ids)""")
                .setParameter("error", error).setParameter("ids", ids.toArray(Long[]::new)).executeUpdate();
    }

    @Transactional(TxType.REQUIRES_NEW)
    public Stats stats() {
        Object[] row = (Object[]) em.createNativeQuery("""
                select count(*) filter (where not parked), count(*) filter (where parked),
                       min(created_at) filter (where not parked)
                  from search_outbox""").getSingleResult();
        var oldest = instant(row[2]);
        var age = oldest == null ? Duration.ZERO : Duration.between(oldest, Instant.now());
        return new Stats(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), age.isNegative() ? Duration.ZERO : age);
    }

    @Transactional(TxType.REQUIRES_NEW)
    @SuppressWarnings("unchecked")
    public List<ParkedEntry> parked(int limit) {
        List<Object[]> rows = em.createNativeQuery("""
                select id, leader_id, revision, attempts, created_at, last_error
                  from search_outbox where parked order by id limit :limit""")
                .setParameter("limit", limit).getResultList();
        return rows.stream().map(r -> new ParkedEntry(((Number) r[0]).longValue(), ((Number) r[1]).longValue(),
                ((Number) r[2]).longValue(), ((Number) r[3]).intValue(), instant(r[4]), (String) r[5]))
                .toList();
    }

    /** Hibernate maps timestamptz to Instant or OffsetDateTime depending on version and settings. */
    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime odt ? odt.toInstant() : (Instant) value;
    }

    /** Puts every parked row back in the queue; returns how many. */
    @Transactional(TxType.REQUIRES_NEW)
    public int replayParked() {
        return em.createNativeQuery("""
                update search_outbox set parked = false, attempts = 0, next_attempt_at = now(), claimed_until = null
                 where parked""").executeUpdate();
    }

    /**
     * Queues leaders found out of step with the index (by reconciliation), outside any change. The
     * revision matters only for a leader no longer in the database: its document is deleted with it.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public void enqueue(Map<Long, Long> revisionsByLeader) {
        revisionsByLeader.forEach((leaderId, revision) -> em
                .createNativeQuery("insert into search_outbox (leader_id, revision) values (:leader, :revision)")
                .setParameter("leader", leaderId).setParameter("revision", revision).executeUpdate());
    }
}
