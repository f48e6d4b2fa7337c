package com.ja4.workstation.data.warehouse;

import com.ja4.workstation.data.schema.Table;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** DuckDB snapshots: one file, tables in the main schema, timestamps stored as UTC. */
public final class DuckDbDialect implements Dialect {

    public static final DuckDbDialect INSTANCE = new DuckDbDialect();

    @Override public String name() { return "DuckDB"; }

    @Override public String table(DatabaseNames dbs, Table table) { return table.name(); }

    @Override public String hourBucket(String c) { return "date_trunc('hour', " + c + ")"; }

    @Override public String distinctCount(String c) { return "count(DISTINCT " + c + ")"; }

    @Override public String ipDisplay(String c) { return "regexp_replace(" + c + ", '^::ffff:', '')"; }

    /**
     * The address as its 32 hex digits, the 16 bytes ClickHouse compares: IPv4 clients
     * (::ffff:a.b.c.d) as 00..00ffff + four hex octets, so they sort among all IPv6 addresses
     * exactly where ClickHouse puts them (after ::2, before 1::).
     */
    @Override
    public String ipSortKey(String c) {
        String v4 = "substr(" + c + ", 8)";
        StringBuilder hex = new StringBuilder("'00000000000000000000ffff'");
        for (int i = 1; i <= 4; i++) {
            hex.append(" || lpad(to_hex(CAST(split_part(").append(v4).append(", '.', ").append(i).append(") AS INTEGER)), 2, '0')");
        }
        return "(CASE WHEN starts_with(" + c + ", '::ffff:') AND contains(" + c + ", '.') THEN " + hex
                + " ELSE " + fullHex(c) + " END)";
    }

    /** IPv6 text as 32 hex digits: "::" expanded and every group zero-padded (2a01:e34:: before 2a01:cb14::). */
    private static String fullHex(String c) {
        String left = padded("split_part(" + c + ", '::', 1)");
        String right = padded("split_part(" + c + ", '::', 2)");
        return "(" + left + " || repeat('0', 32 - length(" + left + ") - length(" + right + ")) || " + right + ")";
    }

    private static String padded(String groups) {
        return "(CASE WHEN " + groups + " = '' THEN '' ELSE array_to_string(list_transform(string_split(" + groups
                + ", ':'), g -> lpad(g, 4, '0')), '') END)";
    }

    /** Dotted quad text with zero-padded octets: text order = numeric order. */
    @Override public String ipv4SortKey(String c) { return "(" + paddedOctets(c) + ")"; }

    private static String paddedOctets(String v4) {
        StringBuilder octets = new StringBuilder();
        for (int i = 1; i <= 4; i++) {
            if (i > 1) octets.append(" || '.' || ");
            octets.append("lpad(split_part(").append(v4).append(", '.', ").append(i).append("), 3, '0')");
        }
        return octets.toString();
    }

    @Override public String ipText(String c) { return c; }

    @Override public String epochSeconds(String c) { return "CAST(epoch(" + c + ") AS BIGINT)"; }

    @Override public String ipv6Equals(String c) { return c + " = ?"; }

    @Override public String ipv4Equals(String c) { return c + " = ?"; }

    @Override public String dayOfWeek(String c) { return "isodow(" + c + ")"; }

    @Override public String hourOfDay(String c) { return "hour(" + c + ")"; }

    @Override public String timeParam() { return "?"; }

    @Override
    public void bindTime(PreparedStatement ps, int index, Instant time) throws SQLException {
        ps.setObject(index, LocalDateTime.ofInstant(time, ZoneOffset.UTC));
    }

    @Override public String like(String e) { return e + " LIKE ? ESCAPE '\\'"; }

    @Override public String anyValue(String c) { return "any_value(" + c + ")"; }

    @Override public String varPop(String e) { return "var_pop(" + e + ")"; }

    @Override
    public Instant readTime(ResultSet rs, String column) throws SQLException {
        Object o = rs.getObject(column);
        if (o == null) return null;
        if (o instanceof LocalDateTime ldt) return ldt.toInstant(ZoneOffset.UTC);
        if (o instanceof Timestamp ts) return ts.toLocalDateTime().toInstant(ZoneOffset.UTC);
        return LocalDateTime.parse(o.toString().replace(' ', 'T')).toInstant(ZoneOffset.UTC);
    }
}
