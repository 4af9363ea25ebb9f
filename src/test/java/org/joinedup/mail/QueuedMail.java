package org.joinedup.mail;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Locale;

/** A row of mail_outbox as a test reads it: what the service queued for an address, oldest first. */
public record QueuedMail(long id, Long accountId, String address, String kind, String eventKey, String subject, String text,
        String reason, String state) {

    public static List<QueuedMail> to(String address) {
        return QuarkusTransaction.requiringNew().call(() -> {
            EntityManager em = Arc.container().instance(EntityManager.class).get();
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                    select id, account_id, address, kind, event_key, subject, body_text, reason, state
                      from mail_outbox where address = :address order by id""")
                    .setParameter("address", address.strip().toLowerCase(Locale.ROOT)).getResultList();
            return rows.stream().map(r -> new QueuedMail(((Number) r[0]).longValue(), r[1] == null ? null : ((Number) r[1]).longValue(),
                    (String) r[2], (String) r[3], (String) r[4], (String) r[5], (String) r[6], (String) r[7], (String) r[8])).toList();
        });
    }

    /** The queued mails of one kind to {@code address}. */
    public static List<QueuedMail> to(String address, MailKind kind) {
        return to(address).stream().filter(m -> m.kind().equals(kind.code())).toList();
    }
}
