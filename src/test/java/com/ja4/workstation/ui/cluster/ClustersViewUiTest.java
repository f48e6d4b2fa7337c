package com.ja4.workstation.ui.cluster;

import static org.junit.jupiter.api.Assertions.*;

import com.ja4.workstation.analysis.cluster.ClusterProfile;
import com.ja4.workstation.analysis.cluster.RiskGroup;
import com.ja4.workstation.service.Workspace;
import com.ja4.workstation.service.source.SnapshotOpener;
import com.ja4.workstation.testing.DemoSnapshots;
import com.ja4.workstation.ui.common.Loadable;
import com.ja4.workstation.ui.shell.Shell;
import com.ja4.workstation.ui.shell.ViewId;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.FlowPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Clusters view driven as an analyst would, headless, on the demo snapshot. */
@ExtendWith(ApplicationExtension.class)
class ClustersViewUiTest {

    Shell shell;
    Workspace demo;

    @Start
    void start(Stage stage) throws Exception {
        shell = com.ja4.workstation.testing.ShellStage.show(stage, 1400, 900);
        demo = SnapshotOpener.open(DemoSnapshots.defaultDemo());
        shell.use(demo);
    }

    @Test
    void theFirstShowRunsOnceAndFillsTheGridAndTheGraph(FxRobot robot) throws Exception {
        ClustersModel c = openClusters(robot);
        var run = c.result().run();
        assertEquals(14, run.parameters().k(), "defaults on first show");
        assertEquals(3000, run.parameters().sampleSize());
        assertEquals(3, robot.lookup(".cluster-section").queryAll().size(), "Bots / Suspects / Legitimate");
        for (RiskGroup g : RiskGroup.values()) {
            FlowPane section = robot.lookup(".cluster-section").match(n -> n.getUserData() instanceof Label l
                    && l.getText().startsWith(g.label())).queryAs(FlowPane.class);
            long cards = section.getChildren().stream().filter(n -> n.getStyleClass().contains("cluster-card")).count();
            assertEquals(run.clustersIn(g).size(), cards, g.label());
        }
        assertEquals(run.clusters().size(), robot.lookup(".cluster-card").queryAll().size());
        assertEquals(run.clusters().size(), graph(robot).nodeCount());
        ClusterProfile riskiest = run.clusters().stream().max(Comparator.comparingDouble(ClusterProfile::risk)).orElseThrow();
        assertEquals(riskiest.id(), selectedId(c), "the riskiest cluster is selected");
    }

    @Test
    void clickingANodeFillsTheSidebarWithThatCluster(FxRobot robot) throws Exception {
        ClustersModel c = openClusters(robot);
        Node graphTab = robot.lookup(".tab").match(n -> hasText(n, "Relation graph")).query();
        robot.clickOn(graphTab);
        assertEquals(ClustersModel.Tab.GRAPH, c.tabProperty().get());
        ClusterGraphCanvas graph = graph(robot);
        waitUntil(() -> graph.getWidth() > 0 && graph.isVisible());
        // the largest cluster is not the riskiest one on the demo data: a real change of selection
        ClusterProfile target = c.result().run().clusters().stream()
                .filter(p -> !p.id().equals(selectedId(c)))
                .max(Comparator.comparingInt(ClusterProfile::ipCount)).orElseThrow();
        Point2D local = graph.nodeCentre(target.id()).orElseThrow();  // from the canvas's own layout
        Point2D screen = graph.localToScreen(local);
        robot.clickOn(screen);
        waitUntil(() -> target.id().equals(selectedId(c)) && c.members().page().state() == Loadable.State.CONTENT);
        assertEquals(target.id(), graph.selected());
        assertEquals(target.label(), robot.lookup("#clusterTitle").queryAs(Label.class).getText());
        assertFalse(c.members().rows().isEmpty());
        assertTrue(c.members().rows().stream().allMatch(r -> c.result().run().membersOf(target.id(), 0, 10_000)
                .stream().anyMatch(a -> a.ip().equals(r.ip()) && a.ja4().equals(r.ja4()))), "only pairs of the cluster");
    }

    @Test
    void clickingACardSelectsItsCluster(FxRobot robot) throws Exception {
        ClustersModel c = openClusters(robot);
        // the riskiest bots come first in the grid: the second card of the first row is in view
        ClusterProfile target = c.result().run().clustersIn(RiskGroup.BOTS).stream()
                .sorted(Comparator.comparingDouble(ClusterProfile::risk).reversed())
                .filter(p -> !p.id().equals(selectedId(c))).findFirst().orElseThrow();
        Node card = robot.lookup(".cluster-card").match(n -> target.id().equals(n.getUserData())).query();
        robot.clickOn(card);
        waitUntil(() -> target.id().equals(selectedId(c)) && c.members().page().state() == Loadable.State.CONTENT);
        assertEquals(target.label(), robot.lookup("#clusterTitle").queryAs(Label.class).getText());
        assertTrue(card.getStyleClass().contains("selected"));
    }

    @Test
    void cancellingARunLeavesThePreviousResultShown(FxRobot robot) throws Exception {
        ClustersModel c = openClusters(robot);
        String before = c.result().run().id();
        int nodes = graph(robot).nodeCount();
        String selected = selectedId(c);
        robot.interact(() -> {
            c.run();
            assertTrue(c.isRunning());
            c.cancel();
        });
        waitUntil(() -> !c.isRunning() && controller().idle().isDone());
        assertEquals(before, c.result().run().id(), "the previous run is still the one shown");
        assertEquals(Loadable.State.CONTENT, c.main().state());
        assertEquals("Run cancelled — the previous result is still shown", c.stageProperty().get());
        assertEquals(nodes, graph(robot).nodeCount());
        assertEquals(selected, selectedId(c));
        assertTrue(shell.model().tasks().running().stream().noneMatch(t -> t.nameProperty().get().startsWith("Clustering")),
                "the cancelled run left the status bar");
    }

    @Test
    void exportWritesTheSelectedClustersMembersInTheBackground(FxRobot robot, @org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws Exception {
        ClustersModel c = openClusters(robot);
        ClusterProfile selected = c.selected().orElseThrow();
        java.nio.file.Path out = tmp.resolve("members.csv");
        var done = new java.util.concurrent.atomic.AtomicReference<java.util.concurrent.CompletableFuture<Long>>();
        robot.interact(() -> done.set(c.exportMembers(out)));
        assertEquals(selected.pairCount(), done.get().get(60, TimeUnit.SECONDS));
        assertEquals(selected.pairCount() + 1, java.nio.file.Files.readAllLines(out).size(), "header + one line per pair");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Exported " + com.ja4.workstation.ui.common.Fx.count(selected.pairCount()) + " pairs to " + out,
                c.members().exportStatusProperty().get());
    }

    @Test
    void cardsSayFittedOnAndAssignedAndAHeaderClickSortsOnTheService(FxRobot robot) throws Exception {
        ClustersModel c = openClusters(robot);
        for (ClusterProfile p : c.result().run().clusters()) {
            assertEquals("fitted on " + com.ja4.workstation.ui.common.Fx.count(p.fittedPairs()) + " · assigned "
                    + com.ja4.workstation.ui.common.Fx.count(p.pairCount()) + " pairs", robot.lookup("#pairs-" + p.index()).queryAs(Label.class).getText());
        }
        assertEquals(com.ja4.workstation.service.cluster.MemberOrder.BUSIEST_FIRST, c.members().order());
        Node distance = robot.lookup("#membersTable .column-header").match(n -> n.lookupAll(".label").stream()
                .anyMatch(l -> l instanceof Label lb && "Distance".equals(lb.getText()))).query();
        robot.clickOn(distance);
        waitUntil(() -> c.members().page().state() == Loadable.State.CONTENT
                && c.members().order().column() == com.ja4.workstation.service.cluster.MemberOrder.Column.DISTANCE);
        assertFalse(c.members().order().descending(), "a first click sorts ascending");
        var rows = List.copyOf(c.members().rows());
        for (int i = 1; i < rows.size(); i++) assertTrue(rows.get(i - 1).distance() <= rows.get(i).distance());
        assertTrue(robot.lookup("#membersTitle").queryAs(Label.class).getText().contains("by Distance, smallest first"));
        robot.clickOn(distance);
        waitUntil(() -> c.members().order().descending() && c.members().page().state() == Loadable.State.CONTENT);
        assertTrue(c.members().rows().get(0).distance() >= c.members().rows().get(c.members().rows().size() - 1).distance());
    }

    @Test
    void comparingWithTheWindowBeforeMarksCardsAndNodesAndAMovedIpOpensItsDrillDown(FxRobot robot) throws Exception {
        robot.interact(() -> shell.model().windowProperty().set(new com.ja4.workstation.domain.TimeWindow(
                demo.session().latestAsOf(), java.time.Duration.ofHours(6))));
        ClustersModel c = openClusters(robot);
        robot.clickOn("#compareMenu");
        robot.clickOn(robot.lookup(n -> n instanceof javafx.scene.control.Labeled l && l.getText() != null
                && l.getText().startsWith("The window before (")).queryAs(Node.class));
        ClusterComparisonModel cmp = c.comparison();
        waitUntil(() -> cmp.comparison().isPresent());
        var changes = cmp.comparison().get().changes();
        long notable = c.result().run().clusters().stream().map(p -> changes.of(p.id()).orElseThrow())
                .filter(ChangeText::notable).count();
        long badges = robot.lookup(".cluster-card .change-badge").queryAll().size();
        assertEquals(notable + changes.ofKind(com.ja4.workstation.analysis.cluster.ClusterChange.Kind.VANISHED).size(), badges,
                "a badge per changed cluster, and the vanished ones listed");
        ClusterGraphCanvas graph = graph(robot);
        for (ClusterProfile p : c.result().run().clusters()) {
            var kind = changes.of(p.id()).orElseThrow().kind();
            assertEquals(ChangeOutlines.outlined(kind) ? java.util.Optional.of(kind) : java.util.Optional.empty(), graph.outline(p.id()));
        }
        robot.clickOn(robot.lookup(".tab").match(n -> hasText(n, "Changes (" + cmp.changes().size() + ")")).queryAs(Node.class));
        assertEquals(ClustersModel.Tab.CHANGES, c.tabProperty().get());
        assertFalse(cmp.movedToBots().isEmpty());
        String ip = cmp.movedToBots().get(0).ip();
        Node link = robot.lookup("#movedTable .hyperlink").match(n -> n instanceof javafx.scene.control.Hyperlink h && ip.equals(h.getText()))
                .query();
        robot.clickOn(link);
        waitUntil(() -> shell.controller().currentView() == ViewId.IP);
        var tab = ((com.ja4.workstation.ui.ip.IpController) shell.controller().view(ViewId.IP).controller()).selected().orElseThrow();
        assertEquals(ip, tab.ip().display());
    }

    private ClustersModel openClusters(FxRobot robot) throws Exception {
        robot.clickOn(robot.lookup(".rail-button").match(n -> ((ToggleButton) n).getText().contains("Clusters")).queryAs(ToggleButton.class));
        ClustersModel c = controller().clusters();
        waitUntil(() -> c.result() != null && !c.isRunning() && c.members().page().state() == Loadable.State.CONTENT);
        return c;
    }

    private ClustersController controller() {
        return (ClustersController) shell.controller().view(ViewId.CLUSTERS).controller();
    }

    private static String selectedId(ClustersModel c) {
        return c.selected().map(ClusterProfile::id).orElse(null);
    }

    private static ClusterGraphCanvas graph(FxRobot robot) {
        return robot.lookup(n -> n instanceof ClusterGraphCanvas).queryAs(ClusterGraphCanvas.class);
    }

    private static boolean hasText(Node n, String text) {
        return n.lookupAll(".tab-label").stream().anyMatch(l -> l instanceof javafx.scene.control.Labeled lb && text.equals(lb.getText()));
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
