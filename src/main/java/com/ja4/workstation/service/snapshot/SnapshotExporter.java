package com.ja4.workstation.service.snapshot;

import com.ja4.workstation.app.AppVersion;
import com.ja4.workstation.data.schema.Column;
import com.ja4.workstation.data.schema.Table;
import com.ja4.workstation.data.schema.WarehouseSchema;
import com.ja4.workstation.data.snapshot.SnapshotFormat;
import com.ja4.workstation.data.snapshot.SnapshotManifest;
import com.ja4.workstation.data.warehouse.Dialect;
import com.ja4.workstation.data.warehouse.QueryCancelledException;
import com.ja4.workstation.data.warehouse.QueryContext;
import com.ja4.workstation.data.warehouse.Sql;
import com.ja4.workstation.data.warehouse.Warehouse;
import com.ja4.workstation.data.warehouse.WarehouseException;
import com.ja4.workstation.domain.TimeWindow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Writes a snapshot (DESIGN section 5) from any warehouse, normally a live ClickHouse: for a time
 * window and optional filters, every table of {@link WarehouseSchema} into a DuckDB file through
 * the DuckDB Appender, then the manifest with row counts and checksum.
 *
 * <p>Rows: tables with a time column, rows in the window (host and threat filters where the
 * table has the column); {@code view_ip_recurrence} and {@code soc_feedback} (up to the as-of),
 * the rows of the IPs present among the window's detections and scores.
 *
 * <p>The file is written under a temporary name beside the target and moved into place only when
 * complete: a cancelled or failed export leaves nothing behind (and a file without a manifest
 * would be refused anyway).
 */
public final class SnapshotExporter {

    /** Progress per table: rows written so far and rows expected (counted before reading). */
    @FunctionalInterface
    public interface Listener {
        void progress(String table, long done, long expected);

        Listener NONE = (t, d, e) -> { };
    }

    /** Optional capture filters; empty lists mean everything. */
    public record Filters(List<String> hosts, List<String> threatLevels) {
        public static final Filters NONE = new Filters(List.of(), List.of());

        public Filters {
            hosts = hosts == null ? List.of() : List.copyOf(hosts);
            threatLevels = threatLevels == null ? List.of() : List.copyOf(threatLevels);
        }

        public String describe() {
            StringBuilder sb = new StringBuilder();
            if (!hosts.isEmpty()) sb.append("hosts=").append(String.join(",", hosts));
            if (!threatLevels.isEmpty()) sb.append(sb.length() > 0 ? "; " : "").append("threat_levels=").append(String.join(",", threatLevels));
            return sb.toString();
        }
    }

    private static final int PROGRESS_EVERY = 20_000;
    private static final int COMMIT_EVERY = 500_000;

    private final Warehouse wh;
    private final Dialect d;

    public SnapshotExporter(Warehouse warehouse) {
        this.wh = warehouse;
        this.d = warehouse.dialect();
    }

    public SnapshotManifest export(TimeWindow window, Filters filters, String sourceLabel, Path target, Listener listener,
                                   QueryContext ctx) throws WarehouseException, IOException {
        Path out = target.toAbsolutePath();
        Files.createDirectories(out.getParent());
        Path tmp = Files.createTempFile(out.getParent(), "." + out.getFileName() + "-", ".partial");
        Files.delete(tmp); // DuckDB creates the file itself
        Path wal = tmp.resolveSibling(tmp.getFileName() + ".wal");
        try {
            SnapshotManifest manifest;
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + tmp)) {
                DuckDBConnection conn = c.unwrap(DuckDBConnection.class);
                SnapshotFormat.createTables(conn);
                // one transaction per slice, not per appender chunk of 2,048 rows (a commit each: 30k rows/s)
                conn.setAutoCommit(false);
                for (Table t : WarehouseSchema.TABLES) {
                    ctx.throwIfCancelled();
                    copyTable(conn, t, window, filters, listener, ctx);
                    conn.commit();
                }
                conn.setAutoCommit(true);
                ctx.throwIfCancelled();
                Map<String, Long> rows = SnapshotFormat.rowCounts(conn);
                manifest = new SnapshotManifest(sourceLabel, window.asOf(), window.length(), filters.describe(), rows,
                        AppVersion.current(), SnapshotFormat.checksum(conn));
                SnapshotFormat.writeManifest(conn, manifest);
                try (Statement s = conn.createStatement()) {
                    s.execute("CHECKPOINT");
                }
            } catch (SQLException e) {
                throw new WarehouseException("Cannot write the snapshot " + out.getFileName() + ": " + e.getMessage(), e);
            }
            ctx.throwIfCancelled();
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return manifest;
        } finally {
            Files.deleteIfExists(tmp);
            Files.deleteIfExists(wal);
        }
    }

    private void copyTable(DuckDBConnection conn, Table t, TimeWindow w, Filters f, Listener listener, QueryContext ctx)
            throws WarehouseException, SQLException {
        long expected = wh.count(where(Sql.builder().sql("SELECT count(*) FROM " + wh.table(t)), t, w, f).build(), ctx);
        listener.progress(t.name(), 0, expected);
        String select = t.columns().stream().map(this::selectExpr).collect(Collectors.joining(", "));
        Sql sql = where(Sql.builder().sql("SELECT " + select + " FROM " + wh.table(t)), t, w, f).build();
        List<Column> cols = t.columns();
        long[] done = {0};
        try (DuckDBAppender app = conn.createAppender(DuckDBConnection.DEFAULT_SCHEMA, t.name())) {
            wh.stream(sql, rs -> {
                app.beginRow();
                for (int i = 0; i < cols.size(); i++) append(app, rs, i + 1, cols.get(i));
                app.endRow();
                if (++done[0] % PROGRESS_EVERY == 0) {
                    listener.progress(t.name(), done[0], expected);
                    if (done[0] % COMMIT_EVERY == 0) {
                        app.flush();
                        conn.commit(); // bounds transaction memory on large exports
                    }
                }
            }, ctx);
        }
        listener.progress(t.name(), done[0], Math.max(expected, done[0]));
    }

    private String selectExpr(Column c) {
        return switch (c.type()) {
            case DATETIME -> d.epochSeconds(c.name());
            case IPV4, IPV6 -> d.ipText(c.name());
            default -> c.name();
        };
    }

    private static void append(DuckDBAppender app, ResultSet rs, int i, Column c) throws SQLException {
        switch (c.type()) {
            case DATETIME -> {
                long s = rs.getLong(i);
                if (rs.wasNull()) app.append((LocalDateTime) null);
                else app.append(LocalDateTime.ofEpochSecond(s, 0, ZoneOffset.UTC));
            }
            case UINT8 -> app.append((short) rs.getInt(i));
            case UINT16 -> app.append(rs.getInt(i));
            case UINT32, UINT64 -> app.append(rs.getLong(i));
            case FLOAT64 -> app.append(rs.getDouble(i));
            default -> app.append(rs.getString(i));
        }
    }

    /** WHERE clause of a table's rows in the snapshot (see the class comment). */
    private Sql.Builder where(Sql.Builder b, Table t, TimeWindow w, Filters f) {
        boolean ipScoped = t.name().equals(WarehouseSchema.IP_RECURRENCE) || t.name().equals(WarehouseSchema.SOC_FEEDBACK);
        if (ipScoped) {
            b.sql(" WHERE src_ip IN (");
            ipsPresent(b, WarehouseSchema.DETECTED_ANOMALIES_TABLE, w, f);
            b.sql(" UNION ALL ");
            ipsPresent(b, WarehouseSchema.ALL_SCORES_TABLE, w, f);
            b.sql(")");
            if (t.timeColumn().isPresent()) b.sql(" AND " + t.timeColumn().get() + " < ").time(d, w.asOf());
            return b;
        }
        b.sql(" WHERE 1 = 1");
        t.timeColumn().ifPresent(tc -> b.sql(" AND " + tc + " >= ").time(d, w.from()).sql(" AND " + tc + " < ").time(d, w.asOf()));
        filters(b, t, f);
        return b;
    }

    private void ipsPresent(Sql.Builder b, Table t, TimeWindow w, Filters f) {
        String tc = t.timeColumn().orElseThrow();
        b.sql("SELECT src_ip FROM " + wh.table(t) + " WHERE " + tc + " >= ").time(d, w.from())
                .sql(" AND " + tc + " < ").time(d, w.asOf());
        filters(b, t, f);
    }

    private static void filters(Sql.Builder b, Table t, Filters f) {
        if (!f.hosts().isEmpty() && t.hasColumn("host")) inList(b, "host", f.hosts());
        if (!f.threatLevels().isEmpty() && t.hasColumn("threat_level")) inList(b, "threat_level", f.threatLevels());
    }

    private static void inList(Sql.Builder b, String column, List<String> values) {
        b.sql(" AND " + column + " IN (" + values.stream().map(v -> "?").collect(Collectors.joining(", ")) + ")", values.toArray());
    }

    /** True when the exception means the export was cancelled (for callers that report it). */
    public static boolean isCancel(Throwable t) {
        return t instanceof QueryCancelledException;
    }
}
