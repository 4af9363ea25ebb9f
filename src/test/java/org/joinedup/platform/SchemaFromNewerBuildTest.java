package org.joinedup.platform;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * In a rolling update the previous build keeps running beside the new one, and one of its copies may
 * restart after the new build has migrated the schema (docs/operations.md). It must start: the schema
 * history then names a migration this build does not have, which Flyway refuses unless told to let
 * migrations from the future be (quarkus.flyway.ignore-migration-patterns).
 */
@QuarkusTest
class SchemaFromNewerBuildTest {

    private static final String FUTURE = "9999";

    @Inject
    Flyway flyway;

    @Inject
    DataSource database;

    @Test
    void aSchemaMigratedByANewerBuildStillValidates() throws SQLException {
        execute("insert into flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by,"
                + " execution_time, success) select max(installed_rank) + 1, '" + FUTURE + "', 'from a newer build', 'SQL',"
                + " 'V" + FUTURE + "__from_a_newer_build.sql', 0, current_user, 0, true from flyway_schema_history");
        try {
            var result = flyway.validateWithResult();
            assertTrue(result.validationSuccessful, () -> "refused: " + result.getAllErrorMessages());
        } finally {
            execute("delete from flyway_schema_history where version = '" + FUTURE + "'");
        }
    }

    private void execute(String sql) throws SQLException {
        try (var connection = database.getConnection(); var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
