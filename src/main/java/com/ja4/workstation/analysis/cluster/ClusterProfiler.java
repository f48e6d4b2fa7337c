package com.ja4.workstation.analysis.cluster;

import com.ja4.workstation.domain.cluster.FeatureRow;
import com.ja4.workstation.domain.ThreatLevel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds each cluster's profile from its member rows, its centroid and its PCA position. */
final class ClusterProfiler {

    /** Share of detected pairs that must reach a level for it to be the cluster's dominant threat. */
    static final double DOMINANT_THREAT_SHARE = 0.25;
    private static final int TOP = 5;
    private static final int SAMPLE_IPS = 8;

    private final StackVerdictSource verdicts;

    ClusterProfiler(StackVerdictSource verdicts) {
        this.verdicts = verdicts;
    }

    /**
     * @param members rows of the cluster (not empty)
     * @param xy      the cluster's position in [0, 1]
     */
    ClusterProfile profile(String id, int index, List<FeatureRow> members, double[] centroid, double[] xy) {
        Map<String, Double> means = rawMeans(members);
        StackVerdict stack = StackVotes.of(members, verdicts);
        double risk = RiskScore.of(centroid, stack);
        Set<String> ips = new HashSet<>();
        long hits = 0;
        for (FeatureRow r : members) {
            ips.add(r.ip());
            hits += r.hits();
        }
        List<FeatureRow> busiest = new ArrayList<>(members);
        busiest.sort(Comparator.comparingLong(FeatureRow::hits).reversed()
                .thenComparing(FeatureRow::ip).thenComparing(FeatureRow::ja4));
        List<String> sampleIps = busiest.stream().map(FeatureRow::ip).distinct().limit(SAMPLE_IPS).toList();
        List<Double> centroidList = new ArrayList<>(centroid.length);
        for (double v : centroid) centroidList.add(v);
        return new ClusterProfile(id, index, ClusterNamer.name(centroid, stack), stack, risk, RiskGroup.of(risk),
                RiskScore.colour(risk), ips.size(), members.size(), hits, List.copyOf(centroidList),
                java.util.Collections.unmodifiableMap(means), dominantThreat(members),
                top(members, FeatureRow::country), top(members, FeatureRow::asnOrg), sampleIps,
                busiest.get(0).userAgent(), xy[0], xy[1]);
    }

    /** Raw means by source column: every feature, with ttl, mss, scale and win among them. */
    static Map<String, Double> rawMeans(List<FeatureRow> members) {
        Map<String, Double> means = new LinkedHashMap<>();
        for (Feature f : Feature.all()) {
            double sum = 0;
            for (FeatureRow r : members) {
                double v = f.raw(r);
                if (Double.isFinite(v)) sum += v;
            }
            means.put(f.sourceColumn(), sum / members.size());
        }
        return means;
    }

    /**
     * The most severe level that at least {@link #DOMINANT_THREAT_SHARE} of the detected pairs
     * reach: one CRITICAL pair does not turn a cluster of 500 browsers critical, but a quarter does.
     */
    static ThreatLevel dominantThreat(List<FeatureRow> members) {
        int[] bySeverity = new int[ThreatLevel.CRITICAL.severity() + 1];
        int detected = 0;
        for (FeatureRow r : members) {
            if (r.threat() == null) continue;
            bySeverity[r.threat().severity()]++;
            detected++;
        }
        if (detected == 0) return null;
        int atLeast = 0;
        for (int s = bySeverity.length - 1; s >= 0; s--) {
            atLeast += bySeverity[s];
            if (atLeast >= DOMINANT_THREAT_SHARE * detected) return ThreatLevel.ofSeverity(s);
        }
        return ThreatLevel.LEGITIMATE_BROWSER;
    }

    /** Most frequent non-blank values, ties by name so that reruns list them in the same order. */
    static List<String> top(List<FeatureRow> members, java.util.function.Function<FeatureRow, String> field) {
        Map<String, Integer> counts = new HashMap<>();
        for (FeatureRow r : members) {
            String v = field.apply(r);
            if (v != null && !v.isBlank()) counts.merge(v, 1, Integer::sum);
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP).map(Map.Entry::getKey).toList();
    }
}
