package org.joinedup.importing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;
import org.joinedup.integration.IntegrationRecord;
import org.joinedup.leader.Leader;

/**
 * Writes the leaders and records an import creates as batched plain inserts, in the caller's
 * transaction and connection. Through Hibernate each new record was an entity with four element
 * collections and an audit entity whose JSON Hibernate copies and compares: about 10 ms a row of
 * which most was Hibernate's own work (docs/benchmarks.md, "Bulk import"). Here a batch is one
 * multi-row insert per table ({@link MultiRowInsert}). The services still check and
 * fill each leader and record ({@code prepareImported}) and give the audit view, so the rows and
 * entries are the ones the entity path wrote; only the writing is here. Changes to leaders and
 * records that exist stay with the services.
 */
@ApplicationScoped
class NewRowsWriter {

    /**
     * leader_seq and record_seq step by 50 and Hibernate takes the 50 ids from v (pooled-lo) for each
     * value v it draws; this draws its own values and does the same, so the two never meet.
     */
    static final int ID_BLOCK = 50;

    /** One audit entry of a creation. */
    record Created(String entityType, long id, Object after) {
    }

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    /** {@code count} unused ids of the sequence, in blocks as Hibernate takes them. */
    List<Long> ids(String sequence, int count) {
        var ids = new ArrayList<Long>(count);
        if (count == 0) {
            return ids;
        }
        int blocks = (count + ID_BLOCK - 1) / ID_BLOCK;
        @SuppressWarnings("unchecked")
        List<Number> starts = em.createNativeQuery("select nextval(cast(:sequence as regclass)) from generate_series(1, :blocks)")
                .setParameter("sequence", sequence).setParameter("blocks", blocks).getResultList();
        for (var start : starts) {
            for (int i = 0; i < ID_BLOCK && ids.size() < count; i++) {
                ids.add(start.longValue() + i);
            }
        }
        return ids;
    }

    /** Inserts the leaders (then their records, their parts, and an audit entry for each); ids and timestamps already set. */
    void insert(List<Leader> leaders, List<IntegrationRecord> records, List<Created> audit, String actor) {
        var auditJson = new ArrayList<String>(audit.size());
        for (var entry : audit) {
            try {
                // the mapper the audit trail uses, so an entry reads as one written through it
                auditJson.add(json.writeValueAsString(entry.after()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write the audit entry of " + entry.entityType() + " " + entry.id(), e);
            }
        }
        em.unwrap(Session.class).doWork(connection -> {
            insertLeaders(connection, leaders);
            insertRecords(connection, records);
            insertAudit(connection, audit, auditJson, actor);
        });
    }

    private static void insertLeaders(Connection connection, List<Leader> leaders) throws SQLException {
        if (leaders.isEmpty()) {
            return;
        }
        try (var insert = new MultiRowInsert(connection,
                "insert into leader (id, version, revision, name, role_title, organisation_code, doing_now, "
                        + "doing_now_as_of, home_area_code, sector, mentoring_willing, mentoring_capacity, mentoring_formats, "
                        + "mentoring_trained, mentoring_conflicts, visibility, contact_email, contact_phone, external_id, "
                        + "illustrative, created_at, updated_at)",
                "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (var l : leaders) {
                int i = 0;
                insert.setLong(++i, l.id);
                insert.setInt(++i, l.version);
                insert.setLong(++i, l.revision);
                insert.setString(++i, l.name);
                insert.setString(++i, l.currentRole);
                insert.setString(++i, l.organisationCode);
                insert.setString(++i, l.doingNow);
                insert.setObject(++i, l.doingNowAsOf, Types.DATE);
                insert.setString(++i, l.homeAreaCode);
                insert.setString(++i, l.sector);
                insert.setBoolean(++i, l.mentoring.willing);
                insert.setInt(++i, l.mentoring.capacity);
                insert.setArray(++i, connection.createArrayOf("text", l.mentoring.formats.toArray()));
                insert.setBoolean(++i, l.mentoring.trained);
                insert.setArray(++i, connection.createArrayOf("text", l.mentoring.conflicts.toArray()));
                insert.setString(++i, l.visibility.code);
                insert.setString(++i, l.contactEmail);
                insert.setString(++i, l.contactPhone);
                insert.setString(++i, l.externalId);
                insert.setBoolean(++i, l.illustrative);
                time(insert, ++i, l.createdAt);
                time(insert, ++i, l.updatedAt);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void insertRecords(Connection connection, List<IntegrationRecord> records) throws SQLException {
        if (records.isEmpty()) {
            return;
        }
        try (var insert = new MultiRowInsert(connection,
                "insert into integration_record (id, leader_id, version, title, summary, services, scope, "
                        + "approaches, programme, role, period_start, period_end, verification, verification_since, "
                        + "revision, wording_edited_at, source, reported_by, source_list, external_id, state, created_at, "
                        + "updated_at)",
                "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                var areas = new MultiRowInsert(connection, "insert into record_area (record_id, position, area_code, country, place, latitude, longitude)",
                "(?, ?, ?, ?, ?, ?, ?)");
                var partners = new MultiRowInsert(connection, "insert into record_partner (record_id, position, organisation_code)",
                "(?, ?, ?)");
                var outcomes = new MultiRowInsert(connection,
                "insert into record_outcome (record_id, position, metric, description, baseline, result, unit, "
                        + "period, source)",
                "(?, ?, ?, ?, ?, ?, ?, ?, ?)");
                var evidence = new MultiRowInsert(connection, "insert into record_evidence (record_id, position, title, url)",
                "(?, ?, ?, ?)")) {
            for (var r : records) {
                int i = 0;
                insert.setLong(++i, r.id);
                insert.setLong(++i, r.leaderId);
                insert.setInt(++i, r.version);
                insert.setString(++i, r.title);
                insert.setString(++i, r.summary);
                insert.setArray(++i, connection.createArrayOf("text", r.services.toArray()));
                insert.setString(++i, r.scope);
                insert.setArray(++i, connection.createArrayOf("text", r.approaches.toArray()));
                insert.setString(++i, r.programme);
                insert.setString(++i, r.role);
                insert.setObject(++i, r.periodStart, Types.DATE);
                insert.setObject(++i, r.periodEnd, Types.DATE);
                insert.setString(++i, r.verification.code);
                time(insert, ++i, r.verificationSince);
                insert.setInt(++i, r.revision);
                time(insert, ++i, r.wordingEditedAt);
                insert.setString(++i, r.source);
                insert.setString(++i, r.reportedBy);
                insert.setString(++i, r.sourceList);
                insert.setString(++i, r.externalId);
                insert.setString(++i, r.state);
                time(insert, ++i, r.createdAt);
                time(insert, ++i, r.updatedAt);
                insert.addBatch();
                for (int p = 0; p < r.areas.size(); p++) {
                    var a = r.areas.get(p);
                    areas.setLong(1, r.id);
                    areas.setInt(2, p);
                    areas.setString(3, a.areaCode);
                    areas.setString(4, a.country);
                    areas.setString(5, a.place);
                    areas.setObject(6, a.latitude, Types.DOUBLE);
                    areas.setObject(7, a.longitude, Types.DOUBLE);
                    areas.addBatch();
                }
                for (int p = 0; p < r.partners.size(); p++) {
                    partners.setLong(1, r.id);
                    partners.setInt(2, p);
                    partners.setString(3, r.partners.get(p));
                    partners.addBatch();
                }
                for (int p = 0; p < r.outcomes.size(); p++) {
                    var o = r.outcomes.get(p);
                    outcomes.setLong(1, r.id);
                    outcomes.setInt(2, p);
                    outcomes.setString(3, o.metric);
                    outcomes.setString(4, o.description);
                    number(outcomes, 5, o.baseline);
                    number(outcomes, 6, o.result);
                    outcomes.setString(7, o.unit);
                    outcomes.setString(8, o.period);
                    outcomes.setString(9, o.source);
                    outcomes.addBatch();
                }
                for (int p = 0; p < r.evidence.size(); p++) {
                    var e = r.evidence.get(p);
                    evidence.setLong(1, r.id);
                    evidence.setInt(2, p);
                    evidence.setString(3, e.title);
                    evidence.setString(4, e.url);
                    evidence.addBatch();
                }
            }
            // records before their parts: the parts' foreign keys point at them (no deferred constraints)
            insert.executeBatch();
            areas.executeBatch();
            partners.executeBatch();
            outcomes.executeBatch();
            evidence.executeBatch();
        }
    }

    /** As AuditTrail.recordAs writes a creation: the actor names the file, no before, the view after. */
    private static void insertAudit(Connection connection, List<Created> audit, List<String> auditJson, String actor) throws SQLException {
        if (audit.isEmpty()) {
            return;
        }
        try (var insert = new MultiRowInsert(connection, "insert into audit_entry (at, actor, action, entity_type, entity_id, before, after)",
                "(?, ?, 'create', ?, ?, null, cast(? as jsonb))")) {
            for (int i = 0; i < audit.size(); i++) {
                time(insert, 1, Instant.now());
                insert.setString(2, actor);
                insert.setString(3, audit.get(i).entityType());
                insert.setString(4, Long.toString(audit.get(i).id()));
                insert.setString(5, auditJson.get(i));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void number(MultiRowInsert statement, int index, BigDecimal value) {
        statement.setObject(index, value, Types.NUMERIC);
    }

    private static void time(MultiRowInsert statement, int index, Instant instant) {
        statement.setObject(index, instant == null ? null : instant.atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
    }
}
