package com.ja4.workstation.analysis.cluster;

import com.ja4.workstation.domain.cluster.FeatureRow;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.stream.IntStream;

/**
 * The compute part of a run, from sampled rows to a {@link ClusteringRun}: vectors, k-means++ fitted
 * on the sample, every row assigned to its nearest centroid, PCA placement, profiles (over every
 * assigned row) and edges. No I/O, so the benchmark times exactly what the UI waits for.
 */
public final class ClusteringPipeline {

    /** Each cluster links to this many nearest clusters. */
    static final int NEIGHBOURS = 2;

    private final StackVerdictSource verdicts;

    public ClusteringPipeline(StackVerdictSource verdicts) {
        this.verdicts = verdicts;
    }

    /** Normalised vectors, one per row, in {@link Feature} order. */
    public static double[][] vectors(List<FeatureRow> rows) {
        return FeatureMatrix.of(rows).vectors();
    }

    /** A run where the sample is every row (tests, benchmark). */
    public ClusteringRun run(List<FeatureRow> rows, ClusteringParameters p, Instant startedAt, ProgressListener progress,
                             CancellationCheck cancel) {
        progress.progress(ClusteringStage.VECTORS, 0.25);
        try (AwakeCores awake = AwakeCores.during(rows.size())) {
            long t = System.nanoTime();
            FeatureMatrix matrix = FeatureMatrix.of(rows);
            Map<ClusteringStage, Double> stages = new EnumMap<>(ClusteringStage.class);
            stages.put(ClusteringStage.VECTORS, millisSince(t));
            return run(rows, matrix, IntStream.range(0, rows.size()).toArray(), p, startedAt, stages, progress, cancel);
        }
    }

    /**
     * Fits the centroids on the sampled rows, then assigns every row to its nearest centroid.
     *
     * @param all     every row of the source; each gets a cluster
     * @param matrix  {@link FeatureMatrix#of} those rows
     * @param sample  indexes into {@code all} of the rows to fit on (see {@link StratifiedSampler#sampleIndices})
     * @param timings per-stage milliseconds already spent (loading, vectors, sampling); completed here
     */
    ClusteringRun run(List<FeatureRow> all, FeatureMatrix matrix, int[] sample, ClusteringParameters p, Instant startedAt,
                      Map<ClusteringStage, Double> timings, ProgressListener progress, CancellationCheck cancel) {
        Map<ClusteringStage, Double> stageMillis = new EnumMap<>(timings);
        long t0 = System.nanoTime();

        long t = System.nanoTime();
        // the profiles' facts need the rows, not the clusters: the pool reads them while the k-means
        // runs (started after the restarts, the profiles waited for them 0.45-0.7 ms by median)
        ForkJoinTask<RowFacts> facts = ForkJoinPool.commonPool().submit(() -> RowFacts.of(all, verdicts));
        double[][] data = matrix.vectorsOf(sample);
        stageMillis.merge(ClusteringStage.VECTORS, millisSince(t), Double::sum);
        cancel.throwIfCancelled();

        progress.progress(ClusteringStage.KMEANS, 0.3);
        t = System.nanoTime();
        KMeansClusterer.Winner winner = KMeansClusterer.search(data, sampleWeights(matrix.anomalous(), sample),
                matrix.vectorHashesOf(sample), p.k(), p.seed(), p.maxIterations(), cancel);
        // the winner is then iterated on every row by this thread alone; the PCA axes need the vectors,
        // not the clusters, so the pool's other core works them out meanwhile (the PCA and profiles
        // stages' times are then mostly the rest of the work; the pool's counts in the k-means stage)
        ForkJoinTask<Pca2d.Axes> axes = ForkJoinPool.commonPool().submit(() ->
                Pca2d.topTwo(Pca2d.covariance(winner.points().points(), winner.points().rowsPerPoint())));
        KMeansClusterer.Result km = winner.refine(p.maxIterations(), cancel);
        stageMillis.put(ClusteringStage.KMEANS, millisSince(t));
        cancel.throwIfCancelled();

        progress.progress(ClusteringStage.ASSIGN, 0.55);
        t = System.nanoTime();
        double[][] centroids = km.centroids();
        int n = all.size();
        int[] labels = new int[n];
        double[] squared = new double[n];
        boolean[] fitted = new boolean[n];
        int[] fittedPerCluster = new int[p.k()];
        for (int s = 0; s < sample.length; s++) {
            int i = sample[s];
            fitted[i] = true;
            labels[i] = km.labels()[s];
            squared[i] = km.squaredDistances()[s];  // the fit's final assignment measured it
            fittedPerCluster[labels[i]]++;
        }
        int[] rest = IntStream.range(0, n).filter(i -> !fitted[i]).toArray();
        NearestCentroid.Assignment assigned = NearestCentroid.assign(matrix.vectorsOf(rest), centroids, cancel);
        for (int r = 0; r < rest.length; r++) {
            labels[rest[r]] = assigned.labels()[r];
            squared[rest[r]] = assigned.squaredDistances()[r];
        }
        stageMillis.put(ClusteringStage.ASSIGN, millisSince(t));
        cancel.throwIfCancelled();

        progress.progress(ClusteringStage.PCA, 0.7);
        t = System.nanoTime();
        int[][] members = membersByCluster(labels, p.k());
        List<Integer> present = new ArrayList<>();
        for (int c = 0; c < p.k(); c++) if (members[c].length > 0) present.add(c);
        double[][] presentCentroids = present.stream().map(c -> centroids[c]).toArray(double[][]::new);
        double[][] xy = Pca2d.scaledProjection(presentCentroids, Pca2d.mean(data), axes.join());
        stageMillis.put(ClusteringStage.PCA, millisSince(t));
        cancel.throwIfCancelled();

        progress.progress(ClusteringStage.PROFILES, 0.8);
        t = System.nanoTime();
        String runId = runId(matrix.rowHash(), sample, all.size(), p, startedAt);
        ClusterProfiler profiler = new ClusterProfiler(verdicts, all, matrix);
        ClusterProfiler.Tally[] tallies = profiler.tallies(labels, p.k(), facts.join());
        // clusters are profiled in parallel: the profiler only reads, and the list keeps cluster order
        List<ClusterProfile> clusters = IntStream.range(0, present.size()).parallel().mapToObj(i -> {
            int c = present.get(i);
            return profiler.profile(clusterId(runId, c), c, members[c], fittedPerCluster[c], centroids[c], xy[i],
                    tallies[c]);
        }).toList();
        clusters = uniqueLabels(clusters);
        String[] ids = new String[p.k()];
        for (int c = 0; c < ids.length; c++) ids[c] = clusterId(runId, c);
        MemberAssignment[] byRow = new MemberAssignment[n];
        IntStream.range(0, n).parallel().forEach(i -> {
            FeatureRow r = all.get(i);
            byRow[i] = new MemberAssignment(r.ip(), r.ja4(), ids[labels[i]], Math.sqrt(squared[i]), fitted[i]);
        });
        List<MemberAssignment> assignments = Collections.unmodifiableList(Arrays.asList(byRow));
        stageMillis.put(ClusteringStage.PROFILES, millisSince(t));
        cancel.throwIfCancelled();

        progress.progress(ClusteringStage.EDGES, 0.95);
        t = System.nanoTime();
        List<ClusterEdge> edges = edges(clusters);
        stageMillis.put(ClusteringStage.EDGES, millisSince(t));

        double computeMillis = millisSince(t0);
        double before = timings.values().stream().mapToDouble(Double::doubleValue).sum();
        RunStatistics stats = statistics(sample.length, all, matrix, clusters, km, stageMillis, before + computeMillis);
        progress.progress(ClusteringStage.EDGES, 1.0);
        return new ClusteringRun(runId, p, startedAt, clusters, edges, assignments, all, stats);
    }

    /**
     * Weights that make the sample stand for every row: the stratified sample over-represents
     * detections (so that a rare scanner is never left out), and fitting it as is would spend the
     * centroids on them and lump the undetected bulk together. Each sampled row weighs the number of
     * rows of its class (detected or not) over the sampled rows of that class; when every row is in
     * the sample, every weight is 1.
     */
    static double[] sampleWeights(List<FeatureRow> all, int[] sample) {
        boolean[] anomalous = new boolean[all.size()];
        for (int i = 0; i < anomalous.length; i++) anomalous[i] = all.get(i).isAnomalous();
        return sampleWeights(anomalous, sample);
    }

    /** @param anomalous whether each row of the window is a detection */
    static double[] sampleWeights(boolean[] anomalous, int[] sample) {
        if (sample.length == anomalous.length) return null;
        int detected = 0;
        for (boolean a : anomalous) if (a) detected++;
        int sampledDetected = 0;
        for (int i : sample) if (anomalous[i]) sampledDetected++;
        double detectedWeight = sampledDetected == 0 ? 1 : (double) detected / sampledDetected;
        int sampledOther = sample.length - sampledDetected;
        double otherWeight = sampledOther == 0 ? 1 : (double) (anomalous.length - detected) / sampledOther;
        double[] w = new double[sample.length];
        for (int s = 0; s < w.length; s++) w[s] = anomalous[sample[s]] ? detectedWeight : otherWeight;
        return w;
    }

    public static String clusterId(String runId, int index) {
        return runId + "/c" + index;
    }

    /** Links each cluster to its {@value #NEIGHBOURS} nearest centroids; a pair found from both ends is kept once. */
    static List<ClusterEdge> edges(List<ClusterProfile> clusters) {
        List<ClusterEdge> edges = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ClusterProfile a : clusters) {
            List<ClusterProfile> others = new ArrayList<>(clusters);
            others.remove(a);
            others.sort(Comparator.comparingDouble((ClusterProfile b) -> distance(a, b)).thenComparing(ClusterProfile::index));
            for (ClusterProfile b : others.subList(0, Math.min(NEIGHBOURS, others.size()))) {
                String key = a.index() < b.index() ? a.index() + "-" + b.index() : b.index() + "-" + a.index();
                if (!seen.add(key)) continue;
                double d = distance(a, b);
                edges.add(new ClusterEdge(a.id(), b.id(), d, 1.0 / (1.0 + d)));
            }
        }
        return edges;
    }

    static double distance(ClusterProfile a, ClusterProfile b) {
        double s = 0;
        for (int j = 0; j < a.centroid().size(); j++) {
            double d = a.centroid().get(j) - b.centroid().get(j);
            s += d * d;
        }
        return Math.sqrt(s);
    }

    /** Row indexes of each cluster, in row order. */
    private static int[][] membersByCluster(int[] labels, int k) {
        int[] size = new int[k];
        for (int label : labels) size[label]++;
        int[][] members = new int[k][];
        for (int c = 0; c < k; c++) members[c] = new int[size[c]];
        int[] filled = new int[k];
        for (int i = 0; i < labels.length; i++) members[labels[i]][filled[labels[i]]++] = i;
        return members;
    }

    /** Two clusters may earn the same name; the riskier keeps it, the others get " (2)", " (3)". */
    private static List<ClusterProfile> uniqueLabels(List<ClusterProfile> clusters) {
        List<ClusterProfile> byRisk = new ArrayList<>(clusters);
        byRisk.sort(Comparator.comparingDouble(ClusterProfile::risk).reversed().thenComparing(ClusterProfile::index));
        Map<String, Integer> uses = new java.util.HashMap<>();
        Map<Integer, String> labelOf = new java.util.HashMap<>();
        for (ClusterProfile c : byRisk) {
            int n = uses.merge(c.label(), 1, Integer::sum);
            labelOf.put(c.index(), n == 1 ? c.label() : c.label() + " (" + n + ")");
        }
        return clusters.stream().map(c -> c.label().equals(labelOf.get(c.index())) ? c
                : c.withLabel(labelOf.get(c.index()))).toList();
    }

    private static RunStatistics statistics(int fitted, List<FeatureRow> all, FeatureMatrix matrix,
                                            List<ClusterProfile> clusters, KMeansClusterer.Result km,
                                            Map<ClusteringStage, Double> stageMillis, double totalMillis) {
        long hits = 0;
        for (long h : matrix.hits()) hits += h;
        int distinct;
        if (matrix.ipOrdered()) {
            distinct = matrix.distinctIps();
        } else {
            Set<String> ips = new HashSet<>();
            for (FeatureRow r : all) ips.add(r.ip());
            distinct = ips.size();
        }
        int bots = clusters.stream().filter(c -> c.group() == RiskGroup.BOTS).mapToInt(ClusterProfile::ipCount).sum();
        int suspects = clusters.stream().filter(c -> c.group() == RiskGroup.SUSPECTS).mapToInt(ClusterProfile::ipCount).sum();
        return new RunStatistics(all.size(), fitted, all.size(), clusters.size(), km.iterations(), km.restarts(),
                km.distortion(), distinct, hits, bots, suspects,
                Collections.unmodifiableMap(new EnumMap<>(stageMillis)), Math.round(totalMillis));
    }

    /**
     * First 12 hex digits of SHA-256 over a fingerprint of the input, k, seed and time of run.
     * The input fingerprint is a 64-bit mix of every pair's identity, hits and vector: hashing the
     * whole input with SHA-256 cost more than the k-means it names, and an id needs no collision
     * resistance against an adversary (the time of run is in it anyway).
     */
    static String runId(long[] rowHash, int[] sample, int rows, ClusteringParameters p, Instant startedAt) {
        long h = 0x9E3779B97F4A7C15L;
        for (int i : sample) h = mix(h, rowHash[i]);
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        md.update(ByteBuffer.allocate(Long.BYTES + 2 * Integer.BYTES).putLong(h).putInt(sample.length).putInt(rows).array());
        md.update(("k=" + p.k() + ";seed=" + p.seed() + ";at=" + startedAt).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(md.digest()).substring(0, 12);
    }

    /** One step of a SplitMix64-style mix: order-sensitive and well spread. */
    static long mix(long h, long v) {
        long z = h ^ (v + 0x9E3779B97F4A7C15L + (h << 6) + (h >>> 2));
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static double millisSince(long nanoStart) {
        return (System.nanoTime() - nanoStart) / 1e6;
    }
}
