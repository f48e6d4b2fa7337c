package com.ja4.workstation.data.analytics;

import static com.ja4.workstation.data.schema.WarehouseSchema.AI_FEATURES_TABLE;

import com.ja4.workstation.data.warehouse.Dialect;
import com.ja4.workstation.data.warehouse.QueryContext;
import com.ja4.workstation.data.warehouse.Sql;
import com.ja4.workstation.data.warehouse.Warehouse;
import com.ja4.workstation.data.warehouse.WarehouseException;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.analytics.BehaviorFeature;
import com.ja4.workstation.domain.analytics.Bins;
import com.ja4.workstation.domain.analytics.SessionPoint;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Behavior view's query family over view_ai_features_1h (one row per IP, JA4, host and
 * hour = a "session"): the heaviest sessions with all twelve features, and per-feature
 * histograms binned in SQL with bounds chosen from the observed range.
 */
public final class BehaviorQueries {

    private final Warehouse wh;
    private final Dialect d;

    public BehaviorQueries(Warehouse warehouse) {
        this.wh = warehouse;
        this.d = warehouse.dialect();
    }

    /**
     * The {@code limit} sessions with the most hits in the window, with every feature so the
     * analyst can switch axes without a new query. Ties are broken by a total order (newest hour,
     * then IP, JA4, host) so the same data always gives the same points.
     */
    public List<SessionPoint> heaviestSessions(TimeWindow w, int limit, QueryContext ctx) throws WarehouseException {
        return sessions(w, limit, false, ctx);
    }

    /**
     * The {@code limit} heaviest sessions of named bots (bot_name set), same order. Named
     * crawlers are light (a few hits an hour), so they rarely make the heaviest sample; the view
     * adds them so they can be compared with the rest.
     */
    public List<SessionPoint> namedBotSessions(TimeWindow w, int limit, QueryContext ctx) throws WarehouseException {
        return sessions(w, limit, true, ctx);
    }

    private List<SessionPoint> sessions(TimeWindow w, int limit, boolean namedBotsOnly, QueryContext ctx) throws WarehouseException {
        String features = Arrays.stream(BehaviorFeature.values()).map(BehaviorFeature::column).collect(Collectors.joining(", "));
        Sql sql = inWindow("SELECT window_start, " + d.ipDisplay("src_ip") + " AS ip, ja4, host, hits, asn_label, bot_name, "
                + features + " FROM " + wh.table(AI_FEATURES_TABLE), w)
                .sql(namedBotsOnly ? " AND bot_name <> ''" : "")
                .sql(" ORDER BY hits DESC, window_start DESC, " + d.ipSortKey("src_ip") + ", ja4, host LIMIT ?", limit).build();
        return wh.query(sql, rs -> {
            double[] v = new double[BehaviorFeature.values().length];
            for (BehaviorFeature f : BehaviorFeature.values()) v[f.ordinal()] = rs.getDouble(f.column());
            return new SessionPoint(d.readTime(rs, "window_start"), rs.getString("ip"), rs.getString("ja4"), rs.getString("host"),
                    rs.getLong("hits"), nz(rs.getString("asn_label")), nz(rs.getString("bot_name")), v);
        }, ctx);
    }

    /** Row count and range of each histogram feature in the window (one query). */
    public FeatureRanges ranges(TimeWindow w, QueryContext ctx) throws WarehouseException {
        StringBuilder select = new StringBuilder("SELECT count(*) AS n");
        for (BehaviorFeature f : BehaviorFeature.HISTOGRAM) {
            select.append(", min(").append(f.column()).append(") AS min_").append(f.column())
                    .append(", max(").append(f.column()).append(") AS max_").append(f.column());
        }
        Sql sql = inWindow(select + " FROM " + wh.table(AI_FEATURES_TABLE), w).build();
        return wh.first(sql, rs -> {
            Map<BehaviorFeature, double[]> ranges = new EnumMap<>(BehaviorFeature.class);
            long n = rs.getLong("n");
            if (n > 0) {
                for (BehaviorFeature f : BehaviorFeature.HISTOGRAM) {
                    ranges.put(f, new double[] {rs.getDouble("min_" + f.column()), rs.getDouble("max_" + f.column())});
                }
            }
            return new FeatureRanges(n, ranges);
        }, ctx).orElse(new FeatureRanges(0, Map.of()));
    }

    /** Counts per bin of one feature; empty bins are absent (the caller fills them). */
    public List<BinCount> histogram(TimeWindow w, BehaviorFeature f, Bins bins, QueryContext ctx) throws WarehouseException {
        String bin = "least(floor((" + f.column() + " - ?) / ?), ?)";
        Sql sql = Sql.builder().sql("SELECT " + bin + " AS bin, count(*) AS n FROM " + wh.table(AI_FEATURES_TABLE),
                        bins.origin(), bins.width(), (double) (bins.count() - 1))
                .sql(" WHERE window_start >= ").time(d, w.from()).sql(" AND window_start < ").time(d, w.asOf())
                .sql(" AND " + f.column() + " IS NOT NULL GROUP BY bin ORDER BY bin").build();
        return wh.query(sql, rs -> new BinCount((int) rs.getDouble("bin"), rs.getLong("n")), ctx);
    }

    private Sql.Builder inWindow(String select, TimeWindow w) {
        return Sql.builder().sql(select).sql(" WHERE window_start >= ").time(d, w.from())
                .sql(" AND window_start < ").time(d, w.asOf());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }


    /** Sessions in the window and [min, max] of each histogram feature (absent when there are none). */
    public record FeatureRanges(long rows, Map<BehaviorFeature, double[]> ranges) {
    }

    public record BinCount(int bin, long count) {
    }
}
