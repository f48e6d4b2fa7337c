package com.ja4.workstation.data.ip;

import com.ja4.workstation.analysis.fingerprint.OsFinding;
import com.ja4.workstation.analysis.fingerprint.TcpFingerprinter;
import com.ja4.workstation.analysis.fingerprint.TcpVerdict;
import com.ja4.workstation.data.schema.WarehouseSchema;
import com.ja4.workstation.data.warehouse.Dialect;
import com.ja4.workstation.data.warehouse.QueryContext;
import com.ja4.workstation.data.warehouse.Sql;
import com.ja4.workstation.data.warehouse.Warehouse;
import com.ja4.workstation.data.warehouse.WarehouseException;
import com.ja4.workstation.domain.ClientIp;
import com.ja4.workstation.domain.TimeWindow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TCP/OS verdicts of a set of clients: their SYN tuples from agg_host_ip_ja4_1h (one query, every
 * address bound), classified in Java by {@link TcpFingerprinter}. Used per page of a table (OS
 * column) and by the IP drill-down.
 */
public final class OsLookup {

    /** Shared: the fingerprinter is immutable and thread-safe. */
    public static final TcpFingerprinter FINGERPRINTER = new TcpFingerprinter();

    /** A detection at time t belongs to the hourly window starting up to one hour before t. */
    static final Duration LOOKBACK = Duration.ofHours(1);

    private OsLookup() {
    }

    /** Every distinct SYN shape of these clients in the window, most hits first per client. */
    public static List<TcpTuple> tuples(Warehouse wh, TimeWindow w, Collection<ClientIp> ips, QueryContext ctx) throws WarehouseException {
        Set<String> v6 = new LinkedHashSet<>();
        for (ClientIp ip : ips) v6.add(ip.v6Text());
        if (v6.isEmpty()) return List.of();
        Dialect d = wh.dialect();
        Sql.Builder b = Sql.builder().sql("SELECT " + d.ipDisplay("src_ip") + " AS ip, tcp_ttl_raw, tcp_win_raw, tcp_scale_raw, "
                        + "tcp_mss_raw, sum(hits) AS h, " + d.distinctCount("window_start") + " AS windows, min(first_ua) AS ua FROM "
                        + wh.table(WarehouseSchema.AGG_HOST_IP_JA4_TABLE))
                .sql(" WHERE window_start >= ").time(d, w.from().minus(LOOKBACK))
                .sql(" AND window_start < ").time(d, w.asOf())
                .sql(" AND " + d.ipv6In("src_ip", v6.size()), v6.toArray())
                .sql(" GROUP BY src_ip, tcp_ttl_raw, tcp_win_raw, tcp_scale_raw, tcp_mss_raw"
                        + " ORDER BY ip, h DESC, tcp_ttl_raw, tcp_win_raw, tcp_scale_raw, tcp_mss_raw");
        return wh.query(b.build(), rs -> new TcpTuple(rs.getString("ip"), rs.getInt("tcp_ttl_raw"), rs.getInt("tcp_win_raw"),
                rs.getInt("tcp_scale_raw"), rs.getInt("tcp_mss_raw"), rs.getLong("h"), rs.getLong("windows"),
                rs.getString("ua") == null ? "" : rs.getString("ua")), ctx);
    }

    /** Verdict of each client's dominant SYN shape (most hits), keyed by display address. */
    public static Map<String, TcpVerdict> verdicts(Warehouse wh, TimeWindow w, Collection<String> displayIps, QueryContext ctx)
            throws WarehouseException {
        List<ClientIp> ips = new ArrayList<>();
        for (String s : displayIps) ClientIp.parse(s).ifPresent(ips::add);
        Map<String, TcpVerdict> out = new HashMap<>();
        for (TcpTuple t : tuples(wh, w, ips, ctx)) {
            if (out.containsKey(t.ip())) continue; // first row per IP has the most hits
            t.observation().ifPresent(o -> out.put(t.ip(), FINGERPRINTER.classify(o)));
        }
        return out;
    }

    /**
     * Verdict, claimed OS and UA/stack mismatch of each client's dominant SYN shape (most hits),
     * keyed by display address: what the OS column, the `OS mismatch` column and filter, the CSV
     * export and the per-cluster mismatch share read (see {@link OsFinding}). The User-Agent is
     * the first_ua of that same shape's rows.
     */
    public static Map<String, OsFinding> findings(Warehouse wh, TimeWindow w, Collection<String> displayIps, QueryContext ctx)
            throws WarehouseException {
        List<ClientIp> ips = new ArrayList<>();
        for (String s : displayIps) ClientIp.parse(s).ifPresent(ips::add);
        Map<String, OsFinding> out = new HashMap<>();
        for (TcpTuple t : tuples(wh, w, ips, ctx)) {
            if (out.containsKey(t.ip())) continue; // first row per IP has the most hits
            t.observation().ifPresent(o -> out.put(t.ip(), OsFinding.of(FINGERPRINTER.classify(o), t.firstUa())));
        }
        return out;
    }

    /** Short text for a table cell: "Windows 10 or 11 (86%)". */
    public static String label(TcpVerdict v) {
        if (v == null) return "";
        return v.os() + " (" + Math.round(v.confidence() * 100) + "%)";
    }
}
