package com.ja4.workstation.data.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ja4.workstation.app.RootCommand;
import com.ja4.workstation.data.schema.WarehouseSchema;
import com.ja4.workstation.data.snapshot.SnapshotFormat;
import com.ja4.workstation.data.snapshot.SnapshotManifest;
import com.ja4.workstation.testing.DemoSnapshots;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Determinism, manifest, atomic write, speed and the command line. */
class DemoGeneratorTest {

    @TempDir
    Path tmp;

    @Test
    void sameSeedGivesSameContentAnotherSeedDoesNot() throws Exception {
        DemoSummary first = DemoSnapshots.defaultDemoSummary();
        DemoSummary again = new DemoGenerator(DemoOptions.defaults()).generate(tmp.resolve("again.duckdb"));
        assertEquals(first.checksum(), again.checksum());
        assertEquals(first.rows(), again.rows());
        assertEquals(groundTruth(first.file()), groundTruth(again.file()), "demo_population differs");

        DemoSummary other = new DemoGenerator(DemoOptions.defaults().withSeed(7)).generate(tmp.resolve("seed7.duckdb"));
        assertNotEquals(first.checksum(), other.checksum());
    }

    @Test
    void manifestDescribesTheDemo() throws Exception {
        DemoSummary summary = DemoSnapshots.defaultDemoSummary();
        try (DemoDb db = new DemoDb(summary.file())) {
            SnapshotManifest m = SnapshotFormat.readManifest(db.connection());
            assertEquals("demo seed 42 scale 1", m.source());
            assertEquals(DemoOptions.DEFAULT_AS_OF, m.asOf());
            assertEquals(Duration.ofHours(24), m.window());
            var tables = new java.util.ArrayList<>(WarehouseSchema.TABLES);
            tables.add(SnapshotFormat.POPULATION);
            assertEquals(SnapshotFormat.rowCounts(db.connection(), "", tables), m.rowCounts(), "the ground truth is listed too");
            assertEquals(SnapshotFormat.checksum(db.connection(), m), m.checksum());
            assertFalse(m.isSigned(), "the demo is not signed: its provenance is set by the workstation that made it");
            for (var t : WarehouseSchema.TABLES) assertTrue(m.rowCounts().get(t.name()) > 0, t.name() + " is empty");
        }
    }

    @Test
    void defaultSizeIsAboutTwoThousandIpsAndTwoHundredThousandLogRows() {
        DemoSummary s = DemoSnapshots.defaultDemoSummary();
        System.out.println("default demo generated in " + s.elapsed().toMillis() + " ms: " + s);
        assertEquals(2000, s.ips());
        long logs = s.rows(WarehouseSchema.HTTP_LOGS);
        assertTrue(logs > 150_000 && logs < 260_000, "http_logs rows " + logs);
        // the 10 s target is for a warm run; this is only a safety net against a pathological slowdown
        assertTrue(s.elapsed().toSeconds() < 30, "took " + s.elapsed());
    }

    @Test
    void failedRunLeavesNoFileThatLooksComplete() throws Exception {
        // a non-empty folder where the snapshot should go: the final move must fail
        Path target = tmp.resolve("blocked.duckdb");
        Files.createDirectories(target);
        Files.writeString(target.resolve("keep.txt"), "x");
        assertThrows(java.io.IOException.class, () -> new DemoGenerator(DemoOptions.defaults()).generate(target));
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of(target), left.toList(), "temporary files left behind");
        }
    }

    @Test
    void hourStartsCoverTheWindowWithoutLeavingIt() {
        long[] aligned = DemoGenerator.hourStarts(Instant.parse("2026-11-20T12:00:00Z"));
        assertEquals(24, aligned.length);
        assertEquals(Instant.parse("2026-11-19T12:00:00Z").getEpochSecond(), aligned[0]);
        long[] ragged = DemoGenerator.hourStarts(Instant.parse("2026-11-20T12:30:00Z"));
        assertEquals(23, ragged.length);
        assertEquals(Instant.parse("2026-11-19T13:00:00Z").getEpochSecond(), ragged[0]);
        assertEquals(Instant.parse("2026-11-20T11:00:00Z").getEpochSecond(), ragged[22]);
    }

    @Test
    void demoCommandWritesTheFileAndPrintsOneLine() throws Exception {
        Path out = tmp.resolve("cli.duckdb");
        StringWriter text = new StringWriter();
        CommandLine cli = new CommandLine(new RootCommand());
        cli.setOut(new PrintWriter(text));
        int code = cli.execute("demo", "--seed", "42", "--as-of", "2026-11-20T12:00:00Z", "--out", out.toString());
        assertEquals(0, code);
        assertTrue(Files.isRegularFile(out));
        String line = text.toString().trim();
        assertFalse(line.contains("\n"), line);
        assertTrue(line.contains("2000 IPs") && line.contains("http_logs=") && line.endsWith(" s"), line);
        try (DemoDb db = new DemoDb(out)) {
            assertEquals(DemoSnapshots.defaultDemoSummary().checksum(), SnapshotFormat.readManifest(db.connection()).checksum());
        }
    }

    @Test
    void invalidScaleIsRefused() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new RootCommand());
        cli.setErr(new PrintWriter(err));
        assertEquals(2, cli.execute("demo", "--scale", "0", "--out", tmp.resolve("x.duckdb").toString()));
        assertTrue(err.toString().contains("scale"), err.toString());
    }

    private static List<String> groundTruth(Path file) throws Exception {
        try (DemoDb db = new DemoDb(file)) {
            return db.strings("SELECT src_ip || '=' || population FROM demo_population ORDER BY src_ip");
        }
    }
}
