package com.ja4.workstation.data.demo;

import com.ja4.workstation.data.schema.Column;
import com.ja4.workstation.data.schema.ColumnType;
import com.ja4.workstation.data.schema.Table;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Bulk rows into one snapshot table through DuckDB's appender, checking every value against the
 * schema's column type so that a schema change breaks the generator loudly, not the data quietly.
 */
final class RowSink implements AutoCloseable {

    private static final int FLUSH_EVERY = 200_000;

    private final String table;
    private final List<ColumnType> types;
    private final DuckDBAppender appender;
    private int column;
    private long rows;

    RowSink(DuckDBConnection conn, Table table) throws SQLException {
        this(conn, table.name(), table.columns().stream().map(Column::type).toList());
    }

    RowSink(DuckDBConnection conn, String table, List<ColumnType> types) throws SQLException {
        this.table = table;
        this.types = types;
        this.appender = conn.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table);
    }

    RowSink begin() throws SQLException {
        column = 0;
        appender.beginRow();
        return this;
    }

    void end() throws SQLException {
        if (column != types.size()) {
            throw new IllegalStateException(table + ": row has " + column + " values, table has " + types.size() + " columns");
        }
        appender.endRow();
        // commit in slices: a large scale would otherwise hold the whole table in transaction memory
        if (++rows % FLUSH_EVERY == 0) appender.flush();
    }

    /** A DateTime, as UTC epoch seconds. */
    RowSink time(long epochSecond) throws SQLException {
        expect(ColumnType.DATETIME);
        appender.append(LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC));
        return this;
    }

    RowSink text(String value) throws SQLException {
        ColumnType t = next();
        if (t != ColumnType.STRING && t != ColumnType.LOW_CARDINALITY && t != ColumnType.IPV4 && t != ColumnType.IPV6) {
            throw mismatch(t, "text");
        }
        appender.append(value);
        return this;
    }

    RowSink integer(long value) throws SQLException {
        ColumnType t = next();
        switch (t) {
            case UINT8 -> appender.append((short) value);
            case UINT16 -> appender.append((int) value);
            case UINT32, UINT64 -> appender.append(value);
            default -> throw mismatch(t, "integer");
        }
        return this;
    }

    RowSink real(double value) throws SQLException {
        expect(ColumnType.FLOAT64);
        appender.append(value);
        return this;
    }

    long rows() {
        return rows;
    }

    @Override
    public void close() throws SQLException {
        appender.close();
    }

    private void expect(ColumnType type) {
        ColumnType t = next();
        if (t != type) throw mismatch(t, type.name());
    }

    private ColumnType next() {
        if (column >= types.size()) throw new IllegalStateException(table + ": more values than columns");
        return types.get(column++);
    }

    private IllegalStateException mismatch(ColumnType actual, String given) {
        return new IllegalStateException(table + " column " + column + " is " + actual + ", generator gave " + given);
    }
}
