package org.joinedup.importing;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import org.jboss.logging.Logger;
import org.joinedup.account.InvitationService;
import org.joinedup.leader.LeaderService;

/**
 * Invites the leaders of an import (the invite option), once their rows are written: each to the
 * e-mail of their row, now their contact address. A leader who cannot be invited (an account
 * already, an address another account has) is logged and left out; the others are invited.
 */
@ApplicationScoped
class ImportInvitations {

    private static final Logger LOG = Logger.getLogger(ImportInvitations.class);

    @Inject
    InvitationService invitations;

    @Inject
    LeaderService leaders;

    /** The leaders to invite (each has a contact e-mail); returns how many invitations were queued. */
    int invite(List<Long> leaderIds, String invitedBy) {
        var addresses = new LinkedHashMap<Long, String>();
        // the job's thread has no transaction of its own
        QuarkusTransaction.requiringNew().run(() -> {
            for (long id : leaderIds) {
                leaders.contact(id).map(c -> c.email()).filter(e -> e != null && !e.isBlank()).ifPresent(e -> addresses.put(id, e));
            }
        });
        var problems = invitations.inviteAll(addresses, invitedBy);
        problems.forEach(p -> LOG.infof("Import invitation not sent: %s", p));
        return addresses.size() - problems.size();
    }
}
