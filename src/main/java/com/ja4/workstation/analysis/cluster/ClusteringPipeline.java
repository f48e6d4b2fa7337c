package com.ja4.workstation.analysis.cluster;

import com.ja4.workstation.domain.cluster.FeatureRow;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The compute part of a run, from sampled rows to a {@link ClusteringRun}: vectors, k-means++,
 * PCA placement, profiles and edges. No I/O, so the benchmark times exactly what the UI waits for.
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
        double[][] data = new double[rows.size()][Feature.COUNT];
        List<Feature> features = Feature.all();
        for (int i = 0; i < data.length; i++) {
            FeatureRow r = rows.get(i);
            for (int j = 0; j < Feature.COUNT; j++) data[i][j] = features.get(j).normalise(r);
        }
        return data;
    }

    /**
     * @param sampled   the rows to cluster
     * @param inputRows how many rows the source offered before sampling (for the statistics)
     * @param timings   per-stage milliseconds already spent (loading, sampling); completed here
     */
    public ClusteringRun run(List<FeatureRow> sampled, int inputRows, ClusteringParameters p, Instant startedAt,
                             Map<ClusteringStage, Long> timings, ProgressListener progress, CancellationCheck cancel) {
        Map<ClusteringStage, Long> stageMillis = new EnumMap<>(timings);
        long t0 = System.nanoTime();

        progress.progress(ClusteringStage.VECTORS, 0.25);
        long t = System.nanoTime();
        double[][] data = vectors(sampled);
        stageMillis.put(ClusteringStage.VECTORS, millisSince(t));
        cancel.throwIfCancelled();

        progress.progress(ClusteringStage.KMEANS, 0.3);
        t = System.nanoTime();
        KMeansClusterer.Result km = KMeansClusterer.cluster(data, p.k(), p.seed(), p.maxIterations(), cancel);
        stageMillis.put(ClusteringStage.KMEANS, millisSince(t));
        cancel.throwIfCancelled();

        progress.progress(ClusteringStage.PCA, 0.7);
        t = System.nanoTime();
        double[][] centroids = km.centroids();
        int[] labels = km.labels();
        List<List<FeatureRow>> members = membersByCluster(sampled, labels, p.k());
        List<Integer> present = new ArrayList<>();
        for (int c = 0; c < p.k(); c++) if (!members.get(c).isEmpty()) present.add(c);
        double[][] presentCentroids = present.stream().map(c -> centroids[c]).toArray(double[][]::new);
        double[][] xy = Pca2d.scaledProjection(presentCentroids, Pca2d.mean(data), Pca2d.topTwo(Pca2d.covariance(data)));
        stageMillis.put(ClusteringStage.PCA, millisSince(t));
        cancel.throwIfCancelled();

        progress.progress(ClusteringStage.PROFILES, 0.8);
        t = System.nanoTime();
        String runId = runId(data, sampled, p, startedAt);
        ClusterProfiler profiler = new ClusterProfiler(verdicts);
        List<ClusterProfile> clusters = new ArrayList<>();
        for (int i = 0; i < present.size(); i++) {
            int c = present.get(i);
            clusters.add(profiler.profile(clusterId(runId, c), c, members.get(c), centroids[c], xy[i]));
        }
        clusters = uniqueLabels(clusters);
        String[] ids = new String[p.k()];
        for (int c = 0; c < ids.length; c++) ids[c] = clusterId(runId, c);
        List<MemberAssignment> assignments = new ArrayList<>(sampled.size());
        for (int i = 0; i < sampled.size(); i++) {
            FeatureRow r = sampled.get(i);
            assignments.add(new MemberAssignment(r.ip(), r.ja4(), ids[labels[i]]));
        }
        stageMillis.put(ClusteringStage.PROFILES, millisSince(t));
        cancel.throwIfCancelled();

        progress.progress(ClusteringStage.EDGES, 0.95);
        t = System.nanoTime();
        List<ClusterEdge> edges = edges(clusters);
        stageMillis.put(ClusteringStage.EDGES, millisSince(t));

        long computeMillis = millisSince(t0);
        long before = timings.values().stream().mapToLong(Long::longValue).sum();
        RunStatistics stats = statistics(sampled, inputRows, clusters, km, stageMillis, before + computeMillis);
        progress.progress(ClusteringStage.EDGES, 1.0);
        return new ClusteringRun(runId, p, startedAt, clusters, edges, assignments, stats);
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

    private static List<List<FeatureRow>> membersByCluster(List<FeatureRow> rows, int[] labels, int k) {
        List<List<FeatureRow>> members = new ArrayList<>(k);
        for (int c = 0; c < k; c++) members.add(new ArrayList<>());
        for (int i = 0; i < rows.size(); i++) members.get(labels[i]).add(rows.get(i));
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
                : new ClusterProfile(c.id(), c.index(), labelOf.get(c.index()), c.stack(), c.risk(), c.group(),
                c.colour(), c.ipCount(), c.pairCount(), c.hitCount(), c.centroid(), c.rawMeans(), c.dominantThreat(),
                c.topCountries(), c.topAsnOrgs(), c.sampleIps(), c.sampleUserAgent(), c.x(), c.y())).toList();
    }

    private static RunStatistics statistics(List<FeatureRow> sampled, int inputRows, List<ClusterProfile> clusters,
                                            KMeansClusterer.Result km, Map<ClusteringStage, Long> stageMillis,
                                            long totalMillis) {
        Set<String> ips = new HashSet<>();
        long hits = 0;
        for (FeatureRow r : sampled) {
            ips.add(r.ip());
            hits += r.hits();
        }
        int bots = clusters.stream().filter(c -> c.group() == RiskGroup.BOTS).mapToInt(ClusterProfile::ipCount).sum();
        int suspects = clusters.stream().filter(c -> c.group() == RiskGroup.SUSPECTS).mapToInt(ClusterProfile::ipCount).sum();
        return new RunStatistics(inputRows, sampled.size(), clusters.size(), km.iterations(), km.model().distortion,
                ips.size(), hits, bots, suspects, java.util.Collections.unmodifiableMap(new EnumMap<>(stageMillis)),
                totalMillis);
    }

    /**
     * First 12 hex digits of SHA-256 over a fingerprint of the input, k, seed and time of run.
     * The input fingerprint is a 64-bit mix of every pair's identity, hits and vector: hashing the
     * whole input with SHA-256 cost more than the k-means it names, and an id needs no collision
     * resistance against an adversary (the time of run is in it anyway).
     */
    static String runId(double[][] data, List<FeatureRow> rows, ClusteringParameters p, Instant startedAt) {
        long h = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < rows.size(); i++) {
            FeatureRow r = rows.get(i);
            h = mix(h, r.ip().hashCode() * 31L + r.ja4().hashCode());
            h = mix(h, r.hits());
            for (double v : data[i]) h = mix(h, Double.doubleToLongBits(v));
        }
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        md.update(ByteBuffer.allocate(Long.BYTES + Integer.BYTES).putLong(h).putInt(rows.size()).array());
        md.update(("k=" + p.k() + ";seed=" + p.seed() + ";at=" + startedAt).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(md.digest()).substring(0, 12);
    }

    /** One step of a SplitMix64-style mix: order-sensitive and well spread. */
    private static long mix(long h, long v) {
        long z = h ^ (v + 0x9E3779B97F4A7C15L + (h << 6) + (h >>> 2));
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static long millisSince(long nanoStart) {
        return (System.nanoTime() - nanoStart) / 1_000_000;
    }
}
