package com.ja4.workstation.service.source;

import static org.junit.jupiter.api.Assertions.*;

import com.ja4.workstation.data.schema.Table;
import com.ja4.workstation.data.schema.WarehouseSchema;
import com.ja4.workstation.data.snapshot.SnapshotException;
import com.ja4.workstation.data.snapshot.SnapshotFormat;
import com.ja4.workstation.service.snapshot.SnapshotKeys;
import com.ja4.workstation.testing.DemoSnapshots;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One byte flipped every 64 KB of the demo snapshot, one flip at a time (the copy is made once and
 * each flip undone in place): no flip that changes the content is accepted by the full check
 * ({@link SnapshotVerifier}, no verified-files shortcut).
 *
 * <p>To keep the sweep short, a quick independent read of every column comes first. A flip it
 * finds harmless (same content) or whose content it finds changed goes through the full check,
 * which must accept the first only if the content is really unchanged and must refuse the second.
 * A flip that makes DuckDB's own block checksum fail on that read cannot be accepted by a check
 * that reads every value; every eighth of those is still run through the full check to confirm it
 * is refused.
 */
class ByteFlipSweepTest {

    static final int STEP = 64 * 1024;

    @TempDir
    Path dir;

    @Test
    void noFlipThatChangesContentIsAccepted() throws Exception {
        Path original = DemoSnapshots.defaultDemo();
        Path copy = dir.resolve("flipped.duckdb");
        Files.copy(original, copy);
        SnapshotKeys keys = SnapshotKeys.at(dir.resolve("keys"));
        long size = Files.size(copy);
        Connection reader = DriverManager.getConnection("jdbc:duckdb:");
        List<String> reference = quickRead(reader, original);
        int unreadable = 0, confirmed = 0, refusedChanges = 0;
        List<Long> harmless = new ArrayList<>();
        long t0 = System.nanoTime();
        try (RandomAccessFile raf = new RandomAccessFile(copy.toFile(), "rw")) {
            for (long at = 0; at < size; at += STEP) {
                raf.seek(at);
                int b = raf.read();
                raf.seek(at);
                raf.write(b ^ 0xFF);
                raf.getFD().sync();
                try {
                    List<String> read = quickReadOrNull(reader, copy);
                    if (read == null && unreadable++ % 8 != 0) continue; // a block DuckDB itself refuses to read
                    boolean changed = read == null || !read.equals(reference);
                    try {
                        SnapshotVerifier.open(copy, keys, VerifiedFiles.none()).close();
                        assertFalse(changed, "the flip at byte " + at + " changed the content and was accepted");
                        assertSameContent(original, copy, at);
                        harmless.add(at);
                    } catch (SnapshotException e) {
                        assertFalse(e.getMessage().contains("\tat "), e.getMessage());
                        if (read == null) confirmed++;
                        else if (changed) refusedChanges++;
                    }
                } finally {
                    raf.seek(at);
                    raf.write(b);
                    raf.getFD().sync();
                }
            }
        }
        reader.close();
        long flips = (size + STEP - 1) / STEP;
        System.out.printf("byte-flip sweep: %d flips over %,d bytes in %.1f s: %d make a block unreadable (%d of them run through"
                        + " the check, all refused), %d change readable content (all refused), %d in unused space (content unchanged)"
                        + " at %s%n", flips, size, (System.nanoTime() - t0) / 1e9, unreadable, confirmed, refusedChanges,
                harmless.size(), harmless);
        assertEquals((unreadable + 7) / 8, confirmed, "every sampled unreadable flip is refused by the check");
        assertTrue(unreadable + refusedChanges > flips / 2, "most flips land in data: " + (unreadable + refusedChanges) + " of " + flips);
    }

    /** Per table, its row count and sum of row hashes, read from a plain DuckDB (not the workstation's check). */
    private static List<String> quickRead(Connection c, Path file) throws Exception {
        List<Table> tables = new ArrayList<>(WarehouseSchema.TABLES);
        tables.add(SnapshotFormat.POPULATION);
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            s.execute("DETACH DATABASE IF EXISTS f");
            s.execute("ATTACH '" + file + "' AS f (READ_ONLY)");
            for (Table t : tables) {
                try (ResultSet rs = s.executeQuery("SELECT count(*), sum(hash(" + String.join(", ", t.columnNames())
                        + "))::VARCHAR FROM f." + t.name())) {
                    rs.next();
                    out.add(t.name() + " " + rs.getLong(1) + " " + rs.getString(2));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT string_agg(key || '=' || value, ';' ORDER BY key) FROM f."
                    + SnapshotFormat.MANIFEST_TABLE)) {
                rs.next();
                out.add(rs.getString(1));
            }
            s.execute("DETACH f");
        }
        return out;
    }

    /** {@link #quickRead}, or null when DuckDB cannot read the file (a block checksum fails, the header is broken). */
    private static List<String> quickReadOrNull(Connection c, Path file) {
        try {
            return quickRead(c, file);
        } catch (Exception e) {
            return null;
        }
    }

    /** Every table and the manifest of the flipped copy equal the original's, row for row (read without the workstation). */
    private static void assertSameContent(Path original, Path flipped, long offset) throws Exception {
        List<String> tables = new ArrayList<>(WarehouseSchema.TABLES.stream().map(Table::name).toList());
        tables.add(SnapshotFormat.POPULATION.name());
        tables.add(SnapshotFormat.MANIFEST_TABLE);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("ATTACH '" + original + "' AS a (READ_ONLY)");
            s.execute("ATTACH '" + flipped + "' AS b (READ_ONLY)");
            for (String t : tables) {
                try (ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM (SELECT * FROM a." + t + " EXCEPT ALL SELECT * FROM b." + t
                        + ")) + (SELECT count(*) FROM (SELECT * FROM b." + t + " EXCEPT ALL SELECT * FROM a." + t + "))")) {
                    rs.next();
                    assertEquals(0, rs.getLong(1), "the flip at byte " + offset + " changed table " + t + " and was accepted");
                }
            }
        }
    }
}
