package com.ja4.workstation.analysis.cluster;

import com.ja4.workstation.data.cluster.ClusterFeatureQueries;
import com.ja4.workstation.domain.cluster.FeatureRow;
import com.ja4.workstation.data.demo.DemoPopulation;
import com.ja4.workstation.data.snapshot.SnapshotFormat;
import com.ja4.workstation.data.warehouse.DatabaseNames;
import com.ja4.workstation.data.warehouse.DuckDbDialect;
import com.ja4.workstation.data.warehouse.DuckDbSource;
import com.ja4.workstation.data.warehouse.QueryContext;
import com.ja4.workstation.data.warehouse.Warehouse;
import com.ja4.workstation.domain.ClientIp;
import com.ja4.workstation.domain.TimeWindow;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every (IP, JA4) pair of a demo snapshot's 24 h window with the population the demo generator
 * drew its IP from ({@value DemoPopulation#TABLE}): the labelled set that the clustering is
 * judged on next to {@link OverlappingPopulations}.
 */
final class DemoPopulations {

    static final Duration WINDOW = Duration.ofHours(24);

    private DemoPopulations() {
    }

    static LabelledRows load(Path snapshot) throws Exception {
        List<String> names = Arrays.stream(DemoPopulation.values()).map(DemoPopulation::label).toList();
        Map<String, Integer> truthByIp = new HashMap<>();
        List<FeatureRow> rows;
        try (Warehouse w = new Warehouse(DuckDbSource.open(snapshot, true), DuckDbDialect.INSTANCE,
                DatabaseNames.DEFAULT, Duration.ZERO)) {
            TimeWindow window;
            try (Connection c = w.source().open(); Statement s = c.createStatement()) {
                window = new TimeWindow(SnapshotFormat.readManifest(c).asOf(), WINDOW);
                try (ResultSet rs = s.executeQuery("SELECT src_ip, population FROM " + DemoPopulation.TABLE)) {
                    while (rs.next()) truthByIp.put(ClientIp.displayOf(rs.getString(1)), names.indexOf(rs.getString(2)));
                }
            }
            rows = new ClusterFeatureQueries(w).allPairs(window, QueryContext.create());
        }
        List<FeatureRow> labelled = new ArrayList<>(rows.size());
        List<Integer> truth = new ArrayList<>(rows.size());
        for (FeatureRow r : rows) {
            Integer t = truthByIp.get(r.ip());
            if (t == null || t < 0) continue;
            labelled.add(r);
            truth.add(t);
        }
        return new LabelledRows("demo", List.copyOf(labelled),
                truth.stream().mapToInt(Integer::intValue).toArray(), names);
    }
}
