package com.ja4.workstation.analysis.cluster;

import java.util.Arrays;

/**
 * The distinct vectors of a data set and how much weight each carries (how many rows share it,
 * or the sum of their sampling weights). Undetected pairs with the same
 * TCP stack have identical vectors (every behaviour feature is 0), so real windows hold many
 * duplicates: k-means on the distinct vectors, each weighted by its count, has exactly the same
 * objective and optimum as on the rows, for half the work or less.
 *
 * @param points distinct vectors, in order of first appearance
 * @param weight rows (or summed row weights) per distinct vector
 * @param pointOf for each row, the index of its vector in {@code points}
 */
record WeightedPoints(double[][] points, double[] weight, int[] pointOf) {

    static WeightedPoints of(double[][] rows) {
        return of(rows, null);
    }

    /** @param rowWeight weight of each row, or null for 1 each; equal rows add their weights */
    static WeightedPoints of(double[][] rows, double[] rowWeight) {
        return of(rows, rowWeight, null);
    }

    /**
     * @param rowHash {@link Arrays#hashCode(double[])} of each row (the feature matrix has them), or
     *                null to compute them here
     */
    static WeightedPoints of(double[][] rows, double[] rowWeight, int[] rowHash) {
        int n = rows.length;
        // open addressing on the rows' hashes: a table of point numbers (+1, 0 is empty); rows are
        // equal bit for bit (Arrays.equals: NaN equals itself, -0.0 and 0.0 stay apart)
        int bits = 32 - Integer.numberOfLeadingZeros(Math.max(1, 2 * n - 1));
        int[] slot = new int[1 << bits];
        int mask = slot.length - 1;
        int[] pointHash = new int[n];
        int[] pointOf = new int[n];
        double[][] points = new double[n][];
        double[] weight = new double[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            int h = rowHash != null ? rowHash[i] : Arrays.hashCode(rows[i]);
            // Fibonacci hashing: Arrays.hashCode of doubles leaves the low bits poorly mixed
            int s = bits == 0 ? 0 : (h * 0x9E3779B9) >>> (32 - bits);
            int p;
            while (true) {
                p = slot[s] - 1;
                if (p < 0) {
                    p = m++;
                    slot[s] = p + 1;
                    points[p] = rows[i];
                    pointHash[p] = h;
                    break;
                }
                if (pointHash[p] == h && Arrays.equals(points[p], rows[i])) break;
                s = (s + 1) & mask;
            }
            weight[p] += rowWeight == null ? 1 : rowWeight[i];
            pointOf[i] = p;
        }
        return new WeightedPoints(Arrays.copyOf(points, m), Arrays.copyOf(weight, m), pointOf);
    }

    int size() {
        return points.length;
    }

    /** How many rows each point stands for (its weight without the rows' sampling weights). */
    double[] rowsPerPoint() {
        double[] rows = new double[points.length];
        for (int p : pointOf) rows[p]++;
        return rows;
    }

    /** A value of each row from the values of the points. */
    double[] rowValues(double[] pointValues) {
        double[] out = new double[pointOf.length];
        for (int i = 0; i < out.length; i++) out[i] = pointValues[pointOf[i]];
        return out;
    }

    /** Labels of the rows from the labels of the points. */
    int[] rowLabels(int[] pointLabels) {
        int[] out = new int[pointOf.length];
        for (int i = 0; i < out.length; i++) out[i] = pointLabels[pointOf[i]];
        return out;
    }
}
