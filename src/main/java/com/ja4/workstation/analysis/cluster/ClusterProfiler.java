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

    /** Rows per block of the raw sums; blocks are fixed, so the sums are the same on any number of cores. */
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
     * @param stacks     members per stack verdict (by object: equal verdicts of two SYNs are merged
     *                   by {@link StackVotes})
     */
    record Tally(double[] rawSums, int[] bySeverity, Map<String, int[]> countries, Map<String, int[]> networks,
                 Map<StackVerdict, int[]> stacks) {

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

    /** {@link #tallies(int[], int, RowFacts)} with the row facts read here. */
    Tally[] tallies(int[] labels, int k) {
        return tallies(labels, k, RowFacts.of(rows, verdicts));
    }

    /**
     * Each cluster's tally from the rows' facts (which the pipeline reads from the rows while the
     * k-means finishes). The raw sums are added in fixed blocks of rows, in parallel, and the blocks
     * in order: the same sums on any number of cores. The counts are whole numbers, counted cluster
     * by cluster.
     *
     * @param labels each row's cluster
     */
    Tally[] tallies(int[] labels, int k, RowFacts facts) {
        int n = labels.length;
        int d = Feature.COUNT;
        double[][][] partial = java.util.stream.IntStream.range(0, (n + BLOCK - 1) / BLOCK).parallel()
                .mapToObj(b -> rawSums(labels, k, facts.raw(), b * BLOCK, Math.min(n, (b + 1) * BLOCK)))
                .toArray(double[][][]::new);
        // the counts cluster by cluster over its rows, with one counter per value reused for all:
        // memory in the values and rows, not values x clusters (a crafted window may hold a network
        // per row)
        int[] start = new int[k + 1];
        for (int label : labels) start[label + 1]++;
        for (int c = 0; c < k; c++) start[c + 1] += start[c];
        int[] byCluster = new int[n];
        int[] filled = start.clone();
        for (int i = 0; i < n; i++) byCluster[filled[labels[i]]++] = i;
        int[] counter = new int[Math.max(facts.verdictOfSyn().size(), Math.max(facts.countries().size(),
                facts.networks().size()))];
        int[] seen = new int[counter.length];
        Tally[] total = new Tally[k];
        for (int c = 0; c < k; c++) {
            double[] rawSums = new double[d];
            for (double[][] block : partial) {
                if (block[c] != null) for (int j = 0; j < d; j++) rawSums[j] += block[c][j];
            }
            int[] bySeverity = new int[ThreatLevel.CRITICAL.severity() + 1];
            for (int r = start[c]; r < start[c + 1]; r++) {
                if (facts.severity()[byCluster[r]] >= 0) bySeverity[facts.severity()[byCluster[r]]]++;
            }
            Map<StackVerdict, int[]> stacks = new java.util.IdentityHashMap<>();
            count(byCluster, start[c], start[c + 1], facts.syn(), counter, seen,
                    (s, count) -> stacks.computeIfAbsent(facts.verdictOfSyn().get(s), v -> new int[1])[0] += count);
            Map<String, int[]> countries = new HashMap<>();
            count(byCluster, start[c], start[c + 1], facts.country(), counter, seen,
                    (v, count) -> countries.put(facts.countries().get(v), new int[]{count}));
            Map<String, int[]> networks = new HashMap<>();
            count(byCluster, start[c], start[c + 1], facts.network(), counter, seen,
                    (v, count) -> networks.put(facts.networks().get(v), new int[]{count}));
            total[c] = new Tally(rawSums, bySeverity, countries, networks, stacks);
        }
        return total;
    }

    /**
     * Each cluster's sums of the raw values of rows [from, to) (null for a cluster with none of them),
     * non-finite values left out; from the facts' copy, or from the rows when there is none.
     */
    private double[][] rawSums(int[] labels, int k, double[] raw, int from, int to) {
        int d = Feature.COUNT;
        double[][] sums = new double[k][];
        double[] values = new double[d];
        for (int i = from; i < to; i++) {
            if (raw != null) System.arraycopy(raw, i * d, values, 0, d);
            else Feature.rawValues(rows.get(i), values);
            double[] s = sums[labels[i]];
            if (s == null) s = sums[labels[i]] = new double[d];
            for (int j = 0; j < d; j++) if (Double.isFinite(values[j])) s[j] += values[j];
        }
        return sums;
    }

    /**
     * Counts the value numbers of rows {@code rows[from..to)} (-1: none) and hands each value met
     * and its count to {@code out}, leaving {@code counter} all zeros again.
     */
    private static void count(int[] rows, int from, int to, int[] numberOfRow, int[] counter, int[] seen,
                              java.util.function.BiConsumer<Integer, Integer> out) {
        int values = 0;
        for (int r = from; r < to; r++) {
            int v = numberOfRow[rows[r]];
            if (v >= 0 && counter[v]++ == 0) seen[values++] = v;
        }
        for (int s = 0; s < values; s++) {
            out.accept(seen[s], counter[seen[s]]);
            counter[seen[s]] = 0;
        }
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
