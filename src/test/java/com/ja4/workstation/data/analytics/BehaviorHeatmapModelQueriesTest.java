package com.ja4.workstation.data.analytics;

import static org.junit.jupiter.api.Assertions.*;

import com.ja4.workstation.domain.ClientIp;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.analytics.BehaviorFeature;
import com.ja4.workstation.domain.analytics.Bins;
import com.ja4.workstation.domain.analytics.ModelScoring;
import com.ja4.workstation.domain.analytics.SessionPoint;
import com.ja4.workstation.service.Workspace;
import com.ja4.workstation.service.analytics.BehaviorService.BehaviorData;
import com.ja4.workstation.service.analytics.BehaviorService.Histogram;
import com.ja4.workstation.service.analytics.HeatmapService.Grid;
import com.ja4.workstation.service.query.QueryScope;
import com.ja4.workstation.service.source.SnapshotOpener;
import com.ja4.workstation.testing.DemoSnapshots;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Behavior, Heatmap and Models figures against computations in Java over the raw demo rows. */
class BehaviorHeatmapModelQueriesTest {

    record Session(Instant window, String ip, String ja4, String host, long hits, String asn, String bot, double[] v) { }
    record Score(Instant at, String model) { }

    static Workspace ws;
    static final List<Session> sessions = new ArrayList<>();
    static final List<Instant> traffic = new ArrayList<>();
    static final List<Score> scores = new ArrayList<>();

    @BeforeAll
    static void readRawRows() throws Exception {
        ws = SnapshotOpener.open(DemoSnapshots.defaultDemo());
        String cols = java.util.Arrays.stream(BehaviorFeature.values()).map(BehaviorFeature::column).collect(Collectors.joining(", "));
        try (Connection c = ws.session().warehouse().source().open(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT window_start, src_ip, ja4, host, hits, asn_label, bot_name, " + cols + " FROM view_ai_features_1h")) {
                while (rs.next()) {
                    double[] v = new double[BehaviorFeature.values().length];
                    for (int i = 0; i < v.length; i++) v[i] = rs.getDouble(8 + i);
                    sessions.add(new Session(at(rs, 1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                            rs.getString(6), rs.getString(7), v));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT time FROM http_logs")) {
                while (rs.next()) traffic.add(at(rs, 1));
            }
            try (ResultSet rs = s.executeQuery("SELECT detected_at, model_name FROM ml_all_scores")) {
                while (rs.next()) scores.add(new Score(at(rs, 1), rs.getString(2)));
            }
        }
        assertFalse(sessions.isEmpty());
    }

    @AfterAll
    static void close() {
        ws.close();
    }

    static Instant at(ResultSet rs, int i) throws java.sql.SQLException {
        return rs.getTimestamp(i).toLocalDateTime().toInstant(ZoneOffset.UTC);
    }

    /** The 16 bytes of an IPv6 column value (IPv4 clients mapped): the order ClickHouse sorts addresses in. */
    static byte[] addressBytes(String ip) {
        try {
            byte[] b = java.net.InetAddress.getByName(ip).getAddress(); // a literal: no DNS
            if (b.length == 16) return b;
            byte[] m = new byte[16];
            m[10] = (byte) 0xff;
            m[11] = (byte) 0xff;
            System.arraycopy(b, 0, m, 12, 4);
            return m;
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(ip, e);
        }
    }

    static boolean in(TimeWindow w, Instant t) {
        return !t.isBefore(w.from()) && t.isBefore(w.asOf());
    }

    static TimeWindow day() {
        return new TimeWindow(ws.session().latestAsOf(), Duration.ofHours(24));
    }

    @Test
    void scatterHoldsTheHeaviestSessionsWithTheirValues() {
        for (TimeWindow w : List.of(day(), new TimeWindow(ws.session().latestAsOf().minus(Duration.ofHours(6)), Duration.ofHours(6)))) {
            for (int n : List.of(500, 2000)) {
                List<SessionPoint> got = ws.behavior().heaviestSessions(w, n, QueryScope.sequential()).join();
                List<Session> expected = sessions.stream().filter(s -> in(w, s.window()))
                        .sorted(Comparator.comparingLong(Session::hits).reversed()
                                .thenComparing(Session::window, Comparator.reverseOrder())
                                .thenComparing(s -> addressBytes(s.ip()), java.util.Arrays::compareUnsigned).thenComparing(Session::ja4).thenComparing(Session::host))
                        .limit(n).toList();
                assertEquals(expected.size(), got.size());
                for (int i = 0; i < got.size(); i++) {
                    Session e = expected.get(i);
                    SessionPoint p = got.get(i);
                    assertEquals(ClientIp.displayOf(e.ip()), p.ip(), "row " + i);
                    assertEquals(e.window(), p.windowStart());
                    assertEquals(e.hits(), p.hits());
                    assertEquals(e.ja4(), p.ja4());
                    assertEquals(e.asn(), p.asnLabel());
                    assertEquals(e.bot(), p.botName());
                    for (BehaviorFeature f : BehaviorFeature.values()) assertEquals(e.v()[f.ordinal()], p.value(f), 0.0, f.column());
                }
            }
        }
    }

    @Test
    void scatterAddsTheNamedBotSessionsTheHeaviestSampleMisses() {
        TimeWindow w = day();
        List<SessionPoint> heavy = ws.behavior().heaviestSessions(w, 500, QueryScope.sequential()).join();
        List<SessionPoint> all = ws.behavior().scatter(w, 500, true, QueryScope.parallel()).join();
        assertEquals(keys(heavy), keys(all.subList(0, heavy.size())), "the heaviest sessions come first, unchanged");
        long bots = sessions.stream().filter(s -> in(w, s.window()) && !s.bot().isEmpty()).count();
        long botsInHeavy = heavy.stream().filter(SessionPoint::isNamedBot).count();
        assertEquals(Math.min(500, bots) - botsInHeavy, all.size() - heavy.size());
        assertTrue(all.subList(heavy.size(), all.size()).stream().allMatch(SessionPoint::isNamedBot));
        assertTrue(bots > 0 && all.stream().anyMatch(SessionPoint::isNamedBot));
        assertEquals(keys(heavy), keys(ws.behavior().scatter(w, 500, false, QueryScope.parallel()).join()));
        assertEquals(all.size(), new java.util.HashSet<>(keys(all)).size(), "no session twice");
    }

    static List<String> keys(List<SessionPoint> points) {
        return points.stream().map(p -> p.windowStart() + "|" + p.ip() + "|" + p.ja4() + "|" + p.host()).toList();
    }

    @Test
    void histogramsCoverEveryRowAndMatchJavaBinning() {
        TimeWindow w = day();
        BehaviorData d = ws.behavior().loadAll(w, 10, QueryScope.parallel());
        List<Session> rows = sessions.stream().filter(s -> in(w, s.window())).toList();
        assertEquals(BehaviorFeature.HISTOGRAM.size(), d.histograms().size());
        for (Histogram h : d.histograms()) {
            int k = h.feature().ordinal();
            double min = rows.stream().mapToDouble(s -> s.v()[k]).min().orElseThrow();
            double max = rows.stream().mapToDouble(s -> s.v()[k]).max().orElseThrow();
            Bins b = h.bins();
            assertTrue(b.lower(0) <= min && b.upper(b.count() - 1) >= max, h.feature() + " bins cover the range");
            assertTrue(b.count() >= 5 && b.count() <= Bins.TARGET + 2, h.feature() + ": " + b.count() + " bins");
            assertEquals(rows.size(), h.total(), h.feature() + " counts sum to the row count");
            long[] expected = new long[b.count()];
            rows.forEach(s -> expected[b.indexOf(s.v()[k])]++);
            assertArrayEquals(expected, h.counts(), h.feature().column());
        }
    }

    @Test
    void binsAreNiceAndCoverTheirRange() {
        Bins b = Bins.covering(0.0125, 9.4523);
        assertEquals(0.5, b.width(), 1e-12);
        assertEquals(0.0, b.origin(), 0.0);
        assertEquals(19, b.count());
        assertEquals(18, b.indexOf(9.4523));
        Bins unit = Bins.covering(0, 1);
        assertEquals(0.05, unit.width(), 1e-12);
        assertEquals(unit.count() - 1, unit.indexOf(1.0), "the maximum goes to the last bin");
        assertEquals(1, Bins.covering(3, 3).count());
    }

    @Test
    void heatmapCellsEqualJavaCountsByIsoDayAndHour() {
        Grid g = ws.heatmap().grid(day(), QueryScope.sequential()).join();
        TimeWindow w7 = day().lastDays(7);
        assertEquals(w7, g.window());
        long[][] expected = new long[7][24];
        traffic.stream().filter(t -> in(w7, t)).forEach(t -> {
            var z = t.atZone(ZoneOffset.UTC);
            expected[z.getDayOfWeek().getValue() - 1][z.getHour()]++;
        });
        for (int d = 0; d < 7; d++) assertArrayEquals(expected[d], g.counts()[d], "day " + (d + 1));
        assertEquals(traffic.stream().filter(t -> in(w7, t)).count(), g.total());
        assertTrue(g.total() > 0);
    }

    @Test
    void scoringCountsPerModelEqualJavaCounts() {
        TimeWindow w7 = day().lastDays(7);
        List<ModelScoring> got = ws.models().scoring(day(), QueryScope.sequential()).join();
        Map<String, List<Score>> byModel = scores.stream().filter(s -> in(w7, s.at())).collect(Collectors.groupingBy(Score::model));
        assertEquals(byModel.keySet(), got.stream().map(ModelScoring::modelName).collect(Collectors.toSet()));
        for (ModelScoring m : got) {
            List<Score> s = byModel.get(m.modelName());
            assertEquals(s.size(), m.scored(), m.modelName());
            assertEquals(s.stream().map(Score::at).min(Comparator.naturalOrder()).orElseThrow(), m.firstSeen());
            assertEquals(s.stream().map(Score::at).max(Comparator.naturalOrder()).orElseThrow(), m.lastSeen());
        }
        assertEquals(java.util.Set.of("iforest_v3", "xgb_hybrid_v2", "autoencoder_v1"), byModel.keySet());
    }

    @Test
    void aWindowBeforeTheDataIsEmptyNotAnError() {
        TimeWindow old = new TimeWindow(ws.session().latestAsOf().minus(Duration.ofDays(30)), Duration.ofHours(24));
        assertTrue(ws.behavior().heaviestSessions(old, 500, QueryScope.sequential()).join().isEmpty());
        assertTrue(ws.behavior().loadAll(old, 500, QueryScope.sequential()).histograms().stream().allMatch(h -> h.total() == 0));
        assertEquals(0, ws.heatmap().grid(old, QueryScope.sequential()).join().total());
        assertTrue(ws.models().scoring(old, QueryScope.sequential()).join().isEmpty());
    }
}
