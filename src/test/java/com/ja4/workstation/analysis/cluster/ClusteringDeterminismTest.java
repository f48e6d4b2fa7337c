package com.ja4.workstation.analysis.cluster;

import static org.junit.jupiter.api.Assertions.*;

import com.ja4.workstation.domain.cluster.FeatureRow;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ClusteringDeterminismTest {

    private static final Clock FIXED = Clock.fixed(Instant.parse("2025-03-01T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void sameInputAndSeedGiveIdenticalAssignmentsAndCentroids() throws Exception {
        List<FeatureRow> rows = SyntheticRows.generate(4_000, 7);
        ClusteringEngine service = new ClusteringEngine(InitialTtlVerdicts.INSTANCE, FIXED);
        ClusteringParameters p = ClusteringParameters.of(14, 3_000, 42);

        ClusteringRun a = service.run(FeatureSource.of(rows), p, ProgressListener.NONE, CancellationCheck.NEVER);
        ClusteringRun b = service.run(FeatureSource.of(rows), p, ProgressListener.NONE, CancellationCheck.NEVER);

        assertEquals(a.id(), b.id());
        assertEquals(a.assignments(), b.assignments());
        assertEquals(a.clusters().size(), b.clusters().size());
        for (int i = 0; i < a.clusters().size(); i++) {
            assertEquals(a.clusters().get(i).centroid(), b.clusters().get(i).centroid());
            assertEquals(a.clusters().get(i).label(), b.clusters().get(i).label());
            assertEquals(a.clusters().get(i).x(), b.clusters().get(i).x());
        }
        assertEquals(4_000, a.assignments().size(), "every pair is assigned");
        assertEquals(3_000, a.assignments().stream().filter(MemberAssignment::fitted).count(), "3,000 fitted");
        assertEquals(3_000, a.statistics().sampledRows());
        assertEquals(4_000, a.statistics().assignedRows());
    }

    /**
     * The per-row facts (IP ranks, hits) come from one parallel pass that assumes IP order; rows in
     * any other order must give the same counts (by a set), on the run and on every cluster.
     */
    @Test
    void ipAndHitCountsDoNotDependOnTheRowOrder() {
        List<FeatureRow> rows = new ArrayList<>(SyntheticRows.generate(3_000, 9));
        rows.sort(java.util.Comparator.comparing(FeatureRow::ip).thenComparing(FeatureRow::ja4));
        List<FeatureRow> shuffled = new ArrayList<>(rows);
        java.util.Collections.shuffle(shuffled, new java.util.Random(4));
        ClusteringPipeline pipeline = new ClusteringPipeline(InitialTtlVerdicts.INSTANCE);
        ClusteringParameters p = ClusteringParameters.of(8, 3_000, 3);
        ClusteringRun ordered = pipeline.run(rows, p, FIXED.instant(), ProgressListener.NONE, CancellationCheck.NEVER);
        ClusteringRun any = pipeline.run(shuffled, p, FIXED.instant(), ProgressListener.NONE, CancellationCheck.NEVER);
        long ips = rows.stream().map(FeatureRow::ip).distinct().count();
        long hits = rows.stream().mapToLong(FeatureRow::hits).sum();
        for (ClusteringRun run : List.of(ordered, any)) {
            assertEquals(ips, run.statistics().ipCount());
            assertEquals(hits, run.statistics().hitCount());
            java.util.Map<String, Long> hitsOfPair = new java.util.HashMap<>();
            for (FeatureRow r : rows) hitsOfPair.put(r.ip() + "|" + r.ja4(), r.hits());
            java.util.Map<String, java.util.Set<String>> ipsOf = new java.util.HashMap<>();
            java.util.Map<String, Long> hitsOf = new java.util.HashMap<>();
            for (MemberAssignment a : run.assignments()) {
                ipsOf.computeIfAbsent(a.clusterId(), id -> new java.util.HashSet<>()).add(a.ip());
                hitsOf.merge(a.clusterId(), hitsOfPair.get(a.pairKey()), Long::sum);
            }
            for (ClusterProfile c : run.clusters()) {
                assertEquals(ipsOf.get(c.id()).size(), c.ipCount(), c.label());
                assertEquals(hitsOf.get(c.id()), c.hitCount(), c.label());
            }
        }
    }

    @Test
    void directKMeansIsRepeatableAcrossThreads() throws Exception {
        double[][] data = ClusteringPipeline.vectors(SyntheticRows.generate(2_000, 3));
        KMeansClusterer.Result first = KMeansClusterer.cluster(data, 10, 99, 100, CancellationCheck.NEVER);
        KMeansClusterer.Result[] other = new KMeansClusterer.Result[1];
        Thread t = new Thread(() -> other[0] = KMeansClusterer.cluster(data, 10, 99, 100, CancellationCheck.NEVER));
        t.start();
        t.join();
        assertArrayEquals(first.labels(), other[0].labels());
        assertArrayEquals(first.centroids(), other[0].centroids());
    }

    @Test
    void separatesArchetypesAndNamesTheScanner() throws Exception {
        ClusteringRun run = new ClusteringEngine(InitialTtlVerdicts.INSTANCE, FIXED).run(
                FeatureSource.of(SyntheticRows.generate(3_000, 11)), ClusteringParameters.of(6, 3_000, 42),
                ProgressListener.NONE, CancellationCheck.NEVER);
        ClusterProfile masscan = run.clusters().stream().filter(c -> c.label().equals("Masscan scanner")).findFirst()
                .orElseThrow(() -> new AssertionError("no Masscan cluster in " + run.clusters()));
        assertEquals(RiskGroup.BOTS, masscan.group());
        assertTrue(masscan.id().startsWith(run.id() + "/c"));
        assertTrue(run.clusters().stream().anyMatch(c -> c.group() == RiskGroup.LEGITIMATE),
                "browsers should form a legitimate cluster: " + run.clusters());
        for (ClusterProfile c : run.clusters()) {
            assertTrue(c.x() >= 0 && c.x() <= 1 && c.y() >= 0 && c.y() <= 1);
            assertTrue(c.risk() >= 0 && c.risk() <= 1);
            assertEquals(RiskGroup.of(c.risk()), c.group());
        }
        assertFalse(run.edges().isEmpty());
        run.edges().forEach(e -> assertEquals(1.0 / (1.0 + e.distance()), e.similarity(), 1e-12));
    }

    /**
     * The engine finds out in the vector pass whether the rows are in (IP, JA4) order, which the
     * sampler needs, and sorts them when they are not: the same run either way, also when only two
     * JA4s of one IP are swapped (in IP order, not in (IP, JA4) order).
     */
    @Test
    void theEngineSortsRowsOutOfIdentityOrderIntoTheSameRun() {
        List<FeatureRow> rows = new ArrayList<>(SyntheticRows.generate(3_000, 9));
        // every tenth IP also shows a second JA4 (another client on it)
        for (int r = 0; r < 3_000; r += 10) rows.add(withJa4(rows.get(r), "t13d1715h2_5b57614c22b0_3d5424432f57"));
        rows.sort(java.util.Comparator.comparing(FeatureRow::ip).thenComparing(FeatureRow::ja4));
        List<FeatureRow> ja4Swapped = new ArrayList<>(rows);
        int i = 0;
        while (i + 1 < rows.size() && !rows.get(i).ip().equals(rows.get(i + 1).ip())) i++;
        assertTrue(i + 1 < rows.size(), "the set has an IP with two JA4s");
        java.util.Collections.swap(ja4Swapped, i, i + 1);
        List<FeatureRow> shuffled = new ArrayList<>(rows);
        java.util.Collections.shuffle(shuffled, new java.util.Random(4));
        assertTrue(FeatureMatrix.of(rows).identityOrdered());
        assertFalse(FeatureMatrix.of(ja4Swapped).identityOrdered());
        assertTrue(FeatureMatrix.of(ja4Swapped).ipOrdered(), "still in IP order");
        assertFalse(FeatureMatrix.of(shuffled).identityOrdered());

        ClusteringEngine engine = new ClusteringEngine(InitialTtlVerdicts.INSTANCE, FIXED);
        // a sample smaller than the rows: which rows are fitted depends on the order being right
        ClusteringParameters p = ClusteringParameters.of(8, 2_000, 3);
        ClusteringRun expected = engine.cluster(rows, p, java.util.Map.of(), ProgressListener.NONE, CancellationCheck.NEVER);
        for (List<FeatureRow> input : List.of(ja4Swapped, shuffled)) {
            ClusteringRun run = engine.cluster(input, p, java.util.Map.of(), ProgressListener.NONE, CancellationCheck.NEVER);
            assertEquals(expected.id(), run.id());
            assertEquals(expected.assignments(), run.assignments());
            assertEquals(expected.clusters(), run.clusters());
        }
    }

    private static FeatureRow withJa4(FeatureRow r, String ja4) {
        return new FeatureRow(r.ip(), ja4, r.ttl(), r.window(), r.scale(), r.mss(), r.userAgent(), r.hits() + 1,
                r.anomalyScore(), r.velocity(), r.fuzzing(), r.headless(), r.postRatio(), r.ipIdZero(), r.entropy(),
                r.browserScore(), r.alpnMismatch(), r.alpnMissing(), r.h2Efficiency(), r.headerOrderConfidence(),
                r.uaChMismatch(), r.assetRatio(), r.directAccessRatio(), r.ja4Count(), r.uaRotating(), r.threat(),
                r.country(), r.asnOrg());
    }

    @Test
    void reportsEveryStageAndHonoursCancelInsideKMeans() {
        List<ClusteringStage> seen = new ArrayList<>();
        AtomicInteger checks = new AtomicInteger();
        ClusteringEngine service = new ClusteringEngine(InitialTtlVerdicts.INSTANCE, FIXED);
        FeatureSource source = FeatureSource.of(SyntheticRows.generate(2_000, 5));
        // Cancel on the first check made inside the k-means loop (after load, sample and vectors).
        assertThrows(ClusteringCancelledException.class, () -> service.run(source, ClusteringParameters.of(8, 2_000, 1),
                (stage, f) -> seen.add(stage), () -> seen.contains(ClusteringStage.KMEANS) && checks.incrementAndGet() > 1));
        assertTrue(seen.contains(ClusteringStage.KMEANS));
        assertFalse(seen.contains(ClusteringStage.PCA));
        assertNoCoreKeptAwake("after a cancelled run");
    }

    @Test
    void theCoresAreKeptAwakeDuringARunAndReleasedWhenItEnds() {
        // on more than one core, spinners run while the run computes; none outlives it, even when it fails
        List<FeatureRow> rows = SyntheticRows.generate(2_000, 5);
        ClusteringEngine service = new ClusteringEngine(InitialTtlVerdicts.INSTANCE, FIXED);
        AtomicInteger awakeDuringRun = new AtomicInteger(-1);
        service.cluster(rows, ClusteringParameters.of(8, 2_000, 1), java.util.Map.of(), (stage, f) -> {
            if (stage == ClusteringStage.KMEANS) awakeDuringRun.set(awakeSpinners());
        }, CancellationCheck.NEVER);
        int expected = Math.max(0, Math.min(AwakeCores.MAX_SPINNERS, Math.min(Runtime.getRuntime().availableProcessors() - 1,
                java.util.concurrent.ForkJoinPool.getCommonPoolParallelism())));
        assertEquals(expected, awakeDuringRun.get(), "spinners while the k-means runs");
        assertEquals(expected, AwakeCores.spinnersFor(AwakeCores.SHORT_RUN_ROWS));
        assertEquals(0, AwakeCores.spinnersFor(AwakeCores.SHORT_RUN_ROWS + 1), "a long run keeps no core awake");
        assertNoCoreKeptAwake("after a run");
        assertThrows(IllegalArgumentException.class, () -> service.cluster(rows.subList(0, 5), ClusteringParameters.of(8, 2_000, 1),
                java.util.Map.of(), ProgressListener.NONE, CancellationCheck.NEVER));
        assertThrows(RuntimeException.class, () -> service.cluster(rows, ClusteringParameters.of(8, 2_000, 1), java.util.Map.of(),
                (stage, f) -> {
                    if (stage == ClusteringStage.PROFILES) throw new IllegalStateException("listener failed");
                }, CancellationCheck.NEVER));
        assertNoCoreKeptAwake("after a failed run");
    }

    private static int awakeSpinners() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(AwakeCores.THREAD_NAME) && t.isAlive()).count();
    }

    private static void assertNoCoreKeptAwake(String when) {
        assertEquals(0, awakeSpinners(), "no spinner " + when);
    }

    @Test
    void refusesInvalidParametersWithTheRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClusteringParameters.of(3, 3_000, 1));
        assertTrue(e.getMessage().contains("between 4 and 30"));
        e = assertThrows(IllegalArgumentException.class, () -> ClusteringParameters.of(14, 9_000, 1));
        assertTrue(e.getMessage().contains("between 500 and 8000"));
    }
}
