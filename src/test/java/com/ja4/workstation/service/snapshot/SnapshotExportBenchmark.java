package com.ja4.workstation.service.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ja4.workstation.data.demo.DemoGenerator;
import com.ja4.workstation.data.demo.DemoOptions;
import com.ja4.workstation.data.schema.WarehouseSchema;
import com.ja4.workstation.data.snapshot.SnapshotManifest;
import com.ja4.workstation.data.warehouse.DatabaseNames;
import com.ja4.workstation.data.warehouse.QueryContext;
import com.ja4.workstation.data.warehouse.Sql;
import com.ja4.workstation.data.warehouse.Warehouse;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.service.source.SnapshotOpener;
import com.ja4.workstation.testing.ChdbServer;
import com.ja4.workstation.testing.DemoSnapshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Export throughput end to end from a local ClickHouse engine (chDB through the test adapter and
 * clickhouse-jdbc) into a DuckDB snapshot: the bulk path (Parquet written by the server) against
 * the row-by-row path as the baseline, in the same process. Run:
 * {@code mvn -o -Pbench test -Dtest=SnapshotExportBenchmark} (add {@code -Dja4.bench.scale=10}
 * for the 10x demo: about 2 million HTTP log rows in the day).
 */
@Tag("bench")
class SnapshotExportBenchmark {

    private static final TimeWindow DAY = new TimeWindow(DemoOptions.DEFAULT_AS_OF, Duration.ofHours(24));

    @Test
    void exportRowsPerSecond() throws Exception {
        int scale = Integer.getInteger("ja4.bench.scale", 1);
        Path dir = Files.createTempDirectory("ja4-export-bench");
        ChdbServer server = scale == 1 ? ChdbServer.demo() : scaledServer(scale, dir);
        int runs = scale == 1 ? 10 : 3;
        try (Warehouse ch = server.warehouse()) {
            Result bulk = measure("bulk (Parquet)", runs, dir, run -> new SnapshotExporter(ch), true);
            Result rows = measure("row by row (baseline)", Math.max(2, runs / 3), dir, run -> SnapshotExporter.rowByRow(ch), false);
            assertEquals(rows.checksum, bulk.checksum, "both paths write the same content");
            System.out.printf("scale %d: %,d rows; bulk best %,.0f rows/s, median %,.0f rows/s; row by row best %,.0f rows/s; "
                    + "bulk/row ratio (best) %.2fx%n", scale, bulk.rows, bulk.best(), bulk.median(), rows.best(), bulk.best() / rows.best());

            // where the time goes: the same rows only read through the driver (no writing)
            double bestRead = 0;
            for (int run = 0; run < 3; run++) {
                long t0 = System.nanoTime();
                long[] n = {0};
                for (var t : WarehouseSchema.TABLES) {
                    ch.stream(Sql.of("SELECT " + String.join(", ", t.columnNames()) + " FROM " + ch.table(t)), rs -> n[0]++, QueryContext.create());
                }
                bestRead = Math.max(bestRead, n[0] / ((System.nanoTime() - t0) / 1e9));
            }
            System.out.printf("read only through clickhouse-jdbc + chDB adapter (all rows, no window): %,.0f rows/s%n", bestRead);
            assertTrue(bulk.best() > 0);
        } finally {
            if (scale != 1) server.close();
        }
        if (scale == 1) {
            try (var ws = SnapshotOpener.open(DemoSnapshots.defaultDemo())) {
                Result duck = measure("from a DuckDB snapshot (row by row, no HTTP)", 3, dir, run -> new SnapshotExporter(ws.session().warehouse()), false);
                System.out.printf("export from a DuckDB snapshot: best %,.0f rows/s%n", duck.best());
            }
        }
    }

    private interface ExporterFor {
        SnapshotExporter make(int run);
    }

    private record Result(long rows, List<Double> rates, String checksum) {
        double best() {
            return Collections.max(rates);
        }

        double median() {
            List<Double> s = new ArrayList<>(rates);
            Collections.sort(s);
            return s.get(s.size() / 2);
        }
    }

    private static Result measure(String label, int runs, Path dir, ExporterFor exporter, boolean showProgress) throws Exception {
        List<Double> rates = new ArrayList<>();
        long rows = 0;
        String checksum = null;
        for (int run = 0; run < runs; run++) {
            Path out = dir.resolve(label.replaceAll("\\W", "") + run + ".duckdb");
            long t0 = System.nanoTime();
            boolean print = showProgress && run == runs - 1;
            SnapshotManifest m = exporter.make(run).export(DAY, SnapshotExporter.Filters.NONE, "bench", out, (t, done, expected) -> {
                if (print) System.out.printf("    %.2f s %s %,d/%,d%n", (System.nanoTime() - t0) / 1e9, t, done, expected);
            }, QueryContext.create());
            double secs = (System.nanoTime() - t0) / 1e9;
            rows = m.rowCounts().values().stream().mapToLong(Long::longValue).sum();
            checksum = m.checksum();
            rates.add(rows / secs);
            System.out.printf("  %s run %d: %,d rows in %.2f s = %,.0f rows/s (file %,d bytes)%n", label, run, rows, secs, rows / secs, Files.size(out));
            Files.delete(out);
        }
        return new Result(rows, rates, checksum);
    }

    private static ChdbServer scaledServer(int scale, Path dir) throws Exception {
        long t0 = System.nanoTime();
        Path snapshot = new DemoGenerator(DemoOptions.defaults().withScale(scale)).generate(dir.resolve("demo-x" + scale + ".duckdb")).file();
        ChdbServer s = ChdbServer.start(ChdbServer.DEFAULT_SERVER_TIMEZONE);
        s.loadSnapshot(snapshot, DatabaseNames.DEFAULT.processing());
        System.out.printf("demo x%d generated and loaded into chDB in %.1f s%n", scale, (System.nanoTime() - t0) / 1e9);
        return s;
    }
}
