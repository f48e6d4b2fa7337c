package com.ja4.workstation.analysis.cluster;

import com.ja4.workstation.domain.cluster.FeatureRow;
import java.util.List;
import java.util.stream.IntStream;

/**
 * What a run needs of its rows as primitive arrays, computed once in one parallel pass: the
 * normalised feature values (the vectors feed k-means and the assignment), and the per-row facts that the sampling weights, the profiles and the run's
 * statistics would otherwise each read again from 100,000 row objects.
 *
 * @param vectors   the feature values in {@link Feature} order normalised to [0, 1], one array per row
 *                  (the raw values are not kept: at 100,000 rows another 18 MB that the garbage
 *                  collector would copy while a run is under way; the profiles read them from the rows)
 * @param hits      hits of each row
 * @param anomalous whether each row is a detection
 * @param ipIndex   when {@code ipOrdered}: the rank of the row's IP among the distinct IPs (rows of
 *                  one IP share it); otherwise null
 * @param rowHash   a 64-bit mix of each row's identity, hits and vector (the run id's input)
 * @param vectorHash {@link java.util.Arrays#hashCode(double[])} of each row's vector: k-means finds
 *                  the distinct vectors by it ({@link WeightedPoints}), and the row hash mixes it in
 * @param identityOrdered whether the rows are in (IP, JA4) order, as the sampler needs them: found in
 *                  the same pass, so that rows already in order (the warehouse sorts them) are not
 *                  read a second time to check it
 */
record FeatureMatrix(double[][] vectors, long[] hits, boolean[] anomalous, int[] ipIndex,
                     long[] rowHash, int[] vectorHash, boolean identityOrdered) {

    /** Rows per task of the parallel pass. */
    private static final int BLOCK = 1_024;

    static FeatureMatrix of(List<FeatureRow> rows) {
        int n = rows.size();
        double[][] vectors = new double[n][Feature.COUNT];
        long[] hits = new long[n];
        boolean[] anomalous = new boolean[n];
        byte[] ipStep = new byte[n];
        long[] rowHash = new long[n];
        int[] vectorHash = new int[n];
        // each row writes its own slots: safe in parallel, and the same result on any number of cores;
        // blocks of rows, each with its own scratch (a ThreadLocal per run left stale entries in the
        // pool threads' maps, and looking one up per row cost more than the row's arithmetic)
        IntStream.range(0, (n + BLOCK - 1) / BLOCK).parallel().forEach(b -> {
            double[] raw = new double[Feature.COUNT];
            for (int i = b * BLOCK, end = Math.min(n, i + BLOCK); i < end; i++) {
                FeatureRow r = rows.get(i);
                Feature.rawValues(r, raw);
                Feature.normaliseAll(raw, vectors[i]);
                hits[i] = r.hits();
                anomalous[i] = r.isAnomalous();
                // against the previous row: 0 same IP, 1 a later IP, -1 out of IP order; 2 same IP but
                // an earlier JA4 (out of (IP, JA4) order, still in IP order)
                if (i == 0) {
                    ipStep[i] = 1;
                } else {
                    FeatureRow previous = rows.get(i - 1);
                    ipStep[i] = (byte) Integer.signum(r.ip().compareTo(previous.ip()));
                    if (ipStep[i] == 0 && r.ja4().compareTo(previous.ja4()) < 0) ipStep[i] = 2;
                }
                long h = ClusteringPipeline.mix(r.ip().hashCode() * 31L + r.ja4().hashCode(), r.hits());
                vectorHash[i] = java.util.Arrays.hashCode(vectors[i]);
                rowHash[i] = ClusteringPipeline.mix(h, vectorHash[i]);
            }
        });
        int[] ipIndex = new int[n];
        boolean identityOrdered = true;
        int ip = -1;
        for (int i = 0; i < n && ipIndex != null; i++) {
            if (ipStep[i] < 0) ipIndex = null;
            else ipIndex[i] = ipStep[i] == 1 ? ++ip : ip;
            identityOrdered &= ipStep[i] == 0 || ipStep[i] == 1;
        }
        return new FeatureMatrix(vectors, hits, anomalous, ipIndex, rowHash, vectorHash, identityOrdered && ipIndex != null);
    }

    /** True when the rows come in IP order (as the warehouse and the engine give them). */
    boolean ipOrdered() {
        return ipIndex != null;
    }

    /** Distinct IPs among all rows, or -1 when the rows are not in IP order. */
    int distinctIps() {
        return ipIndex == null ? -1 : ipIndex.length == 0 ? 0 : ipIndex[ipIndex.length - 1] + 1;
    }

    /** The vector hashes of the given rows, in that order. */
    int[] vectorHashesOf(int[] rows) {
        if (rows.length == vectorHash.length) return vectorHash;
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) out[i] = vectorHash[rows[i]];
        return out;
    }

    /** The vectors of the given rows, in that order (shared arrays, not copies). */
    double[][] vectorsOf(int[] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) out[i] = vectors[rows[i]];
        return out;
    }
}
