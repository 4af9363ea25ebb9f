package org.joinedup.organisation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.joinedup.ScratchSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The migrations V10-V12 on data of the old shape: the curated demo file's leaders and records,
 * written as free text the way they were before organisations, into a scratch schema of the test
 * database migrated to V9 first.
 */
class OrganisationMigrationTest {

    @AfterEach
    void dropScratchSchema() throws SQLException {
        ScratchSchema.drop();
    }

    @Test
    void curatedNamesBecomeOrganisationsAndNoPartnerIsLost() throws Exception {
        ScratchSchema.migrate("9");
        var curated = new ObjectMapper().readTree(new File("seed-data/demo/curated-leaders.json")).path("leaders");
        var partnersByRecord = new HashMap<Long, List<String>>();
        var organisationByLeader = new HashMap<Long, String>();
        try (var connection = ScratchSchema.connect()) {
            long leaderId = 0;
            long recordId = 0;
            try (var leader = connection.prepareStatement("insert into leader (id, version, name, organisation, home_area_code, visibility, "
                    + "created_at, updated_at) values (?, 0, ?, ?, ?, 'public', now(), now())");
                    var record = connection.prepareStatement("insert into integration_record (id, leader_id, version, title, services, scope, "
                            + "role, partner_organisations, period_start, verification, created_at, updated_at) "
                            + "values (?, ?, 0, ?, '{gp,social-care}', 'place', 'led', ?, '2019-04-01', 'endorsed', now(), now())")) {
                for (JsonNode l : curated) {
                    leader.setLong(1, ++leaderId);
                    leader.setString(2, l.path("name").asText());
                    leader.setString(3, l.hasNonNull("organisation") ? l.path("organisation").asText() : null);
                    leader.setString(4, l.path("homeArea").asText());
                    leader.executeUpdate();
                    if (l.hasNonNull("organisation")) {
                        organisationByLeader.put(leaderId, l.path("organisation").asText());
                    }
                    for (JsonNode r : l.path("records")) {
                        var names = new ArrayList<String>();
                        r.path("partnerOrganisations").forEach(n -> names.add(n.asText()));
                        record.setLong(1, ++recordId);
                        record.setLong(2, leaderId);
                        record.setString(3, r.path("title").asText());
                        record.setArray(4, connection.createArrayOf("text", names.toArray()));
                        record.executeUpdate();
                        partnersByRecord.put(recordId, names);
                    }
                }
            }
            try (var endorse = connection.createStatement()) {
                endorse.execute("insert into endorsement (id, record_id, version, kind, endorser_name, endorser_organisation, endorser_role, created_at) "
                        + "values (1, 1, 0, 'endorsement', 'Martin Hale', 'Kent County Council', 'Director', now())");
            }
        }

        ScratchSchema.migrate("latest");

        try (var connection = ScratchSchema.connect()) {
            var codeOf = new HashMap<String, String>();
            var kindOf = new HashMap<String, String>();
            try (var rows = connection.createStatement().executeQuery("select code, name, kind from organisation")) {
                while (rows.next()) {
                    codeOf.put(rows.getString(2), rows.getString(1));
                    kindOf.put(rows.getString(1), rows.getString(3));
                }
            }
            var partners = new HashMap<Long, List<String>>();
            try (var rows = connection.createStatement().executeQuery("select record_id, organisation_code from record_partner order by record_id, position")) {
                while (rows.next()) {
                    partners.computeIfAbsent(rows.getLong(1), id -> new ArrayList<>()).add(rows.getString(2));
                }
            }
            // official bodies by their official codes, checked by hand against seed-data
            assertTrue(partners.get(recordOf(partnersByRecord, "Kent County Council")).contains("E10000016"), "county council: ONS E10");
            assertTrue(partners.get(recordOf(partnersByRecord, "NHS Kent and Medway")).contains("E54000032"), "ICB: ONS E54");
            assertTrue(partners.get(recordOf(partnersByRecord, "Nottingham University Hospitals NHS Trust")).contains("RX1"), "trust: ODS");
            assertTrue(partners.get(recordOf(partnersByRecord, "Royal Borough of Greenwich adult social care")).stream()
                    .noneMatch("E09000011"::equals), "a department's name is not the council's");
            // a name that matches nothing official is kept, as an unlisted organisation under that name
            String unlisted = codeOf.get("Camden GP practices");
            assertTrue(unlisted != null && unlisted.matches("U\\d{5}") && "unlisted".equals(kindOf.get(unlisted)), "Camden GP practices: " + unlisted);
            assertTrue(partners.get(recordOf(partnersByRecord, "Camden GP practices")).contains(unlisted));
            // no record lost a partner that had a name: as many partners as distinct organisations among its names
            partnersByRecord.forEach((record, names) -> {
                var expected = new LinkedHashSet<String>();
                names.forEach(n -> expected.add(codeFor(connection, n)));
                assertEquals(List.copyOf(expected), partners.getOrDefault(record, List.of()), "record " + record + " " + names);
            });
            // leaders' organisations
            try (var rows = connection.createStatement().executeQuery("select id, organisation_code from leader")) {
                int mapped = 0;
                while (rows.next()) {
                    String name = organisationByLeader.get(rows.getLong(1));
                    if (name != null) {
                        assertEquals(codeFor(connection, name), rows.getString(2), name);
                        mapped++;
                    }
                }
                assertEquals(organisationByLeader.size(), mapped);
            }
            assertEquals("E10000016", single(connection, "select organisation_code from leader where id = "
                    + leaderWith(organisationByLeader, "Kent County Council")));
            assertEquals("E54000041", single(connection, "select organisation_code from leader where id = "
                    + leaderWith(organisationByLeader, "NHS Dorset")), "NHS Dorset is the ICB, not Dorset Council");
            // the old endorsement keeps what its writer typed, marked legacy, and refers to the organisation
            assertEquals("E10000016", single(connection, "select organisation_code from endorsement where id = 1"));
            assertEquals("Kent County Council", single(connection, "select stated_organisation from endorsement where id = 1"));
            assertEquals("true", single(connection, "select legacy::text from endorsement where id = 1"));
            // the free-text columns are gone
            assertFalse(column(connection, "integration_record", "partner_organisations"));
            assertFalse(column(connection, "leader", "organisation"));
            assertFalse(column(connection, "endorsement", "endorser_organisation"));
        }
    }

    private static long recordOf(Map<Long, List<String>> partnersByRecord, String name) {
        return partnersByRecord.entrySet().stream().filter(e -> e.getValue().contains(name)).map(Map.Entry::getKey).findFirst().orElseThrow();
    }

    private static long leaderWith(Map<Long, String> organisations, String name) {
        return organisations.entrySet().stream().filter(e -> e.getValue().equals(name)).map(Map.Entry::getKey).findFirst().orElseThrow();
    }

    /** What the migration should have made of a name: the organisation it matches (the rule itself is OrganisationNamesTest's). */
    private static String codeFor(Connection connection, String name) {
        try {
            return OrganisationStore.match(connection, name).orElseThrow(() -> new AssertionError("no organisation for '" + name + "'"));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (var rows = connection.createStatement().executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    private static boolean column(Connection connection, String table, String column) throws SQLException {
        try (var query = connection.prepareStatement("select 1 from information_schema.columns where table_schema = ? and table_name = ? and column_name = ?")) {
            query.setString(1, ScratchSchema.NAME);
            query.setString(2, table);
            query.setString(3, column);
            try (var rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }
}
