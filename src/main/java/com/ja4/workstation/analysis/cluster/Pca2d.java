package com.ja4.workstation.analysis.cluster;

/**
 * Two principal axes of a data set by power iteration on its covariance matrix with Hotelling
 * deflation, and positions on those axes scaled to [0, 1] for the canvas.
 *
 * <p>Deterministic: the start vector is fixed (all ones, normalised), and each eigenvector's sign
 * is chosen so that its largest-magnitude component is positive; otherwise a rerun could mirror
 * the graph. Pure Java so that it needs no BLAS.
 */
public final class Pca2d {

    static final int MAX_ITERATIONS = 1_000;
    static final double TOLERANCE = 1e-12;

    private Pca2d() {
    }

    /**
     * @param values  the two largest eigenvalues of the covariance matrix, largest first
     * @param vectors the matching unit eigenvectors, {@code vectors[0]} for the first axis
     */
    public record Axes(double[] values, double[][] vectors) {
    }

    /** Rows per block of the parallel covariance; blocks are fixed, so the sum is the same on any number of cores. */
    static final int BLOCK = 2_048;

    /** Population covariance matrix (divides by n) of the rows of {@code data}. */
    public static double[][] covariance(double[][] data) {
        return covariance(data, null);
    }

    /**
     * The covariance of rows given as distinct vectors and how many rows each stands for: the same
     * matrix as over the rows (up to the order of additions), for the work of the distinct vectors
     * (8,000 pairs hold about 4,300).
     *
     * @param counts rows per vector, or null for one each
     */
    public static double[][] covariance(double[][] data, double[] counts) {
        int d = data[0].length;
        double n = rows(data, counts);
        double[] mean = mean(data, counts);
        int points = data.length;
        double[][][] partial = java.util.stream.IntStream.range(0, (points + BLOCK - 1) / BLOCK).parallel()
                .mapToObj(b -> scatter(data, counts, b * BLOCK, Math.min(points, (b + 1) * BLOCK), mean))
                .toArray(double[][][]::new);
        double[][] acc = new double[d][d];
        for (double[][] p : partial) {
            for (int a = 0; a < d; a++) for (int b = a; b < d; b++) acc[a][b] += p[a][b];
        }
        double[][] cov = new double[d][d];
        for (int a = 0; a < d; a++) {
            for (int b = a; b < d; b++) {
                cov[a][b] = acc[a][b] / n;
                cov[b][a] = cov[a][b];
            }
        }
        return cov;
    }

    /**
     * The scatter matrix of rows [from, to) around {@code mean}. Every entry is summed over the rows in
     * their order, so the upper triangle (the one used) is the same, bit for bit, as a loop over it
     * alone; the whole square is computed because full rows of fixed length run as vector
     * instructions, while the triangle's shrinking rows did not (the covariance took 7 % of a run).
     */
    private static double[][] scatter(double[][] data, double[] counts, int from, int to, double[] mean) {
        int d = mean.length;
        double[][] acc = new double[d][d];
        double[] centred = new double[d];
        for (int i = from; i < to; i++) {
            double[] x = data[i];
            double w = counts == null ? 1 : counts[i];
            for (int j = 0; j < d; j++) centred[j] = x[j] - mean[j];
            for (int a = 0; a < d; a++) {
                double ca = w * centred[a];
                double[] row = acc[a];
                for (int b = 0; b < d; b++) row[b] += ca * centred[b];
            }
        }
        return acc;
    }

    /** The top-2 eigenpairs of a symmetric positive semi-definite matrix. */
    public static Axes topTwo(double[][] symmetric) {
        int d = symmetric.length;
        double[][] m = new double[d][];
        for (int i = 0; i < d; i++) m[i] = symmetric[i].clone();
        double[] values = new double[2];
        double[][] vectors = new double[2][];
        for (int axis = 0; axis < 2; axis++) {
            double[] v = dominantEigenvector(m);
            double lambda = rayleigh(m, v);
            values[axis] = Math.max(lambda, 0.0);
            vectors[axis] = v;
            // Hotelling deflation: remove the found axis so the next power iteration finds the next one.
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) m[a][b] -= lambda * v[a] * v[b];
            }
        }
        return new Axes(values, vectors);
    }

    /** Rows projected on the two axes of their covariance, each coordinate scaled to [0, 1]. */
    public static double[][] positions(double[][] data) {
        Axes axes = topTwo(covariance(data));
        return scaledProjection(data, mean(data), axes);
    }

    /** Projects rows on given axes (centred on {@code mean}) and scales each coordinate to [0, 1]. */
    public static double[][] scaledProjection(double[][] rows, double[] mean, Axes axes) {
        double[][] out = new double[rows.length][2];
        for (int c = 0; c < 2; c++) {
            double[] v = axes.vectors()[c];
            double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < rows.length; i++) {
                double p = 0;
                for (int j = 0; j < v.length; j++) p += (rows[i][j] - mean[j]) * v[j];
                out[i][c] = p;
                min = Math.min(min, p);
                max = Math.max(max, p);
            }
            double span = max - min;
            for (double[] o : out) o[c] = span > 1e-12 ? (o[c] - min) / span : 0.5;
        }
        return out;
    }

    public static double[] mean(double[][] data) {
        return mean(data, null);
    }

    /** @param counts rows per vector, or null for one each */
    static double[] mean(double[][] data, double[] counts) {
        int d = data[0].length;
        double[] mean = new double[d];
        for (int i = 0; i < data.length; i++) {
            double w = counts == null ? 1 : counts[i];
            for (int j = 0; j < d; j++) mean[j] += w * data[i][j];
        }
        double n = rows(data, counts);
        for (int j = 0; j < d; j++) mean[j] /= n;
        return mean;
    }

    /** How many rows the vectors stand for. */
    private static double rows(double[][] data, double[] counts) {
        if (counts == null) return data.length;
        double n = 0;
        for (double c : counts) n += c;
        return n;
    }

    private static double[] dominantEigenvector(double[][] m) {
        int d = m.length;
        double[] v = new double[d];
        java.util.Arrays.fill(v, 1.0 / Math.sqrt(d));
        double[] next = new double[d];
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            multiply(m, v, next);
            double norm = norm(next);
            if (norm < 1e-300) {
                // The start vector is orthogonal to what is left (or the matrix is zero): restart on
                // a fixed basis vector so the result stays deterministic.
                return orientedBasis(m);
            }
            double change = 0;
            for (int j = 0; j < d; j++) {
                next[j] /= norm;
                change = Math.max(change, Math.abs(Math.abs(next[j]) - Math.abs(v[j])));
            }
            double[] t = v;
            v = next;
            next = t;
            if (change < TOLERANCE && it > 2) break;
        }
        return orient(v);
    }

    /** Power iteration from the basis vector of the largest diagonal entry, for degenerate starts. */
    private static double[] orientedBasis(double[][] m) {
        int d = m.length;
        int best = 0;
        for (int j = 1; j < d; j++) if (m[j][j] > m[best][best]) best = j;
        double[] v = new double[d];
        v[best] = 1.0;
        double[] next = new double[d];
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            multiply(m, v, next);
            double norm = norm(next);
            if (norm < 1e-300) break;
            for (int j = 0; j < d; j++) v[j] = next[j] / norm;
        }
        return orient(v);
    }

    /** Sign convention: the largest-magnitude component is positive. */
    static double[] orient(double[] v) {
        int big = 0;
        for (int j = 1; j < v.length; j++) if (Math.abs(v[j]) > Math.abs(v[big])) big = j;
        if (v[big] < 0) for (int j = 0; j < v.length; j++) v[j] = -v[j];
        return v;
    }

    private static double rayleigh(double[][] m, double[] v) {
        double[] mv = new double[v.length];
        multiply(m, v, mv);
        double s = 0;
        for (int j = 0; j < v.length; j++) s += v[j] * mv[j];
        return s;
    }

    private static void multiply(double[][] m, double[] v, double[] out) {
        for (int a = 0; a < m.length; a++) {
            double s = 0;
            double[] row = m[a];
            for (int b = 0; b < v.length; b++) s += row[b] * v[b];
            out[a] = s;
        }
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) s += x * x;
        return Math.sqrt(s);
    }
}
