package com.ja4.workstation.analysis.cluster;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Matching the clusters of two constructed runs and naming what changed. */
class RunComparisonTest {

    /** A centroid at {@code base} on every feature, moved by {@code shift} on the first one. */
    static List<Double> centroid(double base, double shift) {
        List<Double> c = new ArrayList<>(Collections.nCopies(Feature.COUNT, base));
        c.set(0, base + shift);
        return c;
    }

    static ClusterProfile cluster(String run, int index, String label, RiskGroup group, List<Double> centroid, int pairs) {
        double risk = switch (group) {
            case BOTS -> 0.8 - index * 0.01;
            case SUSPECTS -> 0.3;
            case LEGITIMATE -> 0.1;
        };
        return new ClusterProfile(run + "/c" + index, index, label, StackVerdict.UNKNOWN, risk, group, "#000000",
                pairs, pairs, pairs, pairs, centroid, Map.of(), null, List.of(), List.of(), List.of(), "", 0.5, 0.5);
    }

    static List<MemberAssignment> members(String clusterId, String prefix, int from, int to) {
        List<MemberAssignment> out = new ArrayList<>();
        for (int i = from; i <= to; i++) out.add(new MemberAssignment("10.0." + prefix + "." + i, "ja4", clusterId, 0.1, true));
        return out;
    }

    static ClusteringRun run(String id, List<ClusterProfile> clusters, List<MemberAssignment> assignments) {
        RunStatistics stats = new RunStatistics(assignments.size(), assignments.size(), assignments.size(), clusters.size(),
                1, 1, 0, 0, 0, 0, 0, Map.of(), 0);
        return new ClusteringRun(id, ClusteringParameters.defaults(), Instant.EPOCH, clusters, List.of(), assignments,
                List.of(), stats);
    }

    @Test
    void namesNewVanishedGrownShrunkAndStableClustersAndTheIpsThatBecameBots() {
        List<MemberAssignment> before = new ArrayList<>();
        before.addAll(members("e/c0", "1", 1, 100));   // browsers b1..b100
        before.addAll(members("e/c1", "2", 1, 20));    // scrapers s1..s20
        before.addAll(members("e/c2", "3", 1, 30));    // suspects u1..u30
        before.addAll(members("e/c3", "4", 1, 10));    // old bots, gone later
        ClusteringRun earlier = run("e", List.of(
                cluster("e", 0, "Residential browsers", RiskGroup.LEGITIMATE, centroid(0.1, 0), 100),
                cluster("e", 1, "Scrapers", RiskGroup.BOTS, centroid(0.5, 0), 20),
                cluster("e", 2, "Spoofed browsers", RiskGroup.SUSPECTS, centroid(0.3, 0), 30),
                cluster("e", 3, "Old bots", RiskGroup.BOTS, centroid(0.9, 0), 10)), before);

        List<MemberAssignment> after = new ArrayList<>();
        after.addAll(members("n/c0", "1", 1, 90));     // browsers b1..b90: 100 -> 90, stable
        after.addAll(members("n/c1", "2", 1, 20));     // scrapers, joined by ...
        after.addAll(members("n/c1", "3", 1, 10));     // ... suspects u1..u10 and
        after.addAll(members("n/c1", "1", 91, 100));   // ... browsers b91..b100: 20 -> 40, grown
        after.addAll(members("n/c2", "3", 11, 30));    // suspects 30 -> 20, shrunk
        after.addAll(members("n/c3", "5", 1, 15));     // a new crawler
        ClusteringRun current = run("n", List.of(
                cluster("n", 0, "Residential browsers", RiskGroup.LEGITIMATE, centroid(0.1, 0.02), 90),
                cluster("n", 1, "Scrapers", RiskGroup.BOTS, centroid(0.5, 0.03), 40),
                cluster("n", 2, "Spoofed browsers", RiskGroup.SUSPECTS, centroid(0.3, -0.02), 20),
                cluster("n", 3, "New crawler", RiskGroup.BOTS, centroid(0.7, 0.4), 15)), after);

        RunChanges changes = RunComparison.compare(earlier, current);

        assertEquals("e", changes.earlierRunId());
        assertEquals(ClusterChange.Kind.STABLE, changes.of("n/c0").orElseThrow().kind());
        assertEquals("e/c0", changes.of("n/c0").orElseThrow().earlierClusterId());
        assertEquals(0.9, changes.of("n/c0").orElseThrow().overlap(), 1e-12, "90 shared of 100");
        assertEquals(ClusterChange.Kind.GROWN, changes.of("n/c1").orElseThrow().kind());
        assertEquals(20, changes.of("n/c1").orElseThrow().earlierPairs());
        assertEquals(ClusterChange.Kind.SHRUNK, changes.of("n/c2").orElseThrow().kind());
        assertEquals(ClusterChange.Kind.NEW, changes.of("n/c3").orElseThrow().kind());
        List<ClusterChange> vanished = changes.ofKind(ClusterChange.Kind.VANISHED);
        assertEquals(1, vanished.size());
        assertEquals("e/c3", vanished.get(0).earlierClusterId());
        assertEquals("Old bots", vanished.get(0).earlierLabel());
        assertEquals(5, changes.clusters().size(), "four current clusters and one vanished");

        List<MovedIp> moved = changes.movedToBots();
        assertEquals(20, moved.size(), "u1..u10 from suspects, b91..b100 from browsers");
        assertTrue(moved.stream().allMatch(m -> m.toClusterId().equals("n/c1")));
        assertEquals(10, moved.stream().filter(m -> m.fromGroup() == RiskGroup.SUSPECTS).count());
        assertEquals(10, moved.stream().filter(m -> m.fromGroup() == RiskGroup.LEGITIMATE && m.fromLabel().equals("Residential browsers")).count());
        assertTrue(moved.stream().noneMatch(m -> m.ip().startsWith("10.0.2.")), "scrapers were bots already");
    }

    @Test
    void overAnotherWindowClustersMatchByCentroidWhenTheirIpsAreNew() {
        ClusteringRun yesterday = run("y", List.of(
                cluster("y", 0, "Masscan scanner", RiskGroup.BOTS, centroid(0.9, 0), 30),
                cluster("y", 1, "Residential browsers", RiskGroup.LEGITIMATE, centroid(0.1, 0), 50)),
                concat(members("y/c0", "7", 1, 30), members("y/c1", "8", 1, 50)));
        // today: other scanner IPs, same browsers; the scanner's centroid barely moved
        ClusteringRun today = run("t", List.of(
                cluster("t", 0, "Residential browsers", RiskGroup.LEGITIMATE, centroid(0.1, 0.01), 50),
                cluster("t", 1, "Masscan scanner", RiskGroup.BOTS, centroid(0.9, 0.05), 31)),
                concat(members("t/c0", "8", 1, 50), members("t/c1", "9", 1, 31)));
        RunChanges changes = RunComparison.compare(yesterday, today);
        ClusterChange scanner = changes.of("t/c1").orElseThrow();
        assertEquals("y/c0", scanner.earlierClusterId());
        assertEquals(0.0, scanner.overlap());
        assertEquals(0.05, scanner.centroidDistance(), 1e-9);
        assertEquals(ClusterChange.Kind.STABLE, scanner.kind());
        assertEquals("y/c1", changes.of("t/c0").orElseThrow().earlierClusterId());
        assertTrue(changes.ofKind(ClusterChange.Kind.VANISHED).isEmpty());
        assertTrue(changes.movedToBots().isEmpty());
    }

    @Test
    void aClusterThatSplitKeepsItsBestMatchAndTheRestIsNew() {
        ClusteringRun earlier = run("e", List.of(cluster("e", 0, "Scrapers", RiskGroup.BOTS, centroid(0.5, 0), 60)),
                members("e/c0", "2", 1, 60));
        ClusteringRun current = run("n", List.of(
                cluster("n", 0, "Scrapers", RiskGroup.BOTS, centroid(0.5, 0.1), 20),
                cluster("n", 1, "Scrapers (2)", RiskGroup.BOTS, centroid(0.5, -0.05), 40)),
                concat(members("n/c0", "2", 1, 20), members("n/c1", "2", 21, 60)));
        RunChanges changes = RunComparison.compare(earlier, current);
        assertEquals("e/c0", changes.of("n/c1").orElseThrow().earlierClusterId(), "the larger, closer part keeps the match");
        assertEquals(ClusterChange.Kind.SHRUNK, changes.of("n/c1").orElseThrow().kind());
        assertEquals(ClusterChange.Kind.NEW, changes.of("n/c0").orElseThrow().kind());
    }

    @Test
    void sizeChangesNeedBothAFactorAndAFewPairs() {
        assertEquals(ClusterChange.Kind.STABLE, RunComparison.sizeKind(4, 6), "+50 % but only 2 pairs");
        assertEquals(ClusterChange.Kind.GROWN, RunComparison.sizeKind(20, 25));
        assertEquals(ClusterChange.Kind.STABLE, RunComparison.sizeKind(100, 120));
        assertEquals(ClusterChange.Kind.SHRUNK, RunComparison.sizeKind(125, 100));
    }

    private static List<MemberAssignment> concat(List<MemberAssignment> a, List<MemberAssignment> b) {
        List<MemberAssignment> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
