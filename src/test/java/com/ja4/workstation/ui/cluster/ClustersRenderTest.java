package com.ja4.workstation.ui.cluster;

import static org.junit.jupiter.api.Assertions.*;

import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.service.Workspace;
import com.ja4.workstation.service.source.SnapshotOpener;
import com.ja4.workstation.testing.DemoSnapshots;
import com.ja4.workstation.ui.render.ViewRenderer;
import com.ja4.workstation.ui.shell.ViewId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The Clusters view rendered headless, on each tab: the run completes and the riskiest cluster is
 * selected before the snapshot (grid, graph by PCA, graph in risk columns). The PNGs go to
 * target/render/ for a look.
 */
class ClustersRenderTest {

    @Test
    void rendersTheCompletedRunWithTheRiskiestClusterSelected() throws Exception {
        for (int variant = 0; variant < 3; variant++) {
            int t = Math.min(variant, 1);
            boolean columns = variant == 2;
            AtomicReference<ClustersController> controller = new AtomicReference<>();
            try (Workspace ws = SnapshotOpener.open(DemoSnapshots.defaultDemo())) {
                Path out = Path.of("target", "render", "clusters-" + new String[] {"grid", "graph", "graph-columns"}[variant] + ".png");
                ViewRenderer.render(ViewId.CLUSTERS, ws, new TimeWindow(ws.session().latestAsOf(), Duration.ofHours(24)), 1400, 900, out,
                        v -> {
                            ClustersController c = (ClustersController) v.controller();
                            c.clusters().tabProperty().set(ClustersModel.Tab.values()[t]);
                            if (columns) c.clusters().graphLayoutProperty().set(GraphGeometry.Layout.RISK_COLUMNS);
                            controller.set(c);
                        });
                ClustersModel c = controller.get().clusters();
                assertNotNull(c.result(), "run completed before the snapshot");
                var riskiest = c.result().run().clusters().stream()
                        .max(java.util.Comparator.comparingDouble(com.ja4.workstation.analysis.cluster.ClusterProfile::risk)).orElseThrow();
                assertEquals(riskiest, c.selected().orElseThrow());
                assertFalse(c.memberRows().isEmpty(), "members loaded before the snapshot");
            }
        }
    }
}
