package com.ja4.workstation.ui.detail;

import static org.junit.jupiter.api.Assertions.*;

import com.ja4.workstation.domain.ThreatLevel;
import com.ja4.workstation.domain.analytics.CountryRow;
import com.ja4.workstation.domain.detail.SignalGroup;
import com.ja4.workstation.domain.ip.FeatureWindow;
import com.ja4.workstation.domain.overview.TopIp;
import com.ja4.workstation.domain.overview.TopIpRanking;
import com.ja4.workstation.domain.table.Detection;
import com.ja4.workstation.domain.table.HttpLog;
import com.ja4.workstation.domain.table.Score;
import com.ja4.workstation.domain.table.TableFilter;
import com.ja4.workstation.service.Workspace;
import com.ja4.workstation.service.detail.RowDetail;
import com.ja4.workstation.service.detail.SignalValue;
import com.ja4.workstation.service.preferences.UserPreferences;
import com.ja4.workstation.service.source.SnapshotOpener;
import com.ja4.workstation.testing.DemoSnapshots;
import com.ja4.workstation.ui.common.Loadable;
import com.ja4.workstation.ui.ip.IpController;
import com.ja4.workstation.ui.ip.IpTabModel;
import com.ja4.workstation.ui.overview.OverviewController;
import com.ja4.workstation.ui.overview.TopIpsModel;
import com.ja4.workstation.ui.shell.Shell;
import com.ja4.workstation.ui.shell.ViewId;
import com.ja4.workstation.ui.table.FilteredTableController;
import com.ja4.workstation.ui.table.FilteredTableModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
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
 * Issue 16 items 1 and 2, driven as an analyst would on the demo: a selected row's detail pane
 * (Detections, Scores, the IP tab), the all-columns CSV, the Top IPs ranking, the host substring
 * filter, whole-IP search and the Geo country table.
 */
@ExtendWith(ApplicationExtension.class)
class DetectionDetailUiTest {

    static Workspace demo;
    Shell shell;

    @BeforeAll
    static void openDemo() throws Exception {
        demo = SnapshotOpener.open(DemoSnapshots.defaultDemo());
    }

    @AfterAll
    static void closeDemo() {
        demo.close();
    }

    @Start
    void start(Stage stage) {
        shell = com.ja4.workstation.testing.ShellStage.show(stage, 1400, 900);
        shell.use(demo);
    }

    @Test
    void clickingADetectionFillsTheDetailPaneWithThatRow(FxRobot robot) throws Exception {
        FilteredTableModel<Detection> m = table(robot, ViewId.DETECTIONS);
        Detection row = m.rows().get(2);
        TableRow<?> third = robot.lookup(n -> n instanceof TableRow<?> r && r.getItem() == row).query();
        robot.clickOn(third);
        waitUntil(() -> m.detail().detail().state() == Loadable.State.CONTENT);
        assertSame(row, m.detail().selected());
        assertTrue(m.detail().visibleProperty().get());

        RowDetail d = m.detail().detail().value().orElseThrow();
        assertEquals(row.ip(), d.row().text("src_ip"));
        assertEquals(row.ja4(), d.row().text("ja4"));
        assertEquals(row.host(), d.row().text("host"));
        assertEquals(row.anomalyScore(), d.row().number("anomaly_score"), 1e-9);
        assertEquals(row.threatLevel(), d.row().text("threat_level"));
        assertEquals(row.detectedAt(), d.row().time("detected_at"));
        // the columns the table does not show are there, each with a meaning
        for (String c : List.of("is_headless", "ua_ch_mismatch", "alpn_http_mismatch", "is_alpn_missing", "ip_id_zero_ratio",
                "header_order_confidence", "multiplexing_efficiency", "distinct_ja4_count", "is_ua_rotating", "src_port_density",
                "header_count")) {
            SignalValue v = d.value(c);
            assertNotNull(v, c);
            assertFalse(v.signal().meaning().isBlank(), c);
            assertNotNull(v.human(), c + " against the human baseline");
            assertNotNull(v.datacenter(), c + " against the datacenter baseline");
        }
        Set<SignalGroup> groups = d.sections().stream().filter(s -> !s.values().isEmpty()).map(RowDetail.Section::group)
                .collect(Collectors.toSet());
        assertEquals(Set.of(SignalGroup.values()), groups, "every group has columns");
        assertFalse(d.whyItFired().isEmpty());
        for (int i = 1; i < d.whyItFired().size(); i++) {
            assertTrue(d.whyItFired().get(i - 1).distance() >= d.whyItFired().get(i).distance(), "furthest from the human baseline first");
        }
        // and the pane shows it
        Label title = robot.lookup("#detailTitle").queryAs(Label.class);
        assertTrue(title.getText().contains(row.ip()), title.getText());
        assertTrue(robot.lookup("#whyItFired").query().isVisible());

        // closing the pane keeps the selection; Details brings it back
        robot.interact(() -> m.detail().close());
        assertFalse(m.detail().visibleProperty().get());
        robot.interact(() -> m.detail().wantedProperty().set(true));
        waitUntil(() -> m.detail().detail().state() == Loadable.State.CONTENT);
        assertEquals(row.ip(), m.detail().detail().value().orElseThrow().row().text("src_ip"));
    }

    @Test
    void aScoredWindowsDetailAndTheAllColumnsExport(FxRobot robot) throws Exception {
        FilteredTableModel<Score> m = table(robot, ViewId.SCORES);
        Score row = m.rows().get(0);
        robot.interact(() -> m.select(0));
        waitUntil(() -> m.detail().detail().state() == Loadable.State.CONTENT);
        RowDetail d = m.detail().detail().value().orElseThrow();
        assertEquals(row.ip(), d.row().text("src_ip"));
        assertEquals(row.windowStart(), d.row().time("window_start"));
        assertEquals(row.xgbProb(), d.row().number("xgb_prob"), 1e-9);
        assertNotNull(d.value("hit_velocity").human());

        // all columns of the filtered rows: the client's own scored windows
        robot.interact(() -> m.draft(TableFilter.SEARCH).set(row.ip()));
        await(robot, m::apply);
        Path csv = Files.createTempDirectory("ja4-all-columns").resolve("scores.csv");
        long written = (Long) await(robot, () -> m.exportTo(csv, true));
        List<String> lines = Files.readAllLines(csv);
        assertEquals(m.total(), written);
        assertEquals(written + 1, lines.size(), "a header and every row");
        List<String> header = List.of(lines.get(0).split(","));
        for (String c : List.of("detected_at", "window_start", "src_ip", "xgb_prob", "ae_recon_error", "is_known_browser", "os",
                "is_headless", "ua_ch_mismatch", "header_count")) {
            assertTrue(header.contains(c), c + " in " + header);
        }
        assertTrue(lines.stream().skip(1).allMatch(l -> l.contains(row.ip())));

        FilteredTableModel<Detection> det = table(robot, ViewId.DETECTIONS);
        Path all = csv.resolveSibling("detections.csv");
        await(robot, () -> det.exportTo(all, true));
        List<String> detHeader = List.of(Files.readAllLines(all).get(0).split(","));
        assertTrue(detHeader.size() >= 33, "every column of a detection: " + detHeader);
        assertTrue(detHeader.containsAll(List.of("is_headless", "ip_id_zero_ratio", "multiplexing_efficiency", "is_ua_rotating")));
    }

    @Test
    void aRowOfTheIpTabOpensItsDetailAndTheFeatureWindowsShowEveryFeature(FxRobot robot) throws Exception {
        FilteredTableModel<Detection> list = table(robot, ViewId.DETECTIONS);
        Detection any = list.rows().get(0);
        robot.interact(() -> shell.controller().search(any.ip()));
        waitUntil(() -> shell.controller().currentView() == ViewId.IP);
        IpTabModel tab = ((IpController) shell.controller().view(ViewId.IP).controller()).selected().orElseThrow();
        waitUntil(() -> tab.detections().state() == Loadable.State.CONTENT && tab.featureWindows().state() == Loadable.State.CONTENT);
        Detection first = tab.detections().value().get(0);
        // the table sits below the fold of the drill-down: selected as the keyboard would
        @SuppressWarnings("unchecked")
        TableView<Detection> detections = robot.lookup(n -> n instanceof TableView<?> t && t.getItems().contains(first))
                .queryAs(TableView.class);
        robot.interact(() -> detections.getSelectionModel().select(first));
        waitUntil(() -> tab.detail().detail().state() == Loadable.State.CONTENT);
        RowDetail d = tab.detail().detail().value().orElseThrow();
        assertEquals(RowDetail.Kind.DETECTION, d.kind());
        assertEquals(first.ip(), d.row().text("src_ip"));
        assertEquals(first.detectedAt(), d.row().time("detected_at"));
        Label title = robot.lookup("#detailTitle").queryAs(Label.class);
        assertTrue(title.getText().contains(first.ip()), title.getText());
        robot.interact(() -> { // the pane sits below the activity: scroll the drill-down to it
            for (javafx.scene.Parent p = title.getParent(); p != null; p = p.getParent()) {
                if (p instanceof javafx.scene.control.ScrollPane sp && sp.getContent() != null && sp.getContent().lookup("#detailPane") != null
                        && sp.getContent().lookup("#detailPane") != sp.getContent()) {
                    sp.setVvalue(sp.getVmax());
                }
            }
        });
        shot(robot, "ip-detail.png");

        TableView<?> windows = robot.lookup(n -> n instanceof TableView<?> t && !t.getItems().isEmpty()
                && t.getItems().get(0) instanceof FeatureWindow).queryAs(TableView.class);
        FeatureWindow w = (FeatureWindow) windows.getItems().get(0);
        assertEquals(19, w.features().size());
        assertTrue(windows.getColumns().size() >= 2 + 19, "the hour, hits and all 19 features");
    }

    @Test
    void topIpsRankedAsChosenAndTheChoiceIsKept(FxRobot robot) throws Exception {
        robot.interact(() -> shell.controller().show(ViewId.OVERVIEW));
        TopIpsModel top = ((OverviewController) shell.controller().view(ViewId.OVERVIEW).controller()).topIps();
        for (TopIpRanking r : List.of(TopIpRanking.SCORE, TopIpRanking.SEVERITY, TopIpRanking.DETECTIONS)) {
            robot.interact(() -> top.rankingProperty().set(r));
            waitUntil(() -> top.rows().state() == Loadable.State.CONTENT && shell.model().tasks().running().isEmpty());
            List<TopIp> rows = top.rows().value();
            assertTrue(rows.size() > 3);
            for (int i = 1; i < rows.size(); i++) {
                TopIp a = rows.get(i - 1), b = rows.get(i);
                switch (r) {
                    case DETECTIONS -> assertTrue(a.detections() >= b.detections(), r + ": " + rows);
                    case SCORE -> assertTrue(a.worstScore() >= b.worstScore(), r + ": " + rows);
                    case SEVERITY -> assertTrue(sev(a) >= sev(b), r + ": " + rows);
                }
            }
            // a new Overview (the next start) opens ranked as left
            var next = new TopIpsModel(UserPreferences.inDataDir(), () -> null, () -> null, () -> null);
            assertEquals(r, next.ranking());
        }
    }

    @Test
    void trafficHostMatchesAPartOfTheHostTakenLiterally(FxRobot robot) throws Exception {
        FilteredTableModel<HttpLog> m = table(robot, ViewId.TRAFFIC);
        String host = m.rows().stream().map(HttpLog::host).filter(h -> h.indexOf('.') > 0).findFirst().orElseThrow();
        String part = host.substring(host.indexOf('.') + 1); // www.example.com -> example.com: every subdomain
        robot.interact(() -> m.draft(TableFilter.HOST).set(part));
        await(robot, m::apply);
        assertTrue(m.total() > 0);
        assertTrue(m.rows().stream().allMatch(r -> r.host().contains(part)), part);
        assertTrue(m.rows().stream().anyMatch(r -> !r.host().equals(part)), "hosts that only contain it (an exact match finds none)");
        robot.interact(() -> m.draft(TableFilter.HOST).set(part.replace('.', '_')));
        await(robot, m::apply);
        assertEquals(0, m.total(), "_ is a character, not a wildcard");

        robot.interact(() -> {
            m.draft(TableFilter.HOST).set("");
            m.draft(TableFilter.SEARCH).set(host);
        });
        await(robot, m::apply);
        assertTrue(m.total() > 0);
        assertTrue(m.rows().stream().allMatch(r -> r.host().contains(host) || r.path().contains(host) || r.userAgent().contains(host)),
                "the search box finds the host");
    }

    @Test
    void aWholeIpIsThatClientOnlyInEveryTable(FxRobot robot) throws Exception {
        FilteredTableModel<Score> scores = table(robot, ViewId.SCORES);
        // an address that is a part of another one of the window (1.2.3.4 inside 11.2.3.45)
        List<String> ips = new java.util.ArrayList<>();
        for (int offset = 0; offset < 8000; offset += 1000) {
            demo.scores().page(shell.model().window(), TableFilter.NONE, com.ja4.workstation.domain.table.SortOrder.descending("detected_at"),
                    offset, 1000, com.ja4.workstation.data.warehouse.QueryContext.create()).forEach(r -> ips.add(r.ip()));
        }
        String inner = ips.stream().filter(a -> ips.stream().anyMatch(b -> !b.equals(a) && b.contains(a))).findFirst()
                .orElseThrow(() -> new AssertionError("the demo has no address inside another"));
        robot.interact(() -> scores.draft(TableFilter.SEARCH).set(inner));
        await(robot, scores::apply);
        assertTrue(scores.total() > 0);
        assertTrue(scores.rows().stream().allMatch(r -> r.ip().equals(inner)), inner + " in Scores");

        FilteredTableModel<Detection> det = table(robot, ViewId.DETECTIONS);
        robot.interact(() -> det.draft(TableFilter.SEARCH).set(inner));
        await(robot, det::apply);
        assertTrue(det.rows().stream().allMatch(r -> r.ip().equals(inner)), inner + " in Detections");

        FilteredTableModel<HttpLog> traffic = table(robot, ViewId.TRAFFIC);
        robot.interact(() -> traffic.draft(TableFilter.SEARCH).set(inner));
        await(robot, traffic::apply);
        assertTrue(traffic.rows().stream().allMatch(r -> r.ip().equals(inner)), inner + " in Traffic");
    }

    @Test
    void geoListsEveryCountryWithItsCounts(FxRobot robot) throws Exception {
        robot.interact(() -> shell.controller().show(ViewId.GEO));
        var expected = demo.analytics().geo().countries(shell.model().window(), com.ja4.workstation.service.query.QueryScope.parallel())
                .get(60, TimeUnit.SECONDS);
        waitUntil(() -> robot.lookup(n -> n instanceof TableView<?> t && !t.getItems().isEmpty()
                && t.getItems().get(0) instanceof CountryRow).tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        TableView<CountryRow> t = robot.lookup(n -> n instanceof TableView<?> v && !v.getItems().isEmpty()
                && v.getItems().get(0) instanceof CountryRow).queryAs(TableView.class);
        List<CountryRow> rows = List.copyOf(t.getItems());
        assertTrue(rows.size() >= expected.countryCount(), "every country: " + rows.size() + " of " + expected.countryCount());
        for (String c : expected.countries()) {
            if (!c.equals(com.ja4.workstation.service.analytics.GeoService.OTHERS)) {
                assertTrue(rows.stream().anyMatch(r -> r.countryCode().equals(c)), c + " of the chart is in the table");
            }
        }
        assertEquals(rows.size(), rows.stream().map(CountryRow::countryCode).distinct().count());
        for (int i = 1; i < rows.size(); i++) assertTrue(rows.get(i - 1).sessions() >= rows.get(i).sessions());
        assertTrue(rows.stream().mapToLong(CountryRow::detections).sum() > 0);
    }

    /** The window as the analyst sees it, in target/ui-shots (to look at). */
    private static void shot(FxRobot robot, String name) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "ui-shots"));
        robot.interact(() -> {
            try {
                var scene = robot.listTargetWindows().get(0).getScene();
                javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(scene.getRoot().snapshot(null, null), null),
                        "png", dir.resolve(name).toFile());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private static int sev(TopIp ip) {
        return ip.worstThreat() == null ? 0 : ip.worstThreat().severity();
    }

    private <R> FilteredTableModel<R> table(FxRobot robot, ViewId id) throws Exception {
        robot.interact(() -> shell.controller().show(id));
        FilteredTableModel<R> m = ((FilteredTableController) shell.controller().view(id).controller()).table();
        waitUntil(() -> m.loading().state() == Loadable.State.CONTENT && shell.model().tasks().running().isEmpty());
        return m;
    }

    /** Runs a model command on the FX thread and waits for its result. */
    private static Object await(FxRobot robot, java.util.function.Supplier<java.util.concurrent.CompletableFuture<?>> command)
            throws Exception {
        var started = new java.util.concurrent.atomic.AtomicReference<java.util.concurrent.CompletableFuture<?>>();
        robot.interact(() -> started.set(command.get()));
        Object v = started.get().get(120, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return v;
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
