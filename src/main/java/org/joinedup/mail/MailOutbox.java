package org.joinedup.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.Locale;

/**
 * Queues mail in the caller's transaction (table mail_outbox): the mail exists if and only if the
 * change that causes it commits. Sending is someone else's job.
 */
@ApplicationScoped
public class MailOutbox {

    @Inject
    EntityManager em;

    /** Queues {@code mail}; true if queued, false if the same event was already queued for that address. */
    @Transactional(TxType.MANDATORY)
    public boolean enqueue(Mail mail) {
        return em.createNativeQuery("""
                insert into mail_outbox (account_id, address, kind, event_key, subject, body_text, reason)
                values (:account, :address, :kind, :event, :subject, :text, :reason)
                on conflict (address, kind, event_key) do nothing""")
                .setParameter("account", mail.accountId())
                .setParameter("address", mail.address().strip().toLowerCase(Locale.ROOT))
                .setParameter("kind", mail.kind().code())
                .setParameter("event", mail.eventKey())
                .setParameter("subject", mail.subject())
                .setParameter("text", mail.text())
                .setParameter("reason", mail.reason())
                .executeUpdate() == 1;
    }
}
