package com.ja4.workstation.data.warehouse;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The few SQL pieces that differ between ClickHouse and DuckDB. Every query family is
 * written once against this interface.
 */
public interface Dialect {

    String name();

    /** Fully qualified table reference; the database name is already whitelisted. */
    String table(DatabaseNames dbs, com.ja4.workstation.data.schema.Table table);

    /** Start of the hour of a DateTime expression. */
    String hourBucket(String column);

    /** Exact count of distinct values. */
    String distinctCount(String column);

    /** Address text as the analyst reads it (IPv4 clients without ::ffff:). */
    String ipDisplay(String column);

    /**
     * Sort key of an IPv6 column in address order (IPv4 clients by their numeric address, before
     * real IPv6 clients), the same on both engines so that pages agree.
     */
    String ipSortKey(String column);

    /**
     * Sort key of an IPv4 column (http_logs.src_ip) in numeric address order, the same on both
     * engines: ClickHouse compares IPv4 as a number, DuckDB holds the dotted text.
     */
    String ipv4SortKey(String column);

    /** IP column as text the way snapshots store it (IPv6 columns: ::ffff:a.b.c.d for IPv4 clients). */
    String ipText(String column);

    /** DateTime column as epoch seconds (BIGINT), free of any time zone (snapshot export). */
    String epochSeconds(String column);

    /** Predicate: an IPv6 column equals the bound address text ({@code ClientIp.v6Text}). */
    String ipv6Equals(String column);

    /** Predicate: an IPv6 column is one of {@code n} bound address texts ({@code ClientIp.v6Text}). */
    default String ipv6In(String column, int n) {
        if (n < 1) throw new IllegalArgumentException("at least one address");
        return "(" + String.join(" OR ", java.util.Collections.nCopies(n, ipv6Equals(column))) + ")";
    }

    /**
     * Predicate: an IPv6 column is one of {@code n} bound address texts, as one IN list (a filter
     * over thousands of clients; an OR chain of that length is slow to plan).
     */
    default String ipv6InList(String column, int n) {
        if (n < 1) throw new IllegalArgumentException("at least one address");
        return column + " IN (" + String.join(", ", java.util.Collections.nCopies(n, ipv6Value())) + ")";
    }

    /** Predicate: the IPv4 column of http_logs is one of {@code n} bound address texts. */
    default String ipv4InList(String column, int n) {
        if (n < 1) throw new IllegalArgumentException("at least one address");
        return "(" + String.join(" OR ", java.util.Collections.nCopies(n, ipv4Equals(column))) + ")";
    }

    /** CREATE TABLE IF NOT EXISTS for a table the workstation creates itself (soc_feedback). */
    default String createTableIfMissing(DatabaseNames dbs, com.ja4.workstation.data.schema.Table table) {
        return table.duckDbDdl();
    }

    /** Placeholder for a bound IPv6 address text in an INSERT ... VALUES list. */
    default String ipv6Value() {
        return "?";
    }

    /** Predicate: an IPv4 column equals the bound dotted-quad text. */
    String ipv4Equals(String column);

    /** ISO day of week, 1 = Monday ... 7 = Sunday. */
    String dayOfWeek(String column);

    /** Hour of day 0-23. */
    String hourOfDay(String column);

    /** Placeholder for a bound timestamp (paired with {@link #bindTime}). */
    String timeParam();

    void bindTime(PreparedStatement ps, int index, Instant time) throws SQLException;

    /** Case-sensitive LIKE with backslash as escape character. */
    String like(String expression);

    /** Any value of the group (the pipeline writes one ASN/country per IP, so any is enough). */
    String anyValue(String column);

    /** Population variance. */
    String varPop(String expression);

    /** Converts a DateTime read from a result set into an Instant (UTC). */
    Instant readTime(java.sql.ResultSet rs, String column) throws SQLException;
}
