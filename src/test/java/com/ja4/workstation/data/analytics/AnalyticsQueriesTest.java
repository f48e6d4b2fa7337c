package com.ja4.workstation.data.analytics;

import static org.junit.jupiter.api.Assertions.*;

import com.ja4.workstation.data.schema.WarehouseSchema;
import com.ja4.workstation.domain.Ja4;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.analytics.AsnRow;
import com.ja4.workstation.domain.analytics.CountryLabel;
import com.ja4.workstation.domain.analytics.FamilyJa4;
import com.ja4.workstation.domain.analytics.FamilyRow;
import com.ja4.workstation.domain.analytics.ViewTotals;
import com.ja4.workstation.service.Workspace;
import com.ja4.workstation.service.analytics.FeaturesService;
import com.ja4.workstation.service.analytics.FeaturesService.FeatureComparison;
import com.ja4.workstation.service.analytics.FeaturesService.Importance;
import com.ja4.workstation.service.analytics.FeaturesService.ProfileRow;
import com.ja4.workstation.service.analytics.FingerprintsService.BotJa4Row;
import com.ja4.workstation.service.analytics.FingerprintsService.Ja4Row;
import com.ja4.workstation.service.analytics.GeoService;
import com.ja4.workstation.service.analytics.GeoService.CountryBreakdown;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every figure of the Features, Geo, Fingerprints and Browsers views against a computation made
 * in Java over the raw rows of view_ai_features_1h / view_thesis_features_1h of the demo snapshot.
 */
class AnalyticsQueriesTest {

    record Row(Instant start, String ip, String ja4, long hits, Map<String, Double> f, String label, String org,
               String country, String bot, String browser) {
        double get(String feature) {
            return feature.equals("hits") ? hits : f.get(feature);
        }
    }

    static Workspace ws;
    static final List<Row> ai = new ArrayList<>();
    static final List<Row> thesis = new ArrayList<>();
    static final double EPS = 1e-9;

    @BeforeAll
    static void readRawRows() throws Exception {
        ws = SnapshotOpener.open(DemoSnapshots.defaultDemo());
        try (Connection c = ws.session().warehouse().source().open(); Statement s = c.createStatement()) {
            read(s, "view_ai_features_1h", ai);
            read(s, "view_thesis_features_1h", thesis);
        }
        assertFalse(ai.isEmpty());
    }

    private static void read(Statement s, String view, List<Row> into) throws Exception {
        String feats = String.join(", ", WarehouseSchema.BEHAVIOUR_FEATURES);
        try (ResultSet rs = s.executeQuery("SELECT window_start, src_ip, ja4, hits, " + feats
                + ", asn_label, asn_org, country_code, bot_name, browser_family FROM " + view)) {
            while (rs.next()) {
                Map<String, Double> f = new HashMap<>();
                for (String n : WarehouseSchema.BEHAVIOUR_FEATURES) f.put(n, rs.getDouble(n));
                into.add(new Row(rs.getTimestamp(1).toLocalDateTime().toInstant(ZoneOffset.UTC), rs.getString(2), rs.getString(3),
                        rs.getLong(4), f, rs.getString("asn_label"), rs.getString("asn_org"), rs.getString("country_code"),
                        rs.getString("bot_name"), rs.getString("browser_family")));
            }
        }
    }

    @AfterAll
    static void close() {
        ws.close();
    }

    static TimeWindow day() {
        return new TimeWindow(ws.session().latestAsOf(), Duration.ofHours(24));
    }

    static List<Row> in(List<Row> rows, TimeWindow w) {
        return rows.stream().filter(r -> !r.start().isBefore(w.from()) && r.start().isBefore(w.asOf())).toList();
    }

    static double avg(List<Row> rows, ToDoubleFunction<Row> v) {
        return rows.stream().mapToDouble(v).average().orElse(Double.NaN);
    }

    static void close(double expected, double actual, String what) {
        assertEquals(expected, actual, EPS * Math.max(1, Math.abs(expected)), what);
    }

    // ---------------------------------------------------------------- Features

    @Test
    void profilesAreTheAveragesOfHumanAndOfDatacenterOrHostingWindows() {
        for (TimeWindow w : List.of(day(), new TimeWindow(ws.session().latestAsOf().minus(Duration.ofHours(3)), Duration.ofHours(6)))) {
            List<Row> rows = in(ai, w);
            List<Row> human = rows.stream().filter(r -> r.label().equals("human")).toList();
            List<Row> bot = rows.stream().filter(r -> r.label().equals("datacenter") || r.label().equals("hosting")).toList();
            assertFalse(human.isEmpty());
            assertFalse(bot.isEmpty());
            FeatureComparison c = ws.analytics().features().comparison(w, QueryScope.parallel()).join();
            assertEquals(human.size(), c.humanWindows());
            assertEquals(bot.size(), c.botWindows());
            assertEquals(FeatureQueries.PROFILE_FEATURES, c.profile().stream().map(ProfileRow::feature).toList());
            for (ProfileRow p : c.profile()) {
                close(avg(human, r -> r.get(p.feature())), p.human(), "human " + p.feature());
                close(avg(bot, r -> r.get(p.feature())), p.bot(), "bot " + p.feature());
            }
        }
    }

    @Test
    void importanceIsCohensDWithPooledSampleSdSortedDescending() {
        TimeWindow w = day();
        List<Row> rows = in(ai, w);
        List<Row> human = rows.stream().filter(r -> r.label().equals("human")).toList();
        List<Row> bot = rows.stream().filter(r -> r.label().equals("datacenter") || r.label().equals("hosting")).toList();
        FeatureComparison c = ws.analytics().features().comparison(w, QueryScope.parallel()).join();
        Set<String> seen = new HashSet<>(c.undefinedImportance());
        for (Importance i : c.importance()) {
            seen.add(i.feature());
            double mh = avg(human, r -> r.get(i.feature()));
            double mb = avg(bot, r -> r.get(i.feature()));
            double ssh = human.stream().mapToDouble(r -> Math.pow(r.get(i.feature()) - mh, 2)).sum();
            double ssb = bot.stream().mapToDouble(r -> Math.pow(r.get(i.feature()) - mb, 2)).sum();
            double sd = Math.sqrt((ssh + ssb) / (human.size() + bot.size() - 2));
            double expected = sd == 0 ? 0 : Math.abs(mb - mh) / sd;
            assertEquals(expected, i.effectSize(), 1e-6 * Math.max(1, expected), i.feature());
            close(mh, i.humanMean(), "human mean " + i.feature());
            close(mb, i.botMean(), "bot mean " + i.feature());
        }
        assertEquals(new HashSet<>(WarehouseSchema.BEHAVIOUR_FEATURES), seen, "every behaviour feature is ranked or reported undefined");
        for (int k = 1; k < c.importance().size(); k++) {
            assertTrue(c.importance().get(k - 1).effectSize() >= c.importance().get(k).effectSize());
        }
        // standardised: a [0,1] ratio can outrank the raw-variance leader (velocity in hits/s)
        assertTrue(c.importance().get(0).effectSize() > 0.5, "demo bots and humans differ clearly");
    }

    @Test
    void cohensDHandlesDegenerateGroups() {
        var zero = new FeatureQueries.Moments(1.0, 0.0);
        assertEquals(0.0, FeaturesService.cohensD(10, zero, 10, zero));
        assertTrue(Double.isNaN(FeaturesService.cohensD(10, zero, 10, new FeatureQueries.Moments(2.0, 0.0))));
        assertTrue(Double.isNaN(FeaturesService.cohensD(0, zero, 10, zero)));
    }

    @Test
    void totalsOfBothFeatureViews() {
        TimeWindow w = day();
        List<ViewTotals> totals = ws.analytics().features().totals(w, QueryScope.parallel()).join();
        assertEquals(List.of("view_ai_features_1h", "view_thesis_features_1h"), totals.stream().map(ViewTotals::view).toList());
        for (int v = 0; v < 2; v++) {
            List<Row> rows = in(v == 0 ? ai : thesis, w);
            ViewTotals t = totals.get(v);
            assertEquals(rows.size(), t.windows());
            for (String f : FeatureQueries.PROFILE_FEATURES) close(avg(rows, r -> r.get(f)), t.averages().get(f), t.view() + " " + f);
        }
    }

    // ---------------------------------------------------------------- Geo

    @Test
    void countriesByLabelMatchRawRowsAndOthersKeepsTheRest() throws Exception {
        TimeWindow w = day();
        List<Row> rows = in(ai, w).stream().filter(r -> !r.country().isEmpty()).toList();
        List<CountryLabel> q = new GeoQueries(ws.session().warehouse()).countriesByLabel(w, com.ja4.workstation.data.warehouse.QueryContext.create());
        Map<String, long[]> expected = new HashMap<>();
        rows.forEach(r -> {
            long[] a = expected.computeIfAbsent(r.country() + "/" + r.label(), k -> new long[2]);
            a[0]++;
            a[1] += r.hits();
        });
        assertEquals(expected.size(), q.size());
        q.forEach(c -> {
            long[] e = expected.get(c.countryCode() + "/" + c.asnLabel());
            assertNotNull(e, c.toString());
            assertEquals(e[0], c.sessions(), c.toString());
            assertEquals(e[1], c.hits(), c.toString());
        });

        CountryBreakdown b = ws.analytics().geo().countries(w, QueryScope.parallel()).join();
        long total = rows.size();
        assertEquals(total, b.cells().stream().mapToLong(CountryLabel::sessions).sum(), "others keeps every session");
        assertEquals(rows.stream().mapToLong(Row::hits).sum(), b.cells().stream().mapToLong(CountryLabel::hits).sum());
        Map<String, Long> perCountry = rows.stream().collect(Collectors.groupingBy(Row::country, Collectors.counting()));
        assertEquals(perCountry.size(), b.countryCount());
        int named = (int) b.countries().stream().filter(c -> !c.equals(GeoService.OTHERS)).count();
        assertEquals(Math.min(GeoService.TOP_COUNTRIES, perCountry.size()), named);
        assertEquals(perCountry.size() > GeoService.TOP_COUNTRIES, b.countries().contains(GeoService.OTHERS));
        long smallestShown = b.countries().stream().filter(c -> !c.equals(GeoService.OTHERS)).mapToLong(perCountry::get).min().orElseThrow();
        perCountry.forEach((c, n) -> {
            if (!b.countries().contains(c)) assertTrue(n <= smallestShown, c + " left out but bigger than a shown country");
        });
    }

    @Test
    void topAsnsMatchRawRows() {
        TimeWindow w = day();
        List<Row> rows = in(ai, w).stream().filter(r -> !r.org().isEmpty()).toList();
        Map<String, List<Row>> groups = rows.stream().collect(Collectors.groupingBy(r -> r.org() + "|" + r.label() + "|" + r.country()));
        List<AsnRow> top = ws.analytics().geo().topAsns(w, QueryScope.parallel()).join();
        assertEquals(Math.min(GeoService.TOP_ASNS, groups.size()), top.size());
        for (AsnRow a : top) {
            List<Row> g = groups.get(a.asnOrg() + "|" + a.asnLabel() + "|" + a.countryCode());
            assertNotNull(g, a.toString());
            assertEquals(g.size(), a.sessions());
            assertEquals(g.stream().map(Row::ip).distinct().count(), a.uniqueIps());
            assertEquals(g.stream().mapToLong(Row::hits).sum(), a.hits());
            close(avg(g, r -> r.get("hit_velocity")), a.avgVelocity(), "velocity " + a.asnOrg());
            close(avg(g, r -> r.get("fuzzing_index")), a.avgFuzzing(), "fuzzing " + a.asnOrg());
        }
        for (int k = 1; k < top.size(); k++) assertTrue(top.get(k - 1).sessions() >= top.get(k).sessions());
    }

    // ---------------------------------------------------------------- Fingerprints

    @Test
    void ja4StatisticsMatchRawRowsAndAreDecoded() {
        TimeWindow w = day();
        List<Row> rows = in(ai, w).stream().filter(r -> !r.ja4().isEmpty()).toList();
        Map<String, List<Row>> groups = rows.stream().collect(Collectors.groupingBy(r -> r.ja4() + "|" + r.label()));
        List<Ja4Row> stats = ws.analytics().fingerprints().ja4Stats(w, QueryScope.parallel()).join();
        assertEquals(Math.min(100, groups.size()), stats.size());
        for (Ja4Row s : stats) {
            List<Row> g = groups.get(s.stat().ja4() + "|" + s.stat().asnLabel());
            assertNotNull(g);
            assertEquals(g.size(), s.stat().sessions());
            assertEquals(g.stream().map(Row::ip).distinct().count(), s.stat().uniqueIps());
            assertEquals(g.stream().mapToLong(Row::hits).sum(), s.stat().hits());
            close(avg(g, r -> r.get("hit_velocity")), s.stat().avgVelocity(), "velocity");
            close(avg(g, r -> r.get("fuzzing_index")), s.stat().avgFuzzing(), "fuzzing");
            close(avg(g, r -> r.get("modern_browser_score")), s.stat().avgBrowserScore(), "browser score");
            assertEquals(Ja4.parse(s.stat().ja4()), s.decoded());
            assertTrue(s.decoded().valid(), "demo JA4s are well formed: " + s.stat().ja4());
        }
    }

    @Test
    void botJa4sMatchRawRows() {
        TimeWindow w = day();
        List<Row> rows = in(ai, w).stream().filter(r -> !r.bot().isEmpty() && !r.ja4().isEmpty()).toList();
        Map<String, List<Row>> groups = rows.stream().collect(Collectors.groupingBy(r -> r.ja4() + "|" + r.bot()));
        List<BotJa4Row> bots = ws.analytics().fingerprints().botJa4s(w, QueryScope.parallel()).join();
        assertFalse(bots.isEmpty());
        assertEquals(groups.size(), bots.size());
        bots.forEach(b -> {
            List<Row> g = groups.get(b.bot().ja4() + "|" + b.bot().botName());
            assertEquals(g.size(), b.bot().sessions());
            assertEquals(g.stream().map(Row::ip).distinct().count(), b.bot().uniqueIps());
        });
    }

    // ---------------------------------------------------------------- Browsers

    @Test
    void browserFamiliesUnknownSessionsAndTopJa4PerFamily() {
        TimeWindow w = day();
        List<Row> rows = in(ai, w);
        var svc = ws.analytics().browsers();
        Map<String, List<Row>> byFamily = rows.stream().filter(r -> !r.browser().isEmpty()).collect(Collectors.groupingBy(Row::browser));
        List<FamilyRow> fams = svc.families(w, QueryScope.parallel()).join();
        assertEquals(byFamily.size(), fams.size());
        fams.forEach(f -> {
            List<Row> g = byFamily.get(f.family());
            assertEquals(g.size(), f.sessions());
            assertEquals(g.stream().map(Row::ip).distinct().count(), f.uniqueIps());
            assertEquals(g.stream().mapToLong(Row::hits).sum(), f.hits());
        });
        Predicate<Row> unknown = r -> r.browser().isEmpty() && r.bot().isEmpty();
        assertEquals(rows.stream().filter(unknown).count(), (long) svc.unknownSessions(w, QueryScope.parallel()).join());

        List<FamilyJa4> top = svc.topJa4PerFamily(w, QueryScope.parallel()).join();
        Map<String, List<FamilyJa4>> topByFamily = top.stream().collect(Collectors.groupingBy(FamilyJa4::family));
        assertEquals(byFamily.keySet(), topByFamily.keySet());
        byFamily.forEach((family, g) -> {
            List<Map.Entry<String, Long>> expected = g.stream().filter(r -> !r.ja4().isEmpty())
                    .collect(Collectors.groupingBy(Row::ja4, Collectors.counting())).entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(5).toList();
            List<FamilyJa4> got = topByFamily.get(family);
            assertEquals(expected.size(), got.size(), family);
            for (int k = 0; k < got.size(); k++) {
                assertEquals(expected.get(k).getKey(), got.get(k).ja4(), family + " rank " + (k + 1));
                assertEquals(expected.get(k).getValue(), got.get(k).sessions());
                assertEquals(k + 1, got.get(k).rank());
            }
        });
    }

    // ---------------------------------------------------------------- empty window

    @Test
    void aWindowBeforeTheDataIsEmptyEverywhere() {
        TimeWindow w = new TimeWindow(ws.session().latestAsOf().minus(Duration.ofDays(7)), Duration.ofHours(1));
        assertTrue(in(ai, w).isEmpty());
        var a = ws.analytics();
        QueryScope s = QueryScope.parallel();
        assertTrue(a.features().comparison(w, s).join().isEmpty());
        assertEquals(0, a.features().totals(w, s).join().get(0).windows());
        assertTrue(a.geo().countries(w, s).join().isEmpty());
        assertTrue(a.geo().topAsns(w, s).join().isEmpty());
        assertTrue(a.fingerprints().ja4Stats(w, s).join().isEmpty());
        assertTrue(a.fingerprints().botJa4s(w, s).join().isEmpty());
        assertTrue(a.browsers().families(w, s).join().isEmpty());
        assertEquals(0L, a.browsers().unknownSessions(w, s).join());
        assertTrue(a.browsers().topJa4PerFamily(w, s).join().isEmpty());
    }
}
