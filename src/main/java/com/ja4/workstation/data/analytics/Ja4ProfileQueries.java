package com.ja4.workstation.data.analytics;

import static com.ja4.workstation.data.analytics.FeatureWindows.whole;

import com.ja4.workstation.data.schema.Table;
import com.ja4.workstation.data.schema.WarehouseSchema;
import com.ja4.workstation.data.warehouse.Dialect;
import com.ja4.workstation.data.warehouse.QueryContext;
import com.ja4.workstation.data.warehouse.SeveritySql;
import com.ja4.workstation.data.warehouse.Sql;
import com.ja4.workstation.data.warehouse.Warehouse;
import com.ja4.workstation.data.warehouse.WarehouseException;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.analytics.Activity;
import com.ja4.workstation.domain.analytics.HostRow;
import com.ja4.workstation.domain.analytics.HttpActivity;
import com.ja4.workstation.domain.analytics.Ja4Source;
import com.ja4.workstation.domain.analytics.SeenWith;
import com.ja4.workstation.domain.analytics.ThreatLevelRow;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One JA4's figures in a window ("Look up JA4", Fingerprints view), from every table that records
 * a JA4: detections, scored windows, 1 h sessions (view_ai_features_1h) and HTTP requests. The JA4
 * is always a bound value compared for equality, so a hostile text simply matches nothing. Methods
 * that combine tables take the {@link Ja4Source}s to read (a live server may lack one) and read
 * nothing when none applies. Each row's IP is {@code dialect.ipDisplay}, so an IPv4 client counts
 * once whether it comes from an IPv6 column or from http_logs' IPv4 column.
 */
public final class Ja4ProfileQueries {

    /** The table of each source, its time column and the columns the profile reads. */
    private record SourceTable(Table table, String timeColumn, List<String> columns) {
    }

    private static final Map<Ja4Source, SourceTable> TABLES = new EnumMap<>(Map.of(
            Ja4Source.DETECTIONS, new SourceTable(WarehouseSchema.DETECTED_ANOMALIES_TABLE, "detected_at",
                    List.of("src_ip", "ja4", "host", "hits", "threat_level", "bot_name", "browser_family")),
            Ja4Source.SCORES, new SourceTable(WarehouseSchema.ALL_SCORES_TABLE, "detected_at",
                    List.of("src_ip", "ja4", "hits", "threat_level", "browser_family")),
            Ja4Source.SESSIONS, new SourceTable(WarehouseSchema.AI_FEATURES_TABLE, "window_start",
                    List.of("src_ip", "ja4", "host", "hits", "bot_name", "browser_family")),
            Ja4Source.HTTP, new SourceTable(WarehouseSchema.HTTP_LOGS_TABLE, "time", List.of("src_ip", "ja4", "host"))));

    /** The table a source reads. */
    public static Table table(Ja4Source s) {
        return TABLES.get(s).table();
    }

    /** Every column the profile reads from the source's table, the time column first. */
    public static List<String> columns(Ja4Source s) {
        SourceTable t = TABLES.get(s);
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(t.timeColumn()), t.columns().stream()).toList();
    }

    private final Warehouse wh;
    private final Dialect d;

    public Ja4ProfileQueries(Warehouse warehouse) {
        this.wh = warehouse;
        this.d = warehouse.dialect();
    }

    /** Rows, distinct IPs, summed hits, first and last time of the JA4 in a table with a hits column (not HTTP). */
    public Activity activity(Ja4Source s, TimeWindow w, String ja4, QueryContext ctx) throws WarehouseException {
        if (s == Ja4Source.HTTP) throw new IllegalArgumentException("http_logs has no hits column: use http()");
        Sql.Builder b = Sql.builder();
        branch(b, s, "count(*) AS n, " + d.distinctCount("src_ip") + " AS ips, sum(hits) AS hit_sum, min(" + TABLES.get(s).timeColumn()
                + ") AS first_seen, max(" + TABLES.get(s).timeColumn() + ") AS last_seen", w, ja4);
        return wh.first(b.build(), rs -> {
            long n = whole(rs, "n");
            // over no rows ClickHouse answers min()/max() of a DateTime with 1970-01-01, DuckDB with NULL
            return n == 0 ? Activity.NONE
                    : new Activity(n, whole(rs, "ips"), whole(rs, "hit_sum"), d.readTime(rs, "first_seen"), d.readTime(rs, "last_seen"));
        }, ctx).orElse(Activity.NONE);
    }

    /**
     * HTTP requests of the JA4, its sessions (one per client IP, host and hour, as the 1 h feature
     * views count them), distinct IPs, first and last request. http_logs holds IPv4 clients only.
     */
    public HttpActivity http(TimeWindow w, String ja4, QueryContext ctx) throws WarehouseException {
        Sql.Builder b = Sql.builder().sql("SELECT count(*) AS sessions, sum(n) AS requests, " + d.distinctCount("src_ip")
                + " AS ips, min(f) AS first_seen, max(l) AS last_seen FROM (");
        branch(b, Ja4Source.HTTP, "src_ip, host, " + d.hourBucket("time") + " AS hr, count(*) AS n, min(time) AS f, max(time) AS l", w, ja4);
        b.sql(" GROUP BY src_ip, host, hr) AS s");
        return wh.first(b.build(), rs -> {
            long sessions = whole(rs, "sessions");
            return sessions == 0 ? HttpActivity.NONE : new HttpActivity(whole(rs, "requests"), sessions, whole(rs, "ips"),
                    d.readTime(rs, "first_seen"), d.readTime(rs, "last_seen"));
        }, ctx).orElse(HttpActivity.NONE);
    }

    /** Distinct client IPs of the JA4 over the given sources together. */
    public long distinctIps(Set<Ja4Source> sources, TimeWindow w, String ja4, QueryContext ctx) throws WarehouseException {
        if (sources.isEmpty()) return 0;
        Sql.Builder b = Sql.builder().sql("SELECT " + d.distinctCount("ip") + " AS ips FROM (");
        boolean first = true;
        for (Ja4Source s : ordered(sources)) {
            if (!first) b.sql(" UNION ALL ");
            first = false;
            branch(b, s, d.ipDisplay("src_ip") + " AS ip", w, ja4);
            b.sql(" GROUP BY src_ip");
        }
        b.sql(") AS u");
        return wh.first(b.build(), rs -> whole(rs, "ips"), ctx).orElse(0L);
    }

    /**
     * Detections and scored windows of the JA4 per threat level, most severe first (severity rank,
     * never text order); unknown level text last.
     */
    public List<ThreatLevelRow> threats(Set<Ja4Source> sources, TimeWindow w, String ja4, QueryContext ctx) throws WarehouseException {
        List<Ja4Source> use = ordered(sources).stream().filter(s -> s == Ja4Source.DETECTIONS || s == Ja4Source.SCORES).toList();
        if (use.isEmpty()) return List.of();
        Sql.Builder b = Sql.builder().sql("SELECT threat_level, sum(d_n) AS detections, sum(c_n) AS scored FROM (");
        for (int i = 0; i < use.size(); i++) {
            if (i > 0) b.sql(" UNION ALL ");
            boolean det = use.get(i) == Ja4Source.DETECTIONS;
            branch(b, use.get(i), "threat_level, " + (det ? "count(*)" : "0") + " AS d_n, " + (det ? "0" : "count(*)") + " AS c_n", w, ja4);
            b.sql(" GROUP BY threat_level");
        }
        b.sql(") AS u GROUP BY threat_level ORDER BY " + SeveritySql.rank("threat_level") + " DESC, threat_level");
        return wh.query(b.build(), rs -> new ThreatLevelRow(rs.getString("threat_level"), whole(rs, "detections"), whole(rs, "scored")), ctx);
    }

    /** Self-declared bot names seen with the JA4 (sessions, detections), most sessions first. */
    public List<SeenWith> bots(Set<Ja4Source> sources, TimeWindow w, String ja4, QueryContext ctx) throws WarehouseException {
        return seenWith("bot_name", ordered(sources).stream().filter(s -> s == Ja4Source.SESSIONS || s == Ja4Source.DETECTIONS).toList(),
                w, ja4, ctx);
    }

    /** Browser families seen with the JA4 (sessions, scored windows, detections), most sessions first. */
    public List<SeenWith> browserFamilies(Set<Ja4Source> sources, TimeWindow w, String ja4, QueryContext ctx) throws WarehouseException {
        return seenWith("browser_family", ordered(sources).stream().filter(s -> s != Ja4Source.HTTP).toList(), w, ja4, ctx);
    }

    /** {@code column} is a code constant (bot_name, browser_family), never user text. */
    private List<SeenWith> seenWith(String column, List<Ja4Source> use, TimeWindow w, String ja4, QueryContext ctx) throws WarehouseException {
        if (use.isEmpty()) return List.of();
        Sql.Builder b = Sql.builder().sql("SELECT name, sum(s_n) AS sessions, sum(c_n) AS scored, sum(d_n) AS detections, "
                + d.distinctCount("ip") + " AS ips FROM (");
        for (int i = 0; i < use.size(); i++) {
            if (i > 0) b.sql(" UNION ALL ");
            Ja4Source s = use.get(i);
            branch(b, s, column + " AS name, " + d.ipDisplay("src_ip") + " AS ip, " + countIf(s == Ja4Source.SESSIONS) + " AS s_n, "
                    + countIf(s == Ja4Source.SCORES) + " AS c_n, " + countIf(s == Ja4Source.DETECTIONS) + " AS d_n", w, ja4);
            b.sql(" AND " + column + " <> '' GROUP BY " + column + ", src_ip");
        }
        b.sql(") AS u GROUP BY name ORDER BY sessions DESC, scored DESC, detections DESC, name");
        return wh.query(b.build(), rs -> new SeenWith(rs.getString("name"), whole(rs, "sessions"), whole(rs, "scored"),
                whole(rs, "detections"), whole(rs, "ips")), ctx);
    }

    /** Hosts of the JA4 (sessions, HTTP requests, detections, distinct IPs), most sessions first, at most {@code limit}. */
    public List<HostRow> hosts(Set<Ja4Source> sources, TimeWindow w, String ja4, int limit, QueryContext ctx) throws WarehouseException {
        List<Ja4Source> use = ordered(sources).stream().filter(s -> s != Ja4Source.SCORES).toList();
        if (use.isEmpty()) return List.of();
        Sql.Builder b = Sql.builder().sql("SELECT host, sum(s_n) AS sessions, sum(r_n) AS requests, sum(d_n) AS detections, "
                + d.distinctCount("ip") + " AS ips FROM (");
        for (int i = 0; i < use.size(); i++) {
            if (i > 0) b.sql(" UNION ALL ");
            Ja4Source s = use.get(i);
            branch(b, s, "host, " + d.ipDisplay("src_ip") + " AS ip, " + countIf(s == Ja4Source.SESSIONS) + " AS s_n, "
                    + countIf(s == Ja4Source.HTTP) + " AS r_n, " + countIf(s == Ja4Source.DETECTIONS) + " AS d_n", w, ja4);
            b.sql(" GROUP BY host, src_ip");
        }
        b.sql(") AS u GROUP BY host ORDER BY sessions DESC, requests DESC, detections DESC, host LIMIT ?", limit);
        return wh.query(b.build(), rs -> new HostRow(rs.getString("host"), whole(rs, "sessions"), whole(rs, "requests"),
                whole(rs, "detections"), whole(rs, "ips")), ctx);
    }

    private static String countIf(boolean counted) {
        return counted ? "count(*)" : "0";
    }

    /** {@code SELECT select FROM table WHERE time in window AND ja4 = ?} appended to {@code b}. */
    private void branch(Sql.Builder b, Ja4Source s, String select, TimeWindow w, String ja4) {
        b.sql("SELECT " + select + " FROM " + wh.table(TABLES.get(s).table()) + " WHERE " + TABLES.get(s).timeColumn() + " >= ").time(d, w.from())
                .sql(" AND " + TABLES.get(s).timeColumn() + " < ").time(d, w.asOf()).sql(" AND ja4 = ?", ja4);
    }

    private static List<Ja4Source> ordered(Set<Ja4Source> sources) {
        return java.util.Arrays.stream(Ja4Source.values()).filter(sources::contains).toList();
    }





}
