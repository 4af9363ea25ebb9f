package org.joinedup.shortlist;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.jboss.logging.Logger;
import org.joinedup.leader.LeaderRemoved;
import org.joinedup.security.AuditTrail;

/**
 * Erasure reaches shortlists: an erased (or removed) leader leaves every list, in the deleting
 * transaction, and the audit entries about their places on lists, past ones too, lose their notes.
 * The foreign key's cascade would take the rows anyway; this also redacts the trail.
 */
@ApplicationScoped
public class ShortlistErasure {

    private static final Logger LOG = Logger.getLogger(ShortlistErasure.class);

    @Inject
    EntityManager em;

    @Inject
    AuditTrail audit;

    void onLeaderRemoved(@Observes @Priority(Interceptor.Priority.APPLICATION) LeaderRemoved removed) {
        int gone = em.createNativeQuery("delete from shortlist_entry where leader_id = :leader")
                .setParameter("leader", removed.leaderId()).executeUpdate();
        // also the trail of lists they were on once and left since
        audit.redactAbout(ShortlistService.AUDITED_ENTRY, List.of(removed.leaderId()));
        LOG.debugf("Removal of leader %d: off %d shortlists", removed.leaderId(), gone);
    }
}
