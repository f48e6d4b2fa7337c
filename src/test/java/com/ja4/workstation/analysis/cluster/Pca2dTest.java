package com.ja4.workstation.analysis.cluster;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Checks the power iteration against an exact symmetric eigen-decomposition. Smile's
 * Matrix.eigen() calls LAPACK through the BLAS natives excluded from the build, so the reference
 * is a cyclic Jacobi routine written here.
 */
class Pca2dTest {

    private static final double TOL = 1e-6;

    @Test
    void topTwoAxesMatchJacobiUpToSign() {
        double[][] data = correlatedData(3_000, 21, 17);
        double[][] cov = Pca2d.covariance(data);
        Pca2d.Axes axes = Pca2d.topTwo(cov);
        Eigen exact = jacobi(cov);

        for (int axis = 0; axis < 2; axis++) {
            assertEquals(exact.values[axis], axes.values()[axis], TOL, "eigenvalue " + axis);
            double[] ref = exact.vectors[axis];
            double[] got = axes.vectors()[axis];
            double sign = Math.signum(dot(ref, got));
            for (int j = 0; j < ref.length; j++) assertEquals(sign * ref[j], got[j], TOL, "axis " + axis + " comp " + j);
        }
    }

    @Test
    void distinctVectorsWithTheirCountsGiveTheRowsCovariance() {
        // rows with many repeats, as the undetected pairs of one stack are
        double[][] distinct = correlatedData(300, 21, 5);
        double[] counts = new double[distinct.length];
        java.util.List<double[]> rows = new java.util.ArrayList<>();
        for (int p = 0; p < distinct.length; p++) {
            counts[p] = 1 + p % 7 * (p % 11);
            for (int c = 0; c < counts[p]; c++) rows.add(distinct[p]);
        }
        double[][] expanded = rows.toArray(double[][]::new);
        double[][] byRows = Pca2d.covariance(expanded);
        double[][] byPoints = Pca2d.covariance(distinct, counts);
        double scale = java.util.Arrays.stream(byRows).flatMapToDouble(java.util.Arrays::stream).map(Math::abs).max().orElse(1);
        for (int a = 0; a < 21; a++) assertArrayEquals(byRows[a], byPoints[a], 1e-12 * scale, "row " + a);
        assertArrayEquals(WeightedPoints.of(expanded).rowsPerPoint(), counts, 0.0);
        Pca2d.Axes one = Pca2d.topTwo(byRows);
        Pca2d.Axes other = Pca2d.topTwo(byPoints);
        for (int c = 0; c < 2; c++) assertArrayEquals(one.vectors()[c], other.vectors()[c], 1e-9, "axis " + c);
    }

    /** The covariance as a plain loop over the upper triangle sums it: the same values, bit for bit. */
    @Test
    void covarianceIsThePlainTriangleLoopExactly() {
        double[][] data = correlatedData(5_000, 21, 29);
        int n = data.length;
        int d = 21;
        double[] mean = Pca2d.mean(data);
        double[][] cov = Pca2d.covariance(data);
        // one block: exactly the plain loop
        double[][] oneBlock = java.util.Arrays.copyOf(data, Pca2d.BLOCK);
        double[] m = Pca2d.mean(oneBlock);
        double[][] expected = new double[d][d];
        for (double[] x : oneBlock) {
            for (int a = 0; a < d; a++) for (int b = a; b < d; b++) expected[a][b] += (x[a] - m[a]) * (x[b] - m[b]);
        }
        double[][] got = Pca2d.covariance(oneBlock);
        for (int a = 0; a < d; a++) {
            for (int b = a; b < d; b++) {
                assertEquals(expected[a][b] / oneBlock.length, got[a][b], 0.0, a + "," + b);
                assertEquals(got[a][b], got[b][a], 0.0, "symmetric");
            }
        }
        // several blocks: each entry within rounding of the plain loop over every row
        double[][] all = new double[d][d];
        for (double[] x : data) {
            for (int a = 0; a < d; a++) for (int b = a; b < d; b++) all[a][b] += (x[a] - mean[a]) * (x[b] - mean[b]);
        }
        for (int a = 0; a < d; a++) {
            for (int b = a; b < d; b++) assertEquals(all[a][b] / n, cov[a][b], 1e-12 * Math.max(1, Math.abs(cov[a][b])));
        }
    }

    @Test
    void signIsDeterministicLargestComponentPositive() {
        double[][] cov = Pca2d.covariance(correlatedData(500, 21, 3));
        Pca2d.Axes axes = Pca2d.topTwo(cov);
        for (double[] v : axes.vectors()) {
            int big = 0;
            for (int j = 1; j < v.length; j++) if (Math.abs(v[j]) > Math.abs(v[big])) big = j;
            assertTrue(v[big] > 0);
        }
    }

    @Test
    void positionsAreScaledToUnitSquareAndConstantDataSitsInTheMiddle() {
        double[][] pos = Pca2d.positions(correlatedData(400, 21, 5));
        for (double[] p : pos) {
            assertTrue(p[0] >= 0 && p[0] <= 1 && p[1] >= 0 && p[1] <= 1);
        }
        double[][] same = new double[10][21];
        for (double[] p : Pca2d.positions(same)) {
            assertEquals(0.5, p[0]);
            assertEquals(0.5, p[1]);
        }
    }

    /** Data with a clear spectrum: independent components of decreasing scale, then a fixed rotation. */
    private static double[][] correlatedData(int n, int d, long seed) {
        Random rnd = new Random(seed);
        double[][] mix = new double[d][d];
        for (double[] row : mix) for (int j = 0; j < d; j++) row[j] = rnd.nextGaussian();
        double[][] out = new double[n][d];
        for (int i = 0; i < n; i++) {
            double[] z = new double[d];
            for (int j = 0; j < d; j++) z[j] = rnd.nextGaussian() * (d - j);
            for (int a = 0; a < d; a++) {
                double s = 0;
                for (int b = 0; b < d; b++) s += mix[a][b] * z[b];
                out[i][a] = s;
            }
        }
        return out;
    }

    private record Eigen(double[] values, double[][] vectors) {
    }

    /** Cyclic Jacobi rotations until the off-diagonal mass vanishes; eigenpairs sorted by value, descending. */
    private static Eigen jacobi(double[][] symmetric) {
        int n = symmetric.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) a[i] = symmetric[i].clone();
        double[][] v = new double[n][n];
        for (int i = 0; i < n; i++) v[i][i] = 1;
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            for (int p = 0; p < n; p++) for (int q = p + 1; q < n; q++) off += a[p][q] * a[p][q];
            if (off < 1e-30) break;
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    if (Math.abs(a[p][q]) < 1e-300) continue;
                    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) t = 1;
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < n; k++) {
                        double akp = a[k][p], akq = a[k][q];
                        a[k][p] = c * akp - s * akq;
                        a[k][q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < n; k++) {
                        double apk = a[p][k], aqk = a[q][k];
                        a[p][k] = c * apk - s * aqk;
                        a[q][k] = s * apk + c * aqk;
                    }
                    for (int k = 0; k < n; k++) {
                        double vkp = v[k][p], vkq = v[k][q];
                        v[k][p] = c * vkp - s * vkq;
                        v[k][q] = s * vkp + c * vkq;
                    }
                }
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        java.util.Arrays.sort(order, (x, y) -> Double.compare(a[y][y], a[x][x]));
        double[] values = new double[n];
        double[][] vectors = new double[n][n];
        for (int r = 0; r < n; r++) {
            values[r] = a[order[r]][order[r]];
            for (int k = 0; k < n; k++) vectors[r][k] = v[k][order[r]];
        }
        return new Eigen(values, vectors);
    }

    private static double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) s += x[i] * y[i];
        return s;
    }
}
