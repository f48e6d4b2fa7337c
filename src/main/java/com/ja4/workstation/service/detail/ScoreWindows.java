package com.ja4.workstation.service.detail;

import com.ja4.workstation.data.detail.RowQueries;
import com.ja4.workstation.data.detail.RowQueries.ClientWindow;
import com.ja4.workstation.data.table.PageEnricher;
import com.ja4.workstation.data.warehouse.Warehouse;
import com.ja4.workstation.domain.ip.FeatureWindow;
import com.ja4.workstation.domain.table.FullRow;
import com.ja4.workstation.domain.table.RowKey;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A scored window's behaviour: the hourly feature window (view_ai_features_1h) of the same hour,
 * client, JA4 and host. The detail pane shows it; the all-columns export of Scores adds its
 * columns to each row, looked up once per batch of rows like the OS verdict.
 */
public final class ScoreWindows {

    private ScoreWindows() {
    }

    /** The key of a scored window read whole. */
    public static RowKey keyOf(FullRow r) {
        return new RowKey(r.time("detected_at"), r.text("src_ip"), r.text("ja4"), r.text("host"), r.text("model_name"),
                r.time("window_start"));
    }

    /** The feature window of each key found among {@code windows} (same hour, client, JA4, host). */
    public static Map<RowKey, FeatureWindow> match(List<RowKey> keys, List<ClientWindow> windows) {
        Map<String, FeatureWindow> byKey = new HashMap<>();
        for (ClientWindow cw : windows) {
            FeatureWindow w = cw.window();
            byKey.putIfAbsent(join(cw.ip(), w.windowStart(), w.ja4(), w.host()), w); // most hits first among duplicates
        }
        Map<RowKey, FeatureWindow> out = new HashMap<>();
        for (RowKey k : keys) {
            FeatureWindow w = byKey.get(join(k.ip(), k.windowStart(), k.ja4(), k.host()));
            if (w != null) out.put(k, w);
        }
        return out;
    }

    /** The columns a feature window adds to a scored window ({@link RowQueries#SCORE_WINDOW_COLUMNS}). */
    public static Map<String, Object> columnsOf(FeatureWindow w) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String c : RowQueries.SCORE_WINDOW_COLUMNS) m.put(c, c.equals("asn_label") ? w.asnLabel() : (Object) w.feature(c));
        return m;
    }

    /** Adds each scored window's feature-window columns, one query per batch of rows. */
    public static PageEnricher<FullRow> enricher(Warehouse wh) {
        RowQueries q = new RowQueries(wh);
        return (window, rows, ctx) -> {
            if (rows.isEmpty()) return rows;
            List<RowKey> keys = rows.stream().map(ScoreWindows::keyOf).toList();
            Map<RowKey, FeatureWindow> found = match(keys, q.featureWindows(keys, ctx));
            return rows.stream().map(r -> Optional.ofNullable(found.get(keyOf(r))).map(w -> r.withAll(columnsOf(w))).orElse(r)).toList();
        };
    }

    /** One enricher after the other. */
    public static <R> PageEnricher<R> then(PageEnricher<R> first, PageEnricher<R> second) {
        return (w, rows, ctx) -> second.enrich(w, first.enrich(w, rows, ctx), ctx);
    }

    private static String join(String ip, java.time.Instant start, String ja4, String host) {
        return ip + "\u0000" + start + "\u0000" + ja4 + "\u0000" + host;
    }
}
