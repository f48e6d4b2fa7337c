package com.ja4.workstation.data.ip;

import com.ja4.workstation.data.detections.DetectionTable;
import com.ja4.workstation.data.schema.WarehouseSchema;
import com.ja4.workstation.data.scores.ScoreTable;
import com.ja4.workstation.data.traffic.TrafficTable;
import com.ja4.workstation.data.warehouse.Dialect;
import com.ja4.workstation.data.warehouse.QueryContext;
import com.ja4.workstation.data.warehouse.Sql;
import com.ja4.workstation.data.warehouse.Warehouse;
import com.ja4.workstation.data.warehouse.WarehouseException;
import com.ja4.workstation.domain.ClientIp;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.ip.FeatureWindow;
import com.ja4.workstation.domain.ip.RadarBaselines;
import com.ja4.workstation.domain.ip.Recurrence;
import com.ja4.workstation.domain.ip.TcpTuple;
import com.ja4.workstation.domain.table.Detection;
import com.ja4.workstation.domain.table.HttpLog;
import com.ja4.workstation.domain.table.Score;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Query family of the IP drill-down. IPv6 columns match the client exactly ({@code ipv6Equals}
 * bound to {@link ClientIp#v6Text()}); the IPv4 column of http_logs is only queried for IPv4
 * clients, so a real IPv6 client never matches 0.0.0.0 rows.
 */
public final class IpQueries {

    /** The predecessor's radar axes. */
    public static final List<String> RADAR_FEATURES = List.of("hit_velocity", "fuzzing_index", "post_ratio", "asset_ratio",
            "direct_access_ratio", "temporal_entropy", "path_diversity_ratio", "modern_browser_score");

    public static final int ROW_LIMIT = 500;

    /** SYN tuples: a detection at time t belongs to the hourly window starting up to one hour before t. */
    public static final Duration TCP_LOOKBACK = Duration.ofHours(1);

    private final Warehouse wh;
    private final Dialect d;

    public IpQueries(Warehouse wh) {
        this.wh = wh;
        this.d = wh.dialect();
    }

    public List<Detection> detections(ClientIp ip, TimeWindow w, QueryContext ctx) throws WarehouseException {
        DetectionTable t = DetectionTable.INSTANCE;
        Sql sql = inWindow("SELECT " + t.selectList(d) + " FROM " + wh.table(t.table()), "detected_at", w)
                .sql(" AND " + d.ipv6Equals("src_ip"), ip.v6Text())
                .sql(" ORDER BY detected_at DESC, model_name, ja4, host LIMIT ?", ROW_LIMIT).build();
        return wh.query(sql, t.mapper(d), ctx);
    }

    public List<Score> scores(ClientIp ip, TimeWindow w, QueryContext ctx) throws WarehouseException {
        ScoreTable t = ScoreTable.INSTANCE;
        Sql sql = inWindow("SELECT " + t.selectList(d) + " FROM " + wh.table(t.table()), "detected_at", w)
                .sql(" AND " + d.ipv6Equals("src_ip"), ip.v6Text())
                .sql(" ORDER BY detected_at DESC, model_name, ja4, host, window_start LIMIT ?", ROW_LIMIT).build();
        return wh.query(sql, t.mapper(d), ctx);
    }

    /** Most recent HTTP requests; none for a real IPv6 client (http_logs.src_ip is an IPv4 column). */
    public List<HttpLog> httpLogs(ClientIp ip, TimeWindow w, int limit, QueryContext ctx) throws WarehouseException {
        Optional<String> v4 = ip.v4Text();
        if (v4.isEmpty()) return List.of();
        TrafficTable t = TrafficTable.INSTANCE;
        Sql sql = inWindow("SELECT " + t.selectList(d) + " FROM " + wh.table(t.table()), "time", w)
                .sql(" AND " + d.ipv4Equals("src_ip"), v4.get())
                .sql(" ORDER BY time DESC, src_port, host, path, method, http_version, header_user_agent, ja4 LIMIT ?", limit).build();
        return wh.query(sql, t.mapper(d), ctx);
    }

    /** The client's hourly feature windows, latest first (then most hits): the first is the default selection. */
    public List<FeatureWindow> featureWindows(ClientIp ip, TimeWindow w, QueryContext ctx) throws WarehouseException {
        String features = String.join(", ", WarehouseSchema.BEHAVIOUR_FEATURES);
        Sql sql = inWindow("SELECT window_start, ja4, host, hits, " + features
                        + ", asn_label, asn_org, country_code, bot_name, browser_family FROM " + wh.table(WarehouseSchema.AI_FEATURES_TABLE),
                "window_start", w)
                .sql(" AND " + d.ipv6Equals("src_ip"), ip.v6Text())
                .sql(" ORDER BY window_start DESC, hits DESC, ja4, host LIMIT ?", ROW_LIMIT).build();
        return wh.query(sql, rs -> {
            Map<String, Double> f = new LinkedHashMap<>();
            for (String c : WarehouseSchema.BEHAVIOUR_FEATURES) f.put(c, rs.getDouble(c));
            return new FeatureWindow(d.readTime(rs, "window_start"), rs.getString("ja4"), rs.getString("host"), rs.getLong("hits"),
                    f, rs.getString("asn_label"), rs.getString("asn_org"), rs.getString("country_code"), rs.getString("bot_name"),
                    rs.getString("browser_family"));
        }, ctx);
    }

    public Optional<Recurrence> recurrence(ClientIp ip, QueryContext ctx) throws WarehouseException {
        Sql sql = Sql.builder().sql("SELECT recurrence, first_seen, last_seen, days_active, distinct_hosts FROM "
                        + wh.table(WarehouseSchema.IP_RECURRENCE_TABLE))
                .sql(" WHERE " + d.ipv6Equals("src_ip"), ip.v6Text())
                .sql(" ORDER BY last_seen DESC LIMIT 1").build();
        return wh.first(sql, rs -> new Recurrence(rs.getLong("recurrence"), d.readTime(rs, "first_seen"),
                d.readTime(rs, "last_seen"), rs.getLong("days_active"), rs.getLong("distinct_hosts")), ctx);
    }

    /** The client's distinct TCP SYN shapes in the window, most hits first. */
    public List<TcpTuple> tcpTuples(ClientIp ip, TimeWindow w, QueryContext ctx) throws WarehouseException {
        return tcpTuples(List.of(ip), w, ctx);
    }

    /**
     * Every distinct SYN shape of these clients in the window (one query, every address bound),
     * most hits first per client; the OS column of a page and the drill-down classify them.
     */
    public List<TcpTuple> tcpTuples(Collection<ClientIp> ips, TimeWindow w, QueryContext ctx) throws WarehouseException {
        Set<String> v6 = new LinkedHashSet<>();
        for (ClientIp ip : ips) v6.add(ip.v6Text());
        if (v6.isEmpty()) return List.of();
        Sql.Builder b = Sql.builder().sql("SELECT " + d.ipDisplay("src_ip") + " AS ip, tcp_ttl_raw, tcp_win_raw, tcp_scale_raw, "
                        + "tcp_mss_raw, sum(hits) AS h, " + d.distinctCount("window_start") + " AS windows, min(first_ua) AS ua FROM "
                        + wh.table(WarehouseSchema.AGG_HOST_IP_JA4_TABLE))
                .sql(" WHERE window_start >= ").time(d, w.from().minus(TCP_LOOKBACK))
                .sql(" AND window_start < ").time(d, w.asOf())
                .sql(" AND " + d.ipv6In("src_ip", v6.size()), v6.toArray())
                .sql(" GROUP BY src_ip, tcp_ttl_raw, tcp_win_raw, tcp_scale_raw, tcp_mss_raw"
                        + " ORDER BY ip, h DESC, tcp_ttl_raw, tcp_win_raw, tcp_scale_raw, tcp_mss_raw");
        return wh.query(b.build(), rs -> new TcpTuple(rs.getString("ip"), rs.getInt("tcp_ttl_raw"), rs.getInt("tcp_win_raw"),
                rs.getInt("tcp_scale_raw"), rs.getInt("tcp_mss_raw"), rs.getLong("h"), rs.getLong("windows"),
                rs.getString("ua") == null ? "" : rs.getString("ua")), ctx);
    }

    /** Average radar features of human and datacenter/hosting windows in the time window. */
    public RadarBaselines radarBaselines(TimeWindow w, QueryContext ctx) throws WarehouseException {
        String avgs = RADAR_FEATURES.stream().map(f -> "avg(" + f + ") AS " + f).collect(Collectors.joining(", "));
        Sql sql = inWindow("SELECT CASE WHEN asn_label = 'human' THEN 'human' ELSE 'datacenter' END AS grp, count(*) AS n, " + avgs
                + " FROM " + wh.table(WarehouseSchema.AI_FEATURES_TABLE), "window_start", w)
                .sql(" AND asn_label IN ('human', 'datacenter', 'hosting') GROUP BY 1 ORDER BY 1").build();
        Map<String, Map<String, Double>> byGroup = new LinkedHashMap<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        wh.stream(sql, rs -> {
            Map<String, Double> m = new LinkedHashMap<>();
            for (String f : RADAR_FEATURES) m.put(f, rs.getDouble(f));
            byGroup.put(rs.getString("grp"), m);
            counts.put(rs.getString("grp"), rs.getLong("n"));
        }, ctx);
        return new RadarBaselines(byGroup.getOrDefault("human", Map.of()), counts.getOrDefault("human", 0L),
                byGroup.getOrDefault("datacenter", Map.of()), counts.getOrDefault("datacenter", 0L));
    }

    /** True when this ASN organisation has detections in the window (global search: ASN or host?). */
    public boolean isKnownAsnOrg(String asnOrg, TimeWindow w, QueryContext ctx) throws WarehouseException {
        Sql sql = inWindow("SELECT count(*) FROM " + wh.table(WarehouseSchema.DETECTED_ANOMALIES_TABLE), "detected_at", w)
                .sql(" AND asn_org = ?", asnOrg).build();
        return wh.count(sql, ctx) > 0;
    }

    private Sql.Builder inWindow(String select, String timeColumn, TimeWindow w) {
        return Sql.builder().sql(select)
                .sql(" WHERE " + timeColumn + " >= ").time(d, w.from())
                .sql(" AND " + timeColumn + " < ").time(d, w.asOf());
    }
}
