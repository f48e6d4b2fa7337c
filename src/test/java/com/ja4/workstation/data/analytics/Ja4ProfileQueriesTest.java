package com.ja4.workstation.data.analytics;

import static com.ja4.workstation.testing.RawRows.num;
import static com.ja4.workstation.testing.RawRows.str;
import static com.ja4.workstation.testing.RawRows.time;
import static org.junit.jupiter.api.Assertions.*;

import com.ja4.workstation.data.demo.DemoOptions;
import com.ja4.workstation.domain.ThreatLevel;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.analytics.Activity;
import com.ja4.workstation.domain.analytics.HostRow;
import com.ja4.workstation.domain.analytics.HttpActivity;
import com.ja4.workstation.domain.analytics.Ja4Source;
import com.ja4.workstation.domain.analytics.SeenWith;
import com.ja4.workstation.domain.analytics.ThreatLevelRow;
import com.ja4.workstation.service.Workspace;
import com.ja4.workstation.service.analytics.Ja4ProfileService;
import com.ja4.workstation.service.analytics.Ja4ProfileService.Ja4Profile;
import com.ja4.workstation.service.profile.SchemaReport;
import com.ja4.workstation.service.query.QueryScope;
import com.ja4.workstation.service.source.SnapshotOpener;
import com.ja4.workstation.testing.DemoSnapshots;
import com.ja4.workstation.testing.RawRows;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every figure of the JA4 profile ("Look up JA4") against a computation in Java over the raw rows
 * of the four tables that record a JA4 in the demo snapshot, for a JA4 used by a named bot and a
 * browser JA4, in two windows; hostile or unknown JA4 text gives the empty profile.
 */
class Ja4ProfileQueriesTest {

    /** Googlebot's JA4 in the demo (a named bot). */
    static final String BOT_JA4 = "t13d1813h2_e8a523a41297_7a1d54a39fb7";
    /** Chrome's (and Edge's) JA4 in the demo (a browser JA4; IPv6 clients too). */
    static final String BROWSER_JA4 = "t13d1516h2_8daaf6152771_d8a2da3f94cd";

    static Workspace ws;
    static final Map<Ja4Source, List<Map<String, Object>>> raw = new HashMap<>();

    @BeforeAll
    static void readRawRows() throws Exception {
        ws = SnapshotOpener.open(DemoSnapshots.defaultDemo());
        for (Ja4Source s : Ja4Source.values()) raw.put(s, RawRows.all(ws, Ja4ProfileQueries.table(s).name()));
    }

    @AfterAll
    static void close() {
        ws.close();
    }

    static Stream<TimeWindow> windows() {
        Instant asOf = DemoOptions.DEFAULT_AS_OF;
        return Stream.of(new TimeWindow(asOf, Duration.ofHours(24)),
                // ends 3 h 17 min before the as-of: partial hours at both ends
                new TimeWindow(asOf.minus(Duration.ofMinutes(197)), Duration.ofHours(6)));
    }

    static Stream<Object[]> cases() {
        return windows().flatMap(w -> Stream.of(new Object[] {BOT_JA4, w}, new Object[] {BROWSER_JA4, w}));
    }

    private static String timeColumn(Ja4Source s) {
        return Ja4ProfileQueries.columns(s).get(0);
    }

    /** Rows of a table with this JA4 in the window. */
    static List<Map<String, Object>> rows(Ja4Source s, String ja4, TimeWindow w) {
        String t = timeColumn(s);
        return raw.get(s).stream().filter(r -> ja4.equals(str(r, "ja4")) && !time(r, t).isBefore(w.from()) && time(r, t).isBefore(w.asOf()))
                .toList();
    }

    static String ip(Map<String, Object> r) {
        String v = str(r, "src_ip");
        return v.startsWith("::ffff:") ? v.substring(7) : v;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void everyFigureMatchesTheRawRows(String ja4, TimeWindow w) throws Exception {
        Ja4Profile p = ws.analytics().ja4Profile().profile(w, ja4, QueryScope.parallel()).join();
        assertEquals(ja4, p.ja4());
        assertTrue(p.decoded().valid(), p.decoded().problem());
        assertFalse(p.isEmpty());

        List<Map<String, Object>> det = rows(Ja4Source.DETECTIONS, ja4, w);
        List<Map<String, Object>> sc = rows(Ja4Source.SCORES, ja4, w);
        List<Map<String, Object>> ses = rows(Ja4Source.SESSIONS, ja4, w);
        List<Map<String, Object>> http = rows(Ja4Source.HTTP, ja4, w);
        assertFalse(det.isEmpty() || sc.isEmpty() || ses.isEmpty() || http.isEmpty(), "the demo has this JA4 in every table");

        assertActivity("detections", det, Ja4Source.DETECTIONS, p.detections());
        assertActivity("scores", sc, Ja4Source.SCORES, p.scores());
        assertActivity("sessions", ses, Ja4Source.SESSIONS, p.sessions());

        HttpActivity h = p.http().orElseThrow();
        assertEquals(http.size(), h.requests(), "HTTP requests");
        assertEquals(http.stream().map(r -> ip(r) + "|" + str(r, "host") + "|" + time(r, "time").truncatedTo(ChronoUnit.HOURS))
                .distinct().count(), h.sessions(), "HTTP sessions (IP, host, hour)");
        assertEquals(http.stream().map(Ja4ProfileQueriesTest::ip).distinct().count(), h.ips(), "HTTP IPs");
        assertEquals(min(http, "time"), h.firstSeen());
        assertEquals(max(http, "time"), h.lastSeen());

        Set<String> allIps = new HashSet<>();
        Stream.of(det, sc, ses, http).flatMap(List::stream).forEach(r -> allIps.add(ip(r)));
        assertEquals(allIps.size(), p.distinctIps(), "distinct IPs over the four tables");
        assertTrue(p.distinctIps() > p.detections().ips(), "more IPs use it than are detected");

        // threat levels: detections and scored windows per level, most severe first
        Map<String, long[]> threat = new HashMap<>();
        det.forEach(r -> threat.computeIfAbsent(str(r, "threat_level"), k -> new long[2])[0]++);
        sc.forEach(r -> threat.computeIfAbsent(str(r, "threat_level"), k -> new long[2])[1]++);
        List<ThreatLevelRow> expectedThreats = threat.entrySet().stream()
                .map(e -> new ThreatLevelRow(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .sorted(Comparator.comparingInt((ThreatLevelRow t) -> -t.level().map(ThreatLevel::severity).orElse(-1))
                        .thenComparing(ThreatLevelRow::threatLevel)).toList();
        assertEquals(expectedThreats, p.threats());
        ThreatLevel worst = Stream.concat(det.stream(), sc.stream()).map(r -> ThreatLevel.parse(str(r, "threat_level")).orElseThrow())
                .max(Comparator.comparingInt(ThreatLevel::severity)).orElseThrow();
        assertEquals(worst, p.worstThreat().orElseThrow(), "worst by severity");

        assertEquals(seenWith("bot_name", ses, List.of(), det), p.bots(), "named bots");
        assertEquals(seenWith("browser_family", ses, sc, det), p.browsers(), "browser families");
        assertEquals(hosts(ses, http, det), p.hosts(), "top hosts");

        Instant first = Stream.of(min(det, "detected_at"), min(sc, "detected_at"), min(ses, "window_start"), min(http, "time"))
                .min(Comparator.naturalOrder()).orElseThrow();
        Instant last = Stream.of(max(det, "detected_at"), max(sc, "detected_at"), max(ses, "window_start"), max(http, "time"))
                .max(Comparator.naturalOrder()).orElseThrow();
        assertEquals(first, p.firstSeen());
        assertEquals(last, p.lastSeen());
    }

    @Test
    void theBotJa4NamesItsBotAndTheBrowserJa4ItsFamilies() {
        TimeWindow day = windows().findFirst().orElseThrow();
        Ja4Profile bot = ws.analytics().ja4Profile().profile(day, BOT_JA4, QueryScope.parallel()).join();
        assertEquals(List.of("Googlebot"), bot.bots().stream().map(SeenWith::name).toList());
        assertTrue(bot.bots().get(0).detections() > 0 && bot.bots().get(0).sessions() > 0);
        assertTrue(bot.browsers().isEmpty(), "a crawler JA4 is no browser");
        Ja4Profile browser = ws.analytics().ja4Profile().profile(day, BROWSER_JA4, QueryScope.parallel()).join();
        assertTrue(browser.bots().isEmpty());
        assertEquals(List.of("Chrome", "Edge"), browser.browsers().stream().map(SeenWith::name).toList());
        assertTrue(browser.hosts().size() > 1);
    }

    @Test
    void hostileOrUnknownJa4GivesTheEmptyProfile() {
        TimeWindow day = windows().findFirst().orElseThrow();
        for (String hostile : List.of("x' OR 1=1 --", "%", "_", "t13d%", BOT_JA4 + "' OR '1'='1", "t13d1516h2_000000000000_000000000000")) {
            Ja4Profile p = ws.analytics().ja4Profile().profile(day, hostile, QueryScope.parallel()).join();
            assertTrue(p.isEmpty(), hostile);
            assertEquals(0, p.detections().rows());
            assertEquals(0, p.scores().rows());
            assertEquals(0, p.sessions().rows());
            assertEquals(0, p.http().orElseThrow().requests());
            assertEquals(0, p.distinctIps());
            assertTrue(p.threats().isEmpty() && p.bots().isEmpty() && p.browsers().isEmpty() && p.hosts().isEmpty(), hostile);
            assertNull(p.firstSeen());
            assertTrue(p.worstThreat().isEmpty());
        }
        Ja4Profile malformed = ws.analytics().ja4Profile().profile(day, "x' OR 1=1 --", QueryScope.parallel()).join();
        assertFalse(malformed.decoded().valid());
        assertFalse(malformed.decoded().problem().isEmpty(), "a malformed JA4 says what is wrong with it");
        assertTrue(ws.analytics().ja4Profile().profile(day, "   ", QueryScope.parallel()).join().isEmpty());
    }

    @Test
    void aWindowWithoutTheJa4IsEmptyNotAnError() {
        TimeWindow before = new TimeWindow(ws.session().latestAsOf().minus(Duration.ofDays(30)), Duration.ofHours(24));
        Ja4Profile p = ws.analytics().ja4Profile().profile(before, BROWSER_JA4, QueryScope.parallel()).join();
        assertTrue(p.isEmpty());
        assertTrue(p.decoded().valid());
        assertNull(p.lastSeen());
    }

    @Test
    void aServerWithoutTheJa4InHttpLogsLeavesHttpOutWithTheReason() {
        SchemaReport noHttpJa4 = new SchemaReport(List.of(), Map.of("http_logs", List.of("ja4")));
        Map<Ja4Source, String> why = Ja4ProfileService.unavailableSources(noHttpJa4);
        assertEquals(Map.of(Ja4Source.HTTP, "table http_logs lacks column(s) ja4"), why);
        // a column the profile does not read does not take the table away
        assertTrue(Ja4ProfileService.unavailableSources(new SchemaReport(List.of(), Map.of("http_logs", List.of("src_country_code")))).isEmpty());
        assertEquals(Map.of(Ja4Source.SCORES, "table ml_all_scores is missing"),
                Ja4ProfileService.unavailableSources(new SchemaReport(List.of("ml_all_scores"), Map.of())));

        TimeWindow day = windows().findFirst().orElseThrow();
        Ja4Profile full = ws.analytics().ja4Profile().profile(day, BROWSER_JA4, QueryScope.parallel()).join();
        Ja4Profile p = new Ja4ProfileService(ws.session().warehouse(), why).profile(day, BROWSER_JA4, QueryScope.parallel()).join();
        assertTrue(p.http().isEmpty());
        assertEquals("table http_logs lacks column(s) ja4", p.unavailable().get(Ja4Source.HTTP));
        assertEquals(full.detections(), p.detections());
        assertEquals(full.sessions(), p.sessions());
        assertEquals(full.threats(), p.threats());
        assertTrue(p.hosts().stream().allMatch(hr -> hr.requests() == 0), "no requests counted without http_logs");
        assertEquals(full.hosts().stream().mapToLong(HostRow::sessions).sum(), p.hosts().stream().mapToLong(HostRow::sessions).sum());
    }

    private static void assertActivity(String what, List<Map<String, Object>> rows, Ja4Source s, Activity a) {
        String t = timeColumn(s);
        assertEquals(rows.size(), a.rows(), what + " rows");
        assertEquals(rows.stream().map(r -> str(r, "src_ip")).distinct().count(), a.ips(), what + " IPs");
        assertEquals(rows.stream().mapToLong(r -> (long) num(r, "hits")).sum(), a.hits(), what + " hits");
        assertEquals(min(rows, t), a.firstSeen(), what + " first");
        assertEquals(max(rows, t), a.lastSeen(), what + " last");
    }

    private static Instant min(List<Map<String, Object>> rows, String col) {
        return rows.stream().map(r -> time(r, col)).min(Comparator.naturalOrder()).orElse(null);
    }

    private static Instant max(List<Map<String, Object>> rows, String col) {
        return rows.stream().map(r -> time(r, col)).max(Comparator.naturalOrder()).orElse(null);
    }

    /** Names of {@code col} with sessions, scored windows, detections and distinct IPs over the three lists. */
    private static List<SeenWith> seenWith(String col, List<Map<String, Object>> ses, List<Map<String, Object>> sc,
                                           List<Map<String, Object>> det) {
        Map<String, long[]> n = new HashMap<>();
        Map<String, Set<String>> ips = new HashMap<>();
        List<List<Map<String, Object>>> lists = List.of(ses, sc, det);
        for (int i = 0; i < 3; i++) {
            for (Map<String, Object> r : lists.get(i)) {
                String name = str(r, col);
                if (name.isEmpty()) continue;
                n.computeIfAbsent(name, k -> new long[3])[i]++;
                ips.computeIfAbsent(name, k -> new HashSet<>()).add(ip(r));
            }
        }
        return n.entrySet().stream().map(e -> new SeenWith(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2],
                        ips.get(e.getKey()).size()))
                .sorted(Comparator.comparingLong(SeenWith::sessions).reversed().thenComparing(Comparator.comparingLong(SeenWith::scoredWindows).reversed())
                        .thenComparing(Comparator.comparingLong(SeenWith::detections).reversed()).thenComparing(SeenWith::name))
                .toList();
    }

    private static List<HostRow> hosts(List<Map<String, Object>> ses, List<Map<String, Object>> http, List<Map<String, Object>> det) {
        Map<String, long[]> n = new HashMap<>();
        Map<String, Set<String>> ips = new HashMap<>();
        List<List<Map<String, Object>>> lists = List.of(ses, http, det);
        for (int i = 0; i < 3; i++) {
            for (Map<String, Object> r : lists.get(i)) {
                n.computeIfAbsent(str(r, "host"), k -> new long[3])[i]++;
                ips.computeIfAbsent(str(r, "host"), k -> new HashSet<>()).add(ip(r));
            }
        }
        Function<HostRow, Long> sessions = HostRow::sessions;
        List<HostRow> all = new ArrayList<>(n.entrySet().stream().map(e -> new HostRow(e.getKey(), e.getValue()[0], e.getValue()[1],
                e.getValue()[2], ips.get(e.getKey()).size())).toList());
        all.sort(Comparator.comparing(sessions).reversed().thenComparing(Comparator.comparingLong(HostRow::requests).reversed())
                .thenComparing(Comparator.comparingLong(HostRow::detections).reversed()).thenComparing(HostRow::host));
        return all.stream().limit(Ja4ProfileService.TOP_HOSTS).filter(Objects::nonNull).toList();
    }
}
