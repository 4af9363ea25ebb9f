package org.joinedup.importing;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows for one table collected like a JDBC batch and sent as multi-row inserts, {@link #ROWS} rows a
 * statement: the server runs one statement for many rows instead of one each. Done here rather than
 * with the driver's reWriteBatchedInserts, which would change every batch of the service (their
 * update counts, and an upsert meeting the same row twice in one statement).
 */
final class MultiRowInsert implements AutoCloseable {

    /** Rows a statement: well under PostgreSQL's 32,767 parameters at the widest table (23 columns). */
    static final int ROWS = 200;

    private record Value(Object value, Integer sqlType) {
    }

    private final Connection connection;
    private final String head;
    private final String row;
    private final int width;
    private final List<Value[]> rows = new ArrayList<>();
    private Value[] current;

    /** {@code head}: "insert into t (a, b)"; {@code row}: one row's values, "(?, ?)", literals allowed. */
    MultiRowInsert(Connection connection, String head, String row) {
        this.connection = connection;
        this.head = head;
        this.row = row;
        this.width = (int) row.chars().filter(c -> c == '?').count();
        this.current = new Value[width];
    }

    void setLong(int index, long value) {
        current[index - 1] = new Value(value, null);
    }

    void setInt(int index, int value) {
        current[index - 1] = new Value(value, null);
    }

    void setBoolean(int index, boolean value) {
        current[index - 1] = new Value(value, null);
    }

    void setString(int index, String value) {
        current[index - 1] = new Value(value, Types.VARCHAR);
    }

    void setArray(int index, Array value) {
        current[index - 1] = new Value(value, Types.ARRAY);
    }

    void setObject(int index, Object value, int sqlType) {
        current[index - 1] = new Value(value, sqlType);
    }

    void addBatch() {
        rows.add(current);
        current = new Value[width];
    }

    void executeBatch() throws SQLException {
        for (int from = 0; from < rows.size(); from += ROWS) {
            var chunk = rows.subList(from, Math.min(rows.size(), from + ROWS));
            var sql = new StringBuilder(head).append(" values ");
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append(row);
            }
            try (var insert = connection.prepareStatement(sql.toString())) {
                int index = 0;
                for (var values : chunk) {
                    for (var value : values) {
                        index++;
                        if (value.value() == null) {
                            insert.setNull(index, value.sqlType() == null ? Types.OTHER : value.sqlType());
                        } else if (value.value() instanceof Array array) {
                            insert.setArray(index, array);
                        } else if (value.sqlType() == null) {
                            insert.setObject(index, value.value());
                        } else {
                            insert.setObject(index, value.value(), value.sqlType());
                        }
                    }
                }
                insert.executeUpdate();
            }
        }
        rows.clear();
    }

    /** Each statement is closed as it is sent; rows never sent are dropped. */
    @Override
    public void close() {
        rows.clear();
    }
}
