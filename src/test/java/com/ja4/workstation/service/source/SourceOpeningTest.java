package com.ja4.workstation.service.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ja4.workstation.data.demo.DemoOptions;
import com.ja4.workstation.data.schema.WarehouseSchema;
import com.ja4.workstation.domain.AppVersion;
import com.ja4.workstation.service.AppPaths;
import com.ja4.workstation.service.Workspace;
import com.ja4.workstation.testing.DemoSnapshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo the workstation opens with no server: made on first start, remade when it cannot serve. */
class SourceOpeningTest {

    @TempDir
    Path home;
    private String previousHome;

    @BeforeEach
    void freshDataFolder() {
        previousHome = System.getProperty("ja4.home");
        System.setProperty("ja4.home", home.toString());
    }

    @AfterEach
    void restore() {
        if (previousHome == null) System.clearProperty("ja4.home");
        else System.setProperty("ja4.home", previousHome);
    }

    private static long detections(Workspace ws) {
        return ws.session().manifest().orElseThrow().rowCounts().get(WarehouseSchema.DETECTED_ANOMALIES);
    }

    @Test
    void firstStartMakesTheDemoAndLaterStartsReuseIt() throws Exception {
        Path demo = AppPaths.demoSnapshot();
        try (Workspace ws = SourceOpening.openDemo()) {
            assertEquals(DemoOptions.defaults().source(), ws.session().manifest().orElseThrow().source());
            assertTrue(detections(ws) > 0);
        }
        FileTime made = FileTime.fromMillis(Files.getLastModifiedTime(demo).toMillis() - 60_000);
        Files.setLastModifiedTime(demo, made);
        try (Workspace ws = SourceOpening.openDemo()) {
            assertTrue(detections(ws) > 0);
        }
        assertEquals(made, Files.getLastModifiedTime(demo), "the current demo is reused, not remade");
    }

    @Test
    void aDamagedDemoIsRemadeInsteadOfRefused() throws Exception {
        Path demo = AppPaths.demoSnapshot();
        Files.createDirectories(demo.getParent());
        Files.writeString(demo, "half a file from a crash");
        try (Workspace ws = SourceOpening.openDemo()) {
            assertEquals(DemoSnapshots.defaultDemoSummary().rows().get(WarehouseSchema.DETECTED_ANOMALIES), detections(ws));
        }
    }

    @Test
    void aDemoMadeByAnotherVersionIsRemade() throws Exception {
        Path demo = AppPaths.demoSnapshot();
        Files.createDirectories(demo.getParent());
        Files.copy(DemoSnapshots.defaultDemo(), demo);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + demo); Statement s = c.createStatement()) {
            s.execute("UPDATE snapshot_manifest SET value = '0.0.1-old' WHERE key = 'app_version'");
        }
        try (Workspace ws = SourceOpening.openDemo()) {
            assertEquals(AppVersion.current(), ws.session().manifest().orElseThrow().appVersion());
            assertNotEquals("0.0.1-old", ws.session().manifest().orElseThrow().appVersion());
        }
    }
}
