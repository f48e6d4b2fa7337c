package com.ja4.workstation.data.clickhouse;

import static com.ja4.workstation.testing.RowCompare.assertSameRows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ja4.workstation.data.analytics.BehaviorQueries;
import com.ja4.workstation.data.analytics.BrowserQueries;
import com.ja4.workstation.data.analytics.FeatureQueries;
import com.ja4.workstation.data.analytics.FingerprintQueries;
import com.ja4.workstation.data.analytics.GeoQueries;
import com.ja4.workstation.data.analytics.HeatmapQueries;
import com.ja4.workstation.data.analytics.Ja4ProfileQueries;
import com.ja4.workstation.data.analytics.ModelQueries;
import com.ja4.workstation.data.cluster.ClusterFeatureQueries;
import com.ja4.workstation.data.demo.DemoOptions;
import com.ja4.workstation.data.detections.DetectionTable;
import com.ja4.workstation.data.feedback.FeedbackQueries;
import com.ja4.workstation.data.ip.IpQueries;
import com.ja4.workstation.data.overview.OverviewQueries;
import com.ja4.workstation.data.schema.WarehouseSchema;
import com.ja4.workstation.data.scores.ScoreTable;
import com.ja4.workstation.data.table.PagedTable;
import com.ja4.workstation.data.table.TableSpec;
import com.ja4.workstation.data.traffic.TrafficTable;
import com.ja4.workstation.data.warehouse.DatabaseNames;
import com.ja4.workstation.data.warehouse.DuckDbDialect;
import com.ja4.workstation.data.warehouse.DuckDbSource;
import com.ja4.workstation.data.warehouse.QueryContext;
import com.ja4.workstation.data.warehouse.Warehouse;
import com.ja4.workstation.domain.ClientIp;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.analytics.BehaviorFeature;
import com.ja4.workstation.domain.analytics.Bins;
import com.ja4.workstation.domain.analytics.Ja4Source;
import com.ja4.workstation.domain.cluster.FeatureRow;
import com.ja4.workstation.domain.feedback.Classification;
import com.ja4.workstation.domain.feedback.FeedbackEntry;
import com.ja4.workstation.domain.table.Detection;
import com.ja4.workstation.domain.table.HttpLog;
import com.ja4.workstation.domain.table.Score;
import com.ja4.workstation.domain.table.SortOrder;
import com.ja4.workstation.domain.table.TableFilter;
import com.ja4.workstation.service.Workspace;
import com.ja4.workstation.service.os.OsLookup;
import com.ja4.workstation.service.source.SnapshotOpener;
import com.ja4.workstation.testing.ChdbServer;
import com.ja4.workstation.testing.DemoSnapshots;
import com.ja4.workstation.testing.RowCompare;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every query family of the ClickHouse dialect, through the real driver (clickhouse-jdbc over
 * HTTP) on a real ClickHouse engine (chDB) holding the production DDL, compared row by row with
 * the same query on the DuckDB snapshot of the same data. The JVM runs in a zone that is not UTC
 * and not a whole hour away (Asia/Kolkata, +05:30) so that any time-zone leak shows.
 */
class ClickHouseConformanceTest {

    private static final QueryContext CTX = QueryContext.create();
    private static ChdbServer server;
    private static Warehouse ch;
    private static Workspace duck;
    private static TimeZone saved;

    @BeforeAll
    static void setUp() throws Exception {
        server = ChdbServer.demo();
        saved = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kolkata"));
        ch = server.warehouse();
        duck = SnapshotOpener.open(DemoSnapshots.defaultDemo());
    }

    @AfterAll
    static void tearDown() {
        if (saved != null) TimeZone.setDefault(saved);
        if (duck != null) duck.close();
    }

    static Stream<TimeWindow> windows() {
        Instant asOf = DemoOptions.DEFAULT_AS_OF;
        return Stream.of(new TimeWindow(asOf, Duration.ofHours(24)), new TimeWindow(asOf, Duration.ofHours(6)),
                // an as-of off the hour: partial first and last buckets
                new TimeWindow(asOf.minusSeconds(2 * 3600 + 17 * 60 + 23), Duration.ofHours(9)));
    }

    @ParameterizedTest
    @MethodSource("windows")
    void overviewQueries(TimeWindow w) throws Exception {
        OverviewQueries c = new OverviewQueries(ch);
        OverviewQueries d = new OverviewQueries(duck.session().warehouse());
        assertEquals(d.detectionCount(w, CTX), c.detectionCount(w, CTX), "detectionCount");
        assertTrue(c.detectionCount(w, CTX) > 0, "the fixture has detections in the window");
        assertEquals(d.scoredCount(w, CTX), c.scoredCount(w, CTX), "scoredCount");
        assertEquals(d.trafficCount(w, CTX), c.trafficCount(w, CTX), "trafficCount");
        assertEquals(d.uniqueDetectedIps(w, CTX), c.uniqueDetectedIps(w, CTX), "uniqueDetectedIps");
        assertSameRows("threatDistribution", d.threatDistribution(w, CTX), c.threatDistribution(w, CTX));
        assertSameRows("topIps", d.topIps(w, 25, CTX), c.topIps(w, 25, CTX));
        assertSameRows("hourlyDetections", d.hourlyDetections(w, CTX), c.hourlyDetections(w, CTX));
        assertSameRows("scoresPerModel", d.scoresPerModel(w, CTX), c.scoresPerModel(w, CTX));
        assertSameRows("browserFamilies", d.browserFamilies(w, CTX), c.browserFamilies(w, CTX));
    }

    record HourDay(long hour, long day, long n, double var) {
    }

    record IpCount(String ip, long n) {
    }

    /** The dialect functions that views of other families use: calendar in UTC, IP match and display, variance. */
    @ParameterizedTest
    @MethodSource("windows")
    void dialectFunctions(TimeWindow w) throws Exception {
        for (String table : List.of("ml_detected_anomalies")) {
            List<List<?>> results = new ArrayList<>();
            for (Warehouse wh : List.of(duck.session().warehouse(), ch)) {
                var d = wh.dialect();
                var t = wh.table(com.ja4.workstation.data.schema.WarehouseSchema.DETECTED_ANOMALIES_TABLE);
                var sql = com.ja4.workstation.data.warehouse.Sql.builder()
                        .sql("SELECT " + d.hourOfDay("detected_at") + " AS h, " + d.dayOfWeek("detected_at") + " AS dw, count(*) AS n, "
                                + d.varPop("anomaly_score") + " AS v FROM " + t + " WHERE detected_at >= ").time(d, w.from())
                        .sql(" AND detected_at < ").time(d, w.asOf()).sql(" GROUP BY h, dw ORDER BY h, dw").build();
                results.add(wh.query(sql, rs -> new HourDay(rs.getLong("h"), rs.getLong("dw"), rs.getLong("n"), rs.getDouble("v")), CTX));
            }
            assertSameRows("hour/day of " + table, results.get(0), results.get(1));
        }
        // IP predicates: an IPv4 client in the IPv6 and IPv4 columns, and a real IPv6 client
        List<IpCount> ipsDuck = new ArrayList<>();
        List<IpCount> ipsCh = new ArrayList<>();
        // a real IPv6 client of the demo (any; the generator decides which) and the top IPv4 client
        var dd = duck.session().warehouse().dialect();
        String v6Client = duck.session().warehouse().query(com.ja4.workstation.data.warehouse.Sql.builder().sql("SELECT DISTINCT "
                        + dd.ipDisplay("src_ip") + " AS ip FROM " + duck.session().warehouse().table(com.ja4.workstation.data.schema.WarehouseSchema.DETECTED_ANOMALIES_TABLE)
                        + " ORDER BY ip").build(), rs -> rs.getString("ip"), CTX)
                .stream().filter(ip -> ip.contains(":")).findFirst().orElseThrow();
        for (String text : List.of(v6Client, new OverviewQueries(duck.session().warehouse()).topIps(w, 1, CTX).get(0).ip())) {
            ClientIp ip = ClientIp.parse(text).orElseThrow();
            for (Warehouse wh : List.of(duck.session().warehouse(), ch)) {
                var d = wh.dialect();
                var sql = com.ja4.workstation.data.warehouse.Sql.builder().sql("SELECT " + d.ipDisplay("src_ip") + " AS ip, count(*) AS n FROM "
                        + wh.table(com.ja4.workstation.data.schema.WarehouseSchema.DETECTED_ANOMALIES_TABLE) + " WHERE " + d.ipv6Equals("src_ip"), ip.v6Text())
                        .sql(" GROUP BY src_ip").build();
                List<IpCount> r = wh.query(sql, rs -> new IpCount(rs.getString("ip"), rs.getLong("n")), CTX);
                if (ip.v4()) {
                    var logs = com.ja4.workstation.data.warehouse.Sql.builder().sql("SELECT " + d.ipv4Equals("src_ip").replace("src_ip =", "'v4' AS ip, count(*) AS n FROM "
                            + wh.table(com.ja4.workstation.data.schema.WarehouseSchema.HTTP_LOGS_TABLE) + " WHERE src_ip ="), ip.v4Text().orElseThrow()).build();
                    r = new ArrayList<>(r);
                    r.addAll(wh.query(logs, rs -> new IpCount(rs.getString("ip"), rs.getLong("n")), CTX));
                }
                (wh == ch ? ipsCh : ipsDuck).addAll(r);
            }
        }
        assertEquals(3, ipsDuck.size(), "both clients found: " + ipsDuck);
        assertSameRows("ip predicates", ipsDuck, ipsCh);
    }

    static List<TableFilter> filters() {
        List<TableFilter> f = new ArrayList<>();
        f.add(TableFilter.NONE);
        f.add(TableFilter.of(TableFilter.THREAT, "HIGH"));
        f.add(TableFilter.of(TableFilter.SEARCH, "10."));
        f.add(TableFilter.of(TableFilter.SEARCH, "shop"));
        f.add(TableFilter.of(TableFilter.SEARCH, "100%_\\"));
        f.add(TableFilter.NONE.with(TableFilter.THREAT, "CRITICAL"));
        return f;
    }

    @Test
    void detectionTableCountsPagesFacetsAndExport() throws Exception {
        PagedTable<Detection> c = new PagedTable<>(ch, DetectionTable.INSTANCE, OsLookup.enricher(ch, Detection::ip, Detection::withOs));
        PagedTable<Detection> d = new PagedTable<>(duck.session().warehouse(), DetectionTable.INSTANCE,
                OsLookup.enricher(duck.session().warehouse(), Detection::ip, Detection::withOs));
        TimeWindow w = new TimeWindow(DemoOptions.DEFAULT_AS_OF, Duration.ofHours(24));
        List<TableFilter> filters = new ArrayList<>(filters());
        // filters on facet values the data holds
        for (String key : DetectionTable.INSTANCE.facetColumns(ch.dialect()).keySet()) {
            List<String> fc = c.facet(w, key, 15, CTX);
            assertSameRows("facet " + key, d.facet(w, key, 15, CTX), fc);
            if (key.equals("threat_level") || key.equals("ja4")) assertFalse(fc.isEmpty(), "facet " + key + " has values");
        }
        String asn = d.facet(w, "asn_org", 1, CTX).get(0);
        String country = d.facet(w, "country_code", 1, CTX).get(0);
        filters.add(TableFilter.NONE.with(TableFilter.ASN_ORG, asn).with(TableFilter.COUNTRY, country));
        filters.add(TableFilter.NONE.with(TableFilter.JA4, d.facet(w, "ja4", 1, CTX).get(0)));
        filters.add(TableFilter.NONE.with(TableFilter.BOT, first(d.facet(w, "bot_name", 1, CTX))).with(TableFilter.BROWSER, first(d.facet(w, "browser_family", 1, CTX))));
        filters.add(TableFilter.NONE.with(TableFilter.THREAT, "MEDIUM").with(TableFilter.SEARCH, "1"));
        for (TableFilter f : filters) {
            assertEquals(d.count(w, f, CTX), c.count(w, f, CTX), "count " + f);
        }
        for (String key : DetectionTable.INSTANCE.sortColumns(ch.dialect()).keySet()) {
            for (boolean asc : new boolean[] {true, false}) {
                SortOrder s = new SortOrder(key, asc);
                assertSameRows("page sort " + s, d.page(w, TableFilter.NONE, s, 0, 40, CTX),
                        c.page(w, TableFilter.NONE, s, 0, 40, CTX));
            }
        }
        for (TableFilter f : filters) {
            SortOrder s = SortOrder.descending("detected_at");
            assertSameRows("page 2 " + f, d.page(w, f, s, 50, 50, CTX), c.page(w, f, s, 50, 50, CTX));
        }
        List<Detection> ec = new ArrayList<>();
        List<Detection> ed = new ArrayList<>();
        TableFilter high = TableFilter.of(TableFilter.THREAT, "HIGH");
        c.forEach(w, high, SortOrder.descending("anomaly_score"), ec::add, CTX);
        d.forEach(w, high, SortOrder.descending("anomaly_score"), ed::add, CTX);
        assertFalse(ed.isEmpty());
        assertSameRows("forEach", sorted(ed), sorted(ec));
        // the CSV export's stream: more than one lookup batch, each row with its OS label
        ec.clear();
        ed.clear();
        c.forEachEnriched(w, TableFilter.NONE, SortOrder.descending("anomaly_score"), ec::add, CTX);
        d.forEachEnriched(w, TableFilter.NONE, SortOrder.descending("anomaly_score"), ed::add, CTX);
        assertTrue(ed.size() > PagedTable.MAX_PAGE_SIZE && ed.stream().anyMatch(r -> !r.os().isEmpty()), "rows: " + ed.size());
        assertSameRows("forEachEnriched", sorted(ed), sorted(ec));
    }

    private static String first(List<String> l) {
        return l.isEmpty() ? "" : l.get(0);
    }

    private static List<Detection> sorted(List<Detection> l) {
        List<Detection> s = new ArrayList<>(l);
        s.sort(java.util.Comparator.comparing(Detection::toString));
        return s;
    }

    @ParameterizedTest
    @MethodSource("windows")
    void clusterFeatureQueries(TimeWindow w) throws Exception {
        ClusterFeatureQueries c = new ClusterFeatureQueries(ch);
        ClusterFeatureQueries d = new ClusterFeatureQueries(duck.session().warehouse());
        List<FeatureRow> fd = d.allPairs(w, CTX);
        List<FeatureRow> fc = c.allPairs(w, CTX);
        assertFalse(fd.isEmpty());
        assertSameRows("features", fd, fc);
    }

    // ---------------------------------------------------------------- families added after the first suite

    /** The three windows above and an empty one (a year before the demo data). */
    static Stream<TimeWindow> windowsWithEmpty() {
        return Stream.concat(windows(), Stream.of(new TimeWindow(DemoOptions.DEFAULT_AS_OF.minus(Duration.ofDays(365)), Duration.ofHours(24))));
    }

    private static final TimeWindow DAY = new TimeWindow(DemoOptions.DEFAULT_AS_OF, Duration.ofHours(24));

    /** The real IPv6 client of the demo. */
    private static final String IPV6_CLIENT = "2607:fb90:93a1:5ae:aaa:2f04:c2c4:fee5";

    /** Search texts: address prefix, host part, LIKE wildcards and escape, quotes. */
    private static final List<String> SEARCHES = List.of("10.", "shop", "100%_\\", "_", "%", "it's' OR 1=1 --", IPV6_CLIENT.substring(0, 9));

    /** Every sort key both directions, first page and a later page, for one paged table. */
    private static <R> void compareSorts(String what, PagedTable<R> d, PagedTable<R> c, TableSpec<R> spec, TableFilter filter)
            throws Exception {
        TimeWindow empty = windowsWithEmpty().reduce((x, y) -> y).orElseThrow();
        List<R> none = c.page(empty, filter, null, 0, 40, CTX);
        assertTrue(none.isEmpty() && d.page(empty, filter, null, 0, 40, CTX).isEmpty(), what + ": empty window, empty page");
        for (String key : spec.sortColumns(ch.dialect()).keySet()) {
            for (boolean asc : new boolean[] {true, false}) {
                SortOrder s = new SortOrder(key, asc);
                assertSameRows(what + " page sort " + s, d.page(DAY, filter, s, 0, 40, CTX), c.page(DAY, filter, s, 0, 40, CTX));
            }
        }
    }

    private static <R> void compareFacets(String what, PagedTable<R> d, PagedTable<R> c, TableSpec<R> spec, TimeWindow w)
            throws Exception {
        for (String key : spec.facetColumns(ch.dialect()).keySet()) {
            assertSameRows(what + " facet " + key + " " + w, d.facet(w, key, 15, CTX), c.facet(w, key, 15, CTX));
        }
    }

    @Test
    void scoreTableCountsPagesFacetsAndExport() throws Exception {
        PagedTable<Score> c = new PagedTable<>(ch, ScoreTable.INSTANCE, OsLookup.enricher(ch, Score::ip, Score::withOs));
        PagedTable<Score> d = new PagedTable<>(duck.session().warehouse(), ScoreTable.INSTANCE,
                OsLookup.enricher(duck.session().warehouse(), Score::ip, Score::withOs));
        for (TimeWindow w : windowsWithEmpty().toList()) compareFacets("scores", d, c, ScoreTable.INSTANCE, w);
        List<TableFilter> filters = new ArrayList<>(List.of(TableFilter.NONE, TableFilter.of(TableFilter.THREAT, "HIGH"),
                TableFilter.of(TableFilter.THREAT, "LOW").with(TableFilter.SEARCH, "shop")));
        for (String q : SEARCHES) filters.add(TableFilter.of(TableFilter.SEARCH, q));
        filters.add(TableFilter.of(TableFilter.ASN_ORG, d.facet(DAY, "asn_org", 1, CTX).get(0)));
        filters.add(TableFilter.of(TableFilter.COUNTRY, d.facet(DAY, "country_code", 1, CTX).get(0)));
        filters.add(TableFilter.of(TableFilter.JA4, d.facet(DAY, "ja4", 1, CTX).get(0)));
        filters.add(TableFilter.of(TableFilter.BROWSER, d.facet(DAY, "browser_family", 1, CTX).get(0)));
        for (TableFilter f : filters) assertEquals(d.count(DAY, f, CTX), c.count(DAY, f, CTX), "count " + f);
        for (TimeWindow w : windowsWithEmpty().toList()) {
            for (TableFilter f : filters.subList(0, 5)) assertEquals(d.count(w, f, CTX), c.count(w, f, CTX), "count " + f + " " + w);
        }
        assertTrue(d.count(DAY, TableFilter.of(TableFilter.SEARCH, IPV6_CLIENT.substring(0, 9)), CTX) > 0, "the IPv6 client is scored");
        compareSorts("scores", d, c, ScoreTable.INSTANCE, TableFilter.NONE);
        for (TableFilter f : filters) {
            SortOrder s = SortOrder.descending("detected_at");
            assertSameRows("scores page 2 " + f, d.page(DAY, f, s, 50, 50, CTX), c.page(DAY, f, s, 50, 50, CTX));
        }
        List<Score> ec = new ArrayList<>();
        List<Score> ed = new ArrayList<>();
        TableFilter high = TableFilter.of(TableFilter.THREAT, "HIGH");
        c.forEach(DAY, high, new SortOrder("src_ip", true), ec::add, CTX);
        d.forEach(DAY, high, new SortOrder("src_ip", true), ed::add, CTX);
        assertFalse(ed.isEmpty());
        assertSameRows("scores forEach", ed, ec);
    }

    @Test
    void trafficTableCountsPagesFacetsAndExport() throws Exception {
        PagedTable<HttpLog> c = new PagedTable<>(ch, TrafficTable.INSTANCE);
        PagedTable<HttpLog> d = new PagedTable<>(duck.session().warehouse(), TrafficTable.INSTANCE);
        for (TimeWindow w : windowsWithEmpty().toList()) compareFacets("traffic", d, c, TrafficTable.INSTANCE, w);
        List<TableFilter> filters = new ArrayList<>(List.of(TableFilter.NONE, TableFilter.of(TableFilter.METHOD, "POST"),
                TableFilter.of(TableFilter.METHOD, "GET").with(TableFilter.SEARCH, "/api")));
        for (String q : SEARCHES) filters.add(TableFilter.of(TableFilter.SEARCH, q));
        filters.add(TableFilter.of(TableFilter.SEARCH, "Mozilla/5.0 (Windows"));
        filters.add(TableFilter.of(TableFilter.HOST, d.facet(DAY, "host", 1, CTX).get(0)));
        filters.add(TableFilter.of(TableFilter.HTTP_VERSION, d.facet(DAY, "http_version", 1, CTX).get(0)));
        for (TableFilter f : filters) assertEquals(d.count(DAY, f, CTX), c.count(DAY, f, CTX), "count " + f);
        for (TimeWindow w : windowsWithEmpty().toList()) {
            for (TableFilter f : filters.subList(0, 5)) assertEquals(d.count(w, f, CTX), c.count(w, f, CTX), "count " + f + " " + w);
        }
        compareSorts("traffic", d, c, TrafficTable.INSTANCE, TableFilter.NONE);
        for (TableFilter f : filters) {
            SortOrder s = SortOrder.descending("time");
            assertSameRows("traffic page 2 " + f, d.page(DAY, f, s, 50, 50, CTX), c.page(DAY, f, s, 50, 50, CTX));
        }
        List<HttpLog> ec = new ArrayList<>();
        List<HttpLog> ed = new ArrayList<>();
        TableFilter post = TableFilter.of(TableFilter.METHOD, "POST");
        c.forEach(DAY, post, SortOrder.descending("path"), ec::add, CTX);
        d.forEach(DAY, post, SortOrder.descending("path"), ed::add, CTX);
        assertFalse(ed.isEmpty());
        assertSameRows("traffic forEach", ed, ec);
    }

    /** An IPv4 client with detections, the real IPv6 client, and an address without data. */
    private static List<ClientIp> ipClients() throws Exception {
        String v4 = new OverviewQueries(duck.session().warehouse()).topIps(DAY, 1, CTX).get(0).ip();
        // the real IPv6 client with the most scores in the day
        String v6 = duck.session().warehouse().first(com.ja4.workstation.data.warehouse.Sql.of("SELECT src_ip FROM ml_all_scores"
                + " WHERE NOT starts_with(src_ip, '::ffff:') GROUP BY src_ip ORDER BY count(*) DESC, src_ip LIMIT 1"),
                rs -> rs.getString(1), CTX).orElseThrow();
        return List.of(ClientIp.parse(v4).orElseThrow(), ClientIp.parse(IPV6_CLIENT).orElseThrow(), ClientIp.parse(v6).orElseThrow(),
                ClientIp.parse("198.51.100.254").orElseThrow());
    }

    @ParameterizedTest
    @MethodSource("windowsWithEmpty")
    void ipQueries(TimeWindow w) throws Exception {
        IpQueries c = new IpQueries(ch);
        IpQueries d = new IpQueries(duck.session().warehouse());
        for (ClientIp ip : ipClients()) {
            String at = " " + ip + " " + w;
            assertSameRows("detections" + at, d.detections(ip, w, CTX), c.detections(ip, w, CTX));
            assertSameRows("scores" + at, d.scores(ip, w, CTX), c.scores(ip, w, CTX));
            assertSameRows("httpLogs" + at, d.httpLogs(ip, w, 200, CTX), c.httpLogs(ip, w, 200, CTX));
            assertSameRows("featureWindows" + at, d.featureWindows(ip, w, CTX), c.featureWindows(ip, w, CTX));
            RowCompare.assertSame("recurrence" + at, d.recurrence(ip, CTX), c.recurrence(ip, CTX));
            assertSameRows("tcpTuples" + at, d.tcpTuples(ip, w, CTX), c.tcpTuples(ip, w, CTX));
        }
        if (!w.asOf().isBefore(DemoOptions.DEFAULT_AS_OF.minus(Duration.ofHours(3)))) {
            ClientIp v6 = ipClients().get(2);
            assertFalse(d.scores(v6, w, CTX).isEmpty() && d.featureWindows(v6, w, CTX).isEmpty(), "the IPv6 client has rows");
        }
        // OS verdicts of a whole page of clients at once (dialect.ipv6In)
        List<String> page = new ArrayList<>(new OverviewQueries(duck.session().warehouse()).topIps(DAY, 30, CTX).stream().map(t -> t.ip()).toList());
        page.add(IPV6_CLIENT);
        RowCompare.assertSame("OS verdicts " + w, new java.util.TreeMap<>(OsLookup.verdicts(duck.session().warehouse(), w, page, CTX)),
                new java.util.TreeMap<>(OsLookup.verdicts(ch, w, page, CTX)));
        RowCompare.assertSame("radarBaselines " + w, d.radarBaselines(w, CTX), c.radarBaselines(w, CTX));
        String asn = new PagedTable<>(duck.session().warehouse(), DetectionTable.INSTANCE).facet(DAY, "asn_org", 1, CTX).get(0);
        for (String a : List.of(asn, asn + "' OR 1=1 --", "", "%")) {
            assertEquals(d.isKnownAsnOrg(a, w, CTX), c.isKnownAsnOrg(a, w, CTX), "isKnownAsnOrg " + a + " " + w);
        }
    }

    @Test
    void feedbackReadsOnTheFixture() throws Exception {
        FeedbackQueries c = new FeedbackQueries(ch);
        FeedbackQueries d = new FeedbackQueries(duck.session().warehouse());
        List<FeedbackEntry> all = d.recent("", "", 100, CTX);
        assertFalse(all.isEmpty(), "the fixture has classifications");
        assertSameRows("recent all", all, c.recent("", "", 100, CTX));
        for (String cls : List.of("bot", "suspicious", "legitimate", "nope")) {
            for (String q : List.of("", "1", "::", "100%_\\", "_", "it's")) {
                assertSameRows("recent " + cls + " " + q, d.recent(cls, q, 100, CTX), c.recent(cls, q, 100, CTX));
            }
        }
        List<ClientIp> ips = new ArrayList<>(ipClients());
        all.stream().map(e -> ClientIp.parse(e.ip()).orElseThrow()).distinct().forEach(ips::add);
        for (ClientIp ip : ips) assertSameRows("history " + ip, d.history(ip, 50, CTX), c.history(ip, 50, CTX));
    }

    /** IPv6 texts with "::" at the start, middle and end, none, short groups, and IPv4 clients. */
    private static final List<String> IPV6_SHAPES = List.of("2001:db8::", "2001:db8::1", "2001:db8:0:1::", "2001:db8:a::",
            "2001:db8:1000::", "2a01:e34::1", "2a01:cb14::", "1::", "::2", "2a01:e34:f3e5:a750:6075:8f20:3072:3176",
            "fe80::1:2", "9.8.7.6", "10.0.0.1", "100.0.0.1", "2001:db8:0:0:1::");

    /** createTableIfMissing and the bound INSERT on both engines (scratch databases), read back the same. */
    @Test
    void feedbackInsertReadsBackTheSame() throws Exception {
        String db = "conformance_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Path dir = Files.createTempDirectory("ja4-feedback-");
        DatabaseNames names = new DatabaseNames(db, db);
        try (Warehouse duckWh = new Warehouse(DuckDbSource.open(dir.resolve("scratch.duckdb"), false), DuckDbDialect.INSTANCE,
                DatabaseNames.DEFAULT, Duration.ofSeconds(30));
             Warehouse chWh = new Warehouse(server.source(ChdbServer.PASSWORD), ch.dialect(), names, Duration.ofMinutes(2))) {
            try (var conn = server.connect(); var st = conn.createStatement()) {
                st.execute("CREATE DATABASE IF NOT EXISTS `" + db + "`");
            }
            List<List<FeedbackEntry>> written = new ArrayList<>();
            for (Warehouse wh : List.of(duckWh, chWh)) {
                FeedbackQueries q = new FeedbackQueries(wh);
                q.ensureTable(CTX);
                q.ensureTable(CTX); // twice: IF NOT EXISTS
                List<FeedbackEntry> w = new ArrayList<>();
                Instant t0 = Instant.parse("2026-03-01T23:59:58.750Z");
                w.add(q.insert(ClientIp.parse("203.0.113.7").orElseThrow(), Classification.BOT, "it's a bot'); DROP TABLE soc_feedback; --",
                        "tester", "live", t0, CTX));
                w.add(q.insert(ClientIp.parse(IPV6_CLIENT).orElseThrow(), Classification.SUSPICIOUS, "back\\slash 100% _x_ ünï \"q\"\nline",
                        "analyst ß", "snapshot", t0.plusSeconds(3), CTX));
                w.add(q.insert(ClientIp.parse("10.1.2.3").orElseThrow(), Classification.LEGITIMATE, "", "", "live", t0.plusSeconds(7200), CTX));
                // same second: the order is the IP sort key, over every shape of IPv6 text
                for (String ip : IPV6_SHAPES) {
                    w.add(q.insert(ClientIp.parse(ip).orElseThrow(), Classification.BOT, "shape", "tester", "live", t0.plusSeconds(60), CTX));
                }
                written.add(w);
            }
            assertSameRows("insert results", written.get(0), written.get(1));
            FeedbackQueries d = new FeedbackQueries(duckWh);
            FeedbackQueries c = new FeedbackQueries(chWh);
            List<FeedbackEntry> back = d.recent("", "", 100, CTX);
            assertEquals(3 + IPV6_SHAPES.size(), back.size());
            assertSameRows("read back", back, c.recent("", "", 100, CTX));
            for (String q : List.of("203.", "2607", "%", "_", "\\")) {
                assertSameRows("read back " + q, d.recent("", q, 10, CTX), c.recent("", q, 10, CTX));
            }
            for (ClientIp ip : List.of(ClientIp.parse("203.0.113.7").orElseThrow(), ClientIp.parse(IPV6_CLIENT).orElseThrow())) {
                List<FeedbackEntry> h = d.history(ip, 10, CTX);
                assertEquals(1, h.size());
                assertSameRows("history " + ip, h, c.history(ip, 10, CTX));
            }
        } finally {
            try (var conn = server.connect(); var st = conn.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS `" + db + "`");
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("windowsWithEmpty")
    void featureGeoFingerprintAndBrowserQueries(TimeWindow w) throws Exception {
        FeatureQueries fc = new FeatureQueries(ch);
        FeatureQueries fd = new FeatureQueries(duck.session().warehouse());
        assertSameRows("groupMoments " + w, fd.groupMoments(w, CTX), fc.groupMoments(w, CTX));
        for (var view : List.of(WarehouseSchema.AI_FEATURES_TABLE, WarehouseSchema.THESIS_FEATURES_TABLE)) {
            RowCompare.assertSame("totals " + view.name() + " " + w, fd.totals(view, w, CTX), fc.totals(view, w, CTX));
        }
        GeoQueries gc = new GeoQueries(ch);
        GeoQueries gd = new GeoQueries(duck.session().warehouse());
        assertSameRows("countriesByLabel " + w, gd.countriesByLabel(w, CTX), gc.countriesByLabel(w, CTX));
        assertSameRows("topAsns " + w, gd.topAsns(w, 40, CTX), gc.topAsns(w, 40, CTX));
        FingerprintQueries pc = new FingerprintQueries(ch);
        FingerprintQueries pd = new FingerprintQueries(duck.session().warehouse());
        assertSameRows("ja4Stats " + w, pd.ja4Stats(w, 60, CTX), pc.ja4Stats(w, 60, CTX));
        assertSameRows("botJa4s " + w, pd.botJa4s(w, CTX), pc.botJa4s(w, CTX));
        BrowserQueries bc = new BrowserQueries(ch);
        BrowserQueries bd = new BrowserQueries(duck.session().warehouse());
        assertSameRows("families " + w, bd.families(w, CTX), bc.families(w, CTX));
        assertEquals(bd.unknownSessions(w, CTX), bc.unknownSessions(w, CTX), "unknownSessions " + w);
        for (int per : new int[] {1, 3}) {
            assertSameRows("topJa4PerFamily " + per + " " + w, bd.topJa4PerFamily(w, per, CTX), bc.topJa4PerFamily(w, per, CTX));
        }
    }

    /**
     * The JA4 profile ("Look up JA4"): a named bot's JA4, a browser JA4 (IPv6 clients too), a JA4 of
     * the crawler only seen in some tables, and hostile or unknown text; every source combination
     * that a live server lacking a table leads to.
     */
    @ParameterizedTest
    @MethodSource("windowsWithEmpty")
    void ja4ProfileQueries(TimeWindow w) throws Exception {
        Ja4ProfileQueries c = new Ja4ProfileQueries(ch);
        Ja4ProfileQueries d = new Ja4ProfileQueries(duck.session().warehouse());
        var all = java.util.EnumSet.allOf(Ja4Source.class);
        List<java.util.Set<Ja4Source>> sourceSets = List.of(all,
                java.util.EnumSet.complementOf(java.util.EnumSet.of(Ja4Source.HTTP)),
                java.util.EnumSet.of(Ja4Source.HTTP), java.util.EnumSet.noneOf(Ja4Source.class));
        List<String> ja4s = new ArrayList<>(new FingerprintQueries(duck.session().warehouse()).botJa4s(DAY, CTX).stream().map(b -> b.ja4()).distinct().toList());
        ja4s.add("t13d1516h2_8daaf6152771_d8a2da3f94cd");
        ja4s.add("t12i070000_7d8a1f6b4c2e_000000000000");
        ja4s.addAll(List.of("x' OR 1=1 --", "%", "_", "\\", "t13d1516h2_8daaf6152771_d8a2da3f94cd' OR '1'='1", ""));
        assertFalse(d.activity(Ja4Source.DETECTIONS, DAY, ja4s.get(0), CTX).rows() == 0, "a bot JA4 with detections");
        for (String ja4 : ja4s) {
            String at = " " + ja4 + " " + w;
            for (var s : List.of(Ja4Source.DETECTIONS, Ja4Source.SCORES, Ja4Source.SESSIONS)) {
                RowCompare.assertSame("activity " + s + at, d.activity(s, w, ja4, CTX), c.activity(s, w, ja4, CTX));
            }
            RowCompare.assertSame("http" + at, d.http(w, ja4, CTX), c.http(w, ja4, CTX));
            for (var set : sourceSets) {
                String in = at + " " + set;
                assertEquals(d.distinctIps(set, w, ja4, CTX), c.distinctIps(set, w, ja4, CTX), "distinctIps" + in);
                assertSameRows("threats" + in, d.threats(set, w, ja4, CTX), c.threats(set, w, ja4, CTX));
                assertSameRows("bots" + in, d.bots(set, w, ja4, CTX), c.bots(set, w, ja4, CTX));
                assertSameRows("browserFamilies" + in, d.browserFamilies(set, w, ja4, CTX), c.browserFamilies(set, w, ja4, CTX));
                for (int limit : new int[] {3, 10}) {
                    assertSameRows("hosts " + limit + in, d.hosts(set, w, ja4, limit, CTX), c.hosts(set, w, ja4, limit, CTX));
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("windowsWithEmpty")
    void behaviorHeatmapAndModelQueries(TimeWindow w) throws Exception {
        BehaviorQueries c = new BehaviorQueries(ch);
        BehaviorQueries d = new BehaviorQueries(duck.session().warehouse());
        assertSameRows("heaviestSessions " + w, d.heaviestSessions(w, 300, CTX), c.heaviestSessions(w, 300, CTX));
        assertSameRows("namedBotSessions " + w, d.namedBotSessions(w, 100, CTX), c.namedBotSessions(w, 100, CTX));
        BehaviorQueries.FeatureRanges rd = d.ranges(w, CTX);
        RowCompare.assertSame("ranges " + w, rd, c.ranges(w, CTX));
        for (BehaviorFeature f : BehaviorFeature.HISTOGRAM) {
            double[] r = rd.ranges().getOrDefault(f, new double[] {0, 1});
            for (Bins b : List.of(Bins.covering(r[0], r[1]), new Bins(0.1, 0.3, 7))) {
                assertSameRows("histogram " + f + " " + b + " " + w, d.histogram(w, f, b, CTX), c.histogram(w, f, b, CTX));
            }
        }
        assertSameRows("heatmap " + w, new HeatmapQueries(duck.session().warehouse()).requestsByDayAndHour(w, CTX),
                new HeatmapQueries(ch).requestsByDayAndHour(w, CTX));
        assertSameRows("scoringByModel " + w, new ModelQueries(duck.session().warehouse()).scoringByModel(w, CTX),
                new ModelQueries(ch).scoringByModel(w, CTX));
    }
}
