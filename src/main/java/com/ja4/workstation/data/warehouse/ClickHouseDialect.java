package com.ja4.workstation.data.warehouse;

import com.ja4.workstation.data.schema.Table;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** Production ClickHouse (23.8+) through clickhouse-jdbc. Times travel as epoch seconds to avoid time-zone drift. */
public final class ClickHouseDialect implements Dialect {

    public static final ClickHouseDialect INSTANCE = new ClickHouseDialect();

    @Override public String name() { return "ClickHouse"; }

    @Override public String table(DatabaseNames dbs, Table table) { return "`" + dbs.of(table) + "`.`" + table.name() + "`"; }

    /*
     * A DateTime column without a zone is shown and truncated in the server's zone: toStartOfHour
     * on a server in Asia/Kolkata cut hours at :30 UTC. Calendar functions work on the value
     * moved to UTC (toTimeZone changes only the zone, not the instant), like the DuckDB side.
     */
    private static String utc(String c) { return "toTimeZone(" + c + ", 'UTC')"; }

    @Override public String hourBucket(String c) { return "toStartOfHour(" + utc(c) + ")"; }

    @Override public String distinctCount(String c) { return "uniqExact(" + c + ")"; }

    @Override public String ipDisplay(String c) { return "replaceRegexpOne(toString(" + c + "), '^::ffff:', '')"; }

    /** IPv6 compares as its 16 bytes: ::ffff:a.b.c.d by address, before 2xxx: addresses. */
    @Override public String ipSortKey(String c) { return c; }

    /** IPv4 compares as its UInt32 value. */
    @Override public String ipv4SortKey(String c) { return c; }

    @Override public String ipText(String c) { return "toString(" + c + ")"; }

    @Override public String epochSeconds(String c) { return "toInt64(toUnixTimestamp(" + c + "))"; }

    @Override public String ipv6Equals(String c) { return c + " = toIPv6(?)"; }

    @Override
    public String createTableIfMissing(DatabaseNames dbs, Table table) {
        return table.clickHouseDdl(dbs.of(table));
    }

    @Override public String ipv6Value() { return "toIPv6(?)"; }

    @Override public String ipv4Equals(String c) { return c + " = toIPv4(?)"; }

    @Override public String dayOfWeek(String c) { return "toDayOfWeek(" + utc(c) + ")"; }

    @Override public String hourOfDay(String c) { return "toHour(" + utc(c) + ")"; }

    @Override public String timeParam() { return "toDateTime(?, 'UTC')"; }

    @Override
    public void bindTime(PreparedStatement ps, int index, Instant time) throws SQLException {
        ps.setLong(index, time.getEpochSecond());
    }

    /** ClickHouse LIKE always treats backslash as the escape character. */
    @Override public String like(String e) { return e + " LIKE ?"; }

    @Override public String anyValue(String c) { return "any(" + c + ")"; }

    @Override public String varPop(String e) { return "varPop(" + e + ")"; }

    @Override
    public Instant readTime(ResultSet rs, String column) throws SQLException {
        // Ask for a zoned value: a java.sql.Timestamp would be re-read in the JVM's default zone
        // (an analyst in Kolkata saw every hour 5:30 early). DateTime columns are read in UTC
        // (ClickHouseSource sets use_time_zone=UTC), which is the instant whatever the server zone.
        ZonedDateTime zoned = rs.getObject(column, ZonedDateTime.class);
        if (zoned != null) return zoned.toInstant();
        Object o = rs.getObject(column);
        if (o == null) return null;
        if (o instanceof ZonedDateTime z) return z.toInstant();
        if (o instanceof OffsetDateTime z) return z.toInstant();
        if (o instanceof LocalDateTime l) return l.toInstant(ZoneOffset.UTC);
        if (o instanceof java.sql.Timestamp ts) return ts.toLocalDateTime().toInstant(ZoneOffset.UTC);
        return LocalDateTime.parse(o.toString().replace(' ', 'T')).toInstant(ZoneOffset.UTC);
    }
}
