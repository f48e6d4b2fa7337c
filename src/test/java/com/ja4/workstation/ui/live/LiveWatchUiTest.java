package com.ja4.workstation.ui.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ja4.workstation.data.demo.DemoOptions;
import com.ja4.workstation.data.schema.Table;
import com.ja4.workstation.data.schema.WarehouseSchema;
import com.ja4.workstation.data.warehouse.DatabaseNames;
import com.ja4.workstation.data.warehouse.QueryContext;
import com.ja4.workstation.data.warehouse.Sql;
import com.ja4.workstation.data.warehouse.Warehouse;
import com.ja4.workstation.domain.table.Detection;
import com.ja4.workstation.service.source.SnapshotOpener;
import com.ja4.workstation.testing.ChdbServer;
import com.ja4.workstation.testing.DemoFirst;
import com.ja4.workstation.testing.DemoSnapshots;
import com.ja4.workstation.testing.ManualScheduler;
import com.ja4.workstation.testing.ShellStage;
import com.ja4.workstation.ui.common.Loadable;
import com.ja4.workstation.ui.shell.LiveWatch;
import com.ja4.workstation.ui.shell.Shell;
import com.ja4.workstation.ui.shell.ViewId;
import com.ja4.workstation.ui.table.FilteredTableController;
import com.ja4.workstation.ui.table.FilteredTableModel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Auto-refresh on a live ClickHouse (chDB) with a clock the test moves: rows inserted between two
 * refreshes are counted on the rail and marked in Detections, a new CRITICAL IP raises a desktop
 * notification, and a refresh waits while the analyst types or a query of the view runs.
 */
@ExtendWith({DemoFirst.class, ApplicationExtension.class})
class LiveWatchUiTest {

    /** Its own database: the shared fixture's rows stay the demo's (the conformance suite compares them). */
    static final String DB = "live_watch_ui";
    static final Instant T0 = DemoOptions.DEFAULT_AS_OF;
    static final String NEW_CRITICAL = "203.0.113.77";

    Shell shell;

    @Start
    void start(Stage stage) throws Exception {
        shell = ShellStage.show(stage, 1400, 900);
        shell.use(SnapshotOpener.open(DemoSnapshots.defaultDemo()));
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        try (Warehouse wh = ChdbServer.demo().warehouse()) {
            wh.execute(Sql.of("DROP DATABASE IF EXISTS " + DB), QueryContext.create());
        }
    }

    /** A copy of the demo tables in {@link #DB}, made on the server. */
    private static void copyDemo(ChdbServer server) throws Exception {
        try (Warehouse wh = server.warehouse()) {
            QueryContext ctx = QueryContext.create();
            wh.execute(Sql.of("DROP DATABASE IF EXISTS " + DB), ctx);
            wh.execute(Sql.of("CREATE DATABASE " + DB), ctx);
            for (Table t : WarehouseSchema.TABLES) {
                wh.execute(Sql.of(t.clickHouseDdl(DB)), ctx);
                wh.execute(Sql.of("INSERT INTO " + DB + "." + t.name() + " SELECT * FROM " + wh.table(t)), ctx);
            }
        }
    }

    /** A detection like an existing one of {@code level}, from {@code ip}, detected at {@code at}. */
    private static void insertDetection(ChdbServer server, String ip, String level, Instant at) throws Exception {
        try (Warehouse wh = server.warehouse()) {
            wh.execute(Sql.builder().sql("INSERT INTO " + DB + ".ml_detected_anomalies SELECT * REPLACE (toDateTime(?, 'UTC') AS detected_at, "
                            + "toIPv6(?) AS src_ip, ? AS threat_level) FROM " + DB + ".ml_detected_anomalies WHERE threat_level = ? "
                            + "ORDER BY detected_at, src_ip LIMIT 1", at.getEpochSecond(), "::ffff:" + ip, level, level).build(),
                    QueryContext.create());
        }
    }

    @Test
    void newRowsAreCountedMarkedAndANewCriticalIpIsAnnouncedAndTypingOrAQueryHoldsTheRefresh(FxRobot robot) throws Exception {
        ChdbServer server = ChdbServer.demo();
        copyDemo(server);
        robot.interact(() -> shell.connect(LiveShellUiTest.profile(server).withDatabases(new DatabaseNames(DB, DB)), ChdbServer.PASSWORD));
        waitUntil(() -> shell.model().workspace() != null && shell.model().workspace().session().isLive());

        ManualScheduler clock = new ManualScheduler(T0);
        List<LiveWatch.Alert> alerts = new CopyOnWriteArrayList<>();
        robot.interact(() -> shell.useLiveWatch(clock, a -> {
            alerts.add(a);
            shell.desktopNotifications().accept(a); // and shown as in the window
        }));
        LiveWatch watch = shell.controller().liveWatch();
        @SuppressWarnings("unchecked")
        ComboBox<LiveWatch.Interval> box = robot.lookup(".refresh-box").queryAs(ComboBox.class);
        assertTrue(box.isVisible(), "auto-refresh is offered on a live source");

        // switched on: the window's end moves to now (the clock's) and sets the baseline
        robot.interact(() -> box.setValue(LiveWatch.Interval.S30));
        waitForRefreshAndView(watch);
        assertEquals(T0, shell.model().window().asOf());
        assertEquals(0, watch.newCountProperty().get());
        assertTrue(alerts.isEmpty(), "the baseline announces nothing");

        // two detections arrive, one of them from an IP never CRITICAL before
        insertDetection(server, NEW_CRITICAL, "CRITICAL", T0.plusSeconds(5));
        insertDetection(server, "198.51.100.23", "HIGH", T0.plusSeconds(12));
        robot.interact(() -> clock.advance(Duration.ofSeconds(30)));
        waitForRefreshAndView(watch);
        assertEquals(T0.plusSeconds(30), shell.model().window().asOf(), "the window's end follows the clock");
        assertEquals(2, watch.newCountProperty().get());
        Label badge = robot.lookup("#newDetectionsBadge").queryAs(Label.class);
        assertTrue(badge.isVisible());
        assertEquals("+2", badge.getText());
        assertEquals(1, alerts.size());
        assertEquals(List.of(NEW_CRITICAL), alerts.get(0).ips());
        waitUntil(() -> robot.lookup(".notification-bar").tryQuery().isPresent());
        assertTrue(robot.lookup(".notification-bar .title").queryLabeled().getText().contains("CRITICAL"));

        // Detections (Ctrl+2): the two new rows are marked, the others not
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        FilteredTableModel<Detection> det = ((FilteredTableController) shell.controller().view(ViewId.DETECTIONS).controller()).table();
        waitUntil(() -> det.loading().state() == Loadable.State.CONTENT);
        List<Detection> marked = robot.lookup(".table-row-cell.new-detection").queryAllAs(TableRow.class).stream()
                .map(r -> (Detection) r.getItem()).toList();
        assertEquals(2, marked.size(), "marked rows: " + marked);
        assertTrue(marked.stream().allMatch(d -> !d.detectedAt().isBefore(T0)));
        assertTrue(marked.stream().anyMatch(d -> d.ip().equals(NEW_CRITICAL)));
        assertTrue(det.rows().stream().filter(d -> d.detectedAt().isBefore(T0)).count() > 50, "older rows are shown, unmarked");

        // typing in the search box holds the next refresh back, which comes once the typing stopped
        robot.interact(() -> clock.advance(Duration.ofSeconds(27)));
        robot.clickOn(".global-search").write("45.");
        robot.interact(() -> clock.advance(Duration.ofSeconds(3)));
        assertEquals(T0.plusSeconds(30), shell.model().window().asOf(), "no refresh while typing");
        assertTrue(watch.stateProperty().get().contains("typing"), watch.stateProperty().get());
        robot.interact(() -> clock.advance(LiveWatch.RETRY));
        waitForRefreshAndView(watch);
        assertEquals(T0.plusSeconds(65), shell.model().window().asOf());
        assertEquals(0, watch.newCountProperty().get(), "nothing arrived since");
        assertFalse(badge.isVisible());
        assertEquals(1, alerts.size(), "an IP announced once is not announced again");

        // a query of the view in front is running when the refresh is due: it waits for it
        robot.interact(() -> {
            shell.controller().view(ViewId.DETECTIONS).controller().activate();
            clock.advance(Duration.ofSeconds(30));
        });
        assertEquals(T0.plusSeconds(65), shell.model().window().asOf(), "no refresh while the view loads");
        assertTrue(watch.stateProperty().get().contains("query"), watch.stateProperty().get());
        waitUntil(() -> shell.controller().view(ViewId.DETECTIONS).controller().idle().isDone());
        robot.interact(() -> clock.advance(LiveWatch.RETRY));
        waitForRefreshAndView(watch);
        assertEquals(T0.plusSeconds(100), shell.model().window().asOf());

        // the analyst moves the window back an hour: the next refresh brings it to now and starts over (that hour is not "new")
        robot.interact(() -> shell.model().windowProperty().set(shell.model().window().withAsOf(T0.minusSeconds(3600))));
        waitForView();
        robot.interact(() -> clock.advance(Duration.ofSeconds(30)));
        waitForRefreshAndView(watch);
        assertEquals(T0.plusSeconds(130), shell.model().window().asOf());
        assertEquals(0, watch.newCountProperty().get(), "a window the analyst chose is a new baseline");
        assertEquals(null, shell.model().newDetectionsSinceProperty().get());
        assertEquals(1, alerts.size());

        robot.interact(() -> box.setValue(LiveWatch.Interval.OFF));
        assertEquals(0, clock.pending(), "off: no timer left");
        assertEquals(null, shell.model().newDetectionsSinceProperty().get(), "off: nothing marked");
    }

    private void waitForRefreshAndView(LiveWatch watch) throws Exception {
        watch.lastRefresh().handle((v, e) -> null).get(90, TimeUnit.SECONDS);
        waitForView();
    }

    private void waitForView() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        ViewId current = shell.controller().currentView();
        waitUntil(() -> shell.controller().view(current).controller().idle().isDone());
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
