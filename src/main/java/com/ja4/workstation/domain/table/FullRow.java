package com.ja4.workstation.domain.table;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every column of one row of ml_detected_anomalies or ml_all_scores (the detail pane, the
 * all-columns CSV), column name -> value in the table's column order: text as String, whole
 * numbers as Long, measures as Double, times as Instant; {@code src_ip} as shown (a.b.c.d for an
 * IPv4 client). Values looked up afterwards (the OS verdict, a score's feature window) are added
 * with {@link #with}.
 */
public record FullRow(Map<String, Object> values) {

    public FullRow {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public List<String> columns() {
        return List.copyOf(values.keySet());
    }

    public Object get(String column) {
        return values.get(column);
    }

    public boolean has(String column) {
        return values.containsKey(column);
    }

    /** The text of a column, "" when absent or null. */
    public String text(String column) {
        Object v = values.get(column);
        return v == null ? "" : v.toString();
    }

    /** A number column as a double (0 when absent). */
    public double number(String column) {
        return values.get(column) instanceof Number n ? n.doubleValue() : 0;
    }

    public Instant time(String column) {
        return values.get(column) instanceof Instant t ? t : null;
    }

    /** This row with one more (or a replaced) column. */
    public FullRow with(String column, Object value) {
        Map<String, Object> m = new LinkedHashMap<>(values);
        m.put(column, value);
        return new FullRow(m);
    }

    /** This row with several more columns, in their order. */
    public FullRow withAll(Map<String, ?> more) {
        Map<String, Object> m = new LinkedHashMap<>(values);
        m.putAll(more);
        return new FullRow(m);
    }
}
