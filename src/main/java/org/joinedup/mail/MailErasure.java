package org.joinedup.mail;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Objects;
import org.jboss.logging.Logger;
import org.joinedup.leader.LeaderRemoved;
import org.joinedup.leader.LeaderService;
import org.joinedup.security.Account;

/**
 * Erasure reaches the outbox: mail to the erased leader's account goes with the account (a cascade),
 * and this removes every other mail that names them or went to their address, sent or not, since a
 * mail about someone erased must neither go out nor stay on record.
 */
@ApplicationScoped
public class MailErasure {

    private static final Logger LOG = Logger.getLogger(MailErasure.class);

    @Inject
    EntityManager em;

    @Inject
    LeaderService leaders;

    void onLeaderRemoved(@Observes @Priority(Interceptor.Priority.APPLICATION) LeaderRemoved removed) {
        var mentions = new ArrayList<String>();
        leaders.find(removed.leaderId()).ifPresent(l -> mentions.add(l.name()));
        Account.byLeader(removed.leaderId()).ifPresent(a -> {
            mentions.add(a.username);
            mentions.add(a.email);
        });
        leaders.contact(removed.leaderId()).ifPresent(c -> mentions.add(c.email()));
        mentions.removeIf(m -> m == null || m.isBlank());
        if (mentions.isEmpty()) {
            return;
        }
        int forgotten = em.createNativeQuery("""
                delete from mail_outbox o
                 where exists (select 1 from unnest(cast(:mentions as text[])) m
                                where strpos(o.subject, m) > 0 or strpos(o.body_text, m) > 0 or strpos(o.reason, m) > 0
                                   or o.address = lower(m))""")
                .setParameter("mentions", mentions.stream().filter(Objects::nonNull).toArray(String[]::new))
                .executeUpdate();
        LOG.debugf("Erasure of leader %d: %d mails naming them forgotten", removed.leaderId(), forgotten);
    }
}
