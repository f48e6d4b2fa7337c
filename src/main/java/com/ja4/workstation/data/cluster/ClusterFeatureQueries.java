package com.ja4.workstation.data.cluster;

import com.ja4.workstation.data.schema.WarehouseSchema;
import com.ja4.workstation.data.warehouse.Dialect;
import com.ja4.workstation.data.warehouse.QueryContext;
import com.ja4.workstation.data.warehouse.SeveritySql;
import com.ja4.workstation.data.warehouse.Sql;
import com.ja4.workstation.data.warehouse.Warehouse;
import com.ja4.workstation.data.warehouse.WarehouseException;
import com.ja4.workstation.domain.ThreatLevel;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.cluster.ClusterMemberRow;
import com.ja4.workstation.domain.cluster.FeatureRow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The clustering query family, written once for ClickHouse and DuckDB.
 *
 * <p>Unlike the predecessor, each side of the join is aggregated on its own before joining:
 * joining hourly traffic rows to detection rows first multiplies {@code sum(hits)} by the number
 * of detections. The worst threat is chosen by severity ({@link SeveritySql}), the window is the
 * explicit {@link TimeWindow} (never {@code now()}), and every value is a bound parameter.
 *
 * <p>Every pair of the window is read: the centroids are fitted on a sample (drawn in Java by
 * {@code StratifiedSampler}, so that the warehouse and CSV paths share it) and then every pair is
 * assigned to its nearest centroid. Repeated strings (JA4s, User-Agents, countries, ASNs) are
 * shared between rows, which keeps 100,000 pairs to a few tens of megabytes.
 */
public final class ClusterFeatureQueries {

    private final Warehouse warehouse;

    public ClusterFeatureQueries(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /** Every (IP, JA4) pair of the window with its features, ordered by IP then JA4 (a total order). */
    public List<FeatureRow> allPairs(TimeWindow window, QueryContext ctx) throws WarehouseException {
        Dialect d = warehouse.dialect();
        Sql.Builder b = Sql.builder().sql("SELECT ").sql(d.ipDisplay("t.src_ip")).sql(" AS ip, t.ja4 AS ja4,"
                + " t.ttl, t.win, t.scale, t.mss, t.ua, t.hit_sum AS hits,"
                + " coalesce(m.avg_score, 0) AS avg_score, coalesce(m.avg_velocity, 0) AS avg_velocity,"
                + " coalesce(m.avg_fuzzing, 0) AS avg_fuzzing, coalesce(m.pct_headless, 0) AS pct_headless,"
                + " coalesce(m.avg_post, 0) AS avg_post, coalesce(m.ip_id_zero, 0) AS ip_id_zero,"
                + " coalesce(m.entropy, 0) AS entropy, coalesce(m.browser_score, 0) AS browser_score,"
                + " coalesce(m.alpn_mismatch, 0) AS alpn_mismatch, coalesce(m.alpn_missing, 0) AS alpn_missing,"
                + " coalesce(m.h2_eff, 0) AS h2_eff, coalesce(m.hdr_conf, 0) AS hdr_conf,"
                + " coalesce(m.ua_ch, 0) AS ua_ch_mismatch, coalesce(m.asset, 0) AS asset_ratio,"
                + " coalesce(m.direct_ratio, 0) AS direct_ratio, coalesce(m.ja4_count, 0) AS ja4_count,"
                + " coalesce(m.ua_rotating, 0) AS ua_rotating,"
                // ClickHouse fills an unmatched LEFT JOIN side with defaults, DuckDB with NULL:
                // the detection count tells both apart from a real severity 0 (LEGITIMATE_BROWSER).
                + " CASE WHEN coalesce(m.detections, 0) > 0 THEN m.worst_severity ELSE -1 END AS worst_severity,"
                + " coalesce(m.country, '') AS country, coalesce(m.asn_org, '') AS asn_org"
                + " FROM (");
        trafficSubquery(b, window);
        b.sql(") t LEFT JOIN (");
        detectionSubquery(b, window);
        b.sql(") m ON t.src_ip = m.src_ip AND t.ja4 = m.ja4 ORDER BY ip, ja4");
        Map<String, String> shared = new HashMap<>();
        return warehouse.query(b.build(), rs -> featureRow(rs, shared), ctx);
    }

    /*
     * Subquery aliases never equal a source column name (hit_sum, asset, ua_ch): ClickHouse
     * substitutes aliases inside expressions, and "sum(hits) AS hits" can turn cyclic.
     */

    /**
     * Traffic per (src_ip, ja4). The stack values take max(): deterministic (unlike any()) and, for
     * the TTL, the reading with the fewest hops.
     */
    private void trafficSubquery(Sql.Builder b, TimeWindow window) {
        Dialect d = warehouse.dialect();
        b.sql("SELECT src_ip, ja4, max(tcp_ttl_raw) AS ttl, max(tcp_win_raw) AS win, max(tcp_scale_raw) AS scale,"
                + " max(tcp_mss_raw) AS mss, min(first_ua) AS ua, sum(hits) AS hit_sum FROM ")
                .sql(warehouse.table(WarehouseSchema.AGG_HOST_IP_JA4_TABLE))
                .sql(" WHERE window_start >= ").time(d, window.from())
                .sql(" AND window_start < ").time(d, window.asOf())
                .sql(" AND tcp_ttl_raw > 0 GROUP BY src_ip, ja4");
    }

    private void detectionSubquery(Sql.Builder b, TimeWindow window) {
        Dialect d = warehouse.dialect();
        b.sql("SELECT src_ip, ja4, count(*) AS detections, avg(abs(anomaly_score)) AS avg_score,"
                + " avg(hit_velocity) AS avg_velocity, avg(fuzzing_index) AS avg_fuzzing,"
                + " avg(is_headless) AS pct_headless, avg(post_ratio) AS avg_post,"
                + " avg(ip_id_zero_ratio) AS ip_id_zero, avg(temporal_entropy) AS entropy,"
                + " avg(modern_browser_score) AS browser_score, avg(alpn_http_mismatch) AS alpn_mismatch,"
                + " avg(is_alpn_missing) AS alpn_missing, avg(multiplexing_efficiency) AS h2_eff,"
                + " avg(header_order_confidence) AS hdr_conf, avg(ua_ch_mismatch) AS ua_ch,"
                + " avg(asset_ratio) AS asset, avg(direct_access_ratio) AS direct_ratio,"
                + " avg(distinct_ja4_count) AS ja4_count, max(is_ua_rotating) AS ua_rotating,"
                + " ").sql(SeveritySql.worst("threat_level")).sql(" AS worst_severity,"
                + " min(country_code) AS country, min(asn_org) AS asn_org FROM ")
                .sql(warehouse.table(WarehouseSchema.DETECTED_ANOMALIES_TABLE))
                .sql(" WHERE detected_at >= ").time(d, window.from())
                .sql(" AND detected_at < ").time(d, window.asOf())
                .sql(" GROUP BY src_ip, ja4");
    }

    private static FeatureRow featureRow(ResultSet rs, Map<String, String> shared) throws SQLException {
        return new FeatureRow(rs.getString("ip"), share(rs.getString("ja4"), shared), rs.getDouble("ttl"),
                rs.getDouble("win"), rs.getDouble("scale"), rs.getDouble("mss"), share(rs.getString("ua"), shared),
                rs.getLong("hits"),
                rs.getDouble("avg_score"), rs.getDouble("avg_velocity"), rs.getDouble("avg_fuzzing"),
                rs.getDouble("pct_headless"), rs.getDouble("avg_post"), rs.getDouble("ip_id_zero"),
                rs.getDouble("entropy"), rs.getDouble("browser_score"), rs.getDouble("alpn_mismatch"),
                rs.getDouble("alpn_missing"), rs.getDouble("h2_eff"), rs.getDouble("hdr_conf"),
                rs.getDouble("ua_ch_mismatch"), rs.getDouble("asset_ratio"), rs.getDouble("direct_ratio"),
                rs.getDouble("ja4_count"), rs.getDouble("ua_rotating"), threat(rs.getInt("worst_severity")),
                share(rs.getString("country"), shared), share(rs.getString("asn_org"), shared));
    }

    private static String share(String s, Map<String, String> shared) {
        return s == null ? null : shared.computeIfAbsent(s, x -> x);
    }

    private static ThreatLevel threat(int severity) {
        return severity < 0 ? null : ThreatLevel.ofSeverity(severity);
    }
}
