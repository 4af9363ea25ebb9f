package org.joinedup.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.joinedup.platform.ProblemException;
import org.joinedup.security.AuditTrail;

/** What an admin sees of the mail outbox and may do about it: counts by state, the mails that need a person, resending one. */
@ApplicationScoped
public class MailAdmin {

    static final List<String> STATES = List.of("queued", "sending", "sent", "held", "digested", "dropped", "parked", "uncertain");

    @Schema(name = "MailNeedingAttention", description = "A mail parked (refused or retried too long) or uncertain (its copy stopped mid-send)")
    public record Attention(long id, String address, @Schema(examples = "introduction") String kind, String eventKey, String subject,
            @Schema(examples = "uncertain") String state, int attempts, int refusals, String lastError, Instant createdAt, Instant claimedAt) {
    }

    @Schema(name = "MailOverview", description = "Mails by state, and the parked and uncertain ones (oldest first, at most 200)")
    public record Overview(@Schema(description = "Number of mails in each state") Map<String, Long> counts, List<Attention> items) {
    }

    @Inject
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Transactional
    public Overview overview() {
        return new Overview(counts(), attention("state in ('parked', 'uncertain')", Map.of()));
    }

    @Transactional
    public Map<String, Long> counts() {
        var counts = new LinkedHashMap<String, Long>();
        STATES.forEach(s -> counts.put(s, 0L));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select state, count(*) from mail_outbox group by state").getResultList();
        rows.forEach(r -> counts.put((String) r[0], ((Number) r[1]).longValue()));
        return counts;
    }

    /**
     * Queues a parked or uncertain mail again, as new (audited). For an uncertain one the admin takes
     * the risk of a second copy; it carries the same Message-ID, so a mail client can tell.
     */
    @Transactional
    public Attention resend(long id) {
        var before = attention("id = :id", Map.of("id", id)).stream().findFirst().orElseThrow(() -> ProblemException.notFound("Mail", id));
        if (!List.of("parked", "uncertain").contains(before.state())) {
            throw ProblemException.conflict("mail " + id + " is " + before.state() + ": only a parked or uncertain mail is resent");
        }
        em.createNativeQuery("""
                update mail_outbox set state = 'queued', attempts = 0, refusals = 0, next_attempt_at = now(), claimed_at = null, claimed_by = null
                 where id = :id""").setParameter("id", id).executeUpdate();
        var after = attention("id = :id", Map.of("id", id)).get(0);
        audit.record("mail-resend", "mail", id, before, after);
        return after;
    }

    private List<Attention> attention(String where, Map<String, Object> parameters) {
        var query = em.createNativeQuery("""
                select id, address, kind, event_key, subject, state, attempts, refusals, last_error, created_at, claimed_at
                  from mail_outbox where %s order by id limit 200""".formatted(where));
        parameters.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new Attention(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                (String) r[5], ((Number) r[6]).intValue(), ((Number) r[7]).intValue(), (String) r[8], instant(r[9]), instant(r[10]))).toList();
    }

    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
