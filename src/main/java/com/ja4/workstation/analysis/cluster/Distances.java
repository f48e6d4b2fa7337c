package com.ja4.workstation.analysis.cluster;

/** Squared Euclidean distances, the ones k-means, seeding and assignment share. */
final class Distances {

    private Distances() {
    }

    static double squared(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            double d = a[j] - b[j];
            s += d * d;
        }
        return s;
    }

    /**
     * Squared distances from x to every centroid into {@code out}. Four centroids are walked at
     * once: four independent sums keep the floating-point unit busy where one sum waits on the
     * previous addition. Each sum adds in the same order as {@link #squared}, so results are equal.
     */
    static void squaredToAll(double[] x, double[][] centroids, double[] out) {
        int k = centroids.length;
        int d = x.length;
        int j = 0;
        for (; j + 3 < k; j += 4) {
            double[] c0 = centroids[j];
            double[] c1 = centroids[j + 1];
            double[] c2 = centroids[j + 2];
            double[] c3 = centroids[j + 3];
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (int q = 0; q < d; q++) {
                double v = x[q];
                double z0 = v - c0[q];
                double z1 = v - c1[q];
                double z2 = v - c2[q];
                double z3 = v - c3[q];
                s0 += z0 * z0;
                s1 += z1 * z1;
                s2 += z2 * z2;
                s3 += z3 * z3;
            }
            out[j] = s0;
            out[j + 1] = s1;
            out[j + 2] = s2;
            out[j + 3] = s3;
        }
        for (; j < k; j++) out[j] = squared(x, centroids[j]);
    }
}
