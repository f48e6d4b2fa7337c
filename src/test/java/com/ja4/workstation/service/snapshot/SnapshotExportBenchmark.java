package com.ja4.workstation.service.snapshot;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ja4.workstation.data.demo.DemoOptions;
import com.ja4.workstation.data.snapshot.SnapshotManifest;
import com.ja4.workstation.data.warehouse.QueryContext;
import com.ja4.workstation.data.warehouse.Warehouse;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.testing.ChdbServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Export throughput end to end from a local ClickHouse engine (chDB through the adapter and
 * clickhouse-jdbc) into a DuckDB snapshot. Run: {@code mvn -o -Pbench test -Dtest=SnapshotExportBenchmark}.
 */
@Tag("bench")
class SnapshotExportBenchmark {

    @Test
    void exportRowsPerSecond() throws Exception {
        ChdbServer server = ChdbServer.demo();
        TimeWindow day = new TimeWindow(DemoOptions.DEFAULT_AS_OF, Duration.ofHours(24));
        Path dir = Files.createTempDirectory("ja4-export-bench");
        double best = 0;
        try (Warehouse ch = server.warehouse()) {
            for (int run = 0; run < 10; run++) { // the first runs warm up the JIT
                Path out = dir.resolve("bench-" + run + ".duckdb");
                long t0 = System.nanoTime();
                SnapshotManifest m = new SnapshotExporter(ch).export(day, SnapshotExporter.Filters.NONE, "bench", out,
                        (t, done, expected) -> System.out.printf("  %.2f s %s %d/%d%n", (System.nanoTime() - t0) / 1e9, t, done, expected),
                        QueryContext.create());
                double secs = (System.nanoTime() - t0) / 1e9;
                long rows = m.rowCounts().values().stream().mapToLong(Long::longValue).sum();
                double rate = rows / secs;
                best = Math.max(best, rate);
                System.out.printf("export run %d: %,d rows in %.2f s = %,.0f rows/s (file %,d bytes)%n", run, rows, secs, rate, Files.size(out));
            }
        }
        System.out.printf("export best: %,.0f rows/s%n", best);

        // where the time goes: the same rows read through the driver and the test adapter without
        // writing, and the same export from a DuckDB snapshot (no HTTP, no Python adapter)
        try (Warehouse ch = server.warehouse()) {
            double bestRead = 0;
            for (int run = 0; run < 3; run++) {
                long t0 = System.nanoTime();
                long[] rows = {0};
                for (var t : com.ja4.workstation.data.schema.WarehouseSchema.TABLES) {
                    ch.stream(com.ja4.workstation.data.warehouse.Sql.of("SELECT " + String.join(", ", t.columnNames()) + " FROM " + ch.table(t)),
                            rs -> rows[0]++, QueryContext.create());
                }
                bestRead = Math.max(bestRead, rows[0] / ((System.nanoTime() - t0) / 1e9));
            }
            System.out.printf("read only through clickhouse-jdbc + chDB adapter: %,.0f rows/s%n", bestRead);
        }
        try (var ws = com.ja4.workstation.service.source.SnapshotOpener.open(com.ja4.workstation.testing.DemoSnapshots.defaultDemo())) {
            double bestDuck = 0;
            for (int run = 0; run < 3; run++) {
                Path out = dir.resolve("duck-" + run + ".duckdb");
                long t0 = System.nanoTime();
                SnapshotManifest m = new SnapshotExporter(ws.warehouse()).export(day, SnapshotExporter.Filters.NONE, "bench", out,
                        (t, done, expected) -> { }, QueryContext.create());
                long rows = m.rowCounts().values().stream().mapToLong(Long::longValue).sum();
                bestDuck = Math.max(bestDuck, rows / ((System.nanoTime() - t0) / 1e9));
            }
            System.out.printf("export from a DuckDB snapshot (same exporter, no HTTP): %,.0f rows/s%n", bestDuck);
        }
        assertTrue(best > 0);
    }
}
