package com.ja4.workstation.service.os;

import com.ja4.workstation.data.ip.IpQueries;
import com.ja4.workstation.data.table.ClientSetFilter;
import com.ja4.workstation.data.warehouse.QueryContext;
import com.ja4.workstation.data.warehouse.Warehouse;
import com.ja4.workstation.data.warehouse.WarehouseException;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.table.TableFilter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The clients of a window whose User-Agent and TCP stack contradict: the {@code OS mismatch}
 * filter of Detections and Scores. The mismatch is decided in Java (the fingerprinter and the UA
 * parser), not in SQL, so the set is computed once per window from every client's dominant SYN
 * shape (one query over agg_host_ip_ja4_1h, each distinct shape classified once), then the tables
 * keep those clients' rows with a bound IP list: the count and the pages stay exact and come from
 * the database. The same finding fills the {@code OS mismatch} column of a page, so the filter
 * keeps exactly the rows whose cell is set. The last few windows are remembered.
 */
public final class OsMismatchIndex implements ClientSetFilter {

    /** The filter value: mismatches only (no value: all rows). */
    public static final String ONLY = TableFilter.ONLY;
    private static final int WINDOWS_KEPT = 4;

    private final Warehouse wh;
    private final Map<TimeWindow, Set<String>> byWindow = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<TimeWindow, Set<String>> eldest) {
            return size() > WINDOWS_KEPT;
        }
    };

    public OsMismatchIndex(Warehouse wh) {
        this.wh = wh;
    }

    /** Display addresses of the clients with a UA/stack mismatch in the window (computed once per window). */
    public synchronized Set<String> mismatching(TimeWindow w, QueryContext ctx) throws WarehouseException {
        Set<String> known = byWindow.get(w);
        if (known != null) return known;
        Set<String> out = new TreeSet<>();
        OsLookup.findingsOf(new IpQueries(wh).tcpTuplesOfAllClients(w, ctx))
                .forEach((ip, f) -> {
                    if (f.mismatch().isPresent()) out.add(ip);
                });
        Set<String> set = Set.copyOf(out);
        byWindow.put(w, set);
        return set;
    }

    @Override
    public Set<String> clients(TimeWindow w, String value, QueryContext ctx) throws WarehouseException {
        if (!ONLY.equals(value)) {
            throw new IllegalArgumentException("the " + TableFilter.OS_MISMATCH + " filter takes '" + ONLY + "' or nothing, not '" + value + "'");
        }
        return mismatching(w, ctx);
    }
}
