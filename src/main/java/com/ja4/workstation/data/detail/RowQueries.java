package com.ja4.workstation.data.detail;

import com.ja4.workstation.data.detections.DetectionTable;
import com.ja4.workstation.data.ip.IpQueries;
import com.ja4.workstation.data.schema.WarehouseSchema;
import com.ja4.workstation.data.scores.ScoreTable;
import com.ja4.workstation.data.table.AllColumns;
import com.ja4.workstation.data.warehouse.Dialect;
import com.ja4.workstation.data.warehouse.QueryContext;
import com.ja4.workstation.data.warehouse.Sql;
import com.ja4.workstation.data.warehouse.Warehouse;
import com.ja4.workstation.data.warehouse.WarehouseException;
import com.ja4.workstation.domain.ClientIp;
import com.ja4.workstation.domain.ip.FeatureWindow;
import com.ja4.workstation.domain.table.FullRow;
import com.ja4.workstation.domain.table.RowKey;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Query family of the detail pane: one detection or scored window read whole by its key (every
 * column, bound values only), and the hourly feature windows that scored windows cover (a
 * scored window has no behaviour columns of its own; its hour's window in view_ai_features_1h
 * has them all).
 */
public final class RowQueries {

    /** Every column of a detection; the OS verdict and the UA/stack mismatch are added by the service. */
    public static final AllColumns<?> DETECTION_COLUMNS = new AllColumns<>(DetectionTable.INSTANCE, List.of("os", "os_mismatch"));
    /** The feature-window columns a scored window's all-columns export adds (blank when its hour has none). */
    public static final List<String> SCORE_WINDOW_COLUMNS = scoreWindowColumns();
    /** Every column of a scored window, then its OS verdict, its UA/stack mismatch and the behaviour of its hour. */
    public static final AllColumns<?> SCORE_COLUMNS = new AllColumns<>(ScoreTable.INSTANCE,
            concat(List.of("os", "os_mismatch"), SCORE_WINDOW_COLUMNS));

    private final Warehouse wh;
    private final Dialect d;

    public RowQueries(Warehouse warehouse) {
        this.wh = warehouse;
        this.d = warehouse.dialect();
    }

    /** The detection with this key (detected_at, client, JA4, host, model), every column; empty when gone. */
    public Optional<FullRow> detection(RowKey key, QueryContext ctx) throws WarehouseException {
        return byKey(DETECTION_COLUMNS, key, false, ctx);
    }

    /** The scored window with this key (detected_at, window_start, client, JA4, host, model), every column. */
    public Optional<FullRow> score(RowKey key, QueryContext ctx) throws WarehouseException {
        return byKey(SCORE_COLUMNS, key, true, ctx);
    }

    private Optional<FullRow> byKey(AllColumns<?> spec, RowKey key, boolean withWindow, QueryContext ctx) throws WarehouseException {
        Optional<ClientIp> ip = ClientIp.parse(key.ip());
        if (ip.isEmpty()) return Optional.empty();
        Sql.Builder b = Sql.builder().sql("SELECT " + spec.selectList(d) + " FROM " + wh.table(spec.table()))
                .sql(" WHERE detected_at = ").time(d, key.detectedAt())
                .sql(" AND " + d.ipv6Equals("src_ip"), ip.get().v6Text())
                .sql(" AND ja4 = ? AND host = ? AND model_name = ?", key.ja4(), key.host(), key.modelName());
        if (withWindow) {
            if (key.windowStart() == null) return Optional.empty();
            b.sql(" AND window_start = ").time(d, key.windowStart());
        }
        // identical keys are duplicates written twice: the highest score first, the same on both engines
        b.sql(" ORDER BY anomaly_score DESC, threat_level LIMIT 1");
        return wh.first(b.build(), spec.mapper(d), ctx);
    }

    /** A feature window and the client it belongs to (shown address). */
    public record ClientWindow(String ip, FeatureWindow window) {
    }

    /**
     * The hourly feature windows of these scored windows' clients between the earliest and the
     * latest of their window starts (one query, every address bound); the service matches each
     * score to its own (window start, client, JA4, host).
     */
    public List<ClientWindow> featureWindows(Collection<RowKey> keys, QueryContext ctx) throws WarehouseException {
        Set<String> v6 = new LinkedHashSet<>();
        Instant from = null, to = null;
        for (RowKey k : keys) {
            Optional<ClientIp> ip = ClientIp.parse(k.ip());
            if (ip.isEmpty() || k.windowStart() == null) continue;
            v6.add(ip.get().v6Text());
            from = from == null || k.windowStart().isBefore(from) ? k.windowStart() : from;
            to = to == null || k.windowStart().isAfter(to) ? k.windowStart() : to;
        }
        if (v6.isEmpty()) return List.of();
        var mapper = IpQueries.featureWindowMapper(d);
        Sql sql = Sql.builder().sql("SELECT " + d.ipDisplay("src_ip") + " AS ip, " + IpQueries.FEATURE_WINDOW_COLUMNS + " FROM "
                        + wh.table(WarehouseSchema.AI_FEATURES_TABLE))
                .sql(" WHERE window_start >= ").time(d, from)
                .sql(" AND window_start <= ").time(d, to)
                .sql(" AND " + d.ipv6In("src_ip", v6.size()), v6.toArray())
                .sql(" ORDER BY ip, window_start, ja4, host, hits DESC").build();
        return wh.query(sql, rs -> new ClientWindow(rs.getString("ip"), mapper.map(rs)), ctx);
    }

    private static List<String> scoreWindowColumns() {
        List<String> cols = new java.util.ArrayList<>(List.of("asn_label"));
        // hit_velocity is a column of the scored window itself
        for (String f : WarehouseSchema.BEHAVIOUR_FEATURES) if (!f.equals("hit_velocity")) cols.add(f);
        return List.copyOf(cols);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new java.util.ArrayList<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }
}
