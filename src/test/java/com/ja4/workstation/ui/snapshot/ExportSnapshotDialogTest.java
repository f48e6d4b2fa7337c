package com.ja4.workstation.ui.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ja4.workstation.data.schema.WarehouseSchema;
import com.ja4.workstation.data.snapshot.SnapshotManifest;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.service.Workspace;
import com.ja4.workstation.service.source.SnapshotOpener;
import com.ja4.workstation.testing.ChdbServer;
import com.ja4.workstation.testing.DemoSnapshots;
import com.ja4.workstation.ui.task.Tasks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Export snapshot… from the UI against a live ClickHouse (chDB): filters, per-table progress, cancel leaves no file. */
@ExtendWith(ApplicationExtension.class)
class ExportSnapshotDialogTest {

    ExportSnapshotDialog dialog;
    Workspace live;
    TimeWindow window;
    final AtomicReference<String> status = new AtomicReference<>("");
    final Tasks tasks = new Tasks();
    Path dir;

    @Start
    void start(Stage stage) throws Exception {
        ChdbServer server = ChdbServer.demo();
        Instant asOf = SnapshotOpener.open(DemoSnapshots.defaultDemo()).session().latestAsOf();
        window = new TimeWindow(asOf, Duration.ofHours(24));
        live = new Workspace(server.warehouse(), Optional.empty());
        dialog = new ExportSnapshotDialog(live, window, tasks, status::set);
        dir = Files.createTempDirectory("ja4-export-ui");
        Scene scene = new Scene(dialog.content());
        com.ja4.workstation.ui.common.Theme.style(scene); // as the app shows it (the screenshot below)
        stage.setScene(scene);
        stage.show();
    }

    private static List<Path> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    @Test
    void exportWithThreatFilterWritesTheFileAndReportsRows(FxRobot robot) throws Exception {
        Path out = dir.resolve("critical.duckdb");
        robot.interact(() -> {
            dialog.target.setText(out.toString());
            dialog.hosts.setText(" , ");
            dialog.threats.getCheckModel().check("CRITICAL");
        });
        AtomicReference<CompletableFuture<ExportSnapshotDialog.Outcome>> f = new AtomicReference<>();
        robot.interact(() -> f.set(dialog.start()));
        ExportSnapshotDialog.Outcome o = f.get().get(120, TimeUnit.SECONDS);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertTrue(o.ok(), String.valueOf(o.problem()));
        assertTrue(Files.isRegularFile(out));
        assertEquals(List.of(out), files(dir), "only the snapshot, no partial file");
        SnapshotManifest m = com.ja4.workstation.service.source.SnapshotVerifier.verify(out);
        assertEquals("threat_levels=CRITICAL", m.filters());
        assertTrue(status.get().startsWith("Snapshot written to " + out + ": "), status.get());
        assertTrue(status.get().contains(com.ja4.workstation.ui.common.Fx.count(o.rows()) + " rows"), status.get());
        // every table got its progress row filled, and the file opens as a snapshot
        for (var t : WarehouseSchema.TABLES) {
            assertTrue(dialog.progressOf(t.name()).endsWith("✓"), t.name() + ": " + dialog.progressOf(t.name()));
            assertEquals(1.0, dialog.barOf(t.name()), 1e-9, t.name() + " bar full");
        }
        try (Workspace ws = SnapshotOpener.open(out)) {
            long det = m.rowCounts().get(WarehouseSchema.DETECTED_ANOMALIES);
            assertTrue(det > 0);
            assertEquals(det, ws.session().warehouse().count(com.ja4.workstation.data.warehouse.Sql.of(
                    "SELECT count(*) FROM " + WarehouseSchema.DETECTED_ANOMALIES + " WHERE threat_level = 'CRITICAL'"),
                    com.ja4.workstation.data.warehouse.QueryContext.create()));
        }
        assertTrue(tasks.running().isEmpty(), "status-bar task ended");
        Path shots = Files.createDirectories(Path.of("target", "ui-shots"));
        robot.interact(() -> {
            try {
                javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(dialog.content().snapshot(null, null), null),
                        "png", shots.resolve("export-dialog-done.png").toFile());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    void cancelLeavesNoFile(FxRobot robot) throws Exception {
        Path out = dir.resolve("cancelled.duckdb");
        AtomicReference<CompletableFuture<ExportSnapshotDialog.Outcome>> f = new AtomicReference<>();
        robot.interact(() -> {
            dialog.target.setText(out.toString());
            f.set(dialog.start());
            dialog.cancel.fire();
        });
        ExportSnapshotDialog.Outcome o = f.get().get(120, TimeUnit.SECONDS);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertTrue(o.cancelled(), String.valueOf(o.problem()));
        assertFalse(o.ok());
        assertEquals(List.of(), files(dir), "no snapshot and no partial file");
        assertEquals("Export cancelled; no file was written.", dialog.result.getText());
        assertEquals("Snapshot export cancelled; no file was written.", status.get());
    }

    @Test
    void aDroppedLinkFailsTheExportWithTheReasonAndLeavesNoFile(FxRobot robot) throws Exception {
        Path out = dir.resolve("failed.duckdb");
        ChdbServer server = ChdbServer.demo();
        server.refuse(true);
        try {
            AtomicReference<CompletableFuture<ExportSnapshotDialog.Outcome>> f = new AtomicReference<>();
            robot.interact(() -> {
                dialog.target.setText(out.toString());
                f.set(dialog.start());
            });
            ExportSnapshotDialog.Outcome o = f.get().get(120, TimeUnit.SECONDS);
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
            assertFalse(o.ok());
            assertFalse(o.cancelled());
            assertEquals(List.of(), files(dir), "no snapshot and no partial file");
            assertTrue(dialog.result.getText().startsWith("Export failed: "), dialog.result.getText());
            assertTrue(status.get().startsWith("Snapshot export failed: "), status.get());
        } finally {
            server.refuse(false);
        }
    }
}
