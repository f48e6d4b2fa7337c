package com.ja4.workstation.ui;

import static org.junit.jupiter.api.Assertions.*;

import com.ja4.workstation.data.snapshot.SnapshotManifest;
import com.ja4.workstation.data.warehouse.DatabaseNames;
import com.ja4.workstation.data.warehouse.DuckDbDialect;
import com.ja4.workstation.data.warehouse.Warehouse;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.table.Detection;
import com.ja4.workstation.service.Workspace;
import com.ja4.workstation.service.source.SnapshotOpener;
import com.ja4.workstation.testing.CountingSource;
import com.ja4.workstation.testing.DemoSnapshots;
import com.ja4.workstation.testing.ShellStage;
import com.ja4.workstation.ui.common.Fx;
import com.ja4.workstation.ui.common.LoadPane;
import com.ja4.workstation.ui.common.Loadable;
import com.ja4.workstation.ui.overview.OverviewController;
import com.ja4.workstation.ui.shell.Shell;
import com.ja4.workstation.ui.shell.ViewId;
import com.ja4.workstation.ui.table.FilteredTableController;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The custom window length of the global time selector, typed as an analyst would (headless, demo
 * snapshot): the figures follow the typed length, a bad entry is refused at the box and changes nothing.
 */
@ExtendWith(ApplicationExtension.class)
class CustomWindowUiTest {

    static Workspace opened;
    /** detected_at of every row of ml_detected_anomalies, read straight from the DuckDB demo file. */
    static final List<Instant> detectedAt = new ArrayList<>();

    @BeforeAll
    static void openDemo() throws Exception {
        opened = SnapshotOpener.open(DemoSnapshots.defaultDemo());
        try (Connection c = opened.session().warehouse().source().open(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT detected_at FROM ml_detected_anomalies")) {
            while (rs.next()) detectedAt.add(rs.getTimestamp(1).toLocalDateTime().toInstant(ZoneOffset.UTC));
        }
        assertFalse(detectedAt.isEmpty());
    }

    @AfterAll
    static void closeDemo() {
        opened.close();
    }

    Shell shell;
    CountingSource counting;

    @Start
    void start(Stage stage) {
        shell = ShellStage.show(stage, 1400, 900);
        counting = new CountingSource(opened.session().warehouse().source());
        shell.use(workspace(opened.session().manifest()));
    }

    private Workspace workspace(Optional<SnapshotManifest> manifest) {
        return new Workspace(new Warehouse(counting, DuckDbDialect.INSTANCE, DatabaseNames.DEFAULT, Duration.ofMinutes(1)), manifest);
    }

    /** Detections in [asOf - length, asOf), counted in Java over the raw rows. */
    private static long detectionsIn(Instant asOf, Duration length) {
        Instant from = asOf.minus(length);
        return detectedAt.stream().filter(t -> !t.isBefore(from) && t.isBefore(asOf)).count();
    }

    @Test
    void typing12hSetsEveryViewsWindowAndTheOverviewCountsItsDetections(FxRobot robot) throws Exception {
        OverviewController overview = overviewLoaded();
        TimeWindow before = shell.model().window();
        assertEquals(Duration.ofHours(24), before.length(), "the demo opens on its 24 h capture");
        assertEquals(Fx.count(detectionsIn(before.asOf(), Duration.ofHours(24))), overview.detectionsKpiText());
        long expected = detectionsIn(before.asOf(), Duration.ofHours(12));
        assertNotEquals(Fx.count(expected), overview.detectionsKpiText(), "12 h and 24 h differ on the demo, else this test proves nothing");

        type(robot, "12h");
        waitUntil(() -> shell.model().window().length().equals(Duration.ofHours(12)) && loaded(overview)
                && overview.detectionsKpiText().equals(Fx.count(expected)));

        assertEquals(before.asOf(), shell.model().window().asOf(), "the as-of time stays");
        assertEquals(Fx.count(expected), overview.detectionsKpiText());
        assertTrue(overview.windowLabelText().endsWith("(12 h)"), overview.windowLabelText());
        assertTrue(overview.windowLabelText().startsWith(Fx.MINUTE.format(before.asOf().minus(Duration.ofHours(12)))), overview.windowLabelText());
        assertEquals("12 h", box().getEditor().getText(), "the selector shows the length as it reads");
        assertEquals(Duration.ofHours(12), box().getValue());
        assertFalse(box().getStyleClass().contains("invalid"));
        assertFalse(windowMessage().isVisible());

        // another view opened afterwards uses the same window
        robot.interact(() -> shell.controller().show(ViewId.DETECTIONS));
        var det = ((FilteredTableController) shell.controller().view(ViewId.DETECTIONS).controller()).<Detection>table();
        waitUntil(() -> det.loading().state() == Loadable.State.CONTENT);
        assertEquals(expected, det.total(), "Detections lists the detections of the 12 h window");

        // minutes, with a space and upper case
        type(robot, "90 M");
        waitUntil(() -> shell.model().window().length().equals(Duration.ofMinutes(90)));
        assertEquals("90 min", box().getEditor().getText());
        waitUntil(() -> det.loading().state() == Loadable.State.CONTENT
                && det.total() == detectionsIn(before.asOf(), Duration.ofMinutes(90)));
        shot(robot, "custom-window-90min.png");
    }

    @Test
    void aBadLengthIsRefusedAtTheBoxRunsNoQueryAndKeepsTheWindow(FxRobot robot) throws Exception {
        OverviewController overview = overviewLoaded();
        TimeWindow before = shell.model().window();
        String figures = overview.detectionsKpiText();
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        int queries = counting.opened.get();

        String[][] cases = {
                {"abc", "\"abc\" is not a window length"},
                {"0h", "at least 5 minutes"},
                {"400d", "at most 365 days"},
                {"-3h", "\"-3h\" is negative"},
        };
        for (String[] c : cases) {
            type(robot, c[0]);
            WaitForAsyncUtils.waitForFxEvents();
            Thread.sleep(200);
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(box().getStyleClass().contains("invalid"), "red border for " + c[0]);
            assertTrue(windowMessage().isVisible(), c[0]);
            String message = windowMessage().getText();
            assertTrue(message.contains(c[1]), message);
            assertTrue(message.contains("The window stays 24 h"), message);
            assertEquals(message, box().getTooltip().getText());
            assertEquals(c[0], box().getEditor().getText(), "the entry stays to be corrected");
            assertEquals(before, shell.model().window(), "window unchanged after " + c[0]);
            assertEquals(Duration.ofHours(24), box().getValue());
            assertEquals(figures, overview.detectionsKpiText());
            assertEquals(queries, counting.opened.get(), "no query ran for " + c[0]);
            assertTrue(shell.model().tasks().running().isEmpty());
        }
        shot(robot, "custom-window-refused.png");

        // Escape puts the current length back and clears the message
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("24 h", box().getEditor().getText());
        assertFalse(box().getStyleClass().contains("invalid"));
        assertFalse(windowMessage().isVisible());
        assertEquals(queries, counting.opened.get());

        // correcting the entry applies it
        type(robot, "6h");
        waitUntil(() -> shell.model().window().length().equals(Duration.ofHours(6)) && loaded(overview)
                && overview.detectionsKpiText().equals(Fx.count(detectionsIn(before.asOf(), Duration.ofHours(6)))));
    }

    @Test
    void leavingTheBoxAppliesAGoodEntryAndPutsABadOneBack(FxRobot robot) throws Exception {
        OverviewController overview = overviewLoaded();
        TimeWindow before = shell.model().window();
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        int queries = counting.opened.get();
        robot.clickOn(box().getEditor());
        robot.interact(() -> box().getEditor().selectAll());
        robot.write("abc");
        robot.clickOn("#asOfField");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("24 h", box().getEditor().getText(), "the current length is back in the box");
        assertFalse(box().getStyleClass().contains("invalid"));
        assertTrue(shell.controller().statusText().contains("\"abc\" is not a window length"), shell.controller().statusText());
        assertEquals(before, shell.model().window());
        assertEquals(queries, counting.opened.get(), "no query ran");

        robot.clickOn(box().getEditor());
        robot.interact(() -> box().getEditor().selectAll());
        robot.write("2d");
        robot.clickOn("#asOfField");
        waitUntil(() -> shell.model().window().length().equals(Duration.ofDays(2)) && loaded(overview)
                && overview.detectionsKpiText().equals(Fx.count(detectionsIn(before.asOf(), Duration.ofDays(2)))));
        assertEquals("2 d", box().getEditor().getText());
    }

    @Test
    void aPresetIsStillPickedFromTheList(FxRobot robot) throws Exception {
        OverviewController overview = overviewLoaded();
        Instant asOf = shell.model().window().asOf();
        type(robot, "12h");
        waitUntil(() -> shell.model().window().length().equals(Duration.ofHours(12)));
        robot.clickOn(box().lookup(".arrow-button"));
        WaitForAsyncUtils.waitForFxEvents();
        ListCell<?> threeDays = robot.lookup(n -> n instanceof ListCell<?> cell && "3 d".equals(cell.getText())).query();
        robot.clickOn(threeDays);
        waitUntil(() -> shell.model().window().length().equals(Duration.ofDays(3)) && loaded(overview)
                && overview.detectionsKpiText().equals(Fx.count(detectionsIn(asOf, Duration.ofDays(3)))));
        assertEquals("3 d", box().getEditor().getText());
    }

    @Test
    void aSnapshotCapturedWithACustomWindowOpensOnIt(FxRobot robot) throws Exception {
        overviewLoaded();
        SnapshotManifest m = opened.session().manifest().orElseThrow();
        SnapshotManifest custom = new SnapshotManifest(m.source(), m.asOf(), Duration.ofHours(36), m.filters(),
                m.rowCounts(), m.appVersion(), m.checksum());
        robot.interact(() -> shell.use(workspace(Optional.of(custom))));
        OverviewController overview = (OverviewController) shell.controller().view(ViewId.OVERVIEW).controller();
        waitUntil(() -> shell.model().window().length().equals(Duration.ofHours(36)) && loaded(overview)
                && overview.detectionsKpiText().equals(Fx.count(detectionsIn(m.asOf(), Duration.ofHours(36)))));
        assertEquals("36 h", box().getEditor().getText(), "the selector shows the snapshot's own length");
        assertEquals(Duration.ofHours(36), box().getValue());
        assertTrue(overview.windowLabelText().endsWith("(36 h)"), overview.windowLabelText());
        assertTrue(shell.controller().model().sourceDetailsProperty().get().contains("window 36 h"),
                shell.controller().model().sourceDetailsProperty().get());
        assertEquals(shell.controller().model().sourceDetailsProperty().get(),
                robot.lookup(".source-indicator").queryAs(javafx.scene.control.Label.class).getTooltip().getText());
    }

    @SuppressWarnings("unchecked")
    private ComboBox<Duration> box() {
        return (ComboBox<Duration>) shell.root().lookup("#windowBox");
    }

    /** The message hung below the window selector when a typed length is refused. */
    private javafx.scene.control.Label windowMessage() {
        return (javafx.scene.control.Label) shell.root().lookup("#windowMessage");
    }

    /** Click into the selector, replace its text and press Enter, as an analyst would. */
    private void type(FxRobot robot, String text) {
        robot.clickOn(box().getEditor());
        robot.interact(() -> box().getEditor().selectAll());
        robot.write(text).type(KeyCode.ENTER);
    }

    private OverviewController overviewLoaded() throws Exception {
        waitUntil(() -> shell.controller().view(ViewId.OVERVIEW) != null);
        OverviewController overview = (OverviewController) shell.controller().view(ViewId.OVERVIEW).controller();
        waitUntil(() -> loaded(overview) && shell.model().tasks().running().isEmpty());
        return overview;
    }

    private static boolean loaded(OverviewController overview) {
        return overview.kpiPane().state() == LoadPane.State.CONTENT && overview.idle().isDone();
    }

    /** A picture of the window for a human look (target/ui-shots). */
    private void shot(FxRobot robot, String name) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "ui-shots"));
        robot.interact(() -> {
            try {
                javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(shell.root().snapshot(null, null), null),
                        "png", dir.resolve(name).toFile());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
