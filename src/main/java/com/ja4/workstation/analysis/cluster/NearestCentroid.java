package com.ja4.workstation.analysis.cluster;

import java.util.stream.IntStream;

/**
 * Bulk assignment of vectors to their nearest centroid: every pair of the window gets the cluster
 * whose centroid is closest, with its squared distance. Runs in parallel over fixed blocks of rows
 * (each row's result depends on that row alone, so the output is the same on any number of cores).
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
            int end = Math.min(n, (b + 1) * BLOCK);
            double[] d2 = new double[centroids.length];
            for (int i = b * BLOCK; i < end; i++) {
                Distances.squaredToAll(vectors[i], centroids, d2);
                double best = Double.POSITIVE_INFINITY;
                int label = 0;
                for (int j = 0; j < centroids.length; j++) {
                    double d = d2[j];
                    if (d < best) {
                        best = d;
                        label = j;
                    }
                }
                labels[i] = label;
                dist[i] = best;
            }
        });
        return new Assignment(labels, dist);
    }
}
