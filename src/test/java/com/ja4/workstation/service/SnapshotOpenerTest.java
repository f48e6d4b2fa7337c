package com.ja4.workstation.service;

import static org.junit.jupiter.api.Assertions.*;

import com.ja4.workstation.data.snapshot.SnapshotException;
import com.ja4.workstation.service.source.SnapshotOpener;
import com.ja4.workstation.testing.DemoSnapshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A missing, foreign, corrupt or altered snapshot is refused with a clear reason. */
class SnapshotOpenerTest {

    @TempDir
    Path tmp;

    @Test
    void missingFile() {
        var e = assertThrows(SnapshotException.class, () -> SnapshotOpener.open(tmp.resolve("nope.duckdb")));
        assertTrue(e.getMessage().contains("not found"), e.getMessage());
    }

    @Test
    void garbageFileIsNotASnapshot() throws Exception {
        Path f = tmp.resolve("garbage.duckdb");
        Files.write(f, "this is not a database, just some text pretending to be one".repeat(200).getBytes());
        var e = assertThrows(SnapshotException.class, () -> SnapshotOpener.open(f));
        assertTrue(e.getMessage().contains("garbage.duckdb"), e.getMessage());
        assertFalse(e.getMessage().contains("\tat "), "no stack trace in the message");
    }

    @Test
    void duckDbFileWithoutManifestIsForeign() throws Exception {
        Path f = tmp.resolve("foreign.duckdb");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + f); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (x INTEGER)");
        }
        var e = assertThrows(SnapshotException.class, () -> SnapshotOpener.open(f));
        assertTrue(e.getMessage().contains("not a JA4 workstation snapshot"), e.getMessage());
    }

    @Test
    void rowsRemovedAfterCaptureAreDetected() throws Exception {
        Path f = tmp.resolve("altered.duckdb");
        Files.copy(DemoSnapshots.defaultDemo(), f, StandardCopyOption.REPLACE_EXISTING);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + f); Statement s = c.createStatement()) {
            s.execute("DELETE FROM ml_detected_anomalies WHERE threat_level = 'CRITICAL'");
        }
        var e = assertThrows(SnapshotException.class, () -> SnapshotOpener.open(f));
        assertTrue(e.getMessage().contains("ml_detected_anomalies"), e.getMessage());
    }

    @Test
    void theDemoSnapshotOpensReadOnly() throws Exception {
        try (Workspace ws = SnapshotOpener.open(DemoSnapshots.defaultDemo())) {
            assertTrue(ws.session().isSnapshot());
            try (Connection c = ws.session().warehouse().source().open(); Statement s = c.createStatement()) {
                assertThrows(Exception.class, () -> s.execute("DELETE FROM http_logs"));
            }
        }
    }
}
