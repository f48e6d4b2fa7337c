package com.ja4.workstation.data.warehouse;

import com.ja4.workstation.data.schema.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * JDBC access to the warehouse, the same for ClickHouse and DuckDB. Query families build {@link Sql}
 * with the {@link Dialect}; this class binds, runs, maps to records and turns failures into
 * {@link WarehouseException} with a readable reason.
 */
public final class Warehouse implements AutoCloseable {

    private final ConnectionSource source;
    private final Dialect dialect;
    private final DatabaseNames databases;
    private final Duration queryTimeout;

    public Warehouse(ConnectionSource source, Dialect dialect, DatabaseNames databases, Duration queryTimeout) {
        this.source = source;
        this.dialect = dialect;
        this.databases = databases;
        this.queryTimeout = queryTimeout;
    }

    public Dialect dialect() {
        return dialect;
    }

    public DatabaseNames databases() {
        return databases;
    }

    public ConnectionSource source() {
        return source;
    }

    public String describe() {
        return source.describe();
    }

    /** Qualified reference to a table of the schema. */
    public String table(Table table) {
        return dialect.table(databases, table);
    }

    public <T> List<T> query(Sql sql, RowMapper<T> mapper, QueryContext ctx) throws WarehouseException {
        List<T> out = new ArrayList<>();
        stream(sql, rs -> out.add(mapper.map(rs)), ctx);
        return out;
    }

    public <T> Optional<T> first(Sql sql, RowMapper<T> mapper, QueryContext ctx) throws WarehouseException {
        List<T> rows = query(sql, mapper, ctx);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    public long count(Sql sql, QueryContext ctx) throws WarehouseException {
        return first(sql, rs -> rs.getLong(1), ctx).orElse(0L);
    }

    /** Calls the consumer for each row without holding the result in memory (exports). */
    public void stream(Sql sql, RowConsumer consumer, QueryContext ctx) throws WarehouseException {
        ctx.throwIfCancelled();
        try (Connection c = source.open(); PreparedStatement ps = c.prepareStatement(sql.text())) {
            bind(ps, sql.params());
            if (!queryTimeout.isZero()) ps.setQueryTimeout((int) Math.max(1, queryTimeout.toSeconds()));
            QueryContext.Canceller running = ctx.register(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (ctx.isCancelled()) throw new QueryCancelledException();
                    consumer.accept(rs);
                }
            } finally {
                ctx.unregister(running);
            }
        } catch (SQLException e) {
            if (ctx.isCancelled()) throw new QueryCancelledException();
            throw new WarehouseException(reason(e), e);
        } catch (java.io.UncheckedIOException e) {
            throw e; // the consumer's own I/O failure (export file), not a query failure
        } catch (RuntimeException e) {
            if (ctx.isCancelled()) throw new QueryCancelledException();
            throw new WarehouseException("Query failed: " + e, e);
        }
    }

    /** Runs a statement that returns no rows (DDL, INSERT). */
    public void execute(Sql sql, QueryContext ctx) throws WarehouseException {
        ctx.throwIfCancelled();
        try (Connection c = source.open(); PreparedStatement ps = c.prepareStatement(sql.text())) {
            bind(ps, sql.params());
            QueryContext.Canceller running = ctx.register(ps);
            try {
                ps.execute();
            } finally {
                ctx.unregister(running);
            }
        } catch (SQLException e) {
            if (ctx.isCancelled()) throw new QueryCancelledException();
            throw new WarehouseException(reason(e), e);
        }
    }

    /** True when the source can write a query's result as Parquet on the server (bulk export). */
    public boolean canExtractParquet() {
        return source instanceof ClickHouseSource;
    }

    /**
     * Writes the result of a query as Parquet, produced by the server, to {@code out}; the values
     * are bound on the server. Returns the bytes written. Only when {@link #canExtractParquet()}.
     */
    public long extractParquet(Sql sql, java.io.OutputStream out, QueryContext ctx) throws WarehouseException {
        if (!(source instanceof ClickHouseSource ch)) throw new IllegalStateException("no bulk extract on " + describe());
        ctx.throwIfCancelled();
        try {
            return new ClickHouseParquetReader(ch).extract(ServerSideParams.of(sql, dialect), out, ctx, queryTimeout);
        } catch (SQLException e) {
            if (ctx.isCancelled()) throw new QueryCancelledException();
            throw new WarehouseException(reason(e), e);
        } catch (RuntimeException e) {
            if (ctx.isCancelled()) throw new QueryCancelledException();
            throw new WarehouseException("Query failed: " + (e.getMessage() == null ? e.toString() : e.getMessage()), e);
        }
    }

    private void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            int idx = i + 1;
            if (p instanceof Instant t) dialect.bindTime(ps, idx, t);
            else if (p instanceof String s) ps.setString(idx, s);
            else if (p instanceof Integer n) ps.setInt(idx, n);
            else if (p instanceof Long n) ps.setLong(idx, n);
            else if (p instanceof Double d) ps.setDouble(idx, d);
            else if (p instanceof Boolean b) ps.setBoolean(idx, b);
            else throw new SQLException("Unsupported parameter type " + p.getClass().getSimpleName());
        }
    }

    /** First line of the driver's message, prefixed with the source, without a stack trace. */
    static String reason(SQLException e) {
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        int nl = msg.indexOf('\n');
        if (nl > 0) msg = msg.substring(0, nl);
        if (msg.length() > 400) msg = msg.substring(0, 400) + "…";
        return msg;
    }

    @Override
    public void close() {
        source.close();
    }

    @FunctionalInterface
    public interface RowConsumer {
        void accept(ResultSet rs) throws SQLException;
    }
}
