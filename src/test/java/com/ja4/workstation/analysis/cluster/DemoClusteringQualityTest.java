package com.ja4.workstation.analysis.cluster;

import static org.junit.jupiter.api.Assertions.*;

import com.ja4.workstation.data.cluster.ClusterFeatureQueries;
import com.ja4.workstation.data.demo.DemoPopulation;
import com.ja4.workstation.data.snapshot.SnapshotFormat;
import com.ja4.workstation.data.warehouse.DatabaseNames;
import com.ja4.workstation.data.warehouse.DuckDbDialect;
import com.ja4.workstation.data.warehouse.DuckDbSource;
import com.ja4.workstation.data.warehouse.Warehouse;
import com.ja4.workstation.domain.ClientIp;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.service.cluster.WarehouseFeatureSource;
import com.ja4.workstation.testing.DemoSnapshots;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Clustering quality against the demo generator's ground truth ({@code demo_population}): the
 * adjusted Rand index and purity of the default run (k = 14, 3,000 samples, seed 42) on the
 * default demo snapshot. Floors are the figures reached when this test was written (ARI 0.473,
 * purity 0.962) minus a margin.
 */
class DemoClusteringQualityTest {

    static final double MIN_ARI = 0.40;
    static final double MIN_PURITY = 0.90;

    @Test
    void defaultRunRecoversTheDemoPopulations() throws Exception {
        Map<String, String> truth = new HashMap<>();
        ClusteringRun run;
        try (Warehouse w = new Warehouse(DuckDbSource.open(DemoSnapshots.defaultDemo(), true), DuckDbDialect.INSTANCE,
                DatabaseNames.DEFAULT, Duration.ZERO)) {
            TimeWindow window;
            try (Connection c = w.source().open(); Statement s = c.createStatement()) {
                window = new TimeWindow(SnapshotFormat.readManifest(c).asOf(), Duration.ofHours(24));
                try (ResultSet rs = s.executeQuery("SELECT src_ip, population FROM " + DemoPopulation.TABLE)) {
                    while (rs.next()) truth.put(ClientIp.displayOf(rs.getString(1)), rs.getString(2));
                }
            }
            run = new ClusteringEngine().run(new WarehouseFeatureSource(new ClusterFeatureQueries(w), window),
                    ClusteringParameters.defaults(), ProgressListener.NONE, CancellationCheck.NEVER);
        }
        List<MemberAssignment> labelled = run.assignments().stream().filter(a -> truth.containsKey(a.ip())).toList();
        assertTrue(labelled.size() > run.assignments().size() * 0.95, "sampled IPs must be in demo_population");

        double ari = ClusteringQuality.adjustedRandIndex(labelled, a -> truth.get(a.ip()));
        double purity = ClusteringQuality.purity(labelled, a -> truth.get(a.ip()));
        System.out.printf("demo clustering: %d pairs, ARI %.3f, purity %.3f%n", labelled.size(), ari, purity);
        run.clusters().forEach(c -> System.out.printf("  %-45s risk %.2f %-10s %4d IPs%n", c.label(), c.risk(), c.group(), c.ipCount()));
        assertTrue(ari >= MIN_ARI, "ARI " + ari);
        assertTrue(purity >= MIN_PURITY, "purity " + purity);
    }
}
