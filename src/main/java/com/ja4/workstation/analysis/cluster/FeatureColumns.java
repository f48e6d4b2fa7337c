package com.ja4.workstation.analysis.cluster;

import java.util.Arrays;

/**
 * Points stored feature by feature (one array per feature) instead of point by point. The distances
 * from one vector to every point then run as element-wise loops over the points, which the JIT turns
 * into vector instructions: about twice as fast as point by point at 21 features. Each distance adds
 * its features in the order {@link Distances#squared} does, so every value is exactly the same.
 */
final class FeatureColumns {

    private final double[][] column;

    private FeatureColumns(double[][] column) {
        this.column = column;
    }

    static FeatureColumns of(double[][] points) {
        int dims = points[0].length;
        double[][] column = new double[dims][points.length];
        for (int i = 0; i < points.length; i++) {
            double[] p = points[i];
            for (int j = 0; j < dims; j++) column[j][i] = p[j];
        }
        return new FeatureColumns(column);
    }

    /** The same columns rounded to single precision (column by column: no second pass over the points' rows). */
    FloatColumns inSinglePrecision() {
        float[][] rounded = new float[column.length][];
        for (int j = 0; j < column.length; j++) {
            double[] values = column[j];
            float[] f = new float[values.length];
            for (int i = 0; i < values.length; i++) f[i] = (float) values[i];
            rounded[j] = f;
        }
        return new FloatColumns(rounded);
    }

    /**
     * Squared distance from q to every point, into the first slots of {@code out} (one value per
     * point; a longer array, as the seeding's reused rows are, keeps its other values).
     */
    void squaredDistancesTo(double[] q, double[] out) {
        int n = column[0].length;
        if (out.length < n) {
            throw new IllegalArgumentException(out.length + " values for " + n + " points");
        }
        int j = 0;
        if (column.length >= 3) {
            // the first three features write the sums (0 + x is x for a square: the same values as
            // adding them to zeros, without clearing the row first)
            double q0 = q[0];
            double q1 = q[1];
            double q2 = q[2];
            double[] c0 = column[0];
            double[] c1 = column[1];
            double[] c2 = column[2];
            for (int i = 0; i < n; i++) {
                double d0 = c0[i] - q0;
                double d1 = c1[i] - q1;
                double d2 = c2[i] - q2;
                out[i] = d0 * d0 + d1 * d1 + d2 * d2;
            }
            j = 3;
        } else {
            Arrays.fill(out, 0, n, 0);
        }
        // three features per pass over the points: fewer loads and stores of out, same order of additions
        for (; j + 2 < column.length; j += 3) {
            double q0 = q[j];
            double q1 = q[j + 1];
            double q2 = q[j + 2];
            double[] c0 = column[j];
            double[] c1 = column[j + 1];
            double[] c2 = column[j + 2];
            for (int i = 0; i < n; i++) {
                double d0 = c0[i] - q0;
                double d1 = c1[i] - q1;
                double d2 = c2[i] - q2;
                out[i] = out[i] + d0 * d0 + d1 * d1 + d2 * d2;
            }
        }
        for (; j < column.length; j++) {
            double qj = q[j];
            double[] col = column[j];
            for (int i = 0; i < n; i++) {
                double d = col[i] - qj;
                out[i] += d * d;
            }
        }
    }

    /** Each point's nearest centroid (ties to the lower index) and its squared distance. */
    NearestCentroid.Assignment nearest(double[][] centroids) {
        int points = column[0].length;
        int[] labels = new int[points];
        double[] best = new double[points];
        double[] d = new double[points];
        squaredDistancesTo(centroids[0], best);
        for (int c = 1; c < centroids.length; c++) {
            squaredDistancesTo(centroids[c], d);
            for (int i = 0; i < best.length; i++) {
                if (d[i] < best[i]) {
                    best[i] = d[i];
                    labels[i] = c;
                }
            }
        }
        return new NearestCentroid.Assignment(labels, best);
    }
}
