package com.ja4.workstation.data.snapshot;

import com.ja4.workstation.data.schema.Column;
import com.ja4.workstation.data.schema.Table;
import com.ja4.workstation.data.schema.WarehouseSchema;
import com.ja4.workstation.data.warehouse.Dialect;
import com.ja4.workstation.data.warehouse.QueryContext;
import com.ja4.workstation.data.warehouse.Sql;
import com.ja4.workstation.data.warehouse.Warehouse;
import com.ja4.workstation.data.warehouse.WarehouseException;
import com.ja4.workstation.domain.TimeWindow;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The rows a snapshot captures, per table: those in the time window (and the optional host and
 * threat filters); view_ip_recurrence and soc_feedback for the IPs present in the detections or
 * scores. Columns come in schema order, times as epoch seconds, IPs as text.
 */
public final class SnapshotExtractQueries {

    private final Warehouse wh;
    private final Dialect d;

    public SnapshotExtractQueries(Warehouse warehouse) {
        this.wh = warehouse;
        this.d = warehouse.dialect();
    }

    public long count(Table t, TimeWindow w, List<String> hosts, List<String> threatLevels, QueryContext ctx)
            throws WarehouseException {
        return wh.count(where(Sql.builder().sql("SELECT count(*) FROM " + wh.table(t)), t, w, hosts, threatLevels).build(), ctx);
    }

    public void stream(Table t, TimeWindow w, List<String> hosts, List<String> threatLevels, Warehouse.RowConsumer rows,
                       QueryContext ctx) throws WarehouseException {
        String select = t.columns().stream().map(this::selectExpr).collect(Collectors.joining(", "));
        wh.stream(where(Sql.builder().sql("SELECT " + select + " FROM " + wh.table(t)), t, w, hosts, threatLevels).build(), rows, ctx);
    }

    /**
     * The window cut into {@code n} consecutive parts (half-open, whole seconds, together exactly the
     * window) for a table whose rows are chosen by their own time; other tables keep the whole window,
     * since their rows follow the IPs of the whole window.
     */
    public static List<TimeWindow> slices(Table t, TimeWindow w, int n) {
        boolean ipScoped = t.name().equals(WarehouseSchema.IP_RECURRENCE) || t.name().equals(WarehouseSchema.SOC_FEEDBACK);
        long from = w.from().getEpochSecond();
        long seconds = w.asOf().getEpochSecond() - from;
        int parts = (int) Math.max(1, Math.min(n, seconds));
        if (ipScoped || t.timeColumn().isEmpty() || parts == 1) return List.of(w);
        List<TimeWindow> out = new java.util.ArrayList<>(parts);
        for (int i = 0; i < parts; i++) {
            long start = from + seconds * i / parts;
            long end = from + seconds * (i + 1) / parts;
            out.add(new TimeWindow(java.time.Instant.ofEpochSecond(end), java.time.Duration.ofSeconds(end - start)));
        }
        return out;
    }

    /** True when the warehouse can hand a table's rows over as Parquet written by the server. */
    public boolean canExtractParquet() {
        return wh.canExtractParquet();
    }

    /**
     * Writes the same rows as {@link #stream} as Parquet to {@code out}, the columns named
     * {@code c1..cN} in schema order (see {@link SnapshotFormat#insertFromParquet}). Returns bytes.
     */
    public long extractParquet(Table t, TimeWindow w, List<String> hosts, List<String> threatLevels, java.io.OutputStream out,
                               QueryContext ctx) throws WarehouseException {
        List<Column> cols = t.columns();
        // positional aliases: a column's own name as alias would shadow it in ClickHouse's WHERE
        String select = java.util.stream.IntStream.range(0, cols.size())
                .mapToObj(i -> selectExpr(cols.get(i)) + " AS " + SnapshotFormat.parquetColumn(i))
                .collect(Collectors.joining(", "));
        return wh.extractParquet(where(Sql.builder().sql("SELECT " + select + " FROM " + wh.table(t)), t, w, hosts, threatLevels).build(), out, ctx);
    }

    private String selectExpr(Column c) {
        return switch (c.type()) {
            case DATETIME -> d.epochSeconds(c.name());
            case IPV4, IPV6 -> d.ipText(c.name());
            default -> c.name();
        };
    }

    /** WHERE clause of a table's rows in the snapshot (see the class comment). */
    private Sql.Builder where(Sql.Builder b, Table t, TimeWindow w, List<String> hosts, List<String> threatLevels) {
        boolean ipScoped = t.name().equals(WarehouseSchema.IP_RECURRENCE) || t.name().equals(WarehouseSchema.SOC_FEEDBACK);
        if (ipScoped) {
            b.sql(" WHERE src_ip IN (");
            ipsPresent(b, WarehouseSchema.DETECTED_ANOMALIES_TABLE, w, hosts, threatLevels);
            b.sql(" UNION ALL ");
            ipsPresent(b, WarehouseSchema.ALL_SCORES_TABLE, w, hosts, threatLevels);
            b.sql(")");
            if (t.timeColumn().isPresent()) b.sql(" AND " + t.timeColumn().get() + " < ").time(d, w.asOf());
            return b;
        }
        b.sql(" WHERE 1 = 1");
        t.timeColumn().ifPresent(tc -> b.sql(" AND " + tc + " >= ").time(d, w.from()).sql(" AND " + tc + " < ").time(d, w.asOf()));
        filters(b, t, hosts, threatLevels);
        return b;
    }

    private void ipsPresent(Sql.Builder b, Table t, TimeWindow w, List<String> hosts, List<String> threatLevels) {
        String tc = t.timeColumn().orElseThrow();
        b.sql("SELECT src_ip FROM " + wh.table(t) + " WHERE " + tc + " >= ").time(d, w.from())
                .sql(" AND " + tc + " < ").time(d, w.asOf());
        filters(b, t, hosts, threatLevels);
    }

    private static void filters(Sql.Builder b, Table t, List<String> hosts, List<String> threatLevels) {
        if (!hosts.isEmpty() && t.hasColumn("host")) inList(b, "host", hosts);
        if (!threatLevels.isEmpty() && t.hasColumn("threat_level")) inList(b, "threat_level", threatLevels);
    }

    private static void inList(Sql.Builder b, String column, List<String> values) {
        b.sql(" AND " + column + " IN (" + values.stream().map(v -> "?").collect(Collectors.joining(", ")) + ")", values.toArray());
    }

}
