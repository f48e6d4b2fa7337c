package com.ja4.workstation.service.snapshot;

import com.ja4.workstation.data.schema.Table;
import com.ja4.workstation.data.snapshot.SnapshotExtractQueries;
import com.ja4.workstation.data.snapshot.SnapshotFormat;
import com.ja4.workstation.data.warehouse.QueryCancelledException;
import com.ja4.workstation.data.warehouse.QueryContext;
import com.ja4.workstation.data.warehouse.WarehouseException;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.service.snapshot.SnapshotExporter.Filters;
import com.ja4.workstation.service.snapshot.SnapshotExporter.Listener;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.duckdb.DuckDBConnection;

/**
 * Bulk path from ClickHouse: the server writes a table's rows as Parquet, streamed to a file beside
 * the snapshot, and DuckDB inserts that file in one statement; no value is decoded in Java. Large
 * tables go in time slices, the next one downloading while DuckDB inserts the current.
 */
final class ParquetTableCopy implements TableCopy {

    private final SnapshotExtractQueries extract;

    ParquetTableCopy(SnapshotExtractQueries extract) {
        this.extract = extract;
    }

    /** Slices of about this many rows: progress moves and a cancel is heard within each. */
    private static final long ROWS_PER_SLICE = 50_000;
    private static final int MAX_SLICES = 64;

    @Override
    public void copy(DuckDBConnection conn, Table t, TimeWindow w, Filters f, Path snapshotTmp, Listener listener, QueryContext ctx)
            throws WarehouseException, SQLException, IOException {
        long expected = extract.count(t, w, f.hosts(), f.threatLevels(), ctx);
        listener.progress(t.name(), 0, expected);
        int parts = (int) Math.min(MAX_SLICES, Math.max(1, (expected + ROWS_PER_SLICE - 1) / ROWS_PER_SLICE));
        List<TimeWindow> slices = SnapshotExtractQueries.slices(t, w, parts);
        List<Path> files = new ArrayList<>();
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
                fetcher.awaitTermination(5, TimeUnit.SECONDS); // a download stuck on its server is left to its daemon thread
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (Path p : files) Files.deleteIfExists(p);
        }
    }

    private Path fetch(Table t, TimeWindow slice, Filters f, Path file, QueryContext ctx) throws WarehouseException, IOException {
        try (var out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            extract.extractParquet(t, slice, f.hosts(), f.threatLevels(), out, ctx);
        }
        return file;
    }

    /**
     * Waits for a slice, giving up as soon as the export is cancelled: a server that stops sending
     * mid-answer (seen with a test server after KILL QUERY) must not hold the cancel, and the HTTP
     * client's close drains what it believes is still to come.
     */
    private static Path await(Future<Path> pending, QueryContext ctx) throws WarehouseException, IOException {
        try {
            while (true) {
                if (ctx.isCancelled()) throw new QueryCancelledException();
                try {
                    return pending.get(100, TimeUnit.MILLISECONDS);
                } catch (TimeoutException stillRunning) {
                    // look at the cancel again
                }
            }
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
}
