package com.ja4.workstation.analysis.cluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares a run with an earlier one: the previous run of the same window, or a run over another
 * window (yesterday). Cluster ids differ between runs, so clusters are first matched:
 *
 * <ol>
 *   <li>For every (earlier, current) pair of clusters: the member overlap, Jaccard index of their
 *       (IP, JA4) pairs, and the centroid closeness {@code max(0, 1 - d / }{@value #MATCH_RADIUS}{@code )}
 *       for the centroid distance d. The similarity is their mean.</li>
 *   <li>A pair can match when it shares at least {@value #MIN_OVERLAP} of its members or its
 *       centroids are closer than {@value #MATCH_RADIUS}: overlap recognises a cluster of the same
 *       window re-run with another k or seed; the centroid recognises it over another window, where
 *       bots may come back from new IPs.</li>
 *   <li>Matching is greedy, most similar pair first, each cluster matched once (ties by cluster
 *       number). With 30 clusters at most this is what an analyst would do by hand, and it explains
 *       itself ("matched because 80 % of the pairs are the same"); an optimal assignment (Hungarian)
 *       would only trade one good match for two mediocre ones. A cluster that split shows as one
 *       match plus a NEW cluster.</li>
 * </ol>
 * A matched cluster GREW or SHRANK when its pair count changed by a factor of at least
 * {@value #SIZE_FACTOR} and by at least {@value #MIN_SIZE_CHANGE} pairs; otherwise it is STABLE.
 *
 * <p>Moved IPs: an IP of both runs whose riskiest pair sat in a LEGITIMATE or SUSPECTS cluster
 * before and sits in a BOTS cluster now.
 */
public final class RunComparison {

    static final double MATCH_RADIUS = 0.5;
    static final double MIN_OVERLAP = 0.1;
    static final double SIZE_FACTOR = 1.25;
    static final int MIN_SIZE_CHANGE = 5;

    private RunComparison() {
    }

    public static RunChanges compare(ClusteringRun earlier, ClusteringRun current) {
        List<ClusterProfile> before = earlier.clusters();
        List<ClusterProfile> now = current.clusters();
        Map<String, Set<String>> beforePairs = pairsByCluster(earlier);
        Map<String, Set<String>> nowPairs = pairsByCluster(current);

        record Candidate(int b, int n, double overlap, double distance, double similarity) {
        }
        List<Candidate> candidates = new ArrayList<>();
        for (int b = 0; b < before.size(); b++) {
            for (int n = 0; n < now.size(); n++) {
                double overlap = jaccard(beforePairs.get(before.get(b).id()), nowPairs.get(now.get(n).id()));
                double distance = distance(before.get(b), now.get(n));
                if (overlap < MIN_OVERLAP && distance >= MATCH_RADIUS) continue;
                double closeness = Math.max(0, 1 - distance / MATCH_RADIUS);
                candidates.add(new Candidate(b, n, overlap, distance, (overlap + closeness) / 2));
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::similarity).reversed()
                .thenComparingInt(Candidate::n).thenComparingInt(Candidate::b));
        Candidate[] matchOfNow = new Candidate[now.size()];
        boolean[] beforeTaken = new boolean[before.size()];
        for (Candidate c : candidates) {
            if (matchOfNow[c.n()] != null || beforeTaken[c.b()]) continue;
            matchOfNow[c.n()] = c;
            beforeTaken[c.b()] = true;
        }

        List<ClusterChange> changes = new ArrayList<>();
        for (int n = 0; n < now.size(); n++) {
            ClusterProfile cur = now.get(n);
            Candidate m = matchOfNow[n];
            if (m == null) {
                changes.add(new ClusterChange(ClusterChange.Kind.NEW, cur.id(), cur.label(), cur.group(), cur.pairCount(),
                        null, null, null, 0, 0, Double.NaN, 0));
            } else {
                ClusterProfile old = before.get(m.b());
                changes.add(new ClusterChange(sizeKind(old.pairCount(), cur.pairCount()), cur.id(), cur.label(),
                        cur.group(), cur.pairCount(), old.id(), old.label(), old.group(), old.pairCount(), m.overlap(),
                        m.distance(), m.similarity()));
            }
        }
        for (int b = 0; b < before.size(); b++) {
            if (beforeTaken[b]) continue;
            ClusterProfile old = before.get(b);
            changes.add(new ClusterChange(ClusterChange.Kind.VANISHED, null, null, null, 0, old.id(), old.label(),
                    old.group(), old.pairCount(), 0, Double.NaN, 0));
        }
        return new RunChanges(earlier.id(), current.id(), changes, movedToBots(earlier, current));
    }

    /** GROWN, SHRUNK or STABLE for a matched cluster that held {@code before} pairs and holds {@code now}. */
    public static ClusterChange.Kind sizeKind(int before, int now) {
        if (now >= before * SIZE_FACTOR && now - before >= MIN_SIZE_CHANGE) return ClusterChange.Kind.GROWN;
        if (before >= now * SIZE_FACTOR && before - now >= MIN_SIZE_CHANGE) return ClusterChange.Kind.SHRUNK;
        return ClusterChange.Kind.STABLE;
    }

    /** IPs whose riskiest pair moved from a legitimate or suspect cluster into a bot cluster. */
    static List<MovedIp> movedToBots(ClusteringRun earlier, ClusteringRun current) {
        Map<String, ClusterProfile> before = riskiestClusterByIp(earlier);
        Map<String, ClusterProfile> now = riskiestClusterByIp(current);
        List<MovedIp> moved = new ArrayList<>();
        for (Map.Entry<String, ClusterProfile> e : now.entrySet()) {
            ClusterProfile to = e.getValue();
            ClusterProfile from = before.get(e.getKey());
            if (to.group() != RiskGroup.BOTS || from == null || from.group() == RiskGroup.BOTS) continue;
            moved.add(new MovedIp(e.getKey(), from.id(), from.label(), from.group(), to.id(), to.label()));
        }
        Map<String, Double> riskOf = new HashMap<>();
        current.clusters().forEach(c -> riskOf.put(c.id(), c.risk()));
        moved.sort(Comparator.comparingDouble((MovedIp m) -> riskOf.get(m.toClusterId())).reversed()
                .thenComparing(MovedIp::ip));
        return moved;
    }

    private static Map<String, ClusterProfile> riskiestClusterByIp(ClusteringRun run) {
        Map<String, ClusterProfile> byId = new HashMap<>();
        run.clusters().forEach(c -> byId.put(c.id(), c));
        Comparator<ClusterProfile> riskier = Comparator.comparingInt((ClusterProfile c) -> severity(c.group()))
                .thenComparingDouble(ClusterProfile::risk).thenComparing(ClusterProfile::id, Comparator.reverseOrder());
        Map<String, ClusterProfile> out = new HashMap<>();
        for (MemberAssignment a : run.assignments()) {
            ClusterProfile c = byId.get(a.clusterId());
            if (c == null) continue;
            out.merge(a.ip(), c, (x, y) -> riskier.compare(x, y) >= 0 ? x : y);
        }
        return out;
    }

    private static int severity(RiskGroup g) {
        return switch (g) {
            case BOTS -> 2;
            case SUSPECTS -> 1;
            case LEGITIMATE -> 0;
        };
    }

    private static Map<String, Set<String>> pairsByCluster(ClusteringRun run) {
        Map<String, Set<String>> out = new HashMap<>();
        run.clusters().forEach(c -> out.put(c.id(), new HashSet<>()));
        for (MemberAssignment a : run.assignments()) {
            Set<String> s = out.get(a.clusterId());
            if (s != null) s.add(a.pairKey());
        }
        return out;
    }

    static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) return 0;
        Set<String> small = a.size() <= b.size() ? a : b;
        Set<String> large = small == a ? b : a;
        int both = 0;
        for (String s : small) if (large.contains(s)) both++;
        return (double) both / (a.size() + b.size() - both);
    }

    private static double distance(ClusterProfile a, ClusterProfile b) {
        double s = 0;
        for (int j = 0; j < Math.min(a.centroid().size(), b.centroid().size()); j++) {
            double d = a.centroid().get(j) - b.centroid().get(j);
            s += d * d;
        }
        return Math.sqrt(s);
    }
}
