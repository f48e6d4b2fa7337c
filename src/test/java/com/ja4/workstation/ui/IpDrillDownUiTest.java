package com.ja4.workstation.ui;

import static org.junit.jupiter.api.Assertions.*;

import com.ja4.workstation.data.feedback.Outbox;
import com.ja4.workstation.data.warehouse.DatabaseNames;
import com.ja4.workstation.data.warehouse.DuckDbDialect;
import com.ja4.workstation.data.warehouse.Warehouse;
import com.ja4.workstation.domain.ClientIp;
import com.ja4.workstation.domain.feedback.FeedbackEntry;
import com.ja4.workstation.domain.table.Detection;
import com.ja4.workstation.domain.table.TableFilter;
import com.ja4.workstation.service.Workspace;
import com.ja4.workstation.service.source.SnapshotOpener;
import com.ja4.workstation.testing.CountingSource;
import com.ja4.workstation.testing.DemoSnapshots;
import com.ja4.workstation.ui.common.LoadPane;
import com.ja4.workstation.ui.common.Loadable;
import com.ja4.workstation.ui.feedback.FeedbackController;
import com.ja4.workstation.ui.ip.IpController;
import com.ja4.workstation.ui.ip.IpTabModel;
import com.ja4.workstation.ui.shell.Shell;
import com.ja4.workstation.ui.shell.ViewId;
import com.ja4.workstation.ui.table.FilteredTableController;
import com.ja4.workstation.ui.table.FilteredTableModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Global search, the IP drill-down and classification, driven as an analyst would (headless). */
@ExtendWith(ApplicationExtension.class)
class IpDrillDownUiTest {

    static Workspace opened;

    /** Generated and opened once, off the FX thread, so that the stage setup stays fast. */
    @org.junit.jupiter.api.BeforeAll
    static void openDemo() throws Exception {
        opened = SnapshotOpener.open(DemoSnapshots.defaultDemo());
    }

    @org.junit.jupiter.api.AfterAll
    static void closeDemo() {
        opened.close();
    }

    Shell shell;
    Workspace demo;
    CountingSource counting;
    Path outboxFile;

    @Start
    void start(Stage stage) throws Exception {
        shell = com.ja4.workstation.testing.ShellStage.show(stage, 1400, 900);
        counting = new CountingSource(opened.session().warehouse().source());
        outboxFile = Files.createTempDirectory("ja4-outbox-").resolve("outbox.duckdb");
        demo = new Workspace(new Warehouse(counting, DuckDbDialect.INSTANCE, DatabaseNames.DEFAULT, Duration.ofMinutes(1)),
                opened.session().manifest(), Outbox.at(outboxFile));
        shell.use(demo);
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (Files.exists(outboxFile)) Files.delete(outboxFile);
    }

    @Test
    void globalSearchWithAValidIpOpensItsTab(FxRobot robot) throws Exception {
        Detection any = firstDetection();
        robot.clickOn("#globalSearch").write("::ffff:" + any.ip()).type(KeyCode.ENTER);
        waitUntil(() -> shell.controller().currentView() == ViewId.IP);
        IpController ip = ipView();
        IpTabModel tab = ip.selected().orElseThrow();
        assertEquals(any.ip(), tab.ip().display(), "shown without ::ffff:");
        assertEquals(any.ip(), robot.lookup(".ip-tab .tab-label").queryAs(javafx.scene.control.Label.class).getText());
        waitUntil(() -> tab.detections().state() == Loadable.State.CONTENT);
        assertFalse(tab.detections().value().isEmpty());
        assertTrue(tab.detections().value().stream().allMatch(d -> d.ip().equals(any.ip())));
        waitUntil(() -> tab.radar().state() == Loadable.State.CONTENT);
        assertEquals(tab.radarWindows().get(0), tab.selectedWindowProperty().get(), "latest window selected");
        assertEquals(com.ja4.workstation.service.ip.IpDrillDownService.RADAR_FEATURES.size(), tab.axesProperty().get().size());

        // a second IP gets a second tab; the first stays open
        Detection other = demo.detections().page(shell.model().window(), com.ja4.workstation.domain.table.TableFilter.NONE,
                com.ja4.workstation.domain.table.SortOrder.descending("anomaly_score"), 0, 200, com.ja4.workstation.data.warehouse.QueryContext.create())
                .stream().filter(d -> !d.ip().equals(any.ip())).findFirst().orElseThrow();
        robot.interact(() -> shell.controller().search(other.ip()));
        waitUntil(() -> ip.openTabs().size() == 2);
        robot.interact(() -> shell.controller().search(any.ip()));
        assertEquals(2, ip.openTabs().size(), "an open IP is brought forward, not duplicated");
        assertEquals(any.ip(), ip.selected().orElseThrow().ip().display());
    }

    @Test
    void aMalformedIpIsRejectedAtTheBoxAndRunsNoQuery(FxRobot robot) throws Exception {
        waitUntil(() -> shell.model().tasks().running().isEmpty() && shell.controller().currentView() == ViewId.OVERVIEW);
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        int before = counting.opened.get();
        robot.clickOn("#globalSearch").write("1.2.3.999").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(shell.controller().model().searchProblemProperty().get().contains("1.2.3.999"));
        assertTrue(globalSearch().getStyleClass().contains("invalid"), "red border");
        assertTrue(searchMessage().isVisible());
        var msg = searchMessage();
        assertTrue(msg.getWidth() > 50 && msg.getHeight() > 10, "the message has a size on screen: " + msg.getWidth() + "x" + msg.getHeight());
        javafx.geometry.Bounds box = globalSearch().localToScene(globalSearch().getLayoutBounds());
        javafx.geometry.Bounds under = msg.localToScene(msg.getLayoutBounds()); // without the drop shadow
        assertTrue(under.getMinY() >= box.getMaxY(), "shown below the search box: " + box + " / " + under);
        assertTrue(searchMessage().getText().contains("1.2.3.999"), searchMessage().getText());
        assertTrue(globalSearch().getTooltip().getText().contains("not a valid"));
        assertEquals(before, counting.opened.get(), "no query ran");
        assertEquals(ViewId.OVERVIEW, shell.controller().currentView());
        assertNull(shell.controller().view(ViewId.IP), "the drill-down was not even loaded");
        assertTrue(shell.model().tasks().running().isEmpty());
        Path shots = java.nio.file.Files.createDirectories(Path.of("target", "ui-shots"));
        robot.interact(() -> {
            try {
                javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(msg.getScene().getRoot().snapshot(null, null), null),
                        "png", shots.resolve("search-refused.png").toFile());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        // typing again clears the message
        robot.type(KeyCode.BACK_SPACE);
        assertFalse(globalSearch().getStyleClass().contains("invalid"));
    }

    @Test
    void aJa4OpensDetectionsFilteredOnIt(FxRobot robot) throws Exception {
        Detection any = firstDetection();
        robot.interact(() -> shell.controller().search(any.ja4()));
        waitUntil(() -> shell.controller().currentView() == ViewId.DETECTIONS);
        FilteredTableModel<Detection> det = ((FilteredTableController) shell.controller().view(ViewId.DETECTIONS).controller()).<Detection>table();
        waitUntil(() -> det.loading().state() == Loadable.State.CONTENT);
        assertEquals(any.ja4(), det.filter().get(TableFilter.JA4));
        assertTrue(det.rows().stream().allMatch(d -> d.ja4().equals(any.ja4())));
        robot.interact(() -> shell.controller().search(any.asnOrg()));
        waitUntil(() -> det.filter().get(TableFilter.ASN_ORG).equals(any.asnOrg()) && det.loading().state() == Loadable.State.CONTENT);
        robot.interact(() -> shell.controller().search("maison-lumiere"));
        waitUntil(() -> det.filter().get(TableFilter.SEARCH).equals("maison-lumiere") && det.loading().state() == Loadable.State.CONTENT);
        assertTrue(det.filter().get(TableFilter.ASN_ORG).isEmpty(), "not an ASN: searched on host");
    }

    @Test
    void openIpFromTheDetectionsContextMenu(FxRobot robot) throws Exception {
        robot.clickOn(robot.lookup(".rail-button").match(n -> ((ToggleButton) n).getText().contains("Detections")).queryAs(ToggleButton.class));
        FilteredTableModel<Detection> det = ((FilteredTableController) shell.controller().view(ViewId.DETECTIONS).controller()).<Detection>table();
        waitUntil(() -> det.loading().state() == Loadable.State.CONTENT);
        Detection first = det.rows().get(0);
        assertFalse(first.os().isEmpty(), "the page carries the OS verdict");
        robot.clickOn(robot.from(pagedTable(robot)).lookup(".table-cell").nth(1).queryAs(javafx.scene.Node.class));
        var openIp = pagedTable(robot).getContextMenu().getItems().stream()
                .filter(i -> "Open IP".equals(i.getText())).findFirst().orElseThrow();
        robot.interact(openIp::fire);
        waitUntil(() -> shell.controller().currentView() == ViewId.IP);
        assertEquals(first.ip(), ipView().selected().orElseThrow().ip().display());
    }

    @Test
    void classifyingUpdatesTheHistoryAndAnErrorKeepsTheForm(FxRobot robot) throws Exception {
        ClientIp ip = ClientIp.parse(firstDetection().ip()).orElseThrow();
        robot.interact(() -> shell.model().openIp(ip));
        waitUntil(() -> shell.controller().currentView() == ViewId.IP);
        IpTabModel tab = ipView().selected().orElseThrow();
        waitUntil(() -> tab.history().state() == Loadable.State.CONTENT);
        int before = tab.historyRows().size();

        // too long: refused, nothing lost
        String tooLong = "x".repeat(501);
        robot.interact(() -> {
            tab.classificationProperty().set("bot");
            tab.commentProperty().set(tooLong);
        });
        assertTrue(tab.counterOverProperty().get(), "the counter says the comment is too long");
        robot.clickOn(robot.lookup(".button").match(n -> "Save classification".equals(((Button) n).getText())).queryAs(Button.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(tab.formStatusProperty().get().contains("500"), tab.formStatusProperty().get());
        assertTrue(tab.formErrorProperty().get());
        assertEquals(tooLong, tab.commentProperty().get());
        assertEquals(before, tab.historyRows().size());

        robot.interact(() -> {
            tab.classificationProperty().set("suspicious");
            tab.commentProperty().set("HTTP/1.1 with a Chrome JA4");
        });
        robot.clickOn(robot.lookup(".button").match(n -> "Save classification".equals(((Button) n).getText())).queryAs(Button.class));
        waitUntil(() -> tab.historyRows().size() == before + 1);
        FeedbackEntry top = tab.historyRows().get(0);
        assertEquals("suspicious", top.classification());
        assertEquals("HTTP/1.1 with a Chrome JA4", top.comment());
        assertTrue(top.pending(), "a snapshot's classification waits in the outbox");
        assertEquals("", tab.commentProperty().get(), "form cleared after saving");
        assertEquals("", tab.classificationProperty().get());
        assertEquals(1, Outbox.at(outboxFile).pending().size());

        // the Feedback view lists it as pending and opens its IP
        robot.clickOn(robot.lookup(".rail-button").match(n -> ((ToggleButton) n).getText().contains("Feedback")).queryAs(ToggleButton.class));
        FeedbackController fb = (FeedbackController) shell.controller().view(ViewId.FEEDBACK).controller();
        waitUntil(() -> fb.loadPane().state() == LoadPane.State.CONTENT
                && fb.table().getItems().stream().anyMatch(FeedbackEntry::pending));
        FeedbackEntry pending = fb.table().getItems().stream().filter(FeedbackEntry::pending).findFirst().orElseThrow();
        assertEquals(ip.display(), pending.ip());
    }

    private IpController ipView() {
        return (IpController) shell.controller().view(ViewId.IP).controller();
    }

    private Detection firstDetection() throws Exception {
        waitUntil(() -> shell.model().window() != null);
        return demo.detections().page(shell.model().window(), com.ja4.workstation.domain.table.TableFilter.NONE,
                com.ja4.workstation.domain.table.SortOrder.descending("threat_level"), 0, 1,
                com.ja4.workstation.data.warehouse.QueryContext.create()).get(0);
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

    private TextField globalSearch() {
        return (TextField) shell.root().lookup("#globalSearch");
    }

    private Label searchMessage() {
        return (Label) shell.root().lookup("#searchMessage");
    }
}
