package com.ja4.workstation.ui.cluster;

import static org.junit.jupiter.api.Assertions.*;

import com.ja4.workstation.analysis.cluster.ClusterChange;
import com.ja4.workstation.analysis.cluster.ClusterProfile;
import com.ja4.workstation.analysis.cluster.MemberAssignment;
import com.ja4.workstation.analysis.cluster.MovedIp;
import com.ja4.workstation.analysis.cluster.ProgressListener;
import com.ja4.workstation.analysis.cluster.RiskGroup;
import com.ja4.workstation.analysis.cluster.RunChanges;
import com.ja4.workstation.analysis.cluster.RunComparison;
import com.ja4.workstation.analysis.fingerprint.OsFinding;
import com.ja4.workstation.domain.ClientIp;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.cluster.ClusterMemberRow;
import com.ja4.workstation.domain.cluster.OsMismatchFigure;
import com.ja4.workstation.service.Workspace;
import com.ja4.workstation.service.cluster.ClusterService;
import com.ja4.workstation.service.cluster.MemberOrder;
import com.ja4.workstation.service.cluster.RunBaseline;
import com.ja4.workstation.service.ip.IpAnalysis.TcpFinding;
import com.ja4.workstation.service.query.QueryScope;
import com.ja4.workstation.service.source.SnapshotOpener;
import com.ja4.workstation.testing.DemoSnapshots;
import com.ja4.workstation.ui.common.Fx;
import com.ja4.workstation.ui.common.Loadable;
import com.ja4.workstation.ui.render.HeadlessFx;
import com.ja4.workstation.ui.task.Task;
import com.ja4.workstation.ui.task.Tasks;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Clusters view model driven without widgets on the demo: fitted and assigned counts, member
 * sorting through the service, comparison with the window before / the previous run, and the
 * per-cluster OS mismatch figure against an independent count.
 */
class ClustersModelTest {

    static Workspace ws;
    static Tasks tasks;

    @BeforeAll
    static void open() throws Exception {
        HeadlessFx.start();
        ws = SnapshotOpener.open(DemoSnapshots.defaultDemo());
        tasks = new Tasks();
    }

    @AfterAll
    static void close() {
        ws.close();
    }

    /** A model over the demo for a window of this length, with its first run (k, sample) shown. */
    private static ClustersModel shown(Duration length, int k, int samples) throws Exception {
        TimeWindow w = new TimeWindow(ws.session().latestAsOf(), length);
        Task view = tasks.start("Clusters");
        ClustersModel m = new ClustersModel(() -> ws, () -> w, () -> view, tasks);
        onFx(() -> {
            m.kProperty().set(k);
            m.sampleSizeProperty().set(samples);
        });
        await(onFx(m::run));
        waitUntil(() -> m.members().page().state() == Loadable.State.CONTENT);
        assertNotNull(m.result(), m.stageProperty().get());
        return m;
    }

    @Test
    void theRunSaysFittedOnAndAssignedOverTheSamePairs() throws Exception {
        ClustersModel m = shown(Duration.ofHours(24), 14, 1000);
        ClusterService.ClusterResult r = m.result();
        long ips = r.run().assignments().stream().map(MemberAssignment::ip).distinct().count();
        assertEquals(1000, r.fittedPairs());
        assertTrue(r.assignedPairs() > 1000, "every pair of the window is assigned, not only the sample");
        assertEquals(r.assignedPairs(), r.run().assignments().size());
        assertTrue(m.runInfoProperty().get().contains("fitted on 1,000 pairs · assigned " + Fx.count(r.assignedPairs())
                + " pairs (" + Fx.count(ips) + " IPs)"), m.runInfoProperty().get());
        assertEquals(r.fittedPairs(), r.run().clusters().stream().mapToInt(ClusterProfile::fittedPairs).sum(),
                "the cards' 'fitted on' add up to the run's");
        assertEquals(r.assignedPairs(), r.run().clusters().stream().mapToInt(ClusterProfile::pairCount).sum(),
                "the cards' 'assigned' add up to the run's");
        for (ClusterProfile c : r.run().clusters()) {
            assertEquals(c.fittedPairs(), r.run().assignments().stream().filter(a -> a.clusterId().equals(c.id()) && a.fitted()).count());
        }
    }

    @Test
    void aColumnSortGoesThroughTheServiceAndTheExportFollowsIt(@TempDir Path tmp) throws Exception {
        ClustersModel m = shown(Duration.ofHours(24), 14, 3000);
        ClusterProfile big = m.result().run().clusters().stream().max(Comparator.comparingInt(ClusterProfile::pairCount)).orElseThrow();
        onFx(() -> m.select(big.id()));
        waitUntil(() -> m.members().page().state() == Loadable.State.CONTENT && m.members().page().value().rows().size() == 50);
        List<ClusterMemberRow> busiest = List.copyOf(m.members().rows());
        assertTrue(isSorted(busiest, Comparator.comparingLong(ClusterMemberRow::hits).reversed()), "busiest first by default");

        await(onFx(() -> m.members().sortBy("distance", true)));
        assertEquals(new MemberOrder(MemberOrder.Column.DISTANCE, true), m.members().page().value().order(), "the service was asked");
        List<ClusterMemberRow> far = List.copyOf(m.members().rows());
        assertTrue(isSorted(far, Comparator.comparingDouble(ClusterMemberRow::distance).reversed()));
        double farthest = m.result().run().assignments().stream().filter(a -> a.clusterId().equals(big.id()))
                .mapToDouble(MemberAssignment::distance).max().orElseThrow();
        assertEquals(farthest, far.get(0).distance(), 1e-12, "the whole cluster was sorted, not one page");
        await(onFx(() -> m.members().next()));
        assertTrue(m.members().rows().get(0).distance() <= far.get(far.size() - 1).distance(), "page 2 continues the order");

        await(onFx(() -> m.members().sortBy("ip", false)));
        assertTrue(isSorted(m.members().rows(), Comparator.comparing(ClusterMemberRow::ip)));
        assertEquals("1–50 of " + Fx.count(big.pairCount()) + " pairs", m.members().pagerTextProperty().get(), "back to the first page");
        await(onFx(() -> m.members().sortBy("1; DROP TABLE x", true)));
        assertEquals(new MemberOrder(MemberOrder.Column.IP, false), m.members().order(), "a column outside the whitelist changes nothing");

        await(onFx(() -> m.members().sortBy("distance", false)));
        Path csv = tmp.resolve("members.csv");
        assertEquals(big.pairCount(), onFx(() -> m.exportMembers(csv)).get(60, TimeUnit.SECONDS));
        List<Double> distances;
        try (Reader r = Files.newBufferedReader(csv)) {
            distances = CSVFormat.DEFAULT.builder().setHeader().build().parse(r).stream()
                    .map((CSVRecord rec) -> Double.parseDouble(rec.get("distance"))).toList();
        }
        assertEquals(big.pairCount(), distances.size());
        assertTrue(isSorted(distances, Comparator.naturalOrder()), "the CSV follows the table's order");
    }

    @Test
    void comparingWithTheWindowBeforeShowsNewGrownShrunkVanishedAndMovedIps() throws Exception {
        ClustersModel m = shown(Duration.ofHours(6), 14, 3000);
        ClusterComparisonModel c = m.comparison();
        await(onFx(() -> c.compareWith(RunBaseline.WINDOW_BEFORE)));
        var shown = c.comparison().orElseThrow(() -> new AssertionError(c.statusProperty().get()));
        TimeWindow before = ClusterService.windowBefore(m.result().window());
        assertEquals(before, shown.earlierWindow());

        // the same comparison made independently: the window before clustered with the run's parameters
        var p = m.result().run().parameters();
        ClusterService.ClusterResult earlier = ws.clusters().run(before, p.k(), p.sampleSize(), ProgressListener.NONE, () -> false);
        RunChanges expected = RunComparison.compare(earlier.run(), m.result().run());
        for (ClusterChange.Kind kind : ClusterChange.Kind.values()) {
            assertEquals(expected.count(kind), shown.changes().count(kind), kind.name());
        }
        assertTrue(expected.count(ClusterChange.Kind.NEW) + expected.count(ClusterChange.Kind.GROWN)
                + expected.count(ClusterChange.Kind.SHRUNK) + expected.count(ClusterChange.Kind.VANISHED) > 0, "the demo's 6 h differ");

        // badges: every notable change of a current cluster, vanished ones listed apart
        for (ClusterProfile cl : m.result().run().clusters()) {
            ClusterChange ch = c.changeOf(cl.id()).orElseThrow(() -> new AssertionError("every cluster has a change"));
            assertEquals(ch.kind() != ClusterChange.Kind.STABLE || ch.groupChanged(), c.changes().contains(ch), cl.label());
        }
        assertEquals(expected.count(ClusterChange.Kind.VANISHED), c.vanished().size());
        assertTrue(c.changes().containsAll(c.vanished()));
        assertTrue(c.statusProperty().get().startsWith("vs the window before"), c.statusProperty().get());

        // IPs moved from a legitimate or suspect cluster into a bot cluster
        assertFalse(c.movedToBots().isEmpty(), "on the demo's 6 h some IPs move into bots");
        assertEquals(expected.movedToBots().size(), c.movedToBots().size());
        for (MovedIp moved : c.movedToBots()) {
            assertNotEquals(RiskGroup.BOTS, moved.fromGroup());
            assertEquals(RiskGroup.BOTS, m.result().run().cluster(moved.toClusterId()).orElseThrow().group());
            assertTrue(ClientIp.parse(moved.ip()).isPresent(), "openable in the drill-down: " + moved.ip());
        }

        onFx(c::clear);
        assertTrue(c.comparison().isEmpty());
        assertTrue(c.changes().isEmpty() && c.movedToBots().isEmpty());
        assertEquals(Loadable.State.EMPTY, c.changesPane().state());
    }

    @Test
    void thePreviousRunStaysTheBaselineForEachNewRunAndFailuresSaySo() throws Exception {
        ClustersModel m = shown(Duration.ofHours(24), 14, 3000);
        ClusterComparisonModel c = m.comparison();
        String first = m.result().run().id();
        // the window before 24 h of demo data is empty: one clear line, no comparison
        await(onFx(() -> c.compareWith(RunBaseline.WINDOW_BEFORE)));
        assertTrue(c.failedProperty().get());
        assertTrue(c.statusProperty().get().startsWith("Comparison failed: The window before (2026-11-18 12:00 → 2026-11-19 12:00 UTC):"),
                c.statusProperty().get());
        assertEquals(Loadable.State.ERROR, c.changesPane().state());

        onFx(() -> m.kProperty().set(10));
        await(onFx(m::run));
        assertTrue(c.canComparePreviousProperty().get());
        await(onFx(() -> c.compareWith(RunBaseline.PREVIOUS_RUN)));
        assertEquals(first, c.comparison().orElseThrow().earlier().id());
        assertTrue(c.changes().stream().anyMatch(ch -> ch.kind() == ClusterChange.Kind.VANISHED), "14 clusters before, 10 now");

        String second = m.result().run().id();
        onFx(() -> m.kProperty().set(12));
        await(onFx(m::run));
        waitUntil(() -> !c.isRunning() && c.comparison().isPresent());
        assertEquals(second, c.comparison().orElseThrow().earlier().id(), "the chosen baseline is applied to the new run");

        // a cancelled comparison leaves nothing half-shown
        onFx(() -> {
            c.compareWith(RunBaseline.WINDOW_BEFORE);
            c.cancel();
            return null;
        });
        waitUntil(() -> !c.isRunning());
        assertTrue(c.comparison().isEmpty());
        assertEquals("Comparison cancelled", c.statusProperty().get());
        waitUntil(() -> tasks.running().stream().noneMatch(t -> t.nameProperty().get().startsWith("Comparing")));
    }

    @Test
    void aRunFileIsABaselineAndABadOneIsOneSentenceNamingIt(@TempDir Path tmp) throws Exception {
        ClustersModel m = shown(Duration.ofHours(24), 14, 3000);
        ClusterComparisonModel c = m.comparison();
        Path earlier = tmp.resolve("earlier.json");
        com.ja4.workstation.analysis.cluster.ClusteringRunJson.write(m.result().run(), earlier);  // what cluster --out writes
        await(onFx(() -> c.compareWith(new RunBaseline.RunFile(earlier))));
        var shown = c.comparison().orElseThrow(() -> new AssertionError(c.statusProperty().get()));
        assertEquals(m.result().run().id(), shown.earlier().id());
        assertTrue(shown.window().isEmpty(), "a file carries no window");
        assertTrue(c.changes().isEmpty() && c.movedToBots().isEmpty(), "the same run: nothing changed");
        assertEquals(m.result().run().clusters().size(), shown.changes().count(ClusterChange.Kind.STABLE));
        assertTrue(c.statusProperty().get().startsWith("vs the run in earlier.json (run "), c.statusProperty().get());

        Path bad = Files.writeString(tmp.resolve("notes.json"), "{\"hello\": 1}");
        await(onFx(() -> c.compareWith(new RunBaseline.RunFile(bad))));
        assertTrue(c.comparison().isEmpty());
        assertEquals(Loadable.State.ERROR, c.changesPane().state());
        assertTrue(c.changesPane().message().contains(bad.toString()) && c.changesPane().message().contains("is not a clustering result"),
                c.changesPane().message());
        assertEquals(1, c.statusProperty().get().lines().count());
    }

    @Test
    void theOsMismatchFigureEqualsACountOverTheDrillDownsOfItsIps() throws Exception {
        ClustersModel m = shown(Duration.ofHours(24), 14, 3000);
        boolean someMismatch = false;
        // small clusters keep the one-IP-at-a-time count quick
        for (ClusterProfile cl : m.result().run().clusters().stream().filter(p -> p.ipCount() <= 100).toList()) {
            onFx(() -> m.select(cl.id()));
            waitUntil(() -> m.osMismatch().state() != Loadable.State.LOADING);
            OsMismatchFigure figure = m.osMismatch().value();
            List<String> ips = m.result().run().assignments().stream().filter(a -> a.clusterId().equals(cl.id()))
                    .map(MemberAssignment::ip).distinct().toList();
            int comparable = 0;
            int mismatched = 0;
            QueryScope scope = QueryScope.sequential();
            for (String ip : ips) {
                List<TcpFinding> tcp = ws.ip().tcp(ClientIp.parse(ip).orElseThrow(), m.result().window(), scope).get();
                // the busiest SYN shape the fingerprinter can read
                TcpFinding busiest = tcp.stream().filter(t -> t.verdict() != null).findFirst().orElse(null);
                if (busiest == null) continue;
                OsFinding f = OsFinding.of(busiest.verdict(), busiest.tuple().firstUa());
                if (f.comparable()) comparable++;
                if (f.mismatch().isPresent()) mismatched++;
            }
            assertEquals(new OsMismatchFigure(ips.size(), comparable, mismatched), figure, cl.label());
            someMismatch |= mismatched > 0;
        }
        assertTrue(someMismatch, "the demo's spoofed browsers claim another OS than their stack");
    }

    private static <T> boolean isSorted(List<T> list, Comparator<? super T> order) {
        for (int i = 1; i < list.size(); i++) if (order.compare(list.get(i - 1), list.get(i)) > 0) return false;
        return true;
    }

    private static <T> T onFx(Callable<T> work) {
        return HeadlessFx.onFx(() -> {
            try {
                return work.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static void onFx(Runnable work) {
        HeadlessFx.onFx(() -> {
            work.run();
            return null;
        });
    }

    private static void await(java.util.concurrent.CompletableFuture<?> f) throws Exception {
        try {
            f.get(120, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException ignored) {
            // a failure is what the model shows; the test reads it there
        }
        HeadlessFx.onFx(() -> null);
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!HeadlessFx.onFx(() -> {
            try {
                return condition.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        })) {
            if (System.nanoTime() > end) fail("timed out");
            Thread.sleep(20);
        }
    }
}
