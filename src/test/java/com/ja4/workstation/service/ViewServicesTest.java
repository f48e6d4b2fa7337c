package com.ja4.workstation.service;

import static org.junit.jupiter.api.Assertions.*;

import com.ja4.workstation.data.warehouse.QueryContext;
import com.ja4.workstation.domain.ClientIp;
import com.ja4.workstation.domain.ThreatLevel;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.table.Detection;
import com.ja4.workstation.domain.table.SortOrder;
import com.ja4.workstation.domain.table.TableFilter;
import com.ja4.workstation.service.query.QueryScope;
import com.ja4.workstation.service.search.SearchService;
import com.ja4.workstation.service.search.SearchTarget;
import com.ja4.workstation.service.session.SourceDescription;
import com.ja4.workstation.service.source.SnapshotOpener;
import com.ja4.workstation.testing.DemoSnapshots;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The services the views call, on the demo snapshot: session, search, IP drill-down start list. */
class ViewServicesTest {

    static Workspace ws;
    static TimeWindow w;
    static final QueryScope SCOPE = QueryScope.sequential();

    @BeforeAll
    static void open() throws Exception {
        ws = SnapshotOpener.open(DemoSnapshots.defaultDemo());
        w = new TimeWindow(ws.session().latestAsOf(), Duration.ofHours(24));
    }

    @AfterAll
    static void close() {
        ws.close();
    }

    @Test
    void aSnapshotIsNotLiveAndSaysWhenItWasCaptured() {
        assertFalse(ws.session().isLive(), "the demo is a snapshot: no export, no outbox sync");
        assertTrue(ws.session().isSnapshot());
        SourceDescription d = ws.session().description();
        assertTrue(d.snapshot());
        assertEquals(ws.session().latestAsOf(), d.capturedAsOf().orElseThrow());
        assertTrue(d.details().startsWith("Source: "), d.details());
        assertTrue(ws.session().syncOutbox(SCOPE).join().isEmpty(), "nothing to sync from a snapshot");
    }

    @Test
    void theSearchSaysWhatATypedStringMeans() throws Exception {
        assertInstanceOf(SearchTarget.Nothing.class, SearchService.immediate("  ").orElseThrow());
        assertInstanceOf(SearchTarget.Refused.class, SearchService.immediate("1.2.3.999").orElseThrow());
        assertEquals(new SearchTarget.OpenIp(ClientIp.parse("10.1.2.3").orElseThrow()), SearchService.immediate("::ffff:10.1.2.3").orElseThrow());
        String ja4 = "t13d1516h2_8daaf6152771_d8a2da3f94cd";
        assertEquals(new SearchTarget.OpenDetections(TableFilter.of(TableFilter.JA4, ja4)), SearchService.immediate(ja4).orElseThrow());
        assertTrue(SearchService.immediate("maison-lumiere").isEmpty(), "free text takes a query");

        Detection any = ws.detections().page(w, TableFilter.NONE, SortOrder.descending("anomaly_score"), 0, 1, QueryContext.create()).get(0);
        assertEquals(new SearchTarget.OpenDetections(TableFilter.of(TableFilter.ASN_ORG, any.asnOrg())),
                ws.search().resolve(any.asnOrg(), w, SCOPE).join(), "an ASN organisation with detections");
        assertEquals(new SearchTarget.OpenDetections(TableFilter.of(TableFilter.SEARCH, "maison-lumiere")),
                ws.search().resolve("maison-lumiere", w, SCOPE).join(), "else the host");
    }

    @Test
    void theWorstIpsAreOnePerIpMostSevereFirstWithTheirOs() {
        List<Detection> worst = ws.ip().worstIps(w, SCOPE).join();
        assertFalse(worst.isEmpty());
        assertTrue(worst.size() <= 25);
        assertEquals(worst.size(), worst.stream().map(Detection::ip).distinct().count(), "one row per IP");
        Comparator<Detection> bySeverity = Comparator.comparingInt((Detection d) ->
                ThreatLevel.parse(d.threatLevel()).map(ThreatLevel::severity).orElse(0)).reversed();
        for (int i = 1; i < worst.size(); i++) assertTrue(bySeverity.compare(worst.get(i - 1), worst.get(i)) <= 0, "by severity");
        assertTrue(worst.stream().anyMatch(d -> !d.os().isEmpty()), "the TCP/OS verdict is looked up");
    }
}
