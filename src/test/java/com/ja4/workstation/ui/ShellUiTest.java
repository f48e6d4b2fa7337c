package com.ja4.workstation.ui;

import static org.junit.jupiter.api.Assertions.*;

import com.ja4.workstation.data.warehouse.DatabaseNames;
import com.ja4.workstation.data.warehouse.DuckDbDialect;
import com.ja4.workstation.data.warehouse.DuckDbSource;
import com.ja4.workstation.data.warehouse.QueryContext;
import com.ja4.workstation.data.warehouse.Warehouse;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.table.Detection;
import com.ja4.workstation.domain.table.TableFilter;
import com.ja4.workstation.service.Workspace;
import com.ja4.workstation.service.source.SnapshotOpener;
import com.ja4.workstation.testing.DemoSnapshots;
import com.ja4.workstation.ui.common.LoadPane;
import com.ja4.workstation.ui.common.Loadable;
import com.ja4.workstation.ui.overview.OverviewController;
import com.ja4.workstation.ui.shell.Shell;
import com.ja4.workstation.ui.shell.ViewId;
import com.ja4.workstation.ui.table.FilteredTableController;
import com.ja4.workstation.ui.table.FilteredTableModel;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The shell driven as an analyst would, headless (Monocle), on the demo snapshot. */
@ExtendWith(ApplicationExtension.class)
class ShellUiTest {

    Shell shell;
    Workspace demo;

    @Start
    void start(Stage stage) throws Exception {
        shell = com.ja4.workstation.testing.ShellStage.show(stage, 1400, 900);
        demo = SnapshotOpener.open(DemoSnapshots.defaultDemo());
        shell.use(demo);
    }

    @Test
    void shellOpensOnDemoDataWithOverviewFigures(FxRobot robot) throws Exception {
        OverviewController overview = (OverviewController) shell.controller().view(ViewId.OVERVIEW).controller();
        waitUntil(() -> overview.kpiPane().state() == LoadPane.State.CONTENT);
        long detections = demo.overview().loadAll(shell.model().window(), com.ja4.workstation.service.query.QueryScope.sequential()).kpis().detections();
        assertEquals(com.ja4.workstation.ui.common.Fx.count(detections), overview.detectionsKpiText());
        assertEquals(LoadPane.State.CONTENT, overview.threatPane().state());
        List<String> rail = robot.lookup(".rail-button").queryAllAs(ToggleButton.class).stream().map(ToggleButton::getText).toList();
        assertEquals(ViewId.values().length, rail.size(), "only working views in the rail");
        assertTrue(robot.lookup(".source-indicator").queryLabeled().getText().contains("demo"));
        // start-up builds the first view only; every other view is built when first shown
        for (ViewId other : ViewId.values()) {
            if (other != ViewId.OVERVIEW) assertNull(shell.controller().view(other), other + " built before it was shown");
        }
    }

    @Test
    void criticalCardOpensDetectionsFilteredOnIt(FxRobot robot) throws Exception {
        OverviewController overview = (OverviewController) shell.controller().view(ViewId.OVERVIEW).controller();
        waitUntil(() -> overview.kpiPane().state() == LoadPane.State.CONTENT);
        robot.clickOn(".kpi-critical");
        FilteredTableModel<Detection> det = detections();
        waitUntil(() -> det.loading().state() == Loadable.State.CONTENT);
        assertEquals("CRITICAL", det.filter().get(TableFilter.THREAT));
        assertTrue(det.rows().stream().allMatch(d -> d.threatLevel().equals("CRITICAL")));
    }

    @Test
    void clickingAColumnHeaderResortsInTheDatabase(FxRobot robot) throws Exception {
        robot.clickOn(robot.lookup(".rail-button").match(n -> ((ToggleButton) n).getText().contains("Detections")).queryAs(ToggleButton.class));
        FilteredTableModel<Detection> det = detections();
        waitUntil(() -> det.loading().state() == Loadable.State.CONTENT);
        double max = all().stream().mapToDouble(Detection::anomalyScore).max().orElseThrow();
        double min = all().stream().mapToDouble(Detection::anomalyScore).min().orElseThrow();

        clickHeader(robot, "Score");
        waitUntil(() -> det.sort().key().equals("anomaly_score") && loaded(det));
        double first = det.rows().get(0).anomalyScore();
        assertTrue(first == max || first == min, "first row holds an extreme score after sorting");
        boolean ascending = det.sort().ascending();
        clickHeader(robot, "Score");
        waitUntil(() -> det.sort().ascending() != ascending && loaded(det));
        double after = det.rows().get(0).anomalyScore();
        assertEquals(det.sort().ascending() ? min : max, after, 1e-12);
    }

    @Test
    void choosingAThreatLevelFilters(FxRobot robot) throws Exception {
        robot.clickOn(robot.lookup(".rail-button").match(n -> ((ToggleButton) n).getText().contains("Detections")).queryAs(ToggleButton.class));
        FilteredTableModel<Detection> det = detections();
        waitUntil(() -> loaded(det));
        long total = det.total();
        @SuppressWarnings("unchecked")
        ComboBox<String> threat = robot.lookup("#threatBox").queryAs(ComboBox.class);
        robot.interact(() -> threat.setValue("HIGH"));
        waitUntil(() -> det.filter().get(TableFilter.THREAT).equals("HIGH") && loaded(det));
        assertTrue(det.total() < total);
        assertEquals(all().stream().filter(d -> d.threatLevel().equals("HIGH")).count(), det.total());
        assertTrue(det.rows().stream().allMatch(d -> d.threatLevel().equals("HIGH")));
    }

    @Test
    void aFailingQueryShowsItsReasonAndRetryNotAnEmptyTable(FxRobot robot, @TempDir Path tmp) throws Exception {
        Path broken = tmp.resolve("broken.duckdb");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + broken); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE other (x INTEGER)");
        }
        Workspace ws = new Workspace(new Warehouse(DuckDbSource.open(broken, true), DuckDbDialect.INSTANCE,
                DatabaseNames.DEFAULT, Duration.ofSeconds(30)), Optional.empty());
        robot.interact(() -> {
            shell.use(ws);
            shell.model().windowProperty().set(new TimeWindow(demo.session().latestAsOf(), Duration.ofHours(24)));
        });
        robot.clickOn(robot.lookup(".rail-button").match(n -> ((ToggleButton) n).getText().contains("Detections")).queryAs(ToggleButton.class));
        FilteredTableModel<Detection> det = detections();
        waitUntil(() -> det.loading().state() == Loadable.State.ERROR);
        assertTrue(det.loading().message().contains("ml_detected_anomalies"), det.loading().message());
        assertFalse(pagedTable(robot).isVisible(), "the error replaces the table");
        assertTrue(robot.lookup(".retry-button").queryAllAs(Button.class).stream().anyMatch(Button::isVisible));
    }

    private boolean loaded(FilteredTableModel<Detection> det) {
        return det.loading().state() == Loadable.State.CONTENT;
    }

    private FilteredTableModel<Detection> detections() {
        return ((FilteredTableController) shell.controller().view(ViewId.DETECTIONS).controller()).<Detection>table();
    }

    private List<Detection> all() throws Exception {
        List<Detection> rows = new java.util.ArrayList<>();
        demo.detections().forEach(shell.model().window(), TableFilter.NONE,
                com.ja4.workstation.domain.table.SortOrder.descending("detected_at"), rows::add, QueryContext.create());
        return rows;
    }

    private static void clickHeader(FxRobot robot, String title) {
        TableColumnHeader h = robot.lookup(n -> n instanceof TableColumnHeader t && t.getTableColumn() != null
                && title.equals(t.getTableColumn().getText())).query();
        robot.clickOn(h);
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The analyst table in front (Detections, Scores or Traffic). */
    @SuppressWarnings("unchecked")
    private static <R> javafx.scene.control.TableView<R> pagedTable(FxRobot robot) {
        return robot.lookup(".paged-table .table-view").queryAs(javafx.scene.control.TableView.class);
    }
}
