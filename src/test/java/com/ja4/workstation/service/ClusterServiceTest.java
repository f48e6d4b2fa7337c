package com.ja4.workstation.service;

import static org.junit.jupiter.api.Assertions.*;

import com.ja4.workstation.analysis.cluster.ClusterChange;
import com.ja4.workstation.analysis.cluster.ClusterProfile;
import com.ja4.workstation.analysis.cluster.ClusteringRun;
import com.ja4.workstation.analysis.cluster.ClusteringRunJson;
import com.ja4.workstation.analysis.cluster.ClusteringEngine;
import com.ja4.workstation.analysis.cluster.MovedIp;
import com.ja4.workstation.analysis.cluster.RiskGroup;
import com.ja4.workstation.analysis.cluster.RunChanges;
import com.ja4.workstation.analysis.cluster.RunComparison;
import com.ja4.workstation.analysis.cluster.ClusteringCancelledException;
import com.ja4.workstation.analysis.cluster.MemberAssignment;
import com.ja4.workstation.analysis.cluster.ProgressListener;
import com.ja4.workstation.analysis.cluster.CancellationCheck;
import com.ja4.workstation.data.cluster.ClusterFeatureQueries;
import com.ja4.workstation.domain.cluster.ClusterMemberRow;
import com.ja4.workstation.data.warehouse.QueryContext;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.cluster.ClusterMemberRow;
import com.ja4.workstation.service.cluster.ClusterService;
import com.ja4.workstation.service.cluster.MemberOrder;
import com.ja4.workstation.service.source.SnapshotOpener;
import com.ja4.workstation.testing.DemoSnapshots;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Clusters view's service on the demo snapshot: run, member pages, CSV export, changes since a run. */
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
    void everyPairOfTheWindowIsAssignedAndTheSampleIsFitted() throws Exception {
        int pairs = new ClusterFeatureQueries(ws.session().warehouse()).allPairs(result.window(), QueryContext.create()).size();
        assertTrue(pairs > 1500, "the demo window holds more pairs than the sample: " + pairs);
        assertEquals(pairs, result.assignedPairs());
        assertEquals(pairs, result.run().assignments().size());
        assertEquals(1500, result.fittedPairs());
        assertEquals(1500, result.run().assignments().stream().filter(MemberAssignment::fitted).count());
        assertEquals(pairs, result.run().clusters().stream().mapToInt(ClusterProfile::pairCount).sum());
        assertEquals(1500, result.run().clusters().stream().mapToInt(ClusterProfile::fittedPairs).sum());
    }

    @Test
    void memberPagesListTheBusiestFirstAndPageWithoutOverlap() throws Exception {
        ClusterProfile biggest = result.run().clusters().stream().max(Comparator.comparingInt(ClusterProfile::pairCount)).orElseThrow();
        List<ClusterMemberRow> all = new ArrayList<>();
        for (int offset = 0; offset < biggest.pairCount(); offset += 200) {
            ClusterService.MemberPage page = ws.clusters().members(result, biggest.id(), offset, 200, QueryContext.create());
            assertEquals(biggest.pairCount(), page.total());
            all.addAll(page.rows());
        }
        assertEquals(biggest.pairCount(), all.size());
        assertEquals(all.size(), all.stream().map(r -> r.ip() + "|" + r.ja4()).distinct().count(), "no pair twice");
        List<ClusterMemberRow> expected = new ArrayList<>(all);
        expected.sort(Comparator.comparingLong(ClusterMemberRow::hits).reversed()
                .thenComparing(ClusterMemberRow::ip).thenComparing(ClusterMemberRow::ja4));
        assertEquals(expected, all, "busiest first, ties by IP then JA4");
        assertTrue(all.get(0).hits() > all.get(all.size() - 1).hits());
    }

    @Test
    void membersSortByAnyColumnOfTheWhitelist() throws Exception {
        ClusterProfile c = result.run().clusters().stream().max(Comparator.comparingInt(ClusterProfile::pairCount)).orElseThrow();
        for (MemberOrder.Column column : MemberOrder.Column.values()) {
            for (boolean descending : new boolean[]{false, true}) {
                MemberOrder order = new MemberOrder(column, descending);
                List<ClusterMemberRow> rows = ws.clusters().members(result, c.id(), order, 0, 500, QueryContext.create()).rows();
                assertEquals(Math.min(500, c.pairCount()), rows.size(), column.id());
                for (int i = 1; i < rows.size(); i++) {
                    int cmp = compare(column, rows.get(i - 1), rows.get(i));
                    assertTrue(descending ? cmp >= 0 : cmp <= 0, column.id() + (descending ? " desc" : " asc") + " at " + i);
                }
            }
        }
        assertEquals(MemberOrder.Column.THREAT, MemberOrder.Column.fromId("threat").orElseThrow());
        assertTrue(MemberOrder.Column.fromId("hits; DROP TABLE x").isEmpty(), "only whitelisted ids");
    }

    private static int compare(MemberOrder.Column column, ClusterMemberRow a, ClusterMemberRow b) {
        return switch (column) {
            case IP -> a.ip().compareTo(b.ip());
            case JA4 -> a.ja4().compareTo(b.ja4());
            case HITS -> Long.compare(a.hits(), b.hits());
            case THREAT -> Integer.compare(a.threat() == null ? -1 : a.threat().severity(), b.threat() == null ? -1 : b.threat().severity());
            case ANOMALY_SCORE -> Double.compare(Math.abs(a.anomalyScore()), Math.abs(b.anomalyScore()));
            case TTL -> Integer.compare(a.ttl(), b.ttl());
            case WINDOW -> Long.compare(a.window(), b.window());
            case SCALE -> Integer.compare(a.scale(), b.scale());
            case MSS -> Integer.compare(a.mss(), b.mss());
            case COUNTRY -> a.country().compareTo(b.country());
            case ASN_ORG -> a.asnOrg().compareTo(b.asnOrg());
            case FUZZING -> Double.compare(a.fuzzing(), b.fuzzing());
            case VELOCITY -> Double.compare(a.velocity(), b.velocity());
            case USER_AGENT -> a.userAgent().compareTo(b.userAgent());
            case DISTANCE -> Double.compare(a.distance(), b.distance());
            case FITTED -> Boolean.compare(a.fitted(), b.fitted());
        };
    }

    @Test
    void theServiceRemembersThePreviousRunAndComparesTwoWindows() throws Exception {
        ClusterService service = new ClusterService(ws.session().warehouse(), new ClusteringEngine());
        assertTrue(service.changesSincePrevious().isEmpty(), "nothing to compare before two runs");
        TimeWindow later = new TimeWindow(ws.session().latestAsOf(), Duration.ofHours(12));
        TimeWindow earlier = ClusterService.windowBefore(later);
        assertEquals(later.from(), earlier.asOf());
        ClusterService.ClusterResult before = service.run(earlier, 10, 1500, ProgressListener.NONE, CancellationCheck.NEVER);
        ClusterService.ClusterResult now = service.run(later, 10, 1500, ProgressListener.NONE, CancellationCheck.NEVER);
        assertSame(before, service.previousResult().orElseThrow());
        assertSame(now, service.lastResult().orElseThrow());

        RunChanges changes = service.changesSincePrevious().orElseThrow();
        assertEquals(before.run().id(), changes.earlierRunId());
        for (ClusterProfile c : now.run().clusters()) {
            ClusterChange change = changes.of(c.id()).orElseThrow();
            assertEquals(c.pairCount(), change.pairs());
            if (change.kind() != ClusterChange.Kind.NEW) {
                ClusterProfile old = before.run().cluster(change.earlierClusterId()).orElseThrow();
                assertEquals(old.pairCount(), change.earlierPairs());
                assertEquals(RunComparison.sizeKind(old.pairCount(), c.pairCount()), change.kind());
            }
        }
        // the same kinds of clients come back 12 hours later: most clusters find their match
        long matched = changes.clusters().stream().filter(c -> c.clusterId() != null && c.earlierClusterId() != null).count();
        assertTrue(matched >= now.run().clusters().size() / 2, "matched " + matched + " of " + now.run().clusters().size());
        Map<String, RiskGroup> groupBefore = groupsByIp(before.run());
        Map<String, RiskGroup> groupNow = groupsByIp(now.run());
        for (MovedIp m : changes.movedToBots()) {
            assertEquals(RiskGroup.BOTS, groupNow.get(m.ip()));
            assertNotEquals(RiskGroup.BOTS, groupBefore.get(m.ip()));
        }
        long expectedMoves = groupNow.entrySet().stream().filter(e -> e.getValue() == RiskGroup.BOTS
                && groupBefore.containsKey(e.getKey()) && groupBefore.get(e.getKey()) != RiskGroup.BOTS).count();
        assertEquals(expectedMoves, changes.movedToBots().size());
    }

    @Test
    void anEarlierRunIsLoadedFromItsJsonAndComparesAsUnchanged(@TempDir Path tmp) throws Exception {
        Path json = tmp.resolve("run.json");
        ClusteringRunJson.write(result.run(), json);
        ClusteringRun loaded = ws.clusters().loadRun(json);
        assertEquals(result.run().id(), loaded.id());
        assertEquals(result.run().assignments(), loaded.assignments());
        RunChanges same = ws.clusters().compare(loaded, result.run());
        assertTrue(same.clusters().stream().allMatch(c -> c.kind() == ClusterChange.Kind.STABLE && c.overlap() == 1.0),
                same.clusters().toString());
        assertTrue(same.movedToBots().isEmpty());
    }

    /** The most severe group of each IP's pairs (what the comparison calls its place). */
    private static Map<String, RiskGroup> groupsByIp(ClusteringRun run) {
        Map<String, RiskGroup> groupOf = new HashMap<>();
        run.clusters().forEach(c -> groupOf.put(c.id(), c.group()));
        Map<String, RiskGroup> out = new HashMap<>();
        for (MemberAssignment a : run.assignments()) {
            out.merge(a.ip(), groupOf.get(a.clusterId()), (x, y) -> x.ordinal() <= y.ordinal() ? x : y);
        }
        return out;
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
            for (int i = 1; i < rows.size(); i++) {
                assertTrue(Long.parseLong(rows.get(i - 1).get("hits")) >= Long.parseLong(rows.get(i).get("hits")), "busiest first");
            }
            assertEquals(c.fittedPairs(), rows.stream().filter(x -> x.get("fitted").equals("true")).count());
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
