package com.ja4.workstation.data.scores;

import static org.junit.jupiter.api.Assertions.*;

import com.ja4.workstation.data.table.PagedTable;
import com.ja4.workstation.data.warehouse.QueryContext;
import com.ja4.workstation.domain.ThreatLevel;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.table.HttpLog;
import com.ja4.workstation.domain.table.Score;
import com.ja4.workstation.domain.table.SortOrder;
import com.ja4.workstation.domain.table.TableFilter;
import com.ja4.workstation.service.Workspace;
import com.ja4.workstation.service.source.SnapshotOpener;
import com.ja4.workstation.testing.DemoSnapshots;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Scores and Traffic paged, sorted and filtered in the database, checked against the full result filtered in Java. */
class ScoresAndTrafficTableTest {

    static Workspace ws;
    static TimeWindow w;
    static PagedTable<Score> scores;
    static PagedTable<HttpLog> traffic;
    static final List<Score> allScores = new ArrayList<>();
    static final List<HttpLog> allLogs = new ArrayList<>();
    static final QueryContext ctx = QueryContext.create();

    @BeforeAll
    static void open() throws Exception {
        ws = SnapshotOpener.open(DemoSnapshots.defaultDemo());
        w = new TimeWindow(ws.session().latestAsOf(), Duration.ofHours(24));
        scores = ws.scores().table();
        traffic = ws.traffic().table();
        scores.forEach(w, TableFilter.NONE, SortOrder.descending("detected_at"), allScores::add, ctx);
        traffic.forEach(w, TableFilter.NONE, SortOrder.descending("time"), allLogs::add, ctx);
        assertTrue(allScores.size() > 1000);
        assertTrue(allLogs.size() > 10_000);
    }

    @AfterAll
    static void close() {
        ws.close();
    }

    @Test
    void scoreFiltersKeepExactlyTheMatchingRows() throws Exception {
        Score s = allScores.stream().filter(x -> !x.browserFamily().isEmpty() && !x.asnOrg().isEmpty()).findFirst().orElseThrow();
        checkScores(TableFilter.of(TableFilter.THREAT, "HIGH"), x -> x.threatLevel().equals("HIGH"));
        checkScores(TableFilter.of(TableFilter.ASN_ORG, s.asnOrg()), x -> x.asnOrg().equals(s.asnOrg()));
        checkScores(TableFilter.of(TableFilter.COUNTRY, s.countryCode()), x -> x.countryCode().equals(s.countryCode()));
        checkScores(TableFilter.of(TableFilter.JA4, s.ja4()), x -> x.ja4().equals(s.ja4()));
        checkScores(TableFilter.of(TableFilter.BROWSER, s.browserFamily()), x -> x.browserFamily().equals(s.browserFamily()));
        // a whole address is that client only (as in Detections), part of one any address containing it
        checkScores(TableFilter.of(TableFilter.SEARCH, s.ip()), x -> x.ip().equals(s.ip()) || x.host().contains(s.ip()));
        String v4 = allScores.stream().map(Score::ip).filter(ip -> ip.contains(".")).findFirst().orElseThrow();
        String part = v4.substring(0, v4.lastIndexOf('.') + 1); // "10.1.2.": not an address
        checkScores(TableFilter.of(TableFilter.SEARCH, part), x -> x.ip().contains(part) || x.host().contains(part));
        checkScores(TableFilter.of(TableFilter.SEARCH, "api."), x -> x.ip().contains("api.") || x.host().contains("api."));
        checkScores(TableFilter.of(TableFilter.THREAT, "LEGITIMATE_BROWSER").with(TableFilter.COUNTRY, s.countryCode()),
                x -> x.threatLevel().equals("LEGITIMATE_BROWSER") && x.countryCode().equals(s.countryCode()));
    }

    @Test
    void scoreSortsIncludingSeverityAndPagesCarryTheOsVerdict() throws Exception {
        List<Score> byXgb = scores.page(w, TableFilter.NONE, SortOrder.descending("xgb_prob"), 0, 300, ctx);
        assertEquals(allScores.stream().mapToDouble(Score::xgbProb).max().orElseThrow(), byXgb.get(0).xgbProb());
        for (int i = 1; i < byXgb.size(); i++) assertTrue(byXgb.get(i - 1).xgbProb() >= byXgb.get(i).xgbProb());
        List<Score> bySeverity = scores.page(w, TableFilter.NONE, SortOrder.descending("threat_level"), 0, 1000, ctx);
        for (int i = 1; i < bySeverity.size(); i++) assertTrue(sev(bySeverity.get(i - 1)) >= sev(bySeverity.get(i)));
        List<Score> asc = scores.page(w, TableFilter.NONE, new SortOrder("window_start", true), 0, 10, ctx);
        assertEquals(allScores.stream().map(Score::windowStart).min(java.util.Comparator.naturalOrder()).orElseThrow(), asc.get(0).windowStart());
        assertTrue(byXgb.stream().filter(x -> !x.os().isEmpty()).count() > byXgb.size() * 0.9, "page rows carry their OS verdict");
        List<Score> injected = scores.page(w, TableFilter.NONE, new SortOrder("xgb_prob DESC; DROP TABLE ml_all_scores", true), 0, 10, ctx);
        assertEquals(10, injected.size(), "unknown sort keys fall back to the default");
    }

    @Test
    void trafficFiltersIncludingHttpVersionCompareTheRightColumns() throws Exception {
        HttpLog h = allLogs.stream().filter(x -> x.method().equals("POST")).findFirst().orElseThrow();
        checkLogs(TableFilter.of(TableFilter.METHOD, "POST"), x -> x.method().equals("POST"));
        checkLogs(TableFilter.of(TableFilter.HOST, h.host()), x -> x.host().equals(h.host()));
        checkLogs(TableFilter.of(TableFilter.HTTP_VERSION, "HTTP/1.0"), x -> x.httpVersion().equals("HTTP/1.0"));
        checkLogs(TableFilter.of(TableFilter.HTTP_VERSION, "HTTP/1.1").with(TableFilter.METHOD, "POST"),
                x -> x.httpVersion().equals("HTTP/1.1") && x.method().equals("POST"));
        checkLogs(TableFilter.of(TableFilter.SEARCH, "python-requests"), x -> x.ip().contains("python-requests")
                || x.path().contains("python-requests") || x.userAgent().contains("python-requests"));
        checkLogs(TableFilter.of(TableFilter.SEARCH, h.ip()), x -> x.ip().equals(h.ip()) || x.path().contains(h.ip())
                || x.userAgent().contains(h.ip()));
        checkLogs(TableFilter.of(TableFilter.SEARCH, "/wp-"), x -> x.ip().contains("/wp-") || x.path().contains("/wp-") || x.userAgent().contains("/wp-"));
        assertEquals(0, traffic.count(w, TableFilter.of(TableFilter.HTTP_VERSION, "200"), ctx), "a status code is not an HTTP version");
    }

    @Test
    void trafficSorts() throws Exception {
        List<HttpLog> byPath = traffic.page(w, TableFilter.NONE, new SortOrder("path", true), 0, 200, ctx);
        for (int i = 1; i < byPath.size(); i++) assertTrue(byPath.get(i - 1).path().compareTo(byPath.get(i).path()) <= 0);
        assertEquals(allLogs.stream().map(HttpLog::path).min(String::compareTo).orElseThrow(), byPath.get(0).path());
        List<HttpLog> byPort = traffic.page(w, TableFilter.NONE, SortOrder.descending("src_port"), 0, 5, ctx);
        assertEquals(allLogs.stream().mapToInt(HttpLog::srcPort).max().orElseThrow(), byPort.get(0).srcPort());
    }

    @Test
    void hostileSearchesMatchOnlyLiterally() throws Exception {
        for (String hostile : List.of("%' OR 1=1 --", "_", "%", "\\", "'; DROP TABLE http_logs; --", "%2e%2e")) {
            long wantLogs = allLogs.stream().filter(x -> x.ip().contains(hostile) || x.path().contains(hostile)
                    || x.userAgent().contains(hostile)).count();
            assertEquals(wantLogs, traffic.count(w, TableFilter.of(TableFilter.SEARCH, hostile), ctx), hostile);
            long wantScores = allScores.stream().filter(x -> x.ip().contains(hostile) || x.host().contains(hostile)).count();
            assertEquals(wantScores, scores.count(w, TableFilter.of(TableFilter.SEARCH, hostile), ctx), hostile);
            assertEquals(0, traffic.count(w, TableFilter.of(TableFilter.HOST, hostile), ctx));
        }
        assertEquals(allLogs.size(), traffic.count(w, TableFilter.NONE, ctx), "table intact");
    }

    private void checkScores(TableFilter f, Predicate<Score> expected) throws Exception {
        List<Score> want = allScores.stream().filter(expected).toList();
        assertFalse(want.isEmpty(), "filter selects something: " + f);
        assertTrue(want.size() < allScores.size(), "filter narrows: " + f);
        assertEquals(want.size(), scores.count(w, f, ctx), f.toString());
        List<Score> got = new ArrayList<>();
        scores.forEach(w, f, SortOrder.descending("detected_at"), got::add, ctx);
        assertEquals(new HashSet<>(want), new HashSet<>(got), f.toString());
    }

    private void checkLogs(TableFilter f, Predicate<HttpLog> expected) throws Exception {
        List<HttpLog> want = allLogs.stream().filter(expected).toList();
        assertFalse(want.isEmpty(), "filter selects something: " + f);
        assertTrue(want.size() < allLogs.size(), "filter narrows: " + f);
        assertEquals(want.size(), traffic.count(w, f, ctx), f.toString());
        List<HttpLog> got = new ArrayList<>();
        traffic.forEach(w, f, SortOrder.descending("time"), got::add, ctx);
        assertEquals(new HashSet<>(want), new HashSet<>(got), f.toString());
    }

    private static int sev(Score s) {
        return ThreatLevel.parse(s.threatLevel()).orElseThrow().severity();
    }
}
