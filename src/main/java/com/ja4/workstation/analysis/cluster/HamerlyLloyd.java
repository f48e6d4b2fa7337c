package com.ja4.workstation.analysis.cluster;

/**
 * Lloyd's k-means iterations on weighted points ({@link WeightedPoints}) with Hamerly's bounds (G. Hamerly, "Making k-means even faster",
 * SDM 2010): each point keeps an upper bound on the distance to its centre and a lower bound on
 * the distance to every other centre; when the bounds prove it cannot change cluster, no distance
 * is computed. The partition is Lloyd's, at a fraction of the cost once most points have settled.
 *
 * <p>Stops like scikit-learn: when no label changes (strict convergence), when the summed squared
 * centre shift falls to {@code tolerance}, or after {@code maxIterations}. Labels always end as the
 * nearest of the final centroids, so a fitted pair and the same pair assigned later agree.
 * An emptied cluster keeps its last centroid (and no member).
 */
final class HamerlyLloyd {

    /**
     * @param labels     nearest centroid of each point
     * @param squared    each point's squared distance to its centroid
     * @param distortion weighted sum of squared distances to the centroids
     */
    record Outcome(double[][] centroids, int[] labels, double[] squared, double distortion, int iterations) {
    }

    private final double[][] data;
    private final double[] weight;
    private final int n;
    private final int k;
    private final int d;
    private final double[][] centroids;
    private final int[] labels;
    private final double[] upper;
    private final double[] lower;
    private final double[][] sums;
    private final double[] counts;
    private final double[] halfGap;
    private final double[] scratch;

    private HamerlyLloyd(WeightedPoints points, double[][] initial) {
        this.data = points.points();
        this.weight = points.weight();
        this.n = data.length;
        this.k = initial.length;
        this.d = data[0].length;
        this.centroids = new double[k][];
        for (int j = 0; j < k; j++) centroids[j] = initial[j].clone();
        this.labels = new int[n];
        this.upper = new double[n];
        this.lower = new double[n];
        this.sums = new double[k][d];
        this.counts = new double[k];
        this.halfGap = new double[k];
        this.scratch = new double[k];
    }

    /**
     * @param tolerance summed squared centre shift under which the run stops (absolute; see
     *                  {@link #tolerance(WeightedPoints, double)})
     */
    static Outcome run(WeightedPoints points, double[][] initial, int maxIterations, double tolerance,
                       CancellationCheck cancel) {
        HamerlyLloyd h = new HamerlyLloyd(points, initial);
        h.scanAll();
        return h.iterate(maxIterations, tolerance, cancel);
    }

    /**
     * Starts from a seeding, which already knows each point's nearest and second-nearest centres: the
     * first full scan is skipped, and the bounds start exact.
     */
    static Outcome run(WeightedPoints points, GreedySeeding.Seeds seeds, int maxIterations, double tolerance,
                       CancellationCheck cancel) {
        HamerlyLloyd h = new HamerlyLloyd(points, seeds.centres());
        for (int i = 0; i < h.n; i++) {
            h.labels[i] = seeds.nearest()[i];
            h.upper[i] = Math.sqrt(seeds.closest()[i]);
            h.lower[i] = Math.sqrt(seeds.second()[i]);
        }
        return h.iterate(maxIterations, tolerance, cancel);
    }

    /** scikit-learn's tolerance: {@code relative} times the mean of the per-feature variances. */
    static double tolerance(WeightedPoints points, double relative) {
        double[][] data = points.points();
        double[] w = points.weight();
        int d = data[0].length;
        double[] mean = new double[d];
        double[] sq = new double[d];
        double rows = 0;
        for (int i = 0; i < data.length; i++) {
            rows += w[i];
            for (int j = 0; j < d; j++) {
                mean[j] += w[i] * data[i][j];
                sq[j] += w[i] * data[i][j] * data[i][j];
            }
        }
        double total = 0;
        for (int j = 0; j < d; j++) {
            double m = mean[j] / rows;
            total += Math.max(0, sq[j] / rows - m * m);
        }
        return relative * total / d;
    }

    private Outcome iterate(int maxIterations, double tolerance, CancellationCheck cancel) {
        for (int i = 0; i < n; i++) add(i, labels[i]);
        double[] shift = new double[k];
        int iterations = 0;
        boolean exact = true;
        while (iterations < maxIterations) {
            cancel.throwIfCancelled();
            iterations++;
            double shifted = moveCentroids(shift);
            loosenBounds(shift);
            if (shifted <= tolerance) {
                // labels belong to the previous centroids: one more assignment makes them exact
                exact = false;
                break;
            }
            if (assign() == 0) break;
        }
        if (!exact) assign();
        double distortion = 0;
        double[] squared = new double[n];
        for (int i = 0; i < n; i++) {
            squared[i] = Distances.squared(data[i], centroids[labels[i]]);
            distortion += weight[i] * squared[i];
        }
        return new Outcome(centroids, labels, squared, distortion, iterations);
    }

    /** One Hamerly assignment pass; returns how many points changed cluster. */
    private int assign() {
        for (int j = 0; j < k; j++) {
            double min = Double.POSITIVE_INFINITY;
            for (int o = 0; o < k; o++) {
                if (o != j) min = Math.min(min, Distances.squared(centroids[j], centroids[o]));
            }
            halfGap[j] = Math.sqrt(min) / 2;
        }
        int changed = 0;
        for (int i = 0; i < n; i++) {
            int a = labels[i];
            double bound = Math.max(halfGap[a], lower[i]);
            if (upper[i] <= bound) continue;
            upper[i] = Math.sqrt(Distances.squared(data[i], centroids[a]));
            if (upper[i] <= bound) continue;
            scan(i);
            if (labels[i] != a) {
                remove(i, a);
                add(i, labels[i]);
                changed++;
            }
        }
        return changed;
    }

    /** {@link #scan} for every point, centroid by centroid over the points (see {@link FeatureColumns}). */
    private void scanAll() {
        FeatureColumns columns = FeatureColumns.of(data);
        double[] best = new double[n];
        double[] second = new double[n];
        double[] dist = new double[n];
        java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(second, Double.POSITIVE_INFINITY);
        for (int j = 0; j < k; j++) {
            columns.squaredDistancesTo(centroids[j], dist);
            for (int i = 0; i < n; i++) {
                double d = dist[i];
                if (d < best[i]) {
                    second[i] = best[i];
                    best[i] = d;
                    labels[i] = j;
                } else if (d < second[i]) {
                    second[i] = d;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            upper[i] = Math.sqrt(best[i]);
            lower[i] = Math.sqrt(second[i]);
        }
    }

    /** Nearest and second-nearest centroid of point i, exactly; ties go to the lower index. */
    private void scan(int i) {
        Distances.squaredToAll(data[i], centroids, scratch);
        double best = Double.POSITIVE_INFINITY;
        double second = Double.POSITIVE_INFINITY;
        int label = 0;
        for (int j = 0; j < k; j++) {
            double dist = scratch[j];
            if (dist < best) {
                second = best;
                best = dist;
                label = j;
            } else if (dist < second) {
                second = dist;
            }
        }
        labels[i] = label;
        upper[i] = Math.sqrt(best);
        lower[i] = Math.sqrt(second);
    }

    /** Centroids to the means of their members; returns the summed squared shift. */
    private double moveCentroids(double[] shift) {
        double total = 0;
        for (int j = 0; j < k; j++) {
            if (counts[j] <= 0) {
                shift[j] = 0;
                continue;
            }
            double s = 0;
            double[] c = centroids[j];
            for (int q = 0; q < d; q++) {
                double next = sums[j][q] / counts[j];
                double delta = next - c[q];
                s += delta * delta;
                c[q] = next;
            }
            shift[j] = Math.sqrt(s);
            total += s;
        }
        return total;
    }

    private void loosenBounds(double[] shift) {
        int far = 0;
        for (int j = 1; j < k; j++) if (shift[j] > shift[far]) far = j;
        double farthest = shift[far];
        double next = 0;
        for (int j = 0; j < k; j++) if (j != far) next = Math.max(next, shift[j]);
        for (int i = 0; i < n; i++) {
            int a = labels[i];
            upper[i] += shift[a];
            lower[i] -= a == far ? next : farthest;
        }
    }

    private void add(int i, int cluster) {
        double w = weight[i];
        counts[cluster] += w;
        double[] s = sums[cluster];
        double[] x = data[i];
        for (int q = 0; q < d; q++) s[q] += w * x[q];
    }

    private void remove(int i, int cluster) {
        double w = weight[i];
        counts[cluster] -= w;
        double[] s = sums[cluster];
        double[] x = data[i];
        for (int q = 0; q < d; q++) s[q] -= w * x[q];
    }
}
