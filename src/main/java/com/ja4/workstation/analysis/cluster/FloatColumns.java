package com.ja4.workstation.analysis.cluster;

/**
 * Points feature by feature, as {@link FeatureColumns}, in single precision: twice as many values per
 * vector instruction, so a distance row costs about half. For ranking, not for results: the seeding
 * scores its candidates with these rows ({@link GreedySeeding}), while every distance that reaches
 * a centre, a bound or an inertia is computed in double precision.
 */
final class FloatColumns {

    private final float[][] column;

    /** @param column one array per feature, the points' values in order (see {@link FeatureColumns#inSinglePrecision}) */
    FloatColumns(float[][] column) {
        this.column = column;
    }

    /** Squared distance from point {@code from} to every point, into the first slots of {@code out}. */
    void squaredDistancesFrom(int from, float[] out) {
        int n = column[0].length;
        if (out.length < n) {
            throw new IllegalArgumentException(out.length + " values for " + n + " points");
        }
        int j = 0;
        if (column.length >= 3) {
            float q0 = column[0][from];
            float q1 = column[1][from];
            float q2 = column[2][from];
            float[] c0 = column[0];
            float[] c1 = column[1];
            float[] c2 = column[2];
            for (int i = 0; i < n; i++) {
                float d0 = c0[i] - q0;
                float d1 = c1[i] - q1;
                float d2 = c2[i] - q2;
                out[i] = d0 * d0 + d1 * d1 + d2 * d2;
            }
            j = 3;
        } else {
            java.util.Arrays.fill(out, 0, n, 0f);
        }
        for (; j + 2 < column.length; j += 3) {
            float q0 = column[j][from];
            float q1 = column[j + 1][from];
            float q2 = column[j + 2][from];
            float[] c0 = column[j];
            float[] c1 = column[j + 1];
            float[] c2 = column[j + 2];
            for (int i = 0; i < n; i++) {
                float d0 = c0[i] - q0;
                float d1 = c1[i] - q1;
                float d2 = c2[i] - q2;
                out[i] = out[i] + d0 * d0 + d1 * d1 + d2 * d2;
            }
        }
        for (; j < column.length; j++) {
            float qj = column[j][from];
            float[] col = column[j];
            for (int i = 0; i < n; i++) {
                float d = col[i] - qj;
                out[i] += d * d;
            }
        }
    }
}
