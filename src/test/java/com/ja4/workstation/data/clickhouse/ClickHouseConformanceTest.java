package com.ja4.workstation.data.clickhouse;

import static com.ja4.workstation.testing.RowCompare.assertSameRows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ja4.workstation.data.cluster.ClusterFeatureQueries;
import com.ja4.workstation.data.cluster.FeatureRow;
import com.ja4.workstation.data.demo.DemoOptions;
import com.ja4.workstation.data.detections.Detection;
import com.ja4.workstation.data.detections.DetectionFilter;
import com.ja4.workstation.data.detections.DetectionTable;
import com.ja4.workstation.data.overview.OverviewQueries;
import com.ja4.workstation.data.table.PagedTable;
import com.ja4.workstation.data.table.SortOrder;
import com.ja4.workstation.data.warehouse.QueryContext;
import com.ja4.workstation.data.warehouse.Warehouse;
import com.ja4.workstation.domain.ClientIp;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.service.Workspace;
import com.ja4.workstation.service.source.SnapshotOpener;
import com.ja4.workstation.testing.ChdbServer;
import com.ja4.workstation.testing.DemoSnapshots;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
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
        OverviewQueries d = new OverviewQueries(duck.warehouse());
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
            for (Warehouse wh : List.of(duck.warehouse(), ch)) {
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
        for (String text : List.of("2607:fb90:93a1:5ae:aaa:2f04:c2c4:fee5", new OverviewQueries(duck.warehouse()).topIps(w, 1, CTX).get(0).ip())) {
            ClientIp ip = ClientIp.parse(text).orElseThrow();
            for (Warehouse wh : List.of(duck.warehouse(), ch)) {
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

    static List<DetectionFilter> filters() {
        List<DetectionFilter> f = new ArrayList<>();
        f.add(DetectionFilter.NONE);
        f.add(DetectionFilter.NONE.withThreatLevel("HIGH"));
        f.add(DetectionFilter.NONE.withSearch("10."));
        f.add(DetectionFilter.NONE.withSearch("shop"));
        f.add(DetectionFilter.NONE.withSearch("100%_\\"));
        f.add(new DetectionFilter("CRITICAL", "", "", "", "", "", ""));
        return f;
    }

    @Test
    void detectionTableCountsPagesFacetsAndExport() throws Exception {
        PagedTable<Detection, DetectionFilter> c = new PagedTable<>(ch, DetectionTable.INSTANCE);
        PagedTable<Detection, DetectionFilter> d = new PagedTable<>(duck.warehouse(), DetectionTable.INSTANCE);
        TimeWindow w = new TimeWindow(DemoOptions.DEFAULT_AS_OF, Duration.ofHours(24));
        List<DetectionFilter> filters = new ArrayList<>(filters());
        // filters on facet values the data holds
        for (String key : DetectionTable.INSTANCE.facetColumns(ch.dialect()).keySet()) {
            List<String> fc = c.facet(w, key, 15, CTX);
            assertSameRows("facet " + key, d.facet(w, key, 15, CTX), fc);
            if (key.equals("threat_level") || key.equals("ja4")) assertFalse(fc.isEmpty(), "facet " + key + " has values");
        }
        String asn = d.facet(w, "asn_org", 1, CTX).get(0);
        String country = d.facet(w, "country_code", 1, CTX).get(0);
        filters.add(new DetectionFilter("", "", asn, country, "", "", ""));
        filters.add(new DetectionFilter("", "", "", "", d.facet(w, "ja4", 1, CTX).get(0), "", ""));
        filters.add(new DetectionFilter("", "", "", "", "", first(d.facet(w, "bot_name", 1, CTX)), first(d.facet(w, "browser_family", 1, CTX))));
        filters.add(new DetectionFilter("MEDIUM", "1", "", "", "", "", ""));
        for (DetectionFilter f : filters) {
            assertEquals(d.count(w, f, CTX), c.count(w, f, CTX), "count " + f);
        }
        for (String key : DetectionTable.INSTANCE.sortColumns(ch.dialect()).keySet()) {
            for (boolean asc : new boolean[] {true, false}) {
                SortOrder s = new SortOrder(key, asc);
                assertSameRows("page sort " + s, d.page(w, DetectionFilter.NONE, s, 0, 40, CTX),
                        c.page(w, DetectionFilter.NONE, s, 0, 40, CTX));
            }
        }
        for (DetectionFilter f : filters) {
            SortOrder s = SortOrder.descending("detected_at");
            assertSameRows("page 2 " + f, d.page(w, f, s, 50, 50, CTX), c.page(w, f, s, 50, 50, CTX));
        }
        List<Detection> ec = new ArrayList<>();
        List<Detection> ed = new ArrayList<>();
        DetectionFilter high = DetectionFilter.NONE.withThreatLevel("HIGH");
        c.forEach(w, high, SortOrder.descending("anomaly_score"), ec::add, CTX);
        d.forEach(w, high, SortOrder.descending("anomaly_score"), ed::add, CTX);
        assertFalse(ed.isEmpty());
        assertSameRows("forEach", sorted(ed), sorted(ec));
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
        ClusterFeatureQueries d = new ClusterFeatureQueries(duck.warehouse());
        List<FeatureRow> fd = d.features(w, 100_000, CTX);
        List<FeatureRow> fc = c.features(w, 100_000, CTX);
        assertFalse(fd.isEmpty());
        assertSameRows("features", fd, fc);
        List<ClientIp> ips = fd.stream().limit(60).map(r -> ClientIp.fromColumn(r.ip())).distinct().toList();
        assertSameRows("members", d.members(w, ips, CTX), c.members(w, ips, CTX));
    }
}
