package org.joinedup.recognition;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Public nominations never confirmed are deleted once no link to confirm them can work any more
 * (each used, replaced or out of date): the address they name is someone's personal data, kept no
 * longer than it may become a nomination. One DELETE, so copies of the service running it at the
 * same time do no harm.
 */
@ApplicationScoped
public class NominationPruning {

    @Inject
    EntityManager em;

    @Scheduled(every = "1h", delayed = "3m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        QuarkusTransaction.requiringNew().run(this::prune);
    }

    /** Deletes them; how many. */
    int prune() {
        return em.createNativeQuery("""
                delete from nomination n
                 where n.nominator_email is not null and n.confirmed_at is null
                   and not exists (select 1 from one_time_link l where l.nomination_id = n.id and l.used_at is null and l.expires_at > now())""")
                .executeUpdate();
    }
}
