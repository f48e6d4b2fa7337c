package com.ja4.workstation.analysis.cluster;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * k-means with greedy k-means++ seeding ({@link GreedySeeding}, as scikit-learn) and
 * Hamerly-bounded Lloyd iterations ({@link HamerlyLloyd}), restarted {@value #RESTARTS} times in
 * parallel on a {@value #SEARCH_ROWS}-row subsample; the restart whose clusters are best separated
 * (lowest {@link DaviesBouldin} index) wins and is then iterated on every row, so the result is a
 * local optimum of the whole data.
 *
 * <p>Why not the lowest inertia: on real-looking traffic the objective has two nearly equal kinds
 * of optima: one keeps apart the undetected clients of different TCP stacks, the other lumps them
 * together and spends the saved centroid cutting one bot cloud in two. The second often has the
 * slightly lower inertia and is the worse answer for an analyst (and against the labelled truth,
 * docs/CLUSTERING.md). Cutting a cloud makes two touching clusters, which the Davies-Bouldin index
 * penalises. Why a subsample: eight restarts on 1,000 rows cost less than two on 8,000, and which
 * optimum a run lands in is decided by the seeding, which a subsample sees as well.
 *
 * <p>Why not Smile's {@code KMeans.fit}: Smile 3.1 seeds with plain k-means++ (one candidate per
 * step, no greedy variant) and iterates on a BBD-tree whose construction alone costs about 30 ms
 * for 8,000 rows and 360 ms for 100,000 rows of 21 features on this class of machine, more than
 * scikit-learn's whole fit; its {@code lloyd} cannot start from given centroids. Smile stays the
 * reference: the tests score runs with its {@code AdjustedRandIndex}.
 *
 * <p>Deterministic: each restart draws from its own generator derived from the seed, the subsample
 * too, and the winner is chosen by index, then inertia, then restart number, so thread scheduling
 * changes nothing.
 */
public final class KMeansClusterer {

    /** Restarts per run; they run in parallel. */
    static final int RESTARTS = 8;
    /** Rows the restarts search on; inputs up to this size are searched whole. */
    static final int SEARCH_ROWS = 1_000;
    /** scikit-learn's relative tolerance on the centre shift. */
    static final double RELATIVE_TOLERANCE = 1e-4;

    private KMeansClusterer() {
    }

    /**
     * @param centroids  k centroids (an emptied cluster keeps its last one)
     * @param labels     nearest centroid of each row
     * @param distortion (weighted) sum of squared distances to the centroids: the inertia
     * @param iterations Lloyd iterations of the winning restart
     * @param restarts   restarts run
     */
    public record Result(double[][] centroids, int[] labels, double distortion, int iterations, int restarts) {
    }

    public static Result cluster(double[][] data, int k, long seed, int maxIterations, CancellationCheck cancel) {
        return cluster(data, null, k, seed, maxIterations, RESTARTS, cancel);
    }

    /** @param weights weight of each row in the objective (a sampling weight), or null for 1 each */
    public static Result cluster(double[][] data, double[] weights, int k, long seed, int maxIterations,
                                 CancellationCheck cancel) {
        return cluster(data, weights, k, seed, maxIterations, RESTARTS, cancel);
    }

    private static Result cluster(double[][] data, double[] weights, int k, long seed, int maxIterations, int restarts,
                          CancellationCheck cancel) {
        if (data.length < k) {
            throw new IllegalArgumentException("Only " + data.length + " (IP, JA4) pairs to cluster: fewer than k = " + k);
        }
        SplittableRandom base = new SplittableRandom(seed);
        long[] seeds = new long[restarts];
        for (int r = 0; r < restarts; r++) seeds[r] = base.nextLong();
        boolean sub = data.length > SEARCH_ROWS;
        WeightedPoints all = WeightedPoints.of(data, weights);
        if (all.size() < k) {
            throw new IllegalArgumentException("Only " + all.size() + " distinct (IP, JA4) feature vectors: fewer than k = "
                    + k + ". Lower k.");
        }
        WeightedPoints drawn = sub ? subsample(data, weights, SEARCH_ROWS, base.nextLong()) : all;
        WeightedPoints search = drawn.size() >= k ? drawn : all;
        double tolerance = HamerlyLloyd.tolerance(search, RELATIVE_TOLERANCE);
        HamerlyLloyd.Outcome[] outcomes = IntStream.range(0, restarts).parallel()
                .mapToObj(r -> HamerlyLloyd.run(search, GreedySeeding.seeds(search, k, new SplittableRandom(seeds[r])),
                        maxIterations, tolerance, cancel))
                .toArray(HamerlyLloyd.Outcome[]::new);
        HamerlyLloyd.Outcome winner = outcomes[bestSeparated(search, outcomes)];
        if (search != all) {
            cancel.throwIfCancelled();
            winner = HamerlyLloyd.run(all, winner.centroids(), maxIterations,
                    HamerlyLloyd.tolerance(all, RELATIVE_TOLERANCE), cancel);
        }
        return new Result(winner.centroids(), all.rowLabels(winner.labels()), winner.distortion(), winner.iterations(),
                restarts);
    }

    /** The restart with the lowest Davies-Bouldin index; ties to the lower inertia, then the first. */
    static int bestSeparated(WeightedPoints points, HamerlyLloyd.Outcome[] outcomes) {
        int best = 0;
        double bestIndex = DaviesBouldin.of(points, outcomes[0].centroids(), outcomes[0].labels());
        for (int r = 1; r < outcomes.length; r++) {
            double index = DaviesBouldin.of(points, outcomes[r].centroids(), outcomes[r].labels());
            if (index < bestIndex || index == bestIndex && outcomes[r].distortion() < outcomes[best].distortion()) {
                best = r;
                bestIndex = index;
            }
        }
        return best;
    }

    /** {@code size} distinct rows drawn without replacement (partial Fisher-Yates), in row order. */
    static WeightedPoints subsample(double[][] data, double[] weights, int size, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] index = new int[data.length];
        for (int i = 0; i < index.length; i++) index[i] = i;
        for (int i = 0; i < size; i++) {
            int j = i + rnd.nextInt(index.length - i);
            int t = index[i];
            index[i] = index[j];
            index[j] = t;
        }
        int[] chosen = java.util.Arrays.copyOf(index, size);
        java.util.Arrays.sort(chosen);
        double[][] out = new double[size][];
        double[] w = weights == null ? null : new double[size];
        for (int i = 0; i < size; i++) {
            out[i] = data[chosen[i]];
            if (w != null) w[i] = weights[chosen[i]];
        }
        return WeightedPoints.of(out, w);
    }
}
