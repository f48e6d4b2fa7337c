package com.ja4.workstation.data.detections;

import static org.junit.jupiter.api.Assertions.*;

import com.ja4.workstation.data.table.PagedTable;
import com.ja4.workstation.data.warehouse.QueryContext;
import com.ja4.workstation.domain.ThreatLevel;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.table.Detection;
import com.ja4.workstation.domain.table.SortOrder;
import com.ja4.workstation.domain.table.TableFilter;
import com.ja4.workstation.service.Workspace;
import com.ja4.workstation.service.source.SnapshotOpener;
import com.ja4.workstation.testing.DemoSnapshots;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Detections paged, sorted and filtered in the database, checked against the full result filtered in Java. */
class DetectionTableTest {

    static Workspace ws;
    static PagedTable<Detection> table;
    static TimeWindow w;
    static List<Detection> all = new ArrayList<>();
    static final QueryContext ctx = QueryContext.create();

    @BeforeAll
    static void open() throws Exception {
        ws = SnapshotOpener.open(DemoSnapshots.defaultDemo());
        table = ws.detections().table();
        w = new TimeWindow(ws.session().latestAsOf(), Duration.ofHours(24));
        table.forEach(w, TableFilter.NONE, SortOrder.descending("detected_at"), all::add, ctx);
        assertTrue(all.size() > 100, "demo has detections");
    }

    @AfterAll
    static void close() {
        ws.close();
    }

    @Test
    void sortingByScoreAndBySeverity() throws Exception {
        List<Detection> byScore = table.page(w, TableFilter.NONE, SortOrder.descending("anomaly_score"), 0, 200, ctx);
        for (int i = 1; i < byScore.size(); i++) assertTrue(byScore.get(i - 1).anomalyScore() >= byScore.get(i).anomalyScore());
        assertEquals(all.stream().mapToDouble(Detection::anomalyScore).max().orElseThrow(), byScore.get(0).anomalyScore());

        List<Detection> asc = table.page(w, TableFilter.NONE, new SortOrder("anomaly_score", true), 0, 50, ctx);
        assertEquals(all.stream().mapToDouble(Detection::anomalyScore).min().orElseThrow(), asc.get(0).anomalyScore());

        List<Detection> bySeverity = table.page(w, TableFilter.NONE, SortOrder.descending("threat_level"), 0, 500, ctx);
        for (int i = 1; i < bySeverity.size(); i++) {
            assertTrue(sev(bySeverity.get(i - 1)) >= sev(bySeverity.get(i)), "threat sorts by severity, not alphabetically");
        }
        assertEquals("CRITICAL", bySeverity.get(0).threatLevel());
    }

    @Test
    void unknownSortKeyFallsBackToTheDefaultInsteadOfReachingSql() throws Exception {
        List<Detection> rows = table.page(w, TableFilter.NONE, new SortOrder("anomaly_score; DROP TABLE x", true), 0, 20, ctx);
        for (int i = 1; i < rows.size(); i++) assertFalse(rows.get(i - 1).detectedAt().isBefore(rows.get(i).detectedAt()));
    }

    @Test
    void pagesPartitionTheResult() throws Exception {
        long total = table.count(w, TableFilter.NONE, ctx);
        assertEquals(all.size(), total);
        List<Detection> p1 = table.page(w, TableFilter.NONE, SortOrder.descending("anomaly_score"), 0, 100, ctx);
        List<Detection> p2 = table.page(w, TableFilter.NONE, SortOrder.descending("anomaly_score"), 100, 100, ctx);
        assertEquals(100, p1.size());
        assertTrue(p1.get(99).anomalyScore() >= p2.get(0).anomalyScore());
        var seen = new HashSet<>(p1);
        p2.forEach(d -> assertFalse(seen.contains(d), "rows repeat across pages"));
    }

    @Test
    void everyFilterKeepsExactlyTheMatchingRows() throws Exception {
        Detection sample = all.stream().filter(d -> !d.botName().isEmpty()).findFirst().orElse(all.get(0));
        Detection withBrowser = all.stream().filter(d -> !d.browserFamily().isEmpty()).findFirst().orElse(all.get(0));
        check(TableFilter.of(TableFilter.THREAT, "HIGH"), d -> d.threatLevel().equals("HIGH"));
        check(TableFilter.NONE.with(TableFilter.ASN_ORG, sample.asnOrg()), d -> d.asnOrg().equals(sample.asnOrg()));
        check(TableFilter.NONE.with(TableFilter.COUNTRY, sample.countryCode()), d -> d.countryCode().equals(sample.countryCode()));
        check(TableFilter.NONE.with(TableFilter.JA4, sample.ja4()), d -> d.ja4().equals(sample.ja4()));
        check(TableFilter.NONE.with(TableFilter.BOT, sample.botName()), d -> d.botName().equals(sample.botName()));
        check(TableFilter.NONE.with(TableFilter.BROWSER, withBrowser.browserFamily()), d -> d.browserFamily().equals(withBrowser.browserFamily()));
        String ip = sample.ip();
        check(TableFilter.of(TableFilter.SEARCH, ip), d -> d.ip().equals(ip) || d.host().contains(ip));
        String partial = ip.substring(0, ip.lastIndexOf('.'));
        check(TableFilter.of(TableFilter.SEARCH, partial), d -> d.ip().contains(partial) || d.host().contains(partial));
        String hostPart = sample.host().substring(0, Math.min(5, sample.host().length()));
        check(TableFilter.of(TableFilter.SEARCH, hostPart), d -> d.ip().contains(hostPart) || d.host().contains(hostPart));
        check(TableFilter.NONE.with(TableFilter.THREAT, "CRITICAL").with(TableFilter.COUNTRY, sample.countryCode()),
                d -> d.threatLevel().equals("CRITICAL") && d.countryCode().equals(sample.countryCode()));
    }

    @Test
    void hostileSearchMatchesOnlyLiterally() throws Exception {
        for (String hostile : List.of("%' OR 1=1 --", "_", "%", "\\", "'; DROP TABLE ml_detected_anomalies; --")) {
            long expected = all.stream().filter(d -> d.ip().contains(hostile) || d.host().contains(hostile)).count();
            assertEquals(expected, table.count(w, TableFilter.of(TableFilter.SEARCH, hostile), ctx), hostile);
        }
        assertEquals(0, table.count(w, TableFilter.of(TableFilter.SEARCH, "%' OR 1=1 --"), ctx));
        assertEquals(all.size(), table.count(w, TableFilter.NONE, ctx), "table still intact");
    }

    @Test
    void facetsListValuesMostFrequentFirst() throws Exception {
        List<String> countries = table.facet(w, "country_code", 300, ctx);
        assertFalse(countries.isEmpty());
        long first = all.stream().filter(d -> d.countryCode().equals(countries.get(0))).count();
        for (String c : countries) assertTrue(all.stream().filter(d -> d.countryCode().equals(c)).count() <= first);
        assertThrows(IllegalArgumentException.class, () -> table.facet(w, "src_ip; DROP", 10, ctx));
    }

    private void check(TableFilter f, Predicate<Detection> expected) throws Exception {
        List<Detection> want = all.stream().filter(expected).sorted(Comparator.comparing(Detection::detectedAt).reversed()).toList();
        assertFalse(want.isEmpty(), "filter selects something: " + f);
        assertTrue(want.size() < all.size(), "filter narrows: " + f);
        assertEquals(want.size(), table.count(w, f, ctx), f.toString());
        List<Detection> got = new ArrayList<>();
        table.forEach(w, f, SortOrder.descending("detected_at"), got::add, ctx);
        assertEquals(new HashSet<>(want), new HashSet<>(got), f.toString());
    }

    private static int sev(Detection d) {
        return ThreatLevel.parse(d.threatLevel()).orElseThrow().severity();
    }
}
