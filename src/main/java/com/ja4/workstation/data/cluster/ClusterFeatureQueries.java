package com.ja4.workstation.data.cluster;

import com.ja4.workstation.data.schema.WarehouseSchema;
import com.ja4.workstation.data.warehouse.Dialect;
import com.ja4.workstation.data.warehouse.QueryContext;
import com.ja4.workstation.data.warehouse.SeveritySql;
import com.ja4.workstation.data.warehouse.Sql;
import com.ja4.workstation.data.warehouse.Warehouse;
import com.ja4.workstation.data.warehouse.WarehouseException;
import com.ja4.workstation.domain.ClientIp;
import com.ja4.workstation.domain.ThreatLevel;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.cluster.ClusterMemberRow;
import com.ja4.workstation.domain.cluster.FeatureRow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

/**
 * The clustering query family, written once for ClickHouse and DuckDB.
 *
 * <p>Unlike the predecessor, each side of the join is aggregated on its own before joining:
 * joining hourly traffic rows to detection rows first multiplies {@code sum(hits)} by the number
 * of detections. The worst threat is chosen by severity ({@link SeveritySql}), the window is the
 * explicit {@link TimeWindow} (never {@code now()}), and every value is a bound parameter.
 *
 * <p>Sampling happens in Java ({@code StratifiedSampler}) so that the warehouse and CSV paths share
 * it; the query only bounds the transfer over a slow link: rows come ordered anomalous first (by
 * score, then hits) then by hits, so the {@link #candidateLimit(int) candidate cap} can only drop
 * low-traffic normal pairs, never a detection ahead of them.
 */
public final class ClusterFeatureQueries {

    /** Members asked for in one page at most (each IP is one bound parameter). */
    public static final int MAX_MEMBER_PAGE = 500;

    private final Warehouse warehouse;

    public ClusterFeatureQueries(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /** Candidate rows fetched for a sample of the given size: enough room for the strata of the sampler. */
    public static int candidateLimit(int sampleSize) {
        return Math.max(sampleSize, sampleSize * 4);
    }

    /** Feature rows of the window, at most {@code limit}, anomalous first (see the class comment). */
    public List<FeatureRow> features(TimeWindow window, int limit, QueryContext ctx) throws WarehouseException {
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
        trafficSubquery(b, window, List.of());
        b.sql(") t LEFT JOIN (");
        detectionSubquery(b, window);
        b.sql(") m ON t.src_ip = m.src_ip AND t.ja4 = m.ja4"
                + " ORDER BY CASE WHEN coalesce(m.detections, 0) > 0 AND m.worst_severity >= ? THEN 1 ELSE 0 END DESC,"
                + " avg_score DESC, t.hit_sum DESC, ip, ja4 LIMIT ?", ThreatLevel.LOW.severity(), limit);
        return warehouse.query(b.build(), ClusterFeatureQueries::featureRow, ctx);
    }

    /**
     * The member rows of the given IPs over the window, most hits first. The IPs are bound one
     * parameter each (never spliced into the text), so a page is capped at {@link #MAX_MEMBER_PAGE}.
     */
    public List<ClusterMemberRow> members(TimeWindow window, Collection<ClientIp> ips, QueryContext ctx)
            throws WarehouseException {
        if (ips.isEmpty()) return List.of();
        if (ips.size() > MAX_MEMBER_PAGE) {
            throw new IllegalArgumentException("a member page holds at most " + MAX_MEMBER_PAGE + " IPs, got " + ips.size());
        }
        Dialect d = warehouse.dialect();
        Sql.Builder b = Sql.builder().sql("SELECT ").sql(d.ipDisplay("t.src_ip")).sql(" AS ip, t.ja4 AS ja4,"
                + " t.ttl, t.win, t.scale, t.mss, t.hit_sum AS hits, t.ua,"
                + " coalesce(m.avg_score, 0) AS avg_score,"
                + " CASE WHEN coalesce(m.detections, 0) > 0 THEN m.worst_severity ELSE -1 END AS worst_severity,"
                + " coalesce(m.country, '') AS country, coalesce(m.asn_org, '') AS asn_org,"
                + " coalesce(m.avg_fuzzing, 0) AS avg_fuzzing, coalesce(m.avg_velocity, 0) AS avg_velocity"
                + " FROM (");
        trafficSubquery(b, window, ips);
        b.sql(") t LEFT JOIN (");
        detectionSubquery(b, window);
        b.sql(") m ON t.src_ip = m.src_ip AND t.ja4 = m.ja4 ORDER BY t.hit_sum DESC, ip, ja4");
        return warehouse.query(b.build(), ClusterFeatureQueries::memberRow, ctx);
    }

    /*
     * Subquery aliases never equal a source column name (hit_sum, asset, ua_ch): ClickHouse
     * substitutes aliases inside expressions, and "sum(hits) AS hits" can turn cyclic.
     */

    /**
     * Traffic per (src_ip, ja4), optionally only for the given IPs. The stack values take max():
     * deterministic (unlike any()) and, for the TTL, the reading with the fewest hops.
     */
    private void trafficSubquery(Sql.Builder b, TimeWindow window, Collection<ClientIp> onlyIps) {
        Dialect d = warehouse.dialect();
        b.sql("SELECT src_ip, ja4, max(tcp_ttl_raw) AS ttl, max(tcp_win_raw) AS win, max(tcp_scale_raw) AS scale,"
                + " max(tcp_mss_raw) AS mss, min(first_ua) AS ua, sum(hits) AS hit_sum FROM ")
                .sql(warehouse.table(WarehouseSchema.AGG_HOST_IP_JA4_TABLE))
                .sql(" WHERE window_start >= ").time(d, window.from())
                .sql(" AND window_start < ").time(d, window.asOf())
                .sql(" AND tcp_ttl_raw > 0");
        if (!onlyIps.isEmpty()) {
            b.sql(" AND (");
            String sep = "";
            for (ClientIp ip : onlyIps) {
                b.sql(sep).sql(d.ipv6Equals("src_ip"), ip.v6Text());
                sep = " OR ";
            }
            b.sql(")");
        }
        b.sql(" GROUP BY src_ip, ja4");
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

    private static FeatureRow featureRow(ResultSet rs) throws SQLException {
        return new FeatureRow(rs.getString("ip"), rs.getString("ja4"), rs.getDouble("ttl"), rs.getDouble("win"),
                rs.getDouble("scale"), rs.getDouble("mss"), rs.getString("ua"), rs.getLong("hits"),
                rs.getDouble("avg_score"), rs.getDouble("avg_velocity"), rs.getDouble("avg_fuzzing"),
                rs.getDouble("pct_headless"), rs.getDouble("avg_post"), rs.getDouble("ip_id_zero"),
                rs.getDouble("entropy"), rs.getDouble("browser_score"), rs.getDouble("alpn_mismatch"),
                rs.getDouble("alpn_missing"), rs.getDouble("h2_eff"), rs.getDouble("hdr_conf"),
                rs.getDouble("ua_ch_mismatch"), rs.getDouble("asset_ratio"), rs.getDouble("direct_ratio"),
                rs.getDouble("ja4_count"), rs.getDouble("ua_rotating"), threat(rs.getInt("worst_severity")),
                rs.getString("country"), rs.getString("asn_org"));
    }

    private static ClusterMemberRow memberRow(ResultSet rs) throws SQLException {
        return new ClusterMemberRow(rs.getString("ip"), rs.getString("ja4"), rs.getInt("ttl"), rs.getLong("win"),
                rs.getInt("scale"), rs.getInt("mss"), rs.getLong("hits"), rs.getString("ua"),
                rs.getDouble("avg_score"), threat(rs.getInt("worst_severity")), rs.getString("country"),
                rs.getString("asn_org"), rs.getDouble("avg_fuzzing"), rs.getDouble("avg_velocity"));
    }

    private static ThreatLevel threat(int severity) {
        return severity < 0 ? null : ThreatLevel.ofSeverity(severity);
    }
}
