package com.ja4.workstation.analysis.cluster;

/**
 * The Davies-Bouldin index of a partition of weighted points (D. L. Davies, D. W. Bouldin, "A
 * Cluster Separation Measure", 1979), as scikit-learn's {@code davies_bouldin_score} computes it on
 * the rows: for each cluster, the worst ratio of the two clusters' mean distance to their centroid
 * over the distance between the centroids, averaged over the non-empty clusters. Lower is better:
 * compact clusters far apart. It is what picks among restarts (see {@link KMeansClusterer}): a
 * restart that cut one cloud of points in two makes two touching clusters and scores worse than
 * one that kept separate groups apart, even at a slightly lower inertia.
 */
final class DaviesBouldin {

    private DaviesBouldin() {
    }

    /** @return the index, or +infinity when two non-empty clusters share a centroid (or fewer than 2 are used) */
    static double of(WeightedPoints points, double[][] centroids, int[] labels) {
        double[] squared = new double[points.size()];
        for (int i = 0; i < squared.length; i++) squared[i] = Distances.squared(points.points()[i], centroids[labels[i]]);
        return of(points, centroids, labels, squared);
    }

    /** @param squaredToOwn each point's squared distance to its own centroid, as the assignment found it */
    static double of(WeightedPoints points, double[][] centroids, int[] labels, double[] squaredToOwn) {
        int k = centroids.length;
        double[] weight = points.weight();
        double[] spread = new double[k];
        double[] mass = new double[k];
        for (int i = 0; i < labels.length; i++) {
            int c = labels[i];
            spread[c] += weight[i] * Math.sqrt(squaredToOwn[i]);
            mass[c] += weight[i];
        }
        int used = 0;
        for (int c = 0; c < k; c++) {
            if (mass[c] > 0) {
                spread[c] /= mass[c];
                used++;
            }
        }
        if (used < 2) return Double.POSITIVE_INFINITY;
        double sum = 0;
        for (int a = 0; a < k; a++) {
            if (mass[a] == 0) continue;
            double worst = 0;
            for (int b = 0; b < k; b++) {
                if (b == a || mass[b] == 0) continue;
                double gap = Math.sqrt(Distances.squared(centroids[a], centroids[b]));
                if (gap == 0) return Double.POSITIVE_INFINITY;
                worst = Math.max(worst, (spread[a] + spread[b]) / gap);
            }
            sum += worst;
        }
        return sum / used;
    }
}
