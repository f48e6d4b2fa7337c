package com.ja4.workstation.data.warehouse;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A statement whose values are bound by ClickHouse itself: each {@code ?} of {@link Sql} becomes a
 * typed placeholder {@code {pN:Type}} and its value travels as the HTTP parameter {@code param_pN}.
 * Used where the JDBC driver's client-side binding is not available (client-v2 bulk reads).
 */
record ServerSideParams(String text, Map<String, Object> values) {

    static ServerSideParams of(Sql sql, Dialect dialect) {
        if (!(dialect instanceof ClickHouseDialect)) throw new IllegalArgumentException("server-side parameters are ClickHouse's");
        StringBuilder out = new StringBuilder(sql.text().length() + 16 * sql.params().size());
        Map<String, Object> values = new LinkedHashMap<>();
        String text = sql.text();
        boolean quoted = false;
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'' && (i == 0 || text.charAt(i - 1) != '\\')) quoted = !quoted;
            if (c != '?' || quoted) {
                out.append(c);
                continue;
            }
            if (n >= sql.params().size()) throw new IllegalArgumentException("more placeholders than values: " + text);
            Object v = sql.params().get(n);
            String name = "p" + (++n);
            out.append('{').append(name).append(':').append(typeOf(v)).append('}');
            values.put(name, valueOf(v));
        }
        if (n != sql.params().size()) throw new IllegalArgumentException("fewer placeholders than values: " + text);
        return new ServerSideParams(out.toString(), values);
    }

    private static String typeOf(Object v) {
        if (v instanceof String) return "String";
        if (v instanceof Integer) return "Int32";
        if (v instanceof Long) return "Int64";
        if (v instanceof Double) return "Float64";
        if (v instanceof Boolean) return "Bool";
        if (v instanceof Instant) return "Int64"; // ClickHouseDialect.timeParam is toDateTime(?, 'UTC') over epoch seconds
        throw new IllegalArgumentException("Unsupported parameter type " + v.getClass().getSimpleName());
    }

    /** The value as ClickHouse reads a {@code param_} (escaped text: backslash, tab and newline escaped). */
    private static String valueOf(Object v) {
        if (v instanceof Instant t) return Long.toString(t.getEpochSecond());
        if (v instanceof Boolean b) return b ? "true" : "false";
        if (!(v instanceof String s)) return String.valueOf(v);
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\0' -> b.append("\\0");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
