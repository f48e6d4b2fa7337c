package com.ja4.workstation.service.snapshot;

import com.ja4.workstation.app.AppVersion;
import com.ja4.workstation.data.schema.Column;
import com.ja4.workstation.data.schema.Table;
import com.ja4.workstation.data.schema.WarehouseSchema;
import com.ja4.workstation.data.snapshot.SnapshotExtractQueries;
import com.ja4.workstation.data.snapshot.SnapshotFormat;
import com.ja4.workstation.data.snapshot.SnapshotManifest;
import com.ja4.workstation.data.warehouse.QueryCancelledException;
import com.ja4.workstation.data.warehouse.QueryContext;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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

    private final SnapshotExtractQueries extract;
    private final boolean bulk;

    /** Exports through the fastest path the source offers (Parquet from ClickHouse, rows otherwise). */
    public SnapshotExporter(Warehouse warehouse) {
        this(warehouse, true);
    }

    private SnapshotExporter(Warehouse warehouse, boolean bulk) {
        this.extract = new SnapshotExtractQueries(warehouse);
        this.bulk = bulk && extract.canExtractParquet();
    }

    /** Reads every value through JDBC and appends it (the path for sources without Parquet; a baseline). */
    public static SnapshotExporter rowByRow(Warehouse warehouse) {
        return new SnapshotExporter(warehouse, false);
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
                    if (bulk) copyTableAsParquet(conn, t, window, filters, tmp, listener, ctx);
                    else copyTable(conn, t, window, filters, listener, ctx);
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

    /** Slices of about this many rows: progress moves and a cancel is heard within each. */
    private static final long ROWS_PER_SLICE = 50_000;
    private static final int MAX_SLICES = 64;

    /**
     * Bulk path from ClickHouse: the server writes the rows as Parquet, streamed to a file beside
     * the snapshot, and DuckDB inserts that file in one statement; no value is decoded in Java.
     * Large tables go in time slices, the next one downloading while DuckDB inserts the current.
     */
    private void copyTableAsParquet(DuckDBConnection conn, Table t, TimeWindow w, Filters f, Path snapshotTmp, Listener listener,
                                    QueryContext ctx) throws WarehouseException, SQLException, IOException {
        long expected = extract.count(t, w, f.hosts(), f.threatLevels(), ctx);
        listener.progress(t.name(), 0, expected);
        int parts = (int) Math.min(MAX_SLICES, Math.max(1, (expected + ROWS_PER_SLICE - 1) / ROWS_PER_SLICE));
        List<TimeWindow> slices = SnapshotExtractQueries.slices(t, w, parts);
        List<Path> files = new java.util.ArrayList<>();
        for (int i = 0; i < slices.size(); i++) files.add(snapshotTmp.resolveSibling(snapshotTmp.getFileName() + "." + t.name() + "." + i + ".parquet"));
        QueryContext fetchCtx = QueryContext.create();
        ExecutorService fetcher = Executors.newSingleThreadExecutor(r -> {
            Thread th = new Thread(r, "snapshot-fetch-" + t.name());
            th.setDaemon(true);
            return th;
        });
        long done = 0;
        try (QueryContext.Link link = ctx.propagateTo(fetchCtx)) {
            Future<Path> next = fetcher.submit(() -> fetch(t, slices.get(0), f, files.get(0), fetchCtx));
            for (int i = 0; i < slices.size(); i++) {
                Path file = await(next, ctx);
                if (i + 1 < slices.size()) {
                    int j = i + 1;
                    next = fetcher.submit(() -> fetch(t, slices.get(j), f, files.get(j), fetchCtx));
                }
                ctx.throwIfCancelled();
                done += SnapshotFormat.insertFromParquet(conn, t, file);
                Files.deleteIfExists(file);
                listener.progress(t.name(), done, Math.max(expected, done));
            }
        } finally {
            fetchCtx.cancel(); // a download still running after a failure stops here
            fetcher.shutdown();
            try {
                fetcher.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (Path p : files) Files.deleteIfExists(p);
        }
    }

    private Path fetch(Table t, TimeWindow slice, Filters f, Path file, QueryContext ctx) throws WarehouseException, IOException {
        try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            extract.extractParquet(t, slice, f.hosts(), f.threatLevels(), out, ctx);
        }
        return file;
    }

    private static Path await(Future<Path> pending, QueryContext ctx) throws WarehouseException, IOException {
        try {
            return pending.get();
        } catch (ExecutionException e) {
            if (ctx.isCancelled()) throw new QueryCancelledException();
            Throwable c = e.getCause();
            if (c instanceof WarehouseException we) throw we;
            if (c instanceof IOException io) throw io;
            throw new WarehouseException("Export failed: " + c, c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QueryCancelledException();
        }
    }

    private void copyTable(DuckDBConnection conn, Table t, TimeWindow w, Filters f, Listener listener, QueryContext ctx)
            throws WarehouseException, SQLException {
        long expected = extract.count(t, w, f.hosts(), f.threatLevels(), ctx);
        listener.progress(t.name(), 0, expected);
        List<Column> cols = t.columns();
        long[] done = {0};
        // Reading (driver decoding) and writing (appender) each take about half the time, so they
        // run on both cores: this thread decodes rows into batches, a writer thread appends them.
        BatchWriter writer = new BatchWriter(conn, t, cols);
        Object[][][] batch = {new Object[BATCH_ROWS][]};
        int[] filled = {0};
        try {
            extract.stream(t, w, f.hosts(), f.threatLevels(), rs -> {
                Object[] row = new Object[cols.size()];
                for (int i = 0; i < row.length; i++) row[i] = read(rs, i + 1, cols.get(i));
                batch[0][filled[0]++] = row;
                if (filled[0] == BATCH_ROWS) {
                    writer.submit(batch[0], filled[0]);
                    batch[0] = new Object[BATCH_ROWS][];
                    filled[0] = 0;
                }
                if (++done[0] % PROGRESS_EVERY == 0) listener.progress(t.name(), done[0], expected);
            }, ctx);
            writer.submit(batch[0], filled[0]);
            writer.finish();
        } finally {
            writer.close();
        }
        listener.progress(t.name(), done[0], Math.max(expected, done[0]));
    }


    /** A value as the writer appends it: epoch seconds, integers, doubles or text. */
    private static Object read(ResultSet rs, int i, Column c) throws SQLException {
        Object v = switch (c.type()) {
            case DATETIME, UINT8, UINT16, UINT32, UINT64 -> rs.getLong(i);
            case FLOAT64 -> rs.getDouble(i);
            default -> rs.getString(i);
        };
        return rs.wasNull() ? null : v;
    }

    private static final int BATCH_ROWS = 4096;

    /** Appends batches of rows on its own thread; a failure there surfaces on the reading thread. */
    private static final class BatchWriter implements AutoCloseable {
        private static final Object[][] END = new Object[0][];
        private final java.util.concurrent.ArrayBlockingQueue<Object[][]> queue = new java.util.concurrent.ArrayBlockingQueue<>(8);
        private final java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        private final Thread thread;

        BatchWriter(DuckDBConnection conn, Table t, List<Column> cols) {
            thread = new Thread(() -> {
                try (DuckDBAppender app = conn.createAppender(DuckDBConnection.DEFAULT_SCHEMA, t.name())) {
                    app.setWriteInlinedStrings(true);
                    long rows = 0;
                    for (Object[][] b = queue.take(); b != END; b = queue.take()) {
                        for (Object[] row : b) {
                            if (row == null) break;
                            app.beginRow();
                            for (int i = 0; i < row.length; i++) append(app, row[i], cols.get(i));
                            app.endRow();
                            if (++rows % COMMIT_EVERY == 0) {
                                app.flush();
                                conn.commit(); // bounds transaction memory on large exports
                            }
                        }
                    }
                    done.complete(null);
                } catch (Throwable e) {
                    done.completeExceptionally(e);
                    queue.clear();
                }
            }, "snapshot-writer-" + t.name());
            thread.setDaemon(true);
            thread.start();
        }

        void submit(Object[][] rows, int n) throws SQLException {
            if (n == 0) return;
            if (done.isCompletedExceptionally()) finish();
            try {
                while (!queue.offer(rows, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    if (done.isDone()) finish();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while writing the snapshot", e);
            }
        }

        /** Waits for every submitted row to be appended; rethrows the writer's failure. */
        void finish() throws SQLException {
            try {
                if (!done.isDone()) queue.put(END);
                done.get();
            } catch (java.util.concurrent.ExecutionException e) {
                Throwable c = e.getCause();
                throw c instanceof SQLException se ? se : new SQLException("cannot append to the snapshot: " + c, c);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while writing the snapshot", e);
            }
        }

        /** Stops the writer if the read failed or was cancelled (no-op after finish). */
        @Override
        public void close() {
            if (!done.isDone()) {
                queue.clear();
                queue.offer(END);
            }
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void append(DuckDBAppender app, Object v, Column c) throws SQLException {
        if (v == null) {
            app.appendNull();
            return;
        }
        switch (c.type()) {
            case DATETIME -> app.appendEpochMicros((Long) v * 1_000_000L); // TIMESTAMP holds microseconds
            case UINT8 -> app.append((short) (long) (Long) v);
            case UINT16 -> app.append((int) (long) (Long) v);
            case UINT32, UINT64 -> app.append((long) (Long) v);
            case FLOAT64 -> app.append((double) (Double) v);
            default -> app.append((String) v);
        }
    }

    /** True when the exception means the export was cancelled (for callers that report it). */
    public static boolean isCancel(Throwable t) {
        return t instanceof QueryCancelledException;
    }
}
