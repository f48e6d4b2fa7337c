package com.ja4.workstation.analysis.cluster;

import com.ja4.workstation.domain.cluster.FeatureRow;
import com.ja4.workstation.domain.ThreatLevel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds each cluster's profile from its member rows (every pair assigned to it), its centroid and
 * its PCA position. Works on row indexes and the run's raw feature values, so that profiling
 * 100,000 assigned pairs costs a few tens of milliseconds.
 */
final class ClusterProfiler {

    /** Share of detected pairs that must reach a level for it to be the cluster's dominant threat. */
    static final double DOMINANT_THREAT_SHARE = 0.25;
    private static final int TOP = 5;
    private static final int SAMPLE_IPS = 8;

    /**
     * Rows per block of the parallel tally pass; each block keeps its own cache of verdicts. Small
     * enough that 8,000 pairs make four blocks: the first fingerprint of a SYN is the costly part (the
     * verdict source remembers it), and one block would leave a core idle.
     */
    private static final int BLOCK = 2_048;

    private final StackVerdictSource verdicts;
    private final List<FeatureRow> rows;
    private final long[] hits;
    private final int[] ipIndex;

    ClusterProfiler(StackVerdictSource verdicts, List<FeatureRow> rows, FeatureMatrix matrix) {
        this.verdicts = verdicts;
        this.rows = rows;
        this.hits = matrix.hits();
        this.ipIndex = matrix.ipIndex();
    }

    /**
     * @param members     indexes of the rows assigned to the cluster (not empty)
     * @param fittedPairs how many of them the centroids were fitted on
     * @param xy          the cluster's position in [0, 1]
     * @param tally       what {@link #tallies} counted over those rows
     */
    ClusterProfile profile(String id, int index, int[] members, int fittedPairs, double[] centroid, double[] xy,
                           Tally tally) {
        StackVerdict stack = StackVotes.of(tally.stacks(), members.length);
        double risk = RiskScore.of(centroid, stack);
        long hitSum = 0;
        for (int i : members) hitSum += hits[i];
        List<FeatureRow> busiest = busiest(members);
        List<String> sampleIps = busiest.stream().map(FeatureRow::ip).distinct().limit(SAMPLE_IPS).toList();
        List<Double> centroidList = new ArrayList<>(centroid.length);
        for (double v : centroid) centroidList.add(v);
        return new ClusterProfile(id, index, ClusterNamer.name(centroid, stack), stack, risk, RiskGroup.of(risk),
                RiskScore.colour(risk), distinctIps(members), members.length, fittedPairs, hitSum, List.copyOf(centroidList),
                Collections.unmodifiableMap(tally.rawMeans(members.length)), tally.dominantThreat(),
                top(tally.countries()), top(tally.networks()), sampleIps, busiest.get(0).userAgent(), xy[0], xy[1]);
    }

    /**
     * What a cluster's profile counts over its member rows.
     *
     * @param rawSums    sum of each feature's raw value (non-finite values left out), in feature order
     * @param bySeverity detected members per threat severity
     * @param countries  members per non-empty country
     * @param networks   members per non-empty AS organisation
     * @param stacks     members per stack verdict (by object: equal verdicts of other blocks are merged
     *                   by {@link StackVotes})
     */
    record Tally(double[] rawSums, int[] bySeverity, Map<String, int[]> countries, Map<String, int[]> networks,
                 Map<StackVerdict, int[]> stacks) {

        static Tally empty() {
            return new Tally(new double[Feature.COUNT], new int[ThreatLevel.CRITICAL.severity() + 1], new HashMap<>(),
                    new HashMap<>(), new java.util.IdentityHashMap<>());
        }

        void addAll(Tally other) {
            for (int j = 0; j < rawSums.length; j++) rawSums[j] += other.rawSums[j];
            for (int s = 0; s < bySeverity.length; s++) bySeverity[s] += other.bySeverity[s];
            other.countries.forEach((v, n) -> count(countries, v, n[0]));
            other.networks.forEach((v, n) -> count(networks, v, n[0]));
            other.stacks.forEach((v, n) -> stacks.computeIfAbsent(v, x -> new int[1])[0] += n[0]);
        }

        private static void count(Map<String, int[]> counts, String value, int n) {
            if (value != null && !value.isEmpty()) counts.computeIfAbsent(value, v -> new int[1])[0] += n;
        }

        /** Raw means by source column: every feature, with ttl, mss, scale and win among them. */
        Map<String, Double> rawMeans(int members) {
            Map<String, Double> means = new LinkedHashMap<>();
            for (Feature f : Feature.all()) means.put(f.sourceColumn(), rawSums[f.ordinal()] / members);
            return means;
        }

        /**
         * The most severe level that at least {@link ClusterProfiler#DOMINANT_THREAT_SHARE} of the detected pairs
         * reach: one CRITICAL pair does not turn a cluster of 500 browsers critical, but a quarter does.
         */
        ThreatLevel dominantThreat() {
            int detected = 0;
            for (int n : bySeverity) detected += n;
            if (detected == 0) return null;
            int atLeast = 0;
            for (int s = bySeverity.length - 1; s >= 0; s--) {
                atLeast += bySeverity[s];
                if (atLeast >= DOMINANT_THREAT_SHARE * detected) return ThreatLevel.ofSeverity(s);
            }
            return ThreatLevel.LEGITIMATE_BROWSER;
        }
    }

    /**
     * Each cluster's tally, in one pass over the rows in their order: blocks of rows in parallel, each
     * with its own tallies, added up in block order (the same sums on any number of cores). The rows
     * are objects, usually laid out in their order; walking them in order, rather than cluster by
     * cluster (every row of one cluster, then of the next), lets the processor fetch them ahead. Each
     * row's stack verdict is looked up on the way; a verdict depends on its SYN alone, so each block
     * keeps its own numbering of SYNs ({@link BlockTally}) and gives the same verdicts.
     *
     * @param labels each row's cluster
     */
    Tally[] tallies(int[] labels, int k) {
        int n = rows.size();
        Tally[][] partial = java.util.stream.IntStream.range(0, (n + BLOCK - 1) / BLOCK).parallel().mapToObj(b -> {
            BlockTally block = new BlockTally(verdicts, k);
            for (int i = b * BLOCK, end = Math.min(n, i + BLOCK); i < end; i++) block.add(rows.get(i), labels[i]);
            return block.tallies();
        }).toArray(Tally[][]::new);
        Tally[] total = new Tally[k];
        for (int c = 0; c < k; c++) {
            total[c] = Tally.empty();
            for (Tally[] block : partial) if (block[c] != null) total[c].addAll(block[c]);
        }
        return total;
    }

    /** Distinct IPs of the members: counted as runs of IP ranks when the rows are in IP order, else with a set. */
    int distinctIps(int[] members) {
        if (ipIndex != null) {
            int n = 0;
            int previous = -1;
            for (int i : members) {
                if (ipIndex[i] != previous) n++;
                previous = ipIndex[i];
            }
            return n;
        }
        Set<String> ips = new HashSet<>();
        for (int i : members) ips.add(rows.get(i).ip());
        return ips.size();
    }

    /** Busiest first (hits, then IP and JA4), enough rows to fill {@value #SAMPLE_IPS} distinct IPs. */
    List<FeatureRow> busiest(int[] members) {
        Comparator<Integer> order = (a, b) -> {
            FeatureRow x = rows.get(a);
            FeatureRow y = rows.get(b);
            int c = Long.compare(y.hits(), x.hits());
            if (c == 0) c = x.ip().compareTo(y.ip());
            return c != 0 ? c : x.ja4().compareTo(y.ja4());
        };
        long[] memberHits = new long[members.length];
        for (int m = 0; m < memberHits.length; m++) memberHits[m] = hits[members[m]];
        // an IP has few JA4s: a few dozen rows hold 8 IPs; widen until they do or every row is taken
        for (int want = SAMPLE_IPS * 4; ; want *= 4) {
            // every row at least as busy as the want-th busiest (ties included), then the exact order
            long floor = largest(memberHits, want);
            List<Integer> top = new ArrayList<>();
            for (int i : members) if (hits[i] >= floor) top.add(i);
            top.sort(order);
            List<FeatureRow> out = top.stream().map(rows::get).toList();
            if (want >= members.length || out.stream().map(FeatureRow::ip).distinct().count() >= SAMPLE_IPS) {
                return out;
            }
        }
    }

    /**
     * The k-th largest value (the smallest when there are k or fewer), through a heap of the k largest
     * so far: sorting every member's hits to read one value cost a fifth of the profiles' time.
     */
    static long largest(long[] values, int k) {
        if (values.length <= k) {
            long min = Long.MAX_VALUE;
            for (long v : values) min = Math.min(min, v);
            return min;
        }
        long[] heap = Arrays.copyOf(values, k);
        for (int i = k / 2 - 1; i >= 0; i--) siftDown(heap, i);
        for (int i = k; i < values.length; i++) {
            if (values[i] > heap[0]) {
                heap[0] = values[i];
                siftDown(heap, 0);
            }
        }
        return heap[0];
    }

    /** Restores the min-heap order below slot i. */
    private static void siftDown(long[] heap, int i) {
        long v = heap[i];
        for (int child = 2 * i + 1; child < heap.length; child = 2 * i + 1) {
            if (child + 1 < heap.length && heap[child + 1] < heap[child]) child++;
            if (heap[child] >= v) break;
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = v;
    }

    /** Most frequent values, ties by name so that reruns list them in the same order. */
    private static List<String> top(Map<String, int[]> counts) {
        return counts.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, int[]>>comparingInt(e -> -e.getValue()[0])
                        .thenComparing(Map.Entry::getKey))
                .limit(TOP).map(Map.Entry::getKey).toList();
    }
}
