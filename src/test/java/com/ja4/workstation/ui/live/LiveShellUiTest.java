package com.ja4.workstation.ui.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ja4.workstation.data.feedback.Outbox;
import com.ja4.workstation.data.schema.Table;
import com.ja4.workstation.data.schema.WarehouseSchema;
import com.ja4.workstation.data.warehouse.DatabaseNames;
import com.ja4.workstation.data.warehouse.QueryContext;
import com.ja4.workstation.data.warehouse.Sql;
import com.ja4.workstation.data.warehouse.Warehouse;
import com.ja4.workstation.domain.ClientIp;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.feedback.Classification;
import com.ja4.workstation.domain.feedback.FeedbackEntry;
import com.ja4.workstation.service.Workspace;
import com.ja4.workstation.service.profile.ConnectionProfile;
import com.ja4.workstation.service.profile.LiveConnector;
import com.ja4.workstation.service.profile.LiveSource;
import com.ja4.workstation.service.profile.SchemaReport;
import com.ja4.workstation.service.source.SnapshotOpener;
import com.ja4.workstation.testing.ChdbServer;
import com.ja4.workstation.testing.DemoSnapshots;
import com.ja4.workstation.ui.common.LoadPane;
import com.ja4.workstation.ui.common.Theme;
import com.ja4.workstation.ui.feedback.FeedbackController;
import com.ja4.workstation.ui.overview.OverviewController;
import com.ja4.workstation.ui.shell.Shell;
import com.ja4.workstation.ui.shell.ViewId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The shell on a live ClickHouse (chDB behind the HTTP adapter): connect, dropped link, schema gaps, outbox sync. */
@ExtendWith(ApplicationExtension.class)
class LiveShellUiTest {

    Shell shell;
    Instant demoAsOf;
    Outbox outbox;
    Path tmp;

    @Start
    void start(Stage stage) throws Exception {
        Theme.applyUserAgent();
        tmp = Files.createTempDirectory("ja4-live-ui");
        outbox = Outbox.at(tmp.resolve("outbox.duckdb"));
        shell = Shell.create();
        shell.useOutbox(outbox.file());
        Scene scene = new Scene(shell.root(), 1400, 900);
        Theme.style(scene);
        stage.setScene(scene);
        stage.show();
        Workspace demo = SnapshotOpener.open(DemoSnapshots.defaultDemo());
        demoAsOf = demo.session().latestAsOf();
        shell.use(demo);
    }

    @AfterEach
    void linkBack() {
        ChdbServer.demo().refuse(false);
    }

    static ConnectionProfile profile(ChdbServer server) {
        return ConnectionProfile.of("chdb-test", "127.0.0.1", server.port()).withQueryTimeout(Duration.ofSeconds(30));
    }

    private void connect(FxRobot robot, ChdbServer server) throws Exception {
        robot.interact(() -> shell.connect(profile(server), ChdbServer.PASSWORD));
        waitUntil(() -> shell.model().workspace() != null && !shell.model().workspace().session().isSnapshot());
        robot.interact(() -> shell.model().windowProperty().set(new TimeWindow(demoAsOf, Duration.ofHours(24))));
    }

    @Test
    void connectShowsTheLiveProfileAndAWrongPasswordKeepsTheCurrentSource(FxRobot robot) throws Exception {
        ChdbServer server = ChdbServer.demo();
        robot.interact(() -> shell.connect(profile(server), "wrong"));
        waitUntil(() -> shell.controller().statusText().startsWith("Could not connect"));
        assertTrue(shell.controller().statusText().contains("Authentication failed"), shell.controller().statusText());
        assertTrue(shell.model().workspace().session().isSnapshot(), "the demo stays open");
        Label source = robot.lookup(".source-indicator").queryAs(Label.class);
        assertTrue(source.getText().startsWith("● snapshot (read-only)"), source.getText());

        connect(robot, server);
        assertEquals("● live: chdb-test (127.0.0.1:" + server.port() + ")", source.getText());
        assertTrue(source.getStyleClass().contains("source-live"));
        shot(robot, "live-shell-connected.png");
        assertFalse(source.getStyleClass().contains("source-snapshot"));
        assertTrue(shell.controller().model().exportEnabledProperty().get(), "export is offered on a live source");

        String home = System.getProperty("ja4.home");
        System.setProperty("ja4.home", tmp.resolve("home").toString()); // the demo is prepared in a scratch data folder
        try {
            robot.clickOn("#sourceMenu");
            robot.clickOn("Demo data");
            waitUntil(() -> shell.model().workspace() != null && shell.model().workspace().session().isSnapshot());
        } finally {
            if (home == null) System.clearProperty("ja4.home");
            else System.setProperty("ja4.home", home);
        }
        assertTrue(source.getStyleClass().contains("source-snapshot"));
        assertFalse(shell.controller().model().exportEnabledProperty().get());
    }

    @Test
    void theConnectButtonOpensTheDialogWhoseConnectReplacesTheWorkspaceAndCloses(FxRobot robot) throws Exception {
        ChdbServer server = ChdbServer.demo();
        com.ja4.workstation.service.profile.ProfileStore store = new com.ja4.workstation.service.profile.ProfileStore(tmp.resolve("profiles.json"));
        store.save(profile(server));
        shell.useProfiles(store);
        robot.clickOn("#connectButton");
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> profiles = robot.lookup(n -> n instanceof javafx.scene.control.ComboBox<?> c
                && c.getItems().contains("chdb-test")).queryAs(javafx.scene.control.ComboBox.class);
        robot.interact(() -> profiles.getSelectionModel().select("chdb-test"));
        robot.interact(() -> profiles.getOnAction().handle(null));
        javafx.scene.control.TextField host = robot.lookup("#host").queryAs(javafx.scene.control.TextField.class);
        assertEquals("127.0.0.1", host.getText());
        javafx.stage.Window dialog = host.getScene().getWindow();
        robot.interact(() -> robot.lookup("#password").queryAs(javafx.scene.control.PasswordField.class).setText(ChdbServer.PASSWORD));
        shotOf(robot, host.getScene().getRoot(), "connection-dialog.png");
        robot.clickOn("#connect");
        waitUntil(() -> shell.model().workspace() != null && !shell.model().workspace().session().isSnapshot());
        waitUntil(() -> !dialog.isShowing());
        assertTrue(shell.controller().model().sourceTextProperty().get().startsWith("● live: chdb-test"));
    }

    @Test
    void aDroppedLinkShowsTheReasonWithRetryAndRetryAfterTheLinkIsBackShowsData(FxRobot robot) throws Exception {
        ChdbServer server = ChdbServer.demo();
        connect(robot, server);
        OverviewController overview = (OverviewController) shell.controller().view(ViewId.OVERVIEW).controller();
        waitUntil(() -> overview.kpiPane().state() == LoadPane.State.CONTENT);
        String figures = overview.detectionsKpiText();

        server.refuse(true);
        robot.interact(overview::activate);
        // the window stays responsive while the queries fail
        long t0 = System.nanoTime();
        robot.interact(() -> { });
        assertTrue(System.nanoTime() - t0 < 2_000_000_000L, "FX thread answers while the link is down");
        waitUntil(() -> overview.kpiPane().state() == LoadPane.State.ERROR);
        assertTrue(overview.kpiPane().message().startsWith("The connection to the server was lost"), overview.kpiPane().message());
        Button retry = robot.lookup(".retry-button").queryAllAs(Button.class).stream()
                .filter(b -> isInside(b, overview.kpiPane()) && b.isVisible()).findFirst().orElseThrow();

        shot(robot, "live-overview-link-dropped.png");
        server.refuse(false);
        robot.clickOn(retry);
        waitUntil(() -> overview.kpiPane().state() == LoadPane.State.CONTENT);
        assertEquals(figures, overview.detectionsKpiText());
    }

    @Test
    void viewsWhoseTablesTheServerLacksAreGreyedWithTheReasonAndDoNotQuery(FxRobot robot) throws Exception {
        ChdbServer server = ChdbServer.demo();
        String db = "partial_ui";
        Warehouse setup = server.warehouse();
        QueryContext ctx = QueryContext.create();
        setup.execute(Sql.of("CREATE DATABASE IF NOT EXISTS " + db), ctx);
        for (Table t : WarehouseSchema.TABLES) {
            if (!t.name().equals(WarehouseSchema.HTTP_LOGS)) setup.execute(Sql.of(t.clickHouseDdl(db)), ctx);
        }
        setup.close();
        ConnectionProfile p = profile(server).withDatabases(new DatabaseNames(db, db));
        Workspace ws = LiveConnector.connect(p, ChdbServer.PASSWORD);
        SchemaReport report = ws.session().live().map(LiveSource::schema).orElseThrow();
        assertEquals(java.util.List.of(WarehouseSchema.HTTP_LOGS), report.missingTables());
        robot.interact(() -> shell.use(ws));
        WaitForAsyncUtils.waitForFxEvents();

        for (ViewId id : ViewId.values()) {
            boolean expected = id.family().map(f -> report.unavailableViews().containsKey(f)).orElse(false);
            var b = railButton(robot, id);
            assertEquals(expected, b.getStyleClass().contains("unavailable"), id + " greyed");
            if (expected) assertTrue(b.getTooltip().getText().contains("table http_logs is missing"), b.getTooltip().getText());
        }
        assertTrue(railButton(robot, ViewId.TRAFFIC).getStyleClass().contains("unavailable"));
        assertTrue(railButton(robot, ViewId.HEATMAP).getStyleClass().contains("unavailable"));
        assertFalse(railButton(robot, ViewId.DETECTIONS).getStyleClass().contains("unavailable"));
        // Overview reads http_logs too: it was in front and now says why instead of querying
        assertTrue(robot.lookup(".unavailable-view").tryQuery().isPresent());

        robot.clickOn(railButton(robot, ViewId.TRAFFIC));
        assertNull(shell.controller().view(ViewId.TRAFFIC), "no view loaded, no query sent");
        shot(robot, "live-shell-unavailable.png");
        Label title = robot.lookup(".unavailable-view .error-title").queryAs(Label.class);
        assertTrue(title.getText().contains("Traffic is not available"), title.getText());

        robot.clickOn(railButton(robot, ViewId.DETECTIONS));
        waitUntil(() -> shell.controller().view(ViewId.DETECTIONS) != null
                && shell.controller().view(ViewId.DETECTIONS).root().getScene() != null);
        assertTrue(robot.lookup(".unavailable-view").tryQuery().isEmpty());
    }

    @Test
    void connectingSyncsThreePendingClassificationsExactlyOnceAndEmptiesTheOutbox(FxRobot robot) throws Exception {
        ChdbServer server = ChdbServer.demo();
        String analyst = "sync-ui-" + UUID.randomUUID().toString().substring(0, 8);
        Instant t = Instant.parse("2026-11-20T10:15:30Z");
        outbox.add(ClientIp.parse("203.0.113.7").orElseThrow(), Classification.BOT, "masscan sweep", analyst, t);
        outbox.add(ClientIp.parse("2001:db8::5").orElseThrow(), Classification.SUSPICIOUS, "", analyst, t.plusSeconds(5));
        outbox.add(ClientIp.parse("198.51.100.1").orElseThrow(), Classification.LEGITIMATE, "it's the CDN", analyst, t.plusSeconds(9));

        // on the demo snapshot the Feedback view lists them as pending
        robot.clickOn(railButton(robot, ViewId.FEEDBACK));
        FeedbackController feedback = (FeedbackController) shell.controller().view(ViewId.FEEDBACK).controller();
        waitUntil(() -> feedback.loadPane().state() == LoadPane.State.CONTENT
                && feedback.table().getItems().stream().filter(e -> analyst.equals(e.analyst()) && e.pending()).count() == 3);

        connect(robot, server);
        shell.lastSync().get(60, TimeUnit.SECONDS);
        waitUntil(() -> shell.controller().statusText().startsWith("Synced"));
        assertEquals("Synced 3 pending classifications to soc_feedback", shell.controller().statusText());
        assertEquals(0, outbox.pending().size());

        try (Warehouse wh = server.warehouse()) {
            long rows = wh.count(Sql.of("SELECT count(*) FROM " + wh.table(WarehouseSchema.SOC_FEEDBACK_TABLE)
                    + " WHERE analyst = ? AND source = 'snapshot'", analyst), QueryContext.create());
            assertEquals(3, rows, "each pending classification written exactly once");
        }
        // the Feedback view (in front) reloads: the rows are now written, none pending
        waitUntil(() -> feedback.loadPane().state() == LoadPane.State.CONTENT
                && feedback.table().getItems().stream().filter(e -> analyst.equals(e.analyst())).count() == 3
                && feedback.table().getItems().stream().noneMatch(FeedbackEntry::pending));

        // a second connect has nothing to sync and writes nothing again
        robot.interact(() -> shell.connect(profile(server), ChdbServer.PASSWORD));
        waitUntil(() -> shell.controller().statusText().startsWith("Opened"));
        shell.lastSync().get(60, TimeUnit.SECONDS);
        try (Warehouse wh = server.warehouse()) {
            assertEquals(3, wh.count(Sql.of("SELECT count(*) FROM " + wh.table(WarehouseSchema.SOC_FEEDBACK_TABLE)
                    + " WHERE analyst = ?", analyst), QueryContext.create()));
            // the fixture is shared with the conformance suite, which expects the demo's rows only
            wh.execute(Sql.of("ALTER TABLE " + wh.table(WarehouseSchema.SOC_FEEDBACK_TABLE)
                    + " DELETE WHERE analyst = ? SETTINGS mutations_sync = 2", analyst), QueryContext.create());
            assertEquals(0, wh.count(Sql.of("SELECT count(*) FROM " + wh.table(WarehouseSchema.SOC_FEEDBACK_TABLE)
                    + " WHERE analyst = ?", analyst), QueryContext.create()));
        }
    }

    /** A picture of the window for a human look (target/ui-shots). */
    private void shot(FxRobot robot, String name) throws Exception {
        shotOf(robot, shell.root(), name);
    }

    private static void shotOf(FxRobot robot, javafx.scene.Parent root, String name) throws Exception {
        Path dir = Path.of("target", "ui-shots");
        Files.createDirectories(dir);
        robot.interact(() -> {
            try {
                javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(root.snapshot(null, null), null),
                        "png", dir.resolve(name).toFile());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private static boolean isInside(Node n, Node ancestor) {
        for (Node p = n; p != null; p = p.getParent()) if (p == ancestor) return true;
        return false;
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The rail button of a view, as the analyst sees it. */
    private static javafx.scene.control.ToggleButton railButton(FxRobot robot, ViewId id) {
        return robot.lookup(".rail-button").match(n -> ((javafx.scene.control.ToggleButton) n).getText().endsWith(id.title()))
                .queryAs(javafx.scene.control.ToggleButton.class);
    }
}
