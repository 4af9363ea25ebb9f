package org.joinedup.importing;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Invites the leaders of an import (the invite option), once their rows are written. Invitations
 * are another part of issue 18 (InvitationService); until it is wired in here, none is sent and the
 * job's result says so (invitationsQueued 0).
 */
@ApplicationScoped
class ImportInvitations {

    private static final Logger LOG = Logger.getLogger(ImportInvitations.class);

    /** The leaders to invite (each has a contact e-mail); returns how many invitations were queued. */
    int invite(List<Long> leaderIds, String invitedBy) {
        if (!leaderIds.isEmpty()) {
            LOG.warnf("%d imported leaders to invite, but this build has no invitation service: none invited", leaderIds.size());
        }
        return 0;
    }
}
