package com.ja4.workstation.ui;

import static org.junit.jupiter.api.Assertions.*;

import com.ja4.workstation.data.warehouse.DatabaseNames;
import com.ja4.workstation.data.warehouse.DuckDbDialect;
import com.ja4.workstation.data.warehouse.DuckDbSource;
import com.ja4.workstation.data.warehouse.QueryContext;
import com.ja4.workstation.data.warehouse.Warehouse;
import com.ja4.workstation.domain.ClientIp;
import com.ja4.workstation.domain.Ja4;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.table.Detection;
import com.ja4.workstation.domain.table.SortOrder;
import com.ja4.workstation.domain.table.TableFilter;
import com.ja4.workstation.service.Workspace;
import com.ja4.workstation.service.analytics.FingerprintsService.Ja4Row;
import com.ja4.workstation.service.source.SnapshotOpener;
import com.ja4.workstation.testing.DemoSnapshots;
import com.ja4.workstation.ui.analytics.FingerprintsController;
import com.ja4.workstation.ui.analytics.Ja4ProfilePane;
import com.ja4.workstation.ui.common.Fx;
import com.ja4.workstation.ui.common.LoadPane;
import com.ja4.workstation.ui.common.Loadable;
import com.ja4.workstation.ui.ip.IpController;
import com.ja4.workstation.ui.ip.IpTabModel;
import com.ja4.workstation.ui.shell.Shell;
import com.ja4.workstation.ui.shell.ViewId;
import com.ja4.workstation.ui.table.ColumnDef;
import com.ja4.workstation.ui.table.FilteredTableController;
import com.ja4.workstation.ui.table.FilteredTableModel;
import com.ja4.workstation.ui.table.PagedTablePane;
import com.ja4.workstation.ui.table.TableDefinition;
import com.ja4.workstation.ui.task.Tasks;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * "Look up JA4" driven as an analyst would, headless, on the demo snapshot: from a Detections row's
 * context menu to the Fingerprints view's profile of that JA4 and back to its detections; from the
 * Fingerprints view's own table and from an IP's tables; empty, malformed and failing look-ups.
 */
@ExtendWith(ApplicationExtension.class)
class Ja4LookUpUiTest {

    Shell shell;
    Workspace demo;

    @Start
    void start(Stage stage) throws Exception {
        shell = com.ja4.workstation.testing.ShellStage.show(stage, 1400, 900);
        demo = SnapshotOpener.open(DemoSnapshots.defaultDemo()); // per test: switching source closes it
        shell.use(demo);
    }

    @Test
    void rightClickADetectionLookUpJa4ShowsItsProfileThenItsDetections(FxRobot robot) throws Exception {
        robot.clickOn(robot.lookup(".rail-button").match(n -> ((ToggleButton) n).getText().contains("Detections")).queryAs(ToggleButton.class));
        FilteredTableModel<Detection> det = detections();
        waitUntil(() -> det.loading().state() == Loadable.State.CONTENT);
        // a row whose JA4 has scored windows besides its detections, so that the two figures differ
        TimeWindow w = shell.model().window();
        QueryContext ctx = QueryContext.create();
        int index = -1;
        for (int i = 0; i < 20 && index < 0; i++) {
            String j = det.rows().get(i).ja4();
            if (demo.detections().count(w, TableFilter.of(TableFilter.JA4, j), ctx) != demo.scores().count(w, TableFilter.of(TableFilter.JA4, j), ctx)) {
                index = i;
            }
        }
        assertTrue(index >= 0, "a browser JA4 among the latest detections");
        int at = index;
        String ja4 = det.rows().get(at).ja4();
        assertFalse(ja4.isEmpty());

        // right-click the row's JA4 cell, then the menu item, as the analyst does
        rightClick(robot, cell(robot, pagedTable(robot), "JA4", at));
        assertTrue(pagedTable(robot).getContextMenu().isShowing());
        MenuItem item = menuItem(pagedTable(robot).getContextMenu(), "Look up JA4");
        assertTrue(item.isVisible());
        assertFalse(item.isDisable(), "enabled on a row with a JA4");
        robot.clickOn(robot.lookup(n -> n instanceof javafx.scene.control.Label l && "Look up JA4".equals(l.getText())
                && l.getScene() != null && l.getScene().getWindow() instanceof ContextMenu).queryAs(Node.class));

        waitUntil(() -> shell.controller().currentView() == ViewId.FINGERPRINTS);
        Ja4ProfilePane pane = fingerprints().profilePane();
        waitUntil(() -> pane.figuresPane().state() == LoadPane.State.CONTENT);
        assertEquals(ja4, pane.ja4Text());
        Ja4 parts = Ja4.parse(ja4);
        assertTrue(parts.valid());
        String decoded = pane.decodedText();
        assertTrue(decoded.contains("Protocol: " + parts.protocolLabel()), decoded);
        assertTrue(decoded.contains("TLS version: " + Ja4.versionLabel(parts.tlsVersion()).orElseThrow()), decoded);
        assertTrue(decoded.contains("Cipher suites: " + parts.cipherCount()), decoded);
        assertTrue(decoded.contains("Extensions: " + parts.extensionCount()), decoded);
        assertTrue(decoded.contains("Cipher hash: " + parts.cipherHash()), decoded);
        assertTrue(decoded.contains("Extension hash: " + parts.extensionHash()), decoded);
        // its detection count, counted independently through the Detections table's own query
        long expected = demo.detections().count(w, TableFilter.of(TableFilter.JA4, ja4), ctx);
        assertTrue(expected > 0);
        assertEquals(Fx.count(expected), pane.kpiText("Detections"));
        assertEquals(Fx.count(demo.scores().count(w, TableFilter.of(TableFilter.JA4, ja4), ctx)), pane.kpiText("Scored windows"));
        assertFalse(pane.threatTable().getItems().isEmpty());

        // "Show detections with this JA4": Detections filtered to it
        robot.clickOn(pane.showDetectionsButton());
        waitUntil(() -> shell.controller().currentView() == ViewId.DETECTIONS && ja4.equals(det.filter().get(TableFilter.JA4))
                && det.loading().state() == Loadable.State.CONTENT);
        assertEquals(expected, det.total());
        assertTrue(det.rows().stream().allMatch(d -> d.ja4().equals(ja4)));
        assertEquals(TableFilter.of(TableFilter.JA4, ja4), det.filter(), "only the JA4 filter");

        // back in Detections, another JA4: Fingerprints (already loaded) shows the new profile
        robot.interact(() -> det.showFilter(TableFilter.NONE));
        waitUntil(() -> det.filter().get(TableFilter.JA4).isEmpty() && det.loading().state() == Loadable.State.CONTENT);
        Detection other = det.rows().stream().filter(d -> !d.ja4().equals(ja4)).findFirst().orElseThrow();
        robot.interact(() -> shell.model().lookUpJa4(other.ja4()));
        waitUntil(() -> shell.controller().currentView() == ViewId.FINGERPRINTS && other.ja4().equals(pane.ja4Text())
                && pane.figuresPane().state() == LoadPane.State.CONTENT);
        assertEquals(Fx.count(demo.detections().count(w, TableFilter.of(TableFilter.JA4, other.ja4()), ctx)), pane.kpiText("Detections"));
    }

    @Test
    void selectingAJa4RowInFingerprintsFillsTheProfile(FxRobot robot) throws Exception {
        robot.interact(() -> shell.controller().show(ViewId.FINGERPRINTS));
        FingerprintsController fp = fingerprints();
        waitUntil(() -> fp.statsPane().state() == LoadPane.State.CONTENT);
        assertFalse(fp.profilePane().isOpen(), "no JA4 chosen yet: the pane only says how to choose one");
        Ja4Row pick = fp.statsTable().getItems().get(3);
        String ja4 = pick.stat().ja4();
        // its sessions are the sum over the ASN labels of the statistics table (all its rows are in the top 100)
        long sessions = fp.statsTable().getItems().stream().filter(r -> r.stat().ja4().equals(ja4)).mapToLong(r -> r.stat().sessions()).sum();
        robot.interact(() -> fp.statsTable().getSelectionModel().select(3));
        waitUntil(() -> ja4.equals(fp.profilePane().ja4()) && fp.profilePane().figuresPane().state() == LoadPane.State.CONTENT
                && Fx.count(sessions).equals(fp.profilePane().kpiText("Sessions (1 h)")));

        // a bot JA4 from the named-bots table names its bot
        String botJa4 = fp.botsTable().getItems().get(0).bot().ja4();
        String bot = fp.botsTable().getItems().get(0).bot().botName();
        robot.interact(() -> fp.botsTable().getSelectionModel().select(0));
        // (the pane takes the new JA4 a moment before it shows loading: wait for what the analyst reads)
        waitUntil(() -> botJa4.equals(fp.profilePane().ja4()) && fp.profilePane().figuresPane().state() == LoadPane.State.CONTENT
                && fp.profilePane().namedTable().getItems().stream().anyMatch(n -> n.kind().equals("bot") && n.seen().name().equals(bot)));

        // closing the profile leaves the hint
        robot.clickOn(robot.lookup(n -> n instanceof Button b && "✕".equals(b.getText())).queryAs(Button.class));
        assertFalse(fp.profilePane().isOpen());
    }

    @Test
    void lookUpJa4FromAnIpsDetectionTable(FxRobot robot) throws Exception {
        Detection any = demo.detections().page(shell.model().window(), TableFilter.NONE, SortOrder.descending("anomaly_score"),
                0, 1, QueryContext.create()).get(0);
        robot.interact(() -> shell.model().openIp(ClientIp.parse(any.ip()).orElseThrow()));
        waitUntil(() -> shell.controller().currentView() == ViewId.IP);
        IpTabModel tab = ((IpController) shell.controller().view(ViewId.IP).controller()).selected().orElseThrow();
        waitUntil(() -> tab.detections().state() == Loadable.State.CONTENT);
        @SuppressWarnings("unchecked")
        TableView<Detection> table = robot.lookup(n -> n instanceof TableView<?> t && !t.getColumns().isEmpty()
                && "Detected at (UTC)".equals(t.getColumns().get(0).getText())).queryAs(TableView.class);
        String ja4 = table.getItems().get(0).ja4();
        robot.interact(() -> {
            table.getSelectionModel().select(0);
            table.getFocusModel().focus(0);
        });
        MenuItem item = menuItem(table.getContextMenu(), "Look up JA4");
        robot.interact(() -> table.getContextMenu().getOnShowing().handle(null));
        assertFalse(item.isDisable());
        robot.interact(item::fire);
        waitUntil(() -> shell.controller().currentView() == ViewId.FINGERPRINTS
                && ja4.equals(fingerprints().profilePane().ja4Text())
                && fingerprints().profilePane().figuresPane().state() == LoadPane.State.CONTENT);
    }

    @Test
    void aMalformedJa4ShowsItsProblemAndAWindowWithoutItIsEmptyNotAnError(FxRobot robot) throws Exception {
        robot.interact(() -> shell.model().lookUpJa4("t13d1516h2_8daaf6152771"));
        FingerprintsController fp = fingerprints();
        Ja4ProfilePane pane = fp.profilePane();
        waitUntil(() -> pane.figuresPane().state() == LoadPane.State.EMPTY);
        assertTrue(pane.decodedText().contains("Malformed JA4: expected 3 parts"), pane.decodedText());
        assertTrue(pane.figuresPane().message().startsWith("This JA4 has no rows in the window"), pane.figuresPane().message());

        // a real JA4 in a window before the data: empty, not an error
        String real = "t13d1516h2_8daaf6152771_d8a2da3f94cd";
        robot.interact(() -> shell.model().lookUpJa4(real));
        waitUntil(() -> pane.figuresPane().state() == LoadPane.State.CONTENT);
        robot.interact(() -> shell.model().windowProperty().set(new TimeWindow(demo.session().latestAsOf().minus(Duration.ofDays(20)), Duration.ofHours(6))));
        waitUntil(() -> pane.figuresPane().state() == LoadPane.State.EMPTY);
        assertEquals(real, pane.ja4Text(), "the profile follows the window");
        assertFalse(pane.decodedText().contains("Malformed"), pane.decodedText());
    }

    @Test
    void aFailingProfileShowsTheReasonAndRetry(FxRobot robot, @TempDir Path tmp) throws Exception {
        Path broken = tmp.resolve("broken.duckdb");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + broken); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE other (x INTEGER)");
        }
        Workspace ws = new Workspace(new Warehouse(DuckDbSource.open(broken, true), DuckDbDialect.INSTANCE, DatabaseNames.DEFAULT,
                Duration.ofSeconds(30)), Optional.empty());
        robot.interact(() -> {
            shell.use(ws);
            shell.model().windowProperty().set(new TimeWindow(demo.session().latestAsOf(), Duration.ofHours(24)));
            shell.model().lookUpJa4("t13d1516h2_8daaf6152771_d8a2da3f94cd");
        });
        Ja4ProfilePane pane = fingerprints().profilePane();
        waitUntil(() -> pane.figuresPane().state() == LoadPane.State.ERROR);
        assertFalse(pane.figuresPane().message().isBlank());
        assertTrue(robot.lookup(".retry-button").queryAllAs(Button.class).stream().anyMatch(b -> b.isVisible()
                && isInside(b, pane)), "Retry in the profile");
        assertTrue(pane.decodedText().contains("Protocol: TCP"), "the decode needs no query");
    }

    /** Look up JA4 in a table's context menu is greyed on a row without a JA4, and looks the row's JA4 up. */
    @Test
    void lookUpJa4IsDisabledOnARowWithoutAJa4(FxRobot robot) throws Exception {
        record R(String ip, String ja4) {
        }
        List<String> looked = new ArrayList<>();
        TableDefinition<R> def = new TableDefinition<>("Rows", null, "rows", SortOrder.descending("ip"), List.of(),
                List.of(ColumnDef.text("IP", null, R::ip, 150, null), ColumnDef.text("JA4", null, R::ja4, 300, null)),
                ws -> null, R::ip, R::ja4);
        FilteredTableModel<R> model = new FilteredTableModel<>(def, () -> null, () -> null, () -> null, new Tasks());
        Stage[] stage = new Stage[1];
        PagedTablePane<?>[] pane = new PagedTablePane<?>[1];
        robot.interact(() -> {
            pane[0] = new PagedTablePane<>(model, ip -> { }, looked::add);
            model.rows().setAll(new R("10.0.0.1", ""), new R("10.0.0.2", "t13d1516h2_8daaf6152771_d8a2da3f94cd"));
            stage[0] = new Stage();
            stage[0].setScene(new Scene(pane[0], 600, 300));
            stage[0].show();
        });
        @SuppressWarnings("unchecked")
        TableView<R> table = (TableView<R>) pane[0].lookup(".table-view");
        ContextMenu menu = table.getContextMenu();
        MenuItem item = menuItem(menu, "Look up JA4");
        showMenuOn(robot, table, 0);
        assertTrue(item.isVisible());
        assertTrue(item.isDisable(), "a row without a JA4");
        robot.interact(menu::hide);
        showMenuOn(robot, table, 1);
        assertFalse(item.isDisable());
        robot.interact(item::fire);
        assertEquals(List.of("t13d1516h2_8daaf6152771_d8a2da3f94cd"), looked);
        robot.interact(() -> {
            menu.hide();
            stage[0].close();
        });
    }

    /**
     * A right-click: the secondary button on the node (which focuses its row), then the context-menu
     * request the windowing system sends with it (Monocle, headless, does not synthesise it).
     */
    private static void rightClick(FxRobot robot, Node n) {
        robot.rightClickOn(n);
        robot.interact(() -> {
            javafx.geometry.Bounds b = n.getBoundsInLocal();
            javafx.geometry.Point2D screen = n.localToScreen(b.getCenterX(), b.getCenterY());
            n.fireEvent(new javafx.scene.input.ContextMenuEvent(javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                    b.getCenterX(), b.getCenterY(), screen.getX(), screen.getY(), false, null));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The context menu of a table shown on a row (this stage may lie under the shell's: no robot click). */
    private static <R> void showMenuOn(FxRobot robot, TableView<R> table, int row) {
        robot.interact(() -> {
            table.getFocusModel().focus(row, table.getColumns().get(1));
            javafx.geometry.Point2D p = table.localToScreen(20, 40);
            table.getContextMenu().show(table, p.getX(), p.getY());
        });
    }

    private static boolean isInside(Node n, Node ancestor) {
        for (Node p = n; p != null; p = p.getParent()) if (p == ancestor) return true;
        return false;
    }

    private static MenuItem menuItem(ContextMenu menu, String text) {
        return menu.getItems().stream().filter(i -> text.equals(i.getText())).findFirst().orElseThrow();
    }

    private static TableCell<?, ?> cell(FxRobot robot, TableView<?> table, String column, int row) {
        return robot.lookup(n -> n instanceof TableCell<?, ?> c && c.getTableView() == table && c.getTableColumn() != null
                && column.equals(c.getTableColumn().getText()) && c.getIndex() == row && c.isVisible()).query();
    }

    private FilteredTableModel<Detection> detections() {
        return ((FilteredTableController) shell.controller().view(ViewId.DETECTIONS).controller()).<Detection>table();
    }

    private FingerprintsController fingerprints() {
        return (FingerprintsController) shell.controller().view(ViewId.FINGERPRINTS).controller();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The analyst table in front (Detections, Scores or Traffic). */
    @SuppressWarnings("unchecked")
    private static <R> javafx.scene.control.TableView<R> pagedTable(FxRobot robot) {
        return robot.lookup(".paged-table .table-view").queryAs(javafx.scene.control.TableView.class);
    }
}
