package org.joinedup.organisation;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The organisation table's writes and name matching, in plain JDBC so that the Flyway migration
 * V11 (which has no CDI) and the running service share one version of each rule.
 */
public final class OrganisationStore {

    /**
     * Open before closed, official before unlisted: an old name for a merged body finds today's body
     * first. Then the kind the name's own words point to: "NHS Dorset" is the ICB and "Dorset
     * Council" the council, though both have the key "dorset".
     */
    private static final String MATCH = "select code from organisation where name_key = ? "
            + "order by (closed_on is not null), (kind = 'unlisted'), not (kind = any (?)), code limit 1";

    private OrganisationStore() {
    }

    /** Inserts the official organisations missing from the table and brings the others in line with seed data. */
    public static int upsertOfficial(Connection connection) throws SQLException {
        var officials = OfficialOrganisations.read();
        int changed = 0;
        try (var upsert = connection.prepareStatement("""
                insert into organisation (code, name, kind, name_key, closed_on, created_by) values (?, ?, ?, ?, ?, 'seed-data')
                on conflict (code) do update set name = excluded.name, kind = excluded.kind, name_key = excluded.name_key,
                    closed_on = excluded.closed_on
                where (organisation.name, organisation.kind, organisation.name_key, organisation.closed_on)
                    is distinct from (excluded.name, excluded.kind, excluded.name_key, excluded.closed_on)""")) {
            for (var o : officials) {
                upsert.setString(1, o.code());
                upsert.setString(2, o.name());
                upsert.setString(3, o.kind());
                upsert.setString(4, OrganisationNames.key(o.name()));
                upsert.setDate(5, o.closedOn() == null ? null : Date.valueOf(o.closedOn()));
                upsert.addBatch();
            }
            for (int count : upsert.executeBatch()) {
                changed += Math.max(count, 0);
            }
        }
        // successors in a second pass: a successor may come later in the files than the body it took over
        try (var successor = connection.prepareStatement(
                "update organisation set successor_code = ? where code = ? and successor_code is distinct from ?")) {
            for (var o : officials) {
                successor.setString(1, o.successorCode());
                successor.setString(2, o.code());
                successor.setString(3, o.successorCode());
                successor.addBatch();
            }
            successor.executeBatch();
        }
        return changed;
    }

    /** The organisation this name means, if any (see {@link OrganisationNames}). */
    public static Optional<String> match(Connection connection, String name) throws SQLException {
        String key = OrganisationNames.key(name);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        try (PreparedStatement query = connection.prepareStatement(MATCH)) {
            query.setString(1, key);
            query.setArray(2, connection.createArrayOf("text", OrganisationNames.kindsNamed(name).toArray()));
            try (var rows = query.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }

    /**
     * Adds an unlisted organisation and returns its new code. The caller has checked that the name
     * is not taken; two adding it at once meet the unique index on unlisted names.
     */
    public static String addUnlisted(Connection connection, String name, String createdBy, boolean illustrative) throws SQLException {
        try (var insert = connection.prepareStatement("""
                insert into organisation (code, name, kind, name_key, illustrative, created_by)
                values ('U' || lpad(nextval('unlisted_organisation_seq')::text, 5, '0'), ?, 'unlisted', ?, ?, ?) returning code""")) {
            insert.setString(1, name.strip());
            insert.setString(2, OrganisationNames.key(name));
            insert.setBoolean(3, illustrative);
            insert.setString(4, createdBy);
            try (var rows = insert.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }
}
