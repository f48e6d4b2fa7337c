package com.ja4.workstation.service;

import static org.junit.jupiter.api.Assertions.*;

import com.ja4.workstation.analysis.cluster.CancellationCheck;
import com.ja4.workstation.analysis.cluster.ClusterProfile;
import com.ja4.workstation.analysis.cluster.ClusteringCancelledException;
import com.ja4.workstation.analysis.cluster.MemberAssignment;
import com.ja4.workstation.analysis.cluster.ProgressListener;
import com.ja4.workstation.data.warehouse.QueryContext;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.cluster.ClusterMemberRow;
import com.ja4.workstation.service.cluster.ClusterService;
import com.ja4.workstation.service.source.SnapshotOpener;
import com.ja4.workstation.testing.DemoSnapshots;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Clusters view's service on the demo snapshot: run, member pages, CSV export. */
class ClusterServiceTest {

    static Workspace ws;
    static ClusterService.ClusterResult result;

    @BeforeAll
    static void run() throws Exception {
        ws = SnapshotOpener.open(DemoSnapshots.defaultDemo());
        result = ws.clusters().run(new TimeWindow(ws.session().latestAsOf(), Duration.ofHours(24)), 10, 1500,
                ProgressListener.NONE, CancellationCheck.NEVER);
    }

    @AfterAll
    static void close() {
        ws.close();
    }

    @Test
    void runUsesTheRequestedParametersAndKeepsItsWindow() {
        assertEquals(10, result.run().parameters().k());
        assertEquals(1500, result.run().parameters().sampleSize());
        assertEquals(ws.session().latestAsOf(), result.window().asOf());
        assertFalse(result.run().clusters().isEmpty());
    }

    @Test
    void aMemberPageHoldsExactlyThePairsOfTheRunInItsOrder() throws Exception {
        ClusterProfile biggest = result.run().clusters().stream().max(Comparator.comparingInt(ClusterProfile::pairCount)).orElseThrow();
        ClusterService.MemberPage page = ws.clusters().members(result, biggest.id(), 5, 20, QueryContext.create());
        List<MemberAssignment> expected = result.run().membersOf(biggest.id(), 5, 20);
        assertEquals(biggest.pairCount(), page.total());
        assertEquals(expected.size(), page.rows().size());
        for (int i = 0; i < expected.size(); i++) {
            ClusterMemberRow r = page.rows().get(i);
            assertEquals(expected.get(i).ip(), r.ip());
            assertEquals(expected.get(i).ja4(), r.ja4());
            assertTrue(r.hits() > 0);
        }
    }

    @Test
    void exportWritesEveryPairOfTheCluster(@TempDir Path tmp) throws Exception {
        ClusterProfile c = result.run().clusters().get(0);
        Path out = tmp.resolve("members.csv");
        long n = ws.clusters().exportMembers(result, c.id(), out, x -> { }, QueryContext.create());
        assertEquals(c.pairCount(), n);
        try (Reader r = Files.newBufferedReader(out)) {
            List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r).getRecords();
            assertEquals(n, rows.size());
            assertTrue(rows.stream().allMatch(x -> x.get("cluster_id").equals(c.id())));
        }
        try (var files = Files.list(tmp)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void aCancelledRunThrowsAndAnExportLeavesNothing(@TempDir Path tmp) throws Exception {
        assertThrows(ClusteringCancelledException.class, () -> ws.clusters().run(result.window(), 10, 1500,
                ProgressListener.NONE, () -> true));
        QueryContext cancelled = QueryContext.create();
        cancelled.cancel();
        Path out = tmp.resolve("x.csv");
        assertThrows(Exception.class, () -> ws.clusters().exportMembers(result, result.run().clusters().get(0).id(),
                out, x -> { }, cancelled));
        try (var files = Files.list(tmp)) {
            assertEquals(0, files.count());
        }
    }
}
