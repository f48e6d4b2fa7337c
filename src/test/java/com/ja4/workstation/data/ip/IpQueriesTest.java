package com.ja4.workstation.data.ip;

import static com.ja4.workstation.testing.RawRows.*;
import static org.junit.jupiter.api.Assertions.*;

import com.ja4.workstation.data.warehouse.QueryContext;
import com.ja4.workstation.domain.ClientIp;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.ip.FeatureWindow;
import com.ja4.workstation.domain.ip.RadarBaselines;
import com.ja4.workstation.domain.ip.Recurrence;
import com.ja4.workstation.domain.ip.TcpTuple;
import com.ja4.workstation.domain.table.Detection;
import com.ja4.workstation.domain.table.HttpLog;
import com.ja4.workstation.domain.table.Score;
import com.ja4.workstation.service.Workspace;
import com.ja4.workstation.service.ip.IpAnalysis;
import com.ja4.workstation.service.ip.RadarAxis;
import com.ja4.workstation.service.os.OsLookup;
import com.ja4.workstation.service.source.SnapshotOpener;
import com.ja4.workstation.testing.DemoSnapshots;
import com.ja4.workstation.testing.RawRows;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The IP drill-down returns exactly one client's rows, for IPv4 and real IPv6 clients, checked against raw rows in Java. */
class IpQueriesTest {

    static Workspace ws;
    static TimeWindow w;
    static IpQueries q;
    static final QueryContext ctx = QueryContext.create();
    static List<Map<String, Object>> detections, scores, features, http, recurrence, agg;
    static ClientIp v4, v6;

    @BeforeAll
    static void open() throws Exception {
        ws = SnapshotOpener.open(DemoSnapshots.defaultDemo());
        w = new TimeWindow(ws.session().latestAsOf(), Duration.ofHours(24));
        q = new IpQueries(ws.session().warehouse());
        detections = RawRows.all(ws, "ml_detected_anomalies");
        scores = RawRows.all(ws, "ml_all_scores");
        features = RawRows.all(ws, "view_ai_features_1h");
        http = RawRows.all(ws, "http_logs");
        recurrence = RawRows.all(ws, "view_ip_recurrence");
        agg = RawRows.all(ws, "agg_host_ip_ja4_1h");
        // the IPv4 client with most detections; an IPv6 client (not ::ffff:) that has scored windows
        v4 = ClientIp.fromColumn(detections.stream().filter(r -> str(r, "src_ip").startsWith("::ffff:"))
                .collect(Collectors.groupingBy(r -> str(r, "src_ip"), Collectors.counting())).entrySet().stream()
                .max(Map.Entry.comparingByValue()).orElseThrow().getKey());
        Set<String> population = RawRows.all(ws, "demo_population").stream().map(r -> str(r, "src_ip"))
                .filter(s -> !s.startsWith("::ffff:")).collect(Collectors.toSet());
        assertFalse(population.isEmpty(), "demo has real IPv6 clients");
        String six = scores.stream().map(r -> str(r, "src_ip")).filter(population::contains)
                .filter(s -> detections.stream().anyMatch(d -> str(d, "src_ip").equals(s)))
                .findFirst().orElseGet(() -> scores.stream().map(r -> str(r, "src_ip")).filter(population::contains).findFirst().orElseThrow());
        v6 = ClientIp.fromColumn(six);
        assertTrue(v4.v4());
        assertFalse(v6.v4());
    }

    @AfterAll
    static void close() {
        ws.close();
    }

    static boolean inWindow(Map<String, Object> r, String col) {
        Instant t = time(r, col);
        return !t.isBefore(w.from()) && t.isBefore(w.asOf());
    }

    @Test
    void detectionsAndScoresAreExactlyTheClientsRows() throws Exception {
        for (ClientIp ip : List.of(v4, v6)) {
            Set<String> want = detections.stream().filter(r -> str(r, "src_ip").equals(ip.v6Text()) && inWindow(r, "detected_at"))
                    .map(r -> time(r, "detected_at") + "|" + str(r, "model_name") + "|" + str(r, "ja4") + "|" + num(r, "anomaly_score"))
                    .collect(Collectors.toSet());
            List<Detection> got = q.detections(ip, w, ctx);
            assertEquals(want, got.stream().map(d -> d.detectedAt() + "|" + d.modelName() + "|" + d.ja4() + "|" + d.anomalyScore())
                    .collect(Collectors.toSet()), ip.display());
            assertEquals(want.size(), got.size());
            assertTrue(got.stream().allMatch(d -> d.ip().equals(ip.display())));

            long wantScores = scores.stream().filter(r -> str(r, "src_ip").equals(ip.v6Text()) && inWindow(r, "detected_at")).count();
            List<Score> gotScores = q.scores(ip, w, ctx);
            assertEquals(wantScores, gotScores.size(), ip.display());
            assertTrue(gotScores.stream().allMatch(s -> s.ip().equals(ip.display())));
        }
        assertFalse(q.detections(v4, w, ctx).isEmpty(), "the IPv4 client has detections");
        assertFalse(q.scores(v6, w, ctx).isEmpty(), "the IPv6 client has scores");
    }

    @Test
    void httpLogsForIpv4OnlyAndNeverForAnIpv6Client() throws Exception {
        List<Map<String, Object>> want = http.stream().filter(r -> str(r, "src_ip").equals(v4.display()) && inWindow(r, "time"))
                .sorted(Comparator.comparing((Map<String, Object> r) -> time(r, "time")).reversed()).toList();
        assertFalse(want.isEmpty());
        List<HttpLog> got = q.httpLogs(v4, w, 100_000, ctx);
        assertEquals(want.size(), got.size());
        assertTrue(got.stream().allMatch(h -> h.ip().equals(v4.display())));
        assertEquals(time(want.get(0), "time"), got.get(0).time(), "most recent first");
        List<HttpLog> limited = q.httpLogs(v4, w, 5, ctx);
        assertEquals(Math.min(5, want.size()), limited.size());
        assertTrue(q.httpLogs(v6, w, 100_000, ctx).isEmpty(), "an IPv6 client never matches IPv4 rows (e.g. 0.0.0.0)");
    }

    @Test
    void featureWindowsLatestFirstAndRecurrence() throws Exception {
        for (ClientIp ip : List.of(v4, v6)) {
            List<Map<String, Object>> want = features.stream()
                    .filter(r -> str(r, "src_ip").equals(ip.v6Text()) && inWindow(r, "window_start")).toList();
            List<FeatureWindow> got = q.featureWindows(ip, w, ctx);
            assertEquals(want.size(), got.size(), ip.display());
            assertFalse(got.isEmpty());
            Instant latest = want.stream().map(r -> time(r, "window_start")).max(Comparator.naturalOrder()).orElseThrow();
            assertEquals(latest, got.get(0).windowStart(), "default window is the latest");
            for (int i = 1; i < got.size(); i++) assertFalse(got.get(i).windowStart().isAfter(got.get(i - 1).windowStart()));

            Map<String, Object> rec = recurrence.stream().filter(r -> str(r, "src_ip").equals(ip.v6Text())).findFirst().orElseThrow();
            Recurrence r = q.recurrence(ip, ctx).orElseThrow();
            assertEquals((long) num(rec, "recurrence"), r.recurrence());
            assertEquals((long) num(rec, "distinct_hosts"), r.distinctHosts());
        }
    }

    @Test
    void tcpTuplesAndVerdicts() throws Exception {
        for (ClientIp ip : List.of(v4, v6)) {
            Instant from = w.from().minus(IpQueries.TCP_LOOKBACK);
            List<Map<String, Object>> want = agg.stream().filter(r -> str(r, "src_ip").equals(ip.v6Text())
                    && !time(r, "window_start").isBefore(from) && time(r, "window_start").isBefore(w.asOf())).toList();
            List<TcpTuple> got = q.tcpTuples(ip, w, ctx);
            assertEquals(want.stream().mapToLong(r -> (long) num(r, "hits")).sum(), got.stream().mapToLong(TcpTuple::hits).sum());
            assertEquals(want.stream().map(r -> num(r, "tcp_ttl_raw") + "/" + num(r, "tcp_win_raw") + "/" + num(r, "tcp_scale_raw")
                    + "/" + num(r, "tcp_mss_raw")).distinct().count(), got.size());
            assertFalse(IpAnalysis.tcp(got).isEmpty());
            assertNotNull(IpAnalysis.tcp(got).get(0).verdict());
            assertFalse(IpAnalysis.tcp(got).get(0).verdict().reasons().isEmpty());
        }
        var page = OsLookup.verdicts(ws.session().warehouse(), w, List.of(v4.display(), v6.display()), ctx);
        assertEquals(Set.of(v4.display(), v6.display()), page.keySet());
    }

    @Test
    void radarBaselinesAreTheAveragesAndScalingIsComparable() throws Exception {
        RadarBaselines b = q.radarBaselines(w, ctx);
        List<Map<String, Object>> inW = features.stream().filter(r -> inWindow(r, "window_start")).toList();
        List<Map<String, Object>> human = inW.stream().filter(r -> str(r, "asn_label").equals("human")).toList();
        List<Map<String, Object>> dc = inW.stream().filter(r -> Set.of("datacenter", "hosting").contains(str(r, "asn_label"))).toList();
        assertEquals(human.size(), b.humanWindows());
        assertEquals(dc.size(), b.datacenterWindows());
        for (String f : IpQueries.RADAR_FEATURES) {
            assertEquals(human.stream().mapToDouble(r -> num(r, f)).average().orElseThrow(), b.human().get(f), 1e-9, f);
            assertEquals(dc.stream().mapToDouble(r -> num(r, f)).average().orElseThrow(), b.datacenter().get(f), 1e-9, f);
        }
        FeatureWindow latest = q.featureWindows(v4, w, ctx).get(0);
        List<RadarAxis> axes = IpAnalysis.radar(latest, b);
        assertEquals(8, axes.size());
        for (RadarAxis a : axes) {
            assertEquals(latest.feature(a.feature()), a.ip(), 0);
            for (double v : new double[] {a.ipScaled(), a.humanScaled(), a.datacenterScaled()}) assertTrue(v >= 0 && v <= 1 + 1e-12);
            double max = Math.max(a.ipScaled(), Math.max(a.humanScaled(), a.datacenterScaled()));
            if (a.bound() != 1 || max > 0) assertEquals(1.0, max, 1e-12, "largest of the three reaches the rim: " + a.feature());
        }
    }

    @Test
    void knownAsnOrg() throws Exception {
        String asn = str(detections.stream().filter(r -> inWindow(r, "detected_at") && !str(r, "asn_org").isEmpty()).findFirst().orElseThrow(), "asn_org");
        assertTrue(q.isKnownAsnOrg(asn, w, ctx));
        assertFalse(q.isKnownAsnOrg(asn + "' OR 1=1 --", w, ctx));
        assertEquals(new HashSet<>(List.of()), new HashSet<>(q.httpLogs(v6, w, 10, ctx)));
    }
}
