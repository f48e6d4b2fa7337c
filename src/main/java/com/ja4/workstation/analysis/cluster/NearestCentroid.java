package com.ja4.workstation.analysis.cluster;

import java.util.stream.IntStream;

/**
 * Bulk assignment of vectors to their nearest centroid: every pair of the window gets the cluster
 * whose centroid is closest, with its squared distance. Runs in parallel over fixed blocks of rows
 * (each row's result depends on that row alone, so the output is the same on any number of cores),
 * each block as {@link FeatureColumns#nearest}, the restarts' judging, computes it.
 */
public final class NearestCentroid {

    private static final int BLOCK = 4_096;

    private NearestCentroid() {
    }

    /**
     * @param labels           nearest centroid of each vector (ties go to the lower index)
     * @param squaredDistances squared distance to that centroid
     */
    public record Assignment(int[] labels, double[] squaredDistances) {
    }

    public static Assignment assign(double[][] vectors, double[][] centroids, CancellationCheck cancel) {
        int n = vectors.length;
        int[] labels = new int[n];
        double[] dist = new double[n];
        IntStream.range(0, (n + BLOCK - 1) / BLOCK).parallel().forEach(b -> {
            cancel.throwIfCancelled();
            int from = b * BLOCK;
            int end = Math.min(n, from + BLOCK);
            Assignment block = FeatureColumns.of(java.util.Arrays.copyOfRange(vectors, from, end)).nearest(centroids);
            System.arraycopy(block.labels(), 0, labels, from, end - from);
            System.arraycopy(block.squaredDistances(), 0, dist, from, end - from);
        });
        return new Assignment(labels, dist);
    }
}
