package org.joinedup.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.joinedup.platform.Page;
import org.joinedup.platform.PageRequest;

/**
 * Writes the audit trail in the transaction of the change it records, so a change and its entry
 * commit together. Before and after are the API views of the thing (never password hashes).
 */
@ApplicationScoped
public class AuditTrail {

    public record Entry(long id, Instant at, String actor, String action, String entityType, String entityId, JsonNode before,
            JsonNode after) {
    }

    @Inject
    CurrentUser user;

    @Inject
    ObjectMapper json;

    @Transactional(TxType.MANDATORY)
    public void record(String action, String entityType, Object entityId, Object before, Object after) {
        recordAs(user.actor(), action, entityType, entityId, before, after);
    }

    /**
     * As {@link #record}, naming the actor: for work done outside the request that asked for it (a
     * job), where the caller is the system, e.g. "demo-programme (imported from pioneers.csv)".
     */
    @Transactional(TxType.MANDATORY)
    public void recordAs(String actor, String action, String entityType, Object entityId, Object before, Object after) {
        var entry = new AuditEntry();
        entry.at = Instant.now();
        entry.actor = actor;
        entry.action = action;
        entry.entityType = entityType;
        entry.entityId = entityId == null ? null : entityId.toString();
        entry.before = before == null ? null : json.valueToTree(before);
        entry.after = after == null ? null : json.valueToTree(after);
        entry.persist();
    }

    /*
     * Erasure. Entries keep their id, time, action and target but lose the person: native SQL, as the
     * entity is immutable to Hibernate and the table's trigger allows exactly this redaction.
     */

    /** Blanks before and after of every entry about these things (of one type). */
    @Transactional(TxType.MANDATORY)
    public int redactAbout(String entityType, Collection<?> entityIds) {
        if (entityIds.isEmpty()) {
            return 0;
        }
        return AuditEntry.getEntityManager()
                .createNativeQuery("update audit_entry set before = null, after = null where entity_type = :type and entity_id = any(:ids)")
                .setParameter("type", entityType).setParameter("ids", entityIds.stream().map(String::valueOf).toArray(String[]::new))
                .executeUpdate();
    }

    /** Entries written by the account (also as someone's delegate): the actor becomes {@code replacement} and what they wrote is blanked. */
    @Transactional(TxType.MANDATORY)
    public int redactActor(String actor, String replacement) {
        return AuditEntry.getEntityManager().createNativeQuery("""
                update audit_entry set actor = :replacement || substr(actor, length(:actor) + 1), before = null, after = null
                 where actor = :actor or starts_with(actor, :actor || ' for leader ')""")
                .setParameter("replacement", replacement).setParameter("actor", actor).executeUpdate();
    }

    /**
     * Entries written by others about something else that still hold one of these values (a name, a
     * username) anywhere in before or after, as a whole string: a mentorship naming its mentor, an
     * introduction naming who asked. A scan of the trail, which erasure is rare enough to afford.
     */
    @Transactional(TxType.MANDATORY)
    public int redactMentions(Collection<String> values) {
        var wanted = values.stream().filter(v -> v != null && !v.isBlank()).distinct().toArray(String[]::new);
        if (wanted.length == 0) {
            return 0;
        }
        return AuditEntry.getEntityManager().createNativeQuery("""
                update audit_entry set before = null, after = null
                 where (before is not null or after is not null)
                   and exists (select 1 from jsonb_path_query(jsonb_build_array(before, after), 'strict $.**') v
                                where jsonb_typeof(v) = 'string' and v #>> '{}' = any(:wanted))""")
                .setParameter("wanted", wanted).executeUpdate();
    }

    @Transactional(TxType.SUPPORTS)
    public Page<Entry> search(String actor, String action, String entityType, String entityId, Instant from, Instant to,
            PageRequest paging) {
        var where = new ArrayList<String>();
        var params = new HashMap<String, Object>();
        if (actor != null && !actor.isBlank()) {
            // the account itself, and what it did as someone's delegate ("sam-pa for leader 42"); the
            // name is matched whole, so "ann" finds neither "anna" nor "anna for leader 42"
            where.add("(actor = :actor or actor like :actingFor escape '\\')");
            params.put("actor", actor);
            params.put("actingFor", actor.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + " for leader %");
        }
        add(where, params, "action", action);
        add(where, params, "entityType", entityType);
        add(where, params, "entityId", entityId);
        if (from != null) {
            where.add("at >= :from");
            params.put("from", from);
        }
        if (to != null) {
            where.add("at < :to");
            params.put("to", to);
        }
        var sort = Sort.by("id").descending();
        var query = where.isEmpty() ? AuditEntry.<AuditEntry>findAll(sort) : AuditEntry.<AuditEntry>find(String.join(" and ", where), sort, params);
        var page = query.page(paging.page(), paging.size());
        return Page.of(page.list(), paging, page.count())
                .map(e -> new Entry(e.id, e.at, e.actor, e.action, e.entityType, e.entityId, e.before, e.after));
    }

    private static void add(List<String> where, Map<String, Object> params, String field, String value) {
        if (value != null && !value.isBlank()) {
            where.add(field + " = :" + field);
            params.put(field, value);
        }
    }
}
