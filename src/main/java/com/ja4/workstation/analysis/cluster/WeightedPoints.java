package com.ja4.workstation.analysis.cluster;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

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
        Map<Key, Integer> index = new HashMap<>(rows.length * 2);
        int[] pointOf = new int[rows.length];
        double[][] points = new double[rows.length][];
        double[] weight = new double[rows.length];
        int m = 0;
        for (int i = 0; i < rows.length; i++) {
            Integer p = index.putIfAbsent(new Key(rows[i]), m);
            if (p == null) {
                points[m] = rows[i];
                p = m++;
            }
            weight[p] += rowWeight == null ? 1 : rowWeight[i];
            pointOf[i] = p;
        }
        return new WeightedPoints(Arrays.copyOf(points, m), Arrays.copyOf(weight, m), pointOf);
    }

    int size() {
        return points.length;
    }

    /** Labels of the rows from the labels of the points. */
    int[] rowLabels(int[] pointLabels) {
        int[] out = new int[pointOf.length];
        for (int i = 0; i < out.length; i++) out[i] = pointLabels[pointOf[i]];
        return out;
    }

    /** A vector as a hash key: bitwise equality, so -0.0 and 0.0 stay apart (harmless) and NaN equals itself. */
    private record Key(double[] v) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && Arrays.equals(v, other.v);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(v);
        }
    }
}
