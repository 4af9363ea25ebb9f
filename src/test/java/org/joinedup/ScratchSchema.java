package org.joinedup;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;

/**
 * A schema of its own in the test database for a migration test: migrated by Flyway to the version
 * the test needs, filled through plain JDBC with data of that version's shape, migrated on, dropped
 * after. Named after the process, so two runs sharing a database do not meet.
 */
public final class ScratchSchema {

    public static final String NAME = "migration_test_" + ProcessHandle.current().pid();

    private ScratchSchema() {
    }

    /** Migrates the schema (created if need be) up to {@code target}: a version, or "latest". */
    public static void migrate(String target) {
        Flyway.configure().dataSource(url(), "joinedup", "joinedup").schemas(NAME).defaultSchema(NAME).createSchemas(true)
                .locations("classpath:db/migration").target(target).load().migrate();
    }

    /** A connection whose unqualified names are the schema's. */
    public static Connection connect() throws SQLException {
        var connection = DriverManager.getConnection(url(), "joinedup", "joinedup");
        try (var set = connection.createStatement()) {
            set.execute("set search_path to " + NAME);
        }
        return connection;
    }

    public static void drop() throws SQLException {
        try (var connection = DriverManager.getConnection(url(), "joinedup", "joinedup"); var drop = connection.createStatement()) {
            drop.execute("drop schema if exists " + NAME + " cascade");
        }
    }

    private static String url() {
        String fromEnv = System.getenv("_TEST_QUARKUS_DATASOURCE_JDBC_URL");
        return fromEnv != null ? fromEnv : ConfigProvider.getConfig().getOptionalValue("%test.quarkus.datasource.jdbc.url", String.class)
                .orElse("jdbc:postgresql://127.0.0.1:5442/joinedup_test");
    }
}
