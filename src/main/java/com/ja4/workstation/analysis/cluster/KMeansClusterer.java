package com.ja4.workstation.analysis.cluster;

import smile.clustering.BBDTree;
import smile.clustering.KMeans;
import smile.clustering.PartitionClustering;
import smile.math.MathEx;

/**
 * k-means++ through Smile 3.1: Smile's k-means++ seeding ({@link PartitionClustering#seed}) and
 * its BBD-tree filtering iterations ({@link BBDTree#clustering}), driven here instead of through
 * {@link KMeans#fit} so that a cancel is honoured between iterations (Smile's loop has no hook)
 * and Smile's per-iteration INFO logging stays quiet. The loop and convergence test are Smile's.
 *
 * <p>Deterministic: Smile draws from a per-thread generator, which is seeded here on the calling
 * thread right before the draw; the distance updates Smile runs in parallel are per point.
 * Pure Java: none of this touches the BLAS natives excluded from the build.
 */
public final class KMeansClusterer {

    private static final double TOLERANCE = 1e-4;

    private KMeansClusterer() {
    }

    /** Result: Smile's model plus how many iterations it took. */
    public record Result(KMeans model, int iterations) {
        public int[] labels() {
            return model.y;
        }

        public double[][] centroids() {
            return model.centroids;
        }
    }

    public static Result cluster(double[][] data, int k, long seed, int maxIterations, CancellationCheck cancel) {
        if (data.length < k) {
            throw new IllegalArgumentException("Only " + data.length + " (IP, JA4) pairs to cluster: fewer than k = " + k);
        }
        int n = data.length;
        int d = data[0].length;
        int[] labels = new int[n];
        double[][] medoids = new double[k][];
        MathEx.setSeed(seed);
        double distortion = MathEx.sum(PartitionClustering.seed(data, medoids, labels, MathEx::squaredDistance));
        cancel.throwIfCancelled();

        double[][] centroids = new double[k][d];
        int[] size = new int[k];
        meansOf(data, labels, centroids, size);

        BBDTree tree = new BBDTree(data);
        double[][] sums = new double[k][d];
        double improvement = Double.MAX_VALUE;
        int iterations = 0;
        while (iterations < maxIterations && improvement > TOLERANCE) {
            cancel.throwIfCancelled();
            double next = tree.clustering(centroids, sums, size, labels);
            improvement = distortion - next;
            distortion = next;
            iterations++;
        }
        return new Result(new KMeans(distortion, centroids, labels), iterations);
    }

    /** Centroids as the means of the seeded partition (what Smile does before iterating). */
    private static void meansOf(double[][] data, int[] labels, double[][] centroids, int[] size) {
        for (int i = 0; i < data.length; i++) {
            int c = labels[i];
            size[c]++;
            double[] x = data[i];
            double[] m = centroids[c];
            for (int j = 0; j < x.length; j++) m[j] += x[j];
        }
        for (int c = 0; c < centroids.length; c++) {
            if (size[c] == 0) continue;
            for (int j = 0; j < centroids[c].length; j++) centroids[c][j] /= size[c];
        }
    }
}
