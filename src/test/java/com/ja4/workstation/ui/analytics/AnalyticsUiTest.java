package com.ja4.workstation.ui.analytics;

import static org.junit.jupiter.api.Assertions.*;

import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.table.Detection;
import com.ja4.workstation.domain.table.Score;
import com.ja4.workstation.domain.table.TableFilter;
import com.ja4.workstation.service.Workspace;
import com.ja4.workstation.service.source.SnapshotOpener;
import com.ja4.workstation.testing.DemoSnapshots;
import com.ja4.workstation.ui.common.LoadPane;
import com.ja4.workstation.ui.common.Loadable;
import com.ja4.workstation.ui.shell.Shell;
import com.ja4.workstation.ui.shell.ViewId;
import com.ja4.workstation.ui.table.FilteredTableController;
import com.ja4.workstation.ui.table.FilteredTableModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableRow;
import javafx.stage.Stage;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The four analytics views opened in the shell on demo data, headless (Monocle). */
@ExtendWith(ApplicationExtension.class)
class AnalyticsUiTest {

    Shell shell;
    Workspace demo;

    @Start
    void start(Stage stage) throws Exception {
        shell = com.ja4.workstation.testing.ShellStage.show(stage, 1280, 800);
        demo = SnapshotOpener.open(DemoSnapshots.defaultDemo());
        shell.use(demo);
    }

    @Test
    void featuresChartsHoldData(FxRobot robot) throws Exception {
        FeaturesController c = open(robot, ViewId.FEATURES);
        waitUntil(() -> c.profilePane().state() == LoadPane.State.CONTENT && c.importancePane().state() == LoadPane.State.CONTENT
                && c.totalsPane().state() == LoadPane.State.CONTENT);
        assertEquals(2, c.profileData().getRowCount(), "human and bot series");
        assertEquals(12, c.profileData().getColumnCount(), "the predecessor's 12 averaged features");
        for (int col = 0; col < 12; col++) {
            for (int row = 0; row < 2; row++) {
                Number v = c.profileData().getValue(row, col);
                assertTrue(v.doubleValue() >= 0 && v.doubleValue() <= 1 + 1e-9, "scaled to the larger of the two");
            }
        }
        assertTrue(c.importanceData().getColumnCount() > 10);
        assertExportMenus(robot, ViewId.FEATURES, 2);
    }

    @Test
    void geoChartsHoldDataAndOpenDetections(FxRobot robot) throws Exception {
        GeoController c = open(robot, ViewId.GEO);
        waitUntil(() -> c.sessionsPane().state() == LoadPane.State.CONTENT && c.asnPane().state() == LoadPane.State.CONTENT);
        assertNotEmpty(c.sessionsData());
        assertNotEmpty(c.hitsData());
        assertTrue(c.asnTable().getItems().size() > 10);
        assertExportMenus(robot, ViewId.GEO, 2);

        String country = String.valueOf(c.sessionsData().getColumnKey(0));
        robot.interact(() -> c.openCountry(country));
        FilteredTableModel<Detection> det = detections();
        waitUntil(() -> det.loading().state() == Loadable.State.CONTENT && country.equals(det.filter().get(TableFilter.COUNTRY)));
        assertTrue(det.rows().stream().allMatch(d -> d.countryCode().equals(country)));

        GeoController geo = open(robot, ViewId.GEO);
        waitUntil(() -> geo.asnPane().state() == LoadPane.State.CONTENT);
        String org = geo.asnTable().getItems().get(0).asnOrg();
        TableRow<?> first = robot.lookup(n -> n instanceof TableRow<?> r && r.getTableView() == geo.asnTable() && r.getIndex() == 0).query();
        robot.doubleClickOn(first);
        waitUntil(() -> org.equals(det.filter().get(TableFilter.ASN_ORG)) && det.loading().state() == Loadable.State.CONTENT);
        assertTrue(det.rows().stream().allMatch(d -> d.asnOrg().equals(org)));
    }

    @Test
    void fingerprintsHoldDataAndAJa4OpensItsDetections(FxRobot robot) throws Exception {
        FingerprintsController c = open(robot, ViewId.FINGERPRINTS);
        waitUntil(() -> c.chartPane().state() == LoadPane.State.CONTENT && c.statsPane().state() == LoadPane.State.CONTENT
                && c.botsPane().state() == LoadPane.State.CONTENT);
        assertNotEmpty(c.topData());
        assertTrue(c.statsTable().getItems().stream().allMatch(r -> r.decoded().valid()));
        assertExportMenus(robot, ViewId.FINGERPRINTS, 1);
        String ja4 = c.statsTable().getItems().get(0).stat().ja4();
        TableRow<?> first = robot.lookup(n -> n instanceof TableRow<?> r && r.getTableView() == c.statsTable() && r.getIndex() == 0).query();
        MenuItem open = first.getContextMenu().getItems().get(0);
        assertEquals("Open detections with this JA4", open.getText());
        robot.interact(() -> c.statsTable().getSelectionModel().select(0)); // as the right-click that opens the menu does
        robot.interact(open::fire); // the row's context menu (the table may sit below the fold)
        FilteredTableModel<Detection> det = detections();
        waitUntil(() -> ja4.equals(det.filter().get(TableFilter.JA4)) && (det.loading().state() == Loadable.State.CONTENT
                || det.loading().state() == Loadable.State.EMPTY)); // a crawler JA4 may have no detection
        assertTrue(det.rows().stream().allMatch(d -> d.ja4().equals(ja4)));
    }

    @Test
    void browsersHoldData(FxRobot robot) throws Exception {
        BrowsersController c = open(robot, ViewId.BROWSERS);
        waitUntil(() -> c.chartPane().state() == LoadPane.State.CONTENT && c.kpiPane().state() == LoadPane.State.CONTENT
                && c.topJa4Pane().state() == LoadPane.State.CONTENT);
        assertNotEmpty(c.familyData());
        long unknown = demo.analytics().browsers().unknownSessions(shell.model().window(),
                com.ja4.workstation.service.query.QueryScope.sequential()).join();
        assertEquals(com.ja4.workstation.ui.common.Fx.count(unknown), c.unknownText());
        assertExportMenus(robot, ViewId.BROWSERS, 1);

        // a family leads to its scored windows: Scores filtered on it, as many rows as the database holds
        String family = String.valueOf(c.familyData().getColumnKey(0));
        robot.interact(() -> c.openFamily(family));
        var scores = ((FilteredTableController) shell.controller().view(ViewId.SCORES).controller()).<Score>table();
        waitUntil(() -> family.equals(scores.filter().get(TableFilter.BROWSER)) && scores.loading().state() == Loadable.State.CONTENT);
        assertEquals(ViewId.SCORES, shell.controller().currentView());
        assertTrue(scores.rows().stream().allMatch(r -> r.browserFamily().equals(family)));
        long expected = demo.scores().count(shell.model().window(),
                TableFilter.of(TableFilter.BROWSER, family), com.ja4.workstation.data.warehouse.QueryContext.create());
        assertTrue(expected > 0);
        waitUntil(() -> scores.total() == expected);

        BrowsersController again = open(robot, ViewId.BROWSERS);
        waitUntil(() -> again.familiesTable().getItems().size() > 1);
        String second = again.familiesTable().getItems().get(1).family();
        TableRow<?> row = robot.lookup(n -> n instanceof TableRow<?> r && r.getTableView() == again.familiesTable() && r.getIndex() == 1).query();
        robot.doubleClickOn(row);
        waitUntil(() -> second.equals(scores.filter().get(TableFilter.BROWSER)) && scores.loading().state() == Loadable.State.CONTENT);
    }

    @Test
    void aWindowBeforeTheDataShowsTheEmptyStateNotAnError(FxRobot robot) throws Exception {
        robot.interact(() -> shell.model().windowProperty().set(new TimeWindow(demo.session().latestAsOf().minus(Duration.ofDays(7)), Duration.ofHours(1))));
        FeaturesController f = open(robot, ViewId.FEATURES);
        waitUntil(() -> f.profilePane().state() == LoadPane.State.EMPTY && f.importancePane().state() == LoadPane.State.EMPTY
                && f.totalsPane().state() == LoadPane.State.EMPTY);
        assertEquals("No data in this window", f.profilePane().message());
        GeoController g = open(robot, ViewId.GEO);
        waitUntil(() -> g.sessionsPane().state() == LoadPane.State.EMPTY && g.asnPane().state() == LoadPane.State.EMPTY);
        FingerprintsController fp = open(robot, ViewId.FINGERPRINTS);
        waitUntil(() -> fp.chartPane().state() == LoadPane.State.EMPTY && fp.statsPane().state() == LoadPane.State.EMPTY
                && fp.botsPane().state() == LoadPane.State.EMPTY);
        BrowsersController b = open(robot, ViewId.BROWSERS);
        waitUntil(() -> b.chartPane().state() == LoadPane.State.EMPTY && b.kpiPane().state() == LoadPane.State.EMPTY
                && b.topJa4Pane().state() == LoadPane.State.EMPTY);
    }

    @SuppressWarnings("unchecked")
    private <C> C open(FxRobot robot, ViewId id) {
        robot.interact(() -> shell.controller().show(id));
        return (C) shell.controller().view(id).controller();
    }

    private FilteredTableModel<Detection> detections() {
        return ((FilteredTableController) shell.controller().view(ViewId.DETECTIONS).controller()).<Detection>table();
    }

    private static void assertNotEmpty(DefaultCategoryDataset d) {
        assertTrue(d.getRowCount() > 0 && d.getColumnCount() > 0, "dataset holds data");
        double sum = 0;
        for (int r = 0; r < d.getRowCount(); r++) for (int c = 0; c < d.getColumnCount(); c++) {
            Number v = d.getValue(r, c);
            if (v != null) sum += v.doubleValue();
        }
        assertTrue(sum > 0);
    }

    /** Every chart of the view sits in a ChartViewer whose context menu exports PNG and SVG. */
    private void assertExportMenus(FxRobot robot, ViewId id, int expectedCharts) {
        java.util.Set<ChartViewer> viewers = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        collect(shell.controller().view(id).root(), viewers);
        assertEquals(expectedCharts, viewers.size());
        for (ChartViewer v : viewers) {
            List<String> items = new ArrayList<>();
            v.getContextMenu().getItems().forEach(i -> texts(i, items));
            assertTrue(items.stream().anyMatch(t -> t.contains("PNG")), items.toString());
            assertTrue(items.stream().anyMatch(t -> t.contains("SVG")), items.toString());
        }
    }

    private static void texts(MenuItem i, List<String> out) {
        if (i.getText() != null) out.add(i.getText());
        if (i instanceof Menu m) m.getItems().forEach(c -> texts(c, out));
    }

    private static void collect(Node n, java.util.Set<ChartViewer> out) {
        if (n instanceof ChartViewer v) {
            out.add(v);
            return;
        }
        if (n instanceof Parent p) p.getChildrenUnmodifiable().forEach(c -> collect(c, out));
        if (n instanceof javafx.scene.control.ScrollPane sp && sp.getContent() != null) collect(sp.getContent(), out);
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
