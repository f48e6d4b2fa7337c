package com.ja4.workstation.service.snapshot;

import com.ja4.workstation.data.schema.Column;
import com.ja4.workstation.data.schema.Table;
import com.ja4.workstation.data.snapshot.SnapshotExtractQueries;
import com.ja4.workstation.data.warehouse.QueryContext;
import com.ja4.workstation.data.warehouse.WarehouseException;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.service.snapshot.SnapshotExporter.Filters;
import com.ja4.workstation.service.snapshot.SnapshotExporter.Listener;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Row path, for sources without a bulk format (a DuckDB snapshot) and as the benchmark's baseline:
 * each value read through JDBC and appended with the DuckDB Appender.
 */
final class RowByRowTableCopy implements TableCopy {

    private static final int PROGRESS_EVERY = 20_000;
    private static final int COMMIT_EVERY = 500_000;

    private final SnapshotExtractQueries extract;

    RowByRowTableCopy(SnapshotExtractQueries extract) {
        this.extract = extract;
    }

    @Override
    public void copy(DuckDBConnection conn, Table t, TimeWindow w, Filters f, Path snapshotTmp, Listener listener, QueryContext ctx)
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
}
