package org.joinedup.recognition;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.joinedup.ScratchSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The backfill at the end of V31 on a database that already holds nominations, in a scratch schema of
 * the test database migrated to V30 first: elsewhere V31 only ever runs on an empty database.
 */
class NomineeAddressMigrationTest {

    private static final String NOMINATED = "ann.staff (nominated them)";

    private int links;

    @AfterEach
    void dropScratchSchema() throws SQLException {
        ScratchSchema.drop();
    }

    @Test
    void nomineesStillWaitingAreBackfilledOncePerAddress() throws Exception {
        ScratchSchema.migrate("30");
        try (var connection = ScratchSchema.connect()) {
            // one_time_link.email must be lower case (V15), so the spaces are what is left to normalise
            leader(connection, 1, "programme");
            link(connection, 1, "invitation", "  kept@example.org ", NOMINATED);
            // the later leader's invitation comes first, so only ordering by leader keeps the earliest
            leader(connection, 2, "programme");
            leader(connection, 3, "programme");
            link(connection, 3, "invitation", "twice@example.org", NOMINATED);
            link(connection, 2, "invitation", " twice@example.org", NOMINATED);

            leader(connection, 4, "programme");
            link(connection, 4, "invitation", "has-account@example.org", NOMINATED);
            account(connection, 4);
            leader(connection, 5, "public");
            link(connection, 5, "invitation", "public@example.org", NOMINATED);
            leader(connection, 6, "programme");
            link(connection, 6, "invitation", "invited-by-staff@example.org", "ann.staff");
            leader(connection, 7, "programme");
            link(connection, 7, "password-reset", "reset@example.org", NOMINATED);
        }

        ScratchSchema.migrate("31");

        try (var connection = ScratchSchema.connect()) {
            var leaderOf = new HashMap<String, Long>();
            try (var rows = connection.createStatement().executeQuery("select email, leader_id from nominee_address")) {
                while (rows.next()) {
                    leaderOf.put(rows.getString(1), rows.getLong(2));
                }
            }
            assertEquals(1L, leaderOf.get("kept@example.org"),
                    "a staff-only leader without an account, invited by a nomination, is backfilled at the trimmed address: " + leaderOf);
            assertEquals(2L, leaderOf.get("twice@example.org"), "of two leaders at one address only the earliest is kept: " + leaderOf);
            assertNotBackfilled(leaderOf, 4, "a leader with an account is no longer waiting");
            assertNotBackfilled(leaderOf, 5, "a public leader was not added by a nomination of someone new");
            assertNotBackfilled(leaderOf, 6, "an invitation programme staff sent was not made by a nomination");
            assertNotBackfilled(leaderOf, 7, "only an invitation says a nomination added the leader, not a link of another purpose");
        }
    }

    private static void assertNotBackfilled(Map<String, Long> leaderOf, long leaderId, String why) {
        assertFalse(leaderOf.containsValue(leaderId), why + ": " + leaderOf);
    }

    private static void leader(Connection connection, long id, String visibility) throws SQLException {
        try (var insert = connection.prepareStatement("insert into leader (id, version, name, home_area_code, visibility, created_at, updated_at) "
                + "values (?, 0, ?, 'E09000007', ?, now(), now())")) {
            insert.setLong(1, id);
            insert.setString(2, "Leader " + id);
            insert.setString(3, visibility);
            insert.executeUpdate();
        }
    }

    private static void account(Connection connection, long leaderId) throws SQLException {
        try (var insert = connection.prepareStatement("insert into account (username, password_hash, roles, leader_id) values (?, 'x', '{leader}', ?)")) {
            insert.setString(1, "leader" + leaderId);
            insert.setLong(2, leaderId);
            insert.executeUpdate();
        }
    }

    private void link(Connection connection, long leaderId, String purpose, String email, String createdBy) throws SQLException {
        try (var insert = connection.prepareStatement("insert into one_time_link (purpose, token_hash, leader_id, email, created_by, expires_at) "
                + "values (?, ?, ?, ?, ?, now() + interval '7 days')")) {
            insert.setString(1, purpose);
            insert.setBytes(2, ("token " + ++links).getBytes(UTF_8));
            insert.setLong(3, leaderId);
            insert.setString(4, email);
            insert.setString(5, createdBy);
            insert.executeUpdate();
        }
    }
}
