package com.ja4.workstation.service.os;

import com.ja4.workstation.analysis.fingerprint.OsFinding;
import com.ja4.workstation.analysis.fingerprint.TcpFingerprinter;
import com.ja4.workstation.analysis.fingerprint.TcpObservation;
import com.ja4.workstation.analysis.fingerprint.TcpVerdict;
import com.ja4.workstation.data.ip.IpQueries;
import com.ja4.workstation.data.table.PageEnricher;
import com.ja4.workstation.data.warehouse.QueryContext;
import com.ja4.workstation.data.warehouse.Warehouse;
import com.ja4.workstation.data.warehouse.WarehouseException;
import com.ja4.workstation.domain.ClientIp;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.ip.TcpTuple;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * TCP/OS verdicts of a set of clients: their SYN tuples from agg_host_ip_ja4_1h (one query, every
 * address bound; {@link IpQueries#tcpTuples}), classified in Java by {@link TcpFingerprinter}. Used
 * per page of a table (OS column) and by the IP drill-down.
 */
public final class OsLookup {

    /** Shared: the fingerprinter is immutable and thread-safe. */
    public static final TcpFingerprinter FINGERPRINTER = new TcpFingerprinter();

    private OsLookup() {
    }

    /** Every distinct SYN shape of these clients in the window, most hits first per client. */
    public static List<TcpTuple> tuples(Warehouse wh, TimeWindow w, Collection<ClientIp> ips, QueryContext ctx) throws WarehouseException {
        return new IpQueries(wh).tcpTuples(ips, w, ctx);
    }

    /** Verdict of each client's dominant SYN shape (most hits), keyed by display address. */
    public static Map<String, TcpVerdict> verdicts(Warehouse wh, TimeWindow w, Collection<String> displayIps, QueryContext ctx)
            throws WarehouseException {
        List<ClientIp> ips = new ArrayList<>();
        for (String s : displayIps) ClientIp.parse(s).ifPresent(ips::add);
        Map<String, TcpVerdict> out = new HashMap<>();
        for (TcpTuple t : tuples(wh, w, ips, ctx)) {
            if (out.containsKey(t.ip())) continue; // first row per IP has the most hits
            observation(t).ifPresent(o -> out.put(t.ip(), FINGERPRINTER.classify(o)));
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
            observation(t).ifPresent(o -> out.put(t.ip(), OsFinding.of(FINGERPRINTER.classify(o), t.firstUa())));
        }
        return out;
    }

    /** The observation to classify, or empty when the raw values are out of range (a sensor glitch). */
    public static Optional<TcpObservation> observation(TcpTuple t) {
        return TcpObservation.problems(t.ttl(), t.window(), t.scale(), t.mss()).isEmpty()
                ? Optional.of(new TcpObservation(t.ttl(), t.window(), t.scale(), t.mss())) : Optional.empty();
    }

    /** What the fingerprinter says about this shape; null when the raw values are out of range. */
    public static TcpVerdict classify(TcpTuple t) {
        return observation(t).map(FINGERPRINTER::classify).orElse(null);
    }

    /** Short text for a table cell: "Windows 10 or 11 (86%)". */
    public static String label(TcpVerdict v) {
        if (v == null) return "";
        return v.os() + " (" + Math.round(v.confidence() * 100) + "%)";
    }

    /**
     * Adds the TCP/OS verdict of a page's IPs to its rows: one lookup for the whole page,
     * classified in Java.
     */
    public static <R> PageEnricher<R> enricher(Warehouse wh, Function<R, String> ipOf, BiFunction<R, String, R> withOs) {
        return (w, rows, ctx) -> {
            if (rows.isEmpty()) return rows;
            Map<String, TcpVerdict> os = verdicts(wh, w, rows.stream().map(ipOf).distinct().toList(), ctx);
            return rows.stream().map(r -> withOs.apply(r, label(os.get(ipOf.apply(r))))).toList();
        };
    }
}
