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
        waitUntil(() -> target.id().equals(selectedId(c)) && c.members().state() == Loadable.State.CONTENT);
        assertEquals(target.id(), graph.selected());
        assertEquals(target.label(), robot.lookup("#clusterTitle").queryAs(Label.class).getText());
        assertFalse(c.memberRows().isEmpty());
        assertTrue(c.memberRows().stream().allMatch(r -> c.result().run().membersOf(target.id(), 0, 10_000)
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
        waitUntil(() -> target.id().equals(selectedId(c)) && c.members().state() == Loadable.State.CONTENT);
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
                c.exportStatusProperty().get());
    }

    private ClustersModel openClusters(FxRobot robot) throws Exception {
        robot.clickOn(robot.lookup(".rail-button").match(n -> ((ToggleButton) n).getText().contains("Clusters")).queryAs(ToggleButton.class));
        ClustersModel c = controller().clusters();
        waitUntil(() -> c.result() != null && !c.isRunning() && c.members().state() == Loadable.State.CONTENT);
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
