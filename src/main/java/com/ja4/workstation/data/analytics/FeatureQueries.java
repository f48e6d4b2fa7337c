package com.ja4.workstation.data.analytics;

import static com.ja4.workstation.data.analytics.FeatureWindows.real;
import static com.ja4.workstation.data.analytics.FeatureWindows.select;
import static com.ja4.workstation.data.analytics.FeatureWindows.whole;

import com.ja4.workstation.data.schema.Table;
import com.ja4.workstation.data.schema.WarehouseSchema;
import com.ja4.workstation.data.warehouse.Dialect;
import com.ja4.workstation.data.warehouse.QueryContext;
import com.ja4.workstation.data.warehouse.Sql;
import com.ja4.workstation.data.warehouse.Warehouse;
import com.ja4.workstation.data.warehouse.WarehouseException;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.analytics.ViewTotals;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Features view's query family (predecessor's /features): human vs bot profiles, per-group
 * moments for standardised feature importance, and totals of the two 1 h feature views.
 */
public final class FeatureQueries {

    /** The predecessor's 12 averaged features, in its order. */
    public static final List<String> PROFILE_FEATURES = List.of("hits", "hit_velocity", "fuzzing_index", "post_ratio",
            "asset_ratio", "direct_access_ratio", "temporal_entropy", "path_diversity_ratio", "modern_browser_score",
            "header_count", "src_port_density", "distinct_ja4_count");

    /** Features whose group moments are read: hits and every behaviour feature. */
    public static final List<String> MOMENT_FEATURES = momentFeatures();

    /** asn_label of human windows. */
    public static final String HUMAN_LABEL = "human";
    /** asn_labels of bot windows (the predecessor's bot profile). */
    public static final List<String> BOT_LABELS = List.of("datacenter", "hosting");

    public enum Group { HUMAN, BOT }

    private final Warehouse wh;
    private final Dialect d;

    public FeatureQueries(Warehouse warehouse) {
        this.wh = warehouse;
        this.d = warehouse.dialect();
    }

    /**
     * Count, mean and population variance of every {@link #MOMENT_FEATURES} feature for human
     * and for bot windows; a group without windows is absent.
     */
    public List<GroupMoments> groupMoments(TimeWindow w, QueryContext ctx) throws WarehouseException {
        StringBuilder cols = new StringBuilder("CASE WHEN asn_label = ? THEN 'HUMAN' ELSE 'BOT' END AS grp, count(*) AS n");
        for (int i = 0; i < MOMENT_FEATURES.size(); i++) {
            String f = MOMENT_FEATURES.get(i);
            cols.append(", avg(").append(f).append(") AS m").append(i)
                    .append(", ").append(d.varPop("CAST(" + f + " AS DOUBLE)")).append(" AS v").append(i);
        }
        Sql sql = select(wh, cols.toString(), WarehouseSchema.AI_FEATURES_TABLE, w, HUMAN_LABEL)
                .sql(" AND asn_label IN (?, ?, ?) GROUP BY grp ORDER BY grp DESC", HUMAN_LABEL, BOT_LABELS.get(0), BOT_LABELS.get(1))
                .build();
        return wh.query(sql, rs -> {
            Map<String, Moments> m = new LinkedHashMap<>();
            for (int i = 0; i < MOMENT_FEATURES.size(); i++) {
                m.put(MOMENT_FEATURES.get(i), new Moments(real(rs, "m" + i), real(rs, "v" + i)));
            }
            return new GroupMoments(Group.valueOf(rs.getString("grp")), whole(rs, "n"), m);
        }, ctx);
    }

    /** Rows and averages of the 12 profile features over one of the two 1 h feature views. */
    public ViewTotals totals(Table view, TimeWindow w, QueryContext ctx) throws WarehouseException {
        if (view != WarehouseSchema.AI_FEATURES_TABLE && view != WarehouseSchema.THESIS_FEATURES_TABLE) {
            throw new IllegalArgumentException("not a 1 h feature view: " + view.name());
        }
        StringBuilder cols = new StringBuilder("count(*) AS n");
        for (int i = 0; i < PROFILE_FEATURES.size(); i++) cols.append(", avg(").append(PROFILE_FEATURES.get(i)).append(") AS a").append(i);
        Sql sql = select(wh, cols.toString(), view, w).build();
        return wh.first(sql, rs -> {
            Map<String, Double> avg = new LinkedHashMap<>();
            for (int i = 0; i < PROFILE_FEATURES.size(); i++) avg.put(PROFILE_FEATURES.get(i), real(rs, "a" + i));
            return new ViewTotals(view.name(), whole(rs, "n"), avg);
        }, ctx).orElse(new ViewTotals(view.name(), 0, Map.of()));
    }

    private static List<String> momentFeatures() {
        List<String> all = new ArrayList<>();
        all.add("hits");
        all.addAll(WarehouseSchema.BEHAVIOUR_FEATURES);
        return List.copyOf(all);
    }

    public record Moments(double mean, double popVariance) {
    }

    public record GroupMoments(Group group, long windows, Map<String, Moments> features) {
        public double mean(String feature) {
            return features.get(feature).mean();
        }
    }

}
