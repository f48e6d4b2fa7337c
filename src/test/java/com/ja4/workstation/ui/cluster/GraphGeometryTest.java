package com.ja4.workstation.ui.cluster;

import static org.junit.jupiter.api.Assertions.*;

import com.ja4.workstation.analysis.cluster.CancellationCheck;
import com.ja4.workstation.analysis.cluster.ClusterProfile;
import com.ja4.workstation.analysis.cluster.ClusteringRun;
import com.ja4.workstation.analysis.cluster.ProgressListener;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.service.Workspace;
import com.ja4.workstation.service.source.SnapshotOpener;
import com.ja4.workstation.testing.DemoSnapshots;
import com.ja4.workstation.ui.cluster.GraphGeometry.Box;
import com.ja4.workstation.ui.cluster.GraphGeometry.Circle;
import com.ja4.workstation.ui.cluster.GraphGeometry.Layout;
import com.ja4.workstation.ui.cluster.GraphGeometry.Node;
import com.ja4.workstation.ui.cluster.GraphGeometry.PlacedLabel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Geometry of the cluster graph, without a display, on the demo run. */
class GraphGeometryTest {

    static ClusteringRun run;

    @BeforeAll
    static void demoRun() throws Exception {
        try (Workspace ws = SnapshotOpener.open(DemoSnapshots.defaultDemo())) {
            run = ws.clusters().run(new TimeWindow(ws.session().latestAsOf(), Duration.ofHours(24)), 14, 3000,
                    ProgressListener.NONE, CancellationCheck.NEVER).run();
        }
    }

    @Test
    void radiusGrowsWithIpCountOverTheWholeRange() {
        assertEquals(GraphGeometry.MIN_RADIUS, GraphGeometry.radius(9, 9, 800), 1e-9);
        assertEquals(GraphGeometry.MAX_RADIUS, GraphGeometry.radius(800, 9, 800), 1e-9);
        double previous = 0;
        for (int n = 9; n <= 800; n++) {
            double r = GraphGeometry.radius(n, 9, 800);
            assertTrue(r > previous, "strictly increasing at " + n);
            previous = r;
        }
        // the demo run: clusters of different sizes get different radii (unlike max(18, sqrt(n) * 0.3))
        List<Node> nodes = GraphGeometry.layout(run.clusters(), Layout.PCA);
        for (ClusterProfile a : run.clusters()) {
            for (ClusterProfile b : run.clusters()) {
                if (a.ipCount() < b.ipCount()) assertTrue(r(nodes, a) < r(nodes, b), a.label() + " vs " + b.label());
            }
        }
    }

    @Test
    void nodesNeverOverlapInEitherLayout() {
        for (Layout l : Layout.values()) {
            List<Node> nodes = GraphGeometry.layout(run.clusters(), l);
            assertEquals(run.clusters().size(), nodes.size());
            for (int i = 0; i < nodes.size(); i++) {
                for (int j = i + 1; j < nodes.size(); j++) {
                    Node a = nodes.get(i), b = nodes.get(j);
                    assertTrue(Math.hypot(a.x() - b.x(), a.y() - b.y()) >= a.r() + b.r(), l + ": " + a.id() + " / " + b.id());
                }
            }
        }
    }

    @Test
    void labelsOfTheDemoRunDoNotOverlapAndStayInTheCanvas() {
        for (Layout l : Layout.values()) {
            List<Node> nodes = GraphGeometry.layout(run.clusters(), l);
            ViewTransform t = new ViewTransform();
            Box b = GraphGeometry.bounds(nodes);
            t.fit(b.x(), b.y(), b.w(), b.h(), 900, 700 - 44 - 40);
            t.pan(0, 40);
            List<Circle> circles = new ArrayList<>();
            Map<String, List<String>> lines = new LinkedHashMap<>();
            for (ClusterProfile c : run.clusters()) {
                Node n = nodes.stream().filter(x -> x.id().equals(c.id())).findFirst().orElseThrow();
                circles.add(new Circle(c.id(), t.screenX(n.x()), t.screenY(n.y()), n.r() * t.scale()));
                lines.put(c.id(), List.of(c.label(), c.ipCount() + " IPs"));
            }
            Box area = new Box(0, 0, 900, 700);
            Box legend = new Box(0, 700 - 44, 900, 44);
            List<PlacedLabel> placed = GraphGeometry.placeLabels(circles, lines, s -> s.length() * 6.5, 14, area, List.of(legend));
            assertTrue(placed.size() >= run.clusters().size() * 0.7, l + ": most labels placed, got " + placed.size());
            for (int i = 0; i < placed.size(); i++) {
                assertTrue(placed.get(i).box().inside(area));
                assertFalse(placed.get(i).box().intersects(legend));
                for (int j = i + 1; j < placed.size(); j++) {
                    assertFalse(placed.get(i).box().intersects(placed.get(j).box()),
                            l + ": " + placed.get(i).id() + " overlaps " + placed.get(j).id());
                }
            }
        }
    }

    @Test
    void zoomKeepsThePointUnderTheCursorFixed() {
        ViewTransform t = new ViewTransform();
        t.fit(0, 0, 1000, 700, 800, 600);
        t.pan(37, -12);
        double sx = 312.5, sy = 217.25;
        double wx = t.worldX(sx), wy = t.worldY(sy);
        for (double f : new double[] {1.25, 0.5, 3, 0.9}) {
            double before = t.scale();
            t.zoomAt(f, sx, sy);
            assertNotEquals(before, t.scale());
            assertEquals(sx, t.screenX(wx), 1e-9);
            assertEquals(sy, t.screenY(wy), 1e-9);
        }
    }

    @Test
    void longLabelsWrapOnTwoLines() {
        assertEquals(List.of("Spoofed browsers (TLS/UA", "mismatch) on Linux (2)"),
                GraphGeometry.wrap("Spoofed browsers (TLS/UA mismatch) on Linux (2)", 26));
        assertEquals(List.of("Masscan scanner"), GraphGeometry.wrap("Masscan scanner", 26));
    }

    private static double r(List<Node> nodes, ClusterProfile c) {
        return nodes.stream().filter(n -> n.id().equals(c.id())).findFirst().orElseThrow().r();
    }
}
