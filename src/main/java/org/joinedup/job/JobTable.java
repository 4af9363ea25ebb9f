package org.joinedup.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.joinedup.platform.Page;
import org.joinedup.platform.PageRequest;

/**
 * The job table. Every change is one short statement in its own transaction, guarded by the runner's
 * name and the state, so a copy can only write to a job it still holds; times come from PostgreSQL's
 * clock, so copies whose clocks differ agree on whose lease ran out.
 */
@ApplicationScoped
class JobTable {

    private static final String COLUMNS = """
            id, kind, state, phase, unit, done, total, rate, errors::text, error_count, failure, started_by, runner,
            created_at, started_at, finished_at, heartbeat_at, result::text""";
    private static final String UNFINISHED = "state in ('queued', 'running')";

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    /** A new job, queued, unless one of its kind is unfinished (in any copy): then empty. */
    @Transactional(TxType.REQUIRES_NEW)
    Optional<Long> insertUnlessUnfinished(String kind, String unit, String startedBy, String runner) {
        var ids = em.createNativeQuery("insert into job (kind, unit, started_by, runner) values (:kind, :unit, :by, :runner)"
                + " on conflict (kind) where " + UNFINISHED + " do nothing returning id")
                .setParameter("kind", kind).setParameter("unit", unit).setParameter("by", startedBy).setParameter("runner", runner)
                .getResultList();
        return ids.stream().findFirst().map(id -> ((Number) id).longValue());
    }

    @Transactional(TxType.REQUIRES_NEW)
    boolean markRunning(long id, String runner) {
        return em.createNativeQuery("""
                update job set state = 'running', started_at = now(), heartbeat_at = now()
                 where id = :id and runner = :runner and state = 'queued'""")
                .setParameter("id", id).setParameter("runner", runner).executeUpdate() == 1;
    }

    /** Writes progress and renews the lease; false if the job is no longer this runner's to write (its lease ran out). */
    @Transactional(TxType.REQUIRES_NEW)
    boolean saveProgress(long id, String runner, Progress.Snapshot progress) {
        return em.createNativeQuery("""
                update job set phase = :phase, done = :done, total = :total, rate = :rate, errors = cast(:errors as jsonb),
                               error_count = :errorCount, heartbeat_at = now()
                 where id = :id and runner = :runner""" + " and " + UNFINISHED)
                .setParameter("id", id).setParameter("runner", runner).setParameter("phase", progress.phase())
                .setParameter("done", progress.done()).setParameter("total", progress.total()).setParameter("rate", progress.rate())
                .setParameter("errors", text(progress.errors())).setParameter("errorCount", progress.errorCount())
                .executeUpdate() == 1;
    }

    /** The job's end: succeeded with its result, or failed with the reason. False if it was no longer this runner's. */
    @Transactional(TxType.REQUIRES_NEW)
    boolean finish(long id, String runner, Progress.Snapshot progress, JobState state, String failure, Object result) {
        return em.createNativeQuery("""
                update job set state = :state, phase = :phase, done = :done, total = :total, rate = :rate,
                               errors = cast(:errors as jsonb), error_count = :errorCount, failure = left(:failure, 2000),
                               result = cast(:result as jsonb), finished_at = now(), heartbeat_at = now()
                 where id = :id and runner = :runner""" + " and " + UNFINISHED)
                .setParameter("id", id).setParameter("runner", runner).setParameter("state", state.code())
                .setParameter("phase", progress.phase()).setParameter("done", progress.done()).setParameter("total", progress.total())
                .setParameter("rate", progress.rate()).setParameter("errors", text(progress.errors()))
                .setParameter("errorCount", progress.errorCount()).setParameter("failure", failure)
                .setParameter("result", result == null ? null : text(result))
                .executeUpdate() == 1;
    }

    /** Marks failed every unfinished job whose runner has not written for {@code lease}: its copy died or lost PostgreSQL. */
    @Transactional(TxType.REQUIRES_NEW)
    int expireAbandoned(Duration lease) {
        return em.createNativeQuery("""
                update job set state = 'failed', finished_at = now(),
                               failure = 'its service copy (' || runner || ') stopped writing progress: no heartbeat for over '
                                         || :seconds || ' s, so it is taken to have died mid-run'
                 where""" + " " + UNFINISHED + " and heartbeat_at < now() - make_interval(secs => :seconds)")
                .setParameter("seconds", lease.toSeconds()).executeUpdate();
    }

    /** Deletes the jobs that finished before {@code cutoff}; unfinished ones stay whatever their age. */
    @Transactional(TxType.REQUIRES_NEW)
    int deleteFinishedBefore(Instant cutoff) {
        return em.createNativeQuery("delete from job where finished_at < :cutoff and not (" + UNFINISHED + ")")
                .setParameter("cutoff", cutoff).executeUpdate();
    }

    @Transactional(TxType.REQUIRES_NEW)
    Optional<JobView> find(long id) {
        List<?> rows = em.createNativeQuery("select " + COLUMNS + " from job where id = :id").setParameter("id", id).getResultList();
        return rows.stream().findFirst().map(row -> view((Object[]) row));
    }

    @Transactional(TxType.REQUIRES_NEW)
    Optional<JobView> unfinished(String kind) {
        List<?> rows = em.createNativeQuery("select " + COLUMNS + " from job where kind = :kind and " + UNFINISHED)
                .setParameter("kind", kind).getResultList();
        return rows.stream().findFirst().map(row -> view((Object[]) row));
    }

    /** Newest first; every kind when {@code kind} is null. */
    @Transactional(TxType.REQUIRES_NEW)
    Page<JobView> list(String kind, PageRequest paging) {
        var where = kind == null ? "" : " where kind = :kind";
        var select = em.createNativeQuery("select " + COLUMNS + " from job" + where + " order by id desc limit :limit offset :offset")
                .setParameter("limit", paging.size()).setParameter("offset", paging.page() * paging.size());
        var count = em.createNativeQuery("select count(*) from job" + where);
        if (kind != null) {
            select.setParameter("kind", kind);
            count.setParameter("kind", kind);
        }
        List<?> rows = select.getResultList();
        return Page.of(rows.stream().map(row -> view((Object[]) row)).toList(), paging, ((Number) count.getSingleResult()).longValue());
    }

    private JobView view(Object[] r) {
        var state = (String) r[2];
        long done = ((Number) r[5]).longValue();
        Long total = r[6] == null ? null : ((Number) r[6]).longValue();
        Double rate = r[7] == null ? null : ((Number) r[7]).doubleValue();
        Integer percent = total == null || total == 0 ? null : (int) Math.min(100, done * 100 / total);
        Long secondsLeft = JobState.RUNNING.code().equals(state) && total != null && rate != null && rate > 0
                ? (long) Math.ceil(Math.max(0, total - done) / rate) : null;
        List<String> errors = json.convertValue(tree((String) r[8]), json.getTypeFactory().constructCollectionType(List.class, String.class));
        return new JobView(((Number) r[0]).longValue(), (String) r[1], state, (String) r[3], (String) r[4], done, total, percent, rate,
                secondsLeft, errors, ((Number) r[9]).intValue(), (String) r[10], (String) r[11], (String) r[12], instant(r[13]),
                instant(r[14]), instant(r[15]), instant(r[16]), r[17] == null ? null : tree((String) r[17]));
    }

    private JsonNode tree(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String text(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a job's errors and result must be plain data: " + e.getMessage(), e);
        }
    }

    /** Hibernate maps timestamptz to Instant or OffsetDateTime depending on version and settings. */
    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime odt ? odt.toInstant() : (Instant) value;
    }
}
