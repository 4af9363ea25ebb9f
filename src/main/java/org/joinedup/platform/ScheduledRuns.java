package org.joinedup.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Duration;

/**
 * Lets a job scheduled in every service copy run in one: the copy that claims the job's row in
 * table scheduled_run runs it, and the others find it claimed until {@code spacing} has passed.
 */
@ApplicationScoped
public class ScheduledRuns {

    @Inject
    EntityManager em;

    /** True if this copy may run {@code job} now: nobody started it within the last {@code spacing}. */
    @Transactional(TxType.REQUIRES_NEW)
    public boolean claim(String job, Duration spacing, String by) {
        return !em.createNativeQuery("""
                insert into scheduled_run (job, started_at, started_by) values (:job, now(), :by)
                on conflict (job) do update set started_at = now(), started_by = :by
                 where scheduled_run.started_at <= now() - make_interval(secs => :spacing)
                returning job""")
                .setParameter("job", job).setParameter("by", by).setParameter("spacing", spacing.toSeconds())
                .getResultList().isEmpty();
    }
}
