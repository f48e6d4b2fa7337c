package com.ja4.workstation.data.overview;

import static org.junit.jupiter.api.Assertions.*;

import com.ja4.workstation.domain.ClientIp;
import com.ja4.workstation.domain.ThreatLevel;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.overview.HourCount;
import com.ja4.workstation.domain.overview.NamedCount;
import com.ja4.workstation.domain.overview.ThreatCount;
import com.ja4.workstation.domain.overview.TopIp;
import com.ja4.workstation.service.Workspace;
import com.ja4.workstation.service.overview.OverviewService.OverviewData;
import com.ja4.workstation.service.query.QueryScope;
import com.ja4.workstation.service.source.SnapshotOpener;
import com.ja4.workstation.testing.DemoSnapshots;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every Overview figure against a count made in Java over the raw rows of the same snapshot. */
class OverviewQueriesTest {

    record Det(Instant at, String ip, String threat) { }
    record Score(Instant at, String threat, String model, String browser) { }

    static Workspace ws;
    static List<Det> detections = new ArrayList<>();
    static List<Score> scores = new ArrayList<>();
    static List<Instant> traffic = new ArrayList<>();

    @BeforeAll
    static void readRawRows() throws Exception {
        ws = SnapshotOpener.open(DemoSnapshots.defaultDemo());
        try (Connection c = ws.session().warehouse().source().open(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT detected_at, src_ip, threat_level FROM ml_detected_anomalies")) {
                while (rs.next()) detections.add(new Det(at(rs, 1), rs.getString(2), rs.getString(3)));
            }
            try (ResultSet rs = s.executeQuery("SELECT detected_at, threat_level, model_name, browser_family FROM ml_all_scores")) {
                while (rs.next()) scores.add(new Score(at(rs, 1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
            try (ResultSet rs = s.executeQuery("SELECT time FROM http_logs")) {
                while (rs.next()) traffic.add(at(rs, 1));
            }
        }
        assertFalse(detections.isEmpty());
    }

    @AfterAll
    static void close() {
        ws.close();
    }

    static Instant at(ResultSet rs, int i) throws java.sql.SQLException {
        Timestamp t = rs.getTimestamp(i);
        return t.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }

    static boolean in(TimeWindow w, Instant t) {
        return !t.isBefore(w.from()) && t.isBefore(w.asOf());
    }

    @Test
    void figuresOfTheFullDayMatchIndependentCounts() {
        check(new TimeWindow(ws.session().latestAsOf(), Duration.ofHours(24)));
    }

    @Test
    void aNarrowerWindowCountsOnlyItsOwnRows() {
        TimeWindow w = new TimeWindow(ws.session().latestAsOf().minus(Duration.ofHours(5)), Duration.ofHours(6));
        check(w);
        long all = ws.overview().loadAll(new TimeWindow(ws.session().latestAsOf(), Duration.ofHours(24)), QueryScope.sequential()).kpis().detections();
        assertTrue(ws.overview().loadAll(w, QueryScope.sequential()).kpis().detections() < all);
    }

    private void check(TimeWindow w) {
        OverviewData d = ws.overview().loadAll(w, QueryScope.parallel());
        List<Det> det = detections.stream().filter(x -> in(w, x.at())).toList();
        List<Score> sc = scores.stream().filter(x -> in(w, x.at())).toList();

        assertEquals(det.size(), d.kpis().detections());
        assertEquals(sc.size(), d.kpis().scoredWindows());
        assertEquals(traffic.stream().filter(t -> in(w, t)).count(), d.kpis().traffic());
        assertEquals(det.stream().map(Det::ip).distinct().count(), d.kpis().uniqueIps());
        assertEquals(sc.stream().filter(s -> s.threat().equals("CRITICAL")).count(), d.kpis().critical());
        assertEquals(sc.stream().filter(s -> s.threat().equals("HIGH")).count(), d.kpis().high());
        assertEquals(sc.stream().filter(s -> s.threat().equals("LEGITIMATE_BROWSER")).count(), d.kpis().legitimateBrowsers());

        Map<String, Long> threats = sc.stream().collect(Collectors.groupingBy(Score::threat, Collectors.counting()));
        assertEquals(threats, d.threats().stream().collect(Collectors.toMap(ThreatCount::threatLevel, ThreatCount::count)));
        assertEquals(count(sc, Score::model), d.models().stream().collect(Collectors.toMap(NamedCount::name, NamedCount::count)));
        assertEquals(count(sc.stream().filter(s -> !s.browser().isEmpty()).toList(), Score::browser),
                d.browsers().stream().collect(Collectors.toMap(NamedCount::name, NamedCount::count)));

        Map<Instant, Long> perHour = det.stream().collect(Collectors.groupingBy(x -> x.at().truncatedTo(ChronoUnit.HOURS), Collectors.counting()));
        d.timeline().forEach(h -> assertEquals(perHour.getOrDefault(h.hour(), 0L), h.count(), "hour " + h.hour()));
        assertEquals(det.size(), d.timeline().stream().mapToLong(HourCount::count).sum());
        assertEquals(w.length().toHours(), d.timeline().size());

        checkTopIps(det, d.topIps());
    }

    private void checkTopIps(List<Det> det, List<TopIp> top) {
        Map<String, List<Det>> byIp = det.stream().collect(Collectors.groupingBy(x -> ClientIp.displayOf(x.ip())));
        assertFalse(top.isEmpty());
        int previousSeverity = Integer.MAX_VALUE;
        long previousCount = Long.MAX_VALUE;
        for (TopIp t : top) {
            List<Det> rows = byIp.get(t.ip());
            assertNotNull(rows, "top IP shown without detections: " + t.ip());
            assertEquals(rows.size(), t.detections());
            int worst = rows.stream().mapToInt(r -> ThreatLevel.parse(r.threat()).orElseThrow().severity()).max().orElseThrow();
            assertEquals(ThreatLevel.ofSeverity(worst), t.worstThreat(), "worst threat by severity for " + t.ip());
            int sev = t.worstThreat().severity();
            assertTrue(sev < previousSeverity || (sev == previousSeverity && t.detections() <= previousCount), "order by severity then count");
            previousSeverity = sev;
            previousCount = t.detections();
        }
        // no IP left out has a worse threat than the last one shown
        int lastSeverity = top.get(top.size() - 1).worstThreat().severity();
        var shown = new HashSet<>(top.stream().map(TopIp::ip).toList());
        byIp.forEach((ip, rows) -> {
            if (!shown.contains(ip)) {
                int worst = rows.stream().mapToInt(r -> ThreatLevel.parse(r.threat()).orElseThrow().severity()).max().orElseThrow();
                assertTrue(worst <= lastSeverity, ip + " is worse than the top list");
            }
        });
    }

    private static <T> Map<String, Long> count(List<T> rows, Function<T, String> key) {
        Map<String, Long> m = new HashMap<>();
        rows.forEach(r -> m.merge(key.apply(r), 1L, Long::sum));
        return m;
    }
}
