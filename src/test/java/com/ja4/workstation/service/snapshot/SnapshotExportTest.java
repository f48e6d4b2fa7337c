package com.ja4.workstation.service.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ja4.workstation.app.RootCommand;
import com.ja4.workstation.data.demo.DemoOptions;
import com.ja4.workstation.data.schema.WarehouseSchema;
import com.ja4.workstation.data.snapshot.SnapshotException;
import com.ja4.workstation.data.snapshot.SnapshotManifest;
import com.ja4.workstation.data.warehouse.QueryCancelledException;
import com.ja4.workstation.data.warehouse.QueryContext;
import com.ja4.workstation.data.warehouse.Warehouse;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.service.Workspace;
import com.ja4.workstation.service.source.SnapshotOpener;
import com.ja4.workstation.service.source.SnapshotVerifier;
import com.ja4.workstation.testing.ChdbServer;
import com.ja4.workstation.testing.DemoSnapshots;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SnapshotExportTest {

    static final TimeWindow DAY = new TimeWindow(DemoOptions.DEFAULT_AS_OF, Duration.ofHours(24));

    @TempDir
    static Path dir;
    static Path exported;
    static SnapshotManifest exportedManifest;

    /** One export of the demo (DuckDB as the source) that the file-damage tests copy. */
    @BeforeAll
    static void exportDemo() throws Exception {
        exported = dir.resolve("export.duckdb");
        try (Workspace demo = SnapshotOpener.open(DemoSnapshots.defaultDemo())) {
            exportedManifest = new SnapshotExporter(demo.session().warehouse()).export(DAY, SnapshotExporter.Filters.NONE, "demo copy",
                    exported, SnapshotExporter.Listener.NONE, QueryContext.create());
        }
    }

    @Test
    void exportWritesEveryTableManifestAndChecksumAndOpens() throws Exception {
        SnapshotManifest m = SnapshotVerifier.verify(exported);
        assertEquals(exportedManifest, m.withProvenance(exportedManifest.provenance()));
        assertTrue(m.isSigned(), "an export is signed");
        assertEquals(com.ja4.workstation.data.snapshot.Provenance.Kind.TRUSTED_KEY, m.provenance().kind(),
                "this workstation's own key is trusted: " + m.provenance());
        assertEquals("demo copy", m.source());
        assertEquals(DAY.asOf(), m.asOf());
        for (var t : WarehouseSchema.TABLES) assertTrue(m.rowCounts().containsKey(t.name()), t.name());
        assertTrue(m.rowCounts().get(WarehouseSchema.HTTP_LOGS) > 100_000);
        assertTrue(m.rowCounts().get(WarehouseSchema.IP_RECURRENCE) > 0);
        try (Workspace w = SnapshotOpener.open(exported); Workspace demo = SnapshotOpener.open(DemoSnapshots.defaultDemo())) {
            for (String table : List.of(WarehouseSchema.HTTP_LOGS, WarehouseSchema.DETECTED_ANOMALIES, WarehouseSchema.ALL_SCORES)) {
                assertEquals(demo.session().manifest().orElseThrow().rowCounts().get(table), m.rowCounts().get(table), table);
            }
        }
    }

    @Test
    void filtersKeepOnlyTheChosenHostsAndThreatLevels() throws Exception {
        Path out = dir.resolve("filtered.duckdb");
        try (Workspace demo = SnapshotOpener.open(DemoSnapshots.defaultDemo())) {
            String host = new com.ja4.workstation.data.overview.OverviewQueries(demo.session().warehouse()).topIps(DAY, 1, QueryContext.create()).isEmpty()
                    ? "" : firstHost(demo.session().warehouse());
            SnapshotManifest m = new SnapshotExporter(demo.session().warehouse()).export(DAY,
                    new SnapshotExporter.Filters(List.of(host), List.of("HIGH", "CRITICAL")), "demo", out,
                    SnapshotExporter.Listener.NONE, QueryContext.create());
            assertTrue(m.filters().contains(host) && m.filters().contains("HIGH"), m.filters());
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + out); Statement s = c.createStatement()) {
                var rs = s.executeQuery("SELECT count(*), count(*) FILTER (WHERE host <> '" + host + "' OR threat_level NOT IN ('HIGH','CRITICAL')) FROM ml_detected_anomalies");
                rs.next();
                assertTrue(rs.getLong(1) > 0);
                assertEquals(0, rs.getLong(2));
            }
        }
        SnapshotVerifier.verify(out);
    }

    private static String firstHost(Warehouse w) throws Exception {
        return w.first(com.ja4.workstation.data.warehouse.Sql.of("SELECT host FROM ml_detected_anomalies GROUP BY host ORDER BY count(*) DESC LIMIT 1"),
                rs -> rs.getString(1), QueryContext.create()).orElseThrow();
    }

    @Test
    void exportCancelledHalfwayLeavesNothingThatOpens() throws Exception {
        Path sub = Files.createDirectories(dir.resolve("cancel"));
        Path out = sub.resolve("cancelled.duckdb");
        QueryContext ctx = QueryContext.create();
        List<String> seen = new ArrayList<>();
        try (Workspace demo = SnapshotOpener.open(DemoSnapshots.defaultDemo())) {
            assertThrows(QueryCancelledException.class, () -> new SnapshotExporter(demo.session().warehouse()).export(DAY,
                    SnapshotExporter.Filters.NONE, "demo", out, (table, done, expected) -> {
                        seen.add(table + " " + done + "/" + expected);
                        if (table.equals(WarehouseSchema.HTTP_LOGS) && done >= expected / 2 && done > 0) ctx.cancel();
                    }, ctx));
        }
        assertTrue(seen.stream().anyMatch(s -> s.startsWith(WarehouseSchema.HTTP_LOGS + " 0/")), seen.toString());
        assertFalse(Files.exists(out), "no file at the target");
        try (Stream<Path> left = Files.list(sub)) {
            assertEquals(List.of(), left.toList(), "no partial file left behind");
        }
        assertThrows(SnapshotException.class, () -> SnapshotOpener.open(out));
    }

    @Test
    void aValueChangedWithDuckDbIsRefused() throws Exception {
        Path copy = dir.resolve("altered.duckdb");
        Files.copy(exported, copy);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + copy); Statement s = c.createStatement()) {
            assertEquals(1, s.executeUpdate("UPDATE ml_detected_anomalies SET anomaly_score = anomaly_score + 0.5"
                    + " WHERE rowid = (SELECT min(rowid) FROM ml_detected_anomalies)"));
        }
        SnapshotException e = assertThrows(SnapshotException.class, () -> SnapshotOpener.open(copy));
        assertTrue(e.getMessage().contains("checksum"), e.getMessage());
        assertEquals(1, verifyCommand(copy).code());
    }

    @Test
    void aByteFlippedInTheFileIsRefused() throws Exception {
        // where columns live in the file: DuckDB has three 4 KiB headers, then 256 KiB blocks
        // each starting with an 8-byte checksum; storage_info gives the block and offset of a segment
        List<long[]> targets = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + exported, readOnly()); Statement s = c.createStatement()) {
            for (String[] tc : new String[][] {{"ml_detected_anomalies", "anomaly_score"}, {"http_logs", "host"}, {"ml_all_scores", "src_ip"}}) {
                var rs = s.executeQuery("SELECT block_id, block_offset FROM pragma_storage_info('" + tc[0] + "') WHERE column_name = '"
                        + tc[1] + "' AND persistent AND block_id >= 0 ORDER BY row_group_id, segment_id LIMIT 1");
                assertTrue(rs.next(), tc[0] + "." + tc[1] + " is stored in a block");
                targets.add(new long[] {12_288 + rs.getLong(1) * 262_144 + 8 + rs.getLong(2) + 16});
            }
        }
        List<String> reasons = new ArrayList<>();
        for (long[] t : targets) {
            long offset = t[0];
            Path copy = dir.resolve("flipped-" + offset + ".duckdb");
            Files.copy(exported, copy);
            try (RandomAccessFile f = new RandomAccessFile(copy.toFile(), "rw")) {
                f.seek(offset);
                int b = f.read();
                f.seek(offset);
                f.write(b ^ 0x5A);
            }
            SnapshotException e = assertThrows(SnapshotException.class, () -> SnapshotOpener.open(copy).close(),
                    "a byte flipped at " + offset + " must be refused");
            reasons.add(offset + ": " + e.getMessage());
            assertTrue(e.getMessage().contains("damaged") || e.getMessage().contains("altered"), e.getMessage());
            assertEquals(1, verifyCommand(copy).code(), "verify exit code at offset " + offset);
        }
        System.out.println("byte flips refused:\n" + String.join("\n", reasons));
    }

    private static java.util.Properties readOnly() {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("duckdb.read_only", "true");
        return p;
    }

    @Test
    void verifyCommandExitCodes() throws Exception {
        Result ok = verifyCommand(exported);
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("OK") && ok.out().contains(exportedManifest.checksum()), ok.out());
        Result missing = verifyCommand(dir.resolve("nope.duckdb"));
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("not found"), missing.err());
        Path garbage = dir.resolve("garbage.duckdb");
        Files.writeString(garbage, "not a database");
        Result bad = verifyCommand(garbage);
        assertEquals(1, bad.code());
        assertTrue(bad.err().startsWith("FAILED"), bad.err());
    }

    record Result(int code, String out, String err) {
    }

    static Result verifyCommand(Path file) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new RootCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute("snapshot", "verify", file.toString());
        return new Result(code, out.toString(), err.toString());
    }

    /** The checksum of a file's tables as if it had manifest {@code m}: equal for two files exactly when their tables are. */
    private static String contentUnder(SnapshotManifest m, Path file) throws Exception {
        java.util.Properties ro = new java.util.Properties();
        ro.setProperty("duckdb.read_only", "true");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file, ro)) {
            return com.ja4.workstation.data.snapshot.SnapshotFormat.checksum(c, m);
        }
    }

    /** From ClickHouse (chDB, production DDL) and from DuckDB, the same window gives the same rows: same counts and checksum. */
    @Test
    void exportFromClickHouseMatchesExportFromTheSnapshot() throws Exception {
        ChdbServer server = ChdbServer.demo();
        Path out = dir.resolve("from-clickhouse.duckdb");
        List<String> progress = new ArrayList<>();
        SnapshotManifest m;
        try (Warehouse ch = server.warehouse()) {
            m = new SnapshotExporter(ch).export(DAY, SnapshotExporter.Filters.NONE, "clickhouse chdb-test", out,
                    (t, done, expected) -> progress.add(t + " " + done + "/" + expected), QueryContext.create());
        }
        assertEquals(exportedManifest.rowCounts(), m.rowCounts());
        // the checksums differ by the manifest (source label): compare the tables under one manifest
        assertEquals(contentUnder(exportedManifest, exported), contentUnder(exportedManifest, out), "same content from both engines");
        assertTrue(progress.contains(WarehouseSchema.HTTP_LOGS + " " + m.rowCounts().get(WarehouseSchema.HTTP_LOGS) + "/"
                + m.rowCounts().get(WarehouseSchema.HTTP_LOGS)), progress.toString());
        assertEquals(m, SnapshotVerifier.verify(out).withProvenance(m.provenance()));
        Map<String, Long> counts = m.rowCounts();
        assertTrue(counts.values().stream().allMatch(n -> n >= 0));
    }

    /** The bulk path shows progress within the largest table, not only 0 and done. */
    @Test
    void exportFromClickHouseReportsProgressWithinTheLargestTable() throws Exception {
        Path out = dir.resolve("progress-from-clickhouse.duckdb");
        List<long[]> httpLogs = new ArrayList<>();
        try (Warehouse ch = ChdbServer.demo().warehouse()) {
            new SnapshotExporter(ch).export(DAY, SnapshotExporter.Filters.NONE, "clickhouse", out, (t, done, expected) -> {
                if (t.equals(WarehouseSchema.HTTP_LOGS)) httpLogs.add(new long[] {done, expected});
            }, QueryContext.create());
        }
        long between = httpLogs.stream().filter(p -> p[0] > 0 && p[0] < p[1]).count();
        assertTrue(between >= 2, "progress steps inside http_logs: " + httpLogs.stream().map(p -> p[0] + "/" + p[1]).toList());
        for (int i = 1; i < httpLogs.size(); i++) assertTrue(httpLogs.get(i)[0] >= httpLogs.get(i - 1)[0], "progress never goes back");
    }

    /** Host and threat filters (a hostile host string among them) give the same rows from ClickHouse as from DuckDB. */
    @Test
    void filteredExportFromClickHouseMatchesTheSameFilterOnTheSnapshot() throws Exception {
        String host;
        SnapshotManifest fromDuck;
        SnapshotExporter.Filters filters;
        try (Workspace demo = SnapshotOpener.open(DemoSnapshots.defaultDemo())) {
            host = firstHost(demo.session().warehouse());
            filters = new SnapshotExporter.Filters(List.of(host, "x' OR 1=1 --\\", "%"), List.of("HIGH", "CRITICAL"));
            fromDuck = new SnapshotExporter(demo.session().warehouse()).export(DAY, filters, "f", dir.resolve("filtered-duck.duckdb"),
                    SnapshotExporter.Listener.NONE, QueryContext.create());
        }
        SnapshotManifest fromCh;
        try (Warehouse ch = ChdbServer.demo().warehouse()) {
            fromCh = new SnapshotExporter(ch).export(DAY, filters, "f", dir.resolve("filtered-ch.duckdb"),
                    SnapshotExporter.Listener.NONE, QueryContext.create());
        }
        assertTrue(fromCh.rowCounts().get(WarehouseSchema.DETECTED_ANOMALIES) > 0, fromCh.rowCounts().toString());
        assertTrue(fromCh.rowCounts().get(WarehouseSchema.HTTP_LOGS) < exportedManifest.rowCounts().get(WarehouseSchema.HTTP_LOGS));
        assertEquals(fromDuck.rowCounts(), fromCh.rowCounts());
        assertEquals(fromDuck.checksum(), fromCh.checksum(), "same filtered content from both engines");
    }

    /** The bulk path and the row-by-row path read the same rows from ClickHouse. */
    @Test
    void bulkAndRowByRowExportsFromClickHouseAgree() throws Exception {
        try (Warehouse ch = ChdbServer.demo().warehouse()) {
            TimeWindow sixHours = DAY.withLength(Duration.ofHours(6));
            SnapshotManifest bulk = new SnapshotExporter(ch).export(sixHours, SnapshotExporter.Filters.NONE, "ch",
                    dir.resolve("bulk.duckdb"), SnapshotExporter.Listener.NONE, QueryContext.create());
            SnapshotManifest rows = SnapshotExporter.rowByRow(ch).export(sixHours, SnapshotExporter.Filters.NONE, "ch",
                    dir.resolve("rows.duckdb"), SnapshotExporter.Listener.NONE, QueryContext.create());
            assertEquals(rows.rowCounts(), bulk.rowCounts());
            assertEquals(rows.checksum(), bulk.checksum());
        }
    }

    @Test
    void exportFromClickHouseCancelledHalfwayLeavesNothing() throws Exception {
        Path sub = Files.createDirectories(dir.resolve("cancel-ch"));
        Path out = sub.resolve("cancelled.duckdb");
        QueryContext ctx = QueryContext.create();
        try (Warehouse ch = ChdbServer.demo().warehouse()) {
            assertThrows(QueryCancelledException.class, () -> new SnapshotExporter(ch).export(DAY, SnapshotExporter.Filters.NONE,
                    "ch", out, (table, done, expected) -> {
                        if (table.equals(WarehouseSchema.HTTP_LOGS) && done > 0) ctx.cancel();
                    }, ctx));
        }
        assertFalse(Files.exists(out));
        try (Stream<Path> left = Files.list(sub)) {
            assertEquals(List.of(), left.toList(), "no partial snapshot or Parquet slice left behind");
        }
    }

    @Test
    void linkCutDuringExportFromClickHouseFailsClearlyAndLeavesNothing() throws Exception {
        Path sub = Files.createDirectories(dir.resolve("cut-ch"));
        Path out = sub.resolve("cut.duckdb");
        ChdbServer server = ChdbServer.demo();
        try (Warehouse ch = server.warehouse()) {
            var e = assertThrows(com.ja4.workstation.data.warehouse.WarehouseException.class,
                    () -> new SnapshotExporter(ch).export(DAY, SnapshotExporter.Filters.NONE, "ch", out, (table, done, expected) -> {
                        if (table.equals(WarehouseSchema.HTTP_LOGS) && done > 0) server.refuse(true);
                    }, QueryContext.create()));
            assertFalse(e instanceof QueryCancelledException);
            String shown = com.ja4.workstation.service.query.QueryScope.reason(e); // what the export dialog shows
            assertTrue(shown.startsWith("The connection to the server was lost"), shown);
        } finally {
            server.refuse(false);
        }
        assertFalse(Files.exists(out));
        try (Stream<Path> left = Files.list(sub)) {
            assertEquals(List.of(), left.toList(), "no partial snapshot or Parquet slice left behind");
        }
    }
}
