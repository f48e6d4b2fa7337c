package com.ja4.workstation.analysis.cluster;

import java.util.SplittableRandom;

/**
 * Greedy k-means++ seeding, the variant scikit-learn uses ({@code sklearn.cluster.kmeans_plusplus}):
 * the first centre is drawn by weight; each next one is the best of {@code 2 + floor(ln k)} candidates
 * drawn with probability proportional to weight × D² (squared distance to the nearest centre chosen
 * so far), "best" being the candidate that lowers the total weighted D² (the potential) most. Plain
 * k-means++ (one candidate, Smile's {@code PartitionClustering.seed}) lands in poor local optima
 * more often.
 *
 * <p>The same centres as the textbook loop, faster: a candidate's distances to every point are
 * computed feature by feature over the points ({@link FeatureColumns}, vector instructions), once per
 * seeding however often the point is drawn (in a restart's 14 steps of 32 candidates the heavy and
 * the far points come up again and again), and a candidate drawn twice in a step is evaluated once.
 * Candidates are ranked in single precision ({@link FloatColumns}: twice the values per instruction;
 * a run's 16 seedings took 2.5 ms by median instead of 3.2), so two candidates whose potentials agree to
 * about one part in a million could be ranked the other way round than in double precision; nothing
 * else is: the draws, the chosen centres and every distance the seeding returns are in double
 * precision, so Lloyd's bounds start exact. On the tests' draws and the benchmark's three sets
 * (24 runs) the centres and the clusters are those of double precision bit for bit.
 * (Skipping points by the triangle inequality, as an earlier version did, saved half the distances
 * but cost more in branches than it saved.)
 */
final class GreedySeeding {

    private GreedySeeding() {
    }

    /** Candidates per step, as scikit-learn: 2 + floor(ln k). */
    static int localTrials(int k) {
        return 2 + (int) Math.log(k);
    }

    /**
     * The centres and what the seeding learnt on the way, which Lloyd's first pass would recompute.
     *
     * @param centres k centres, copies of points
     * @param nearest each point's nearest centre (ties to the lower index)
     * @param closest each point's squared distance to it
     * @param second  each point's squared distance to its second-nearest centre (Lloyd's bounds start
     *                from it: most points are then proven to stay without a distance computed)
     */
    record Seeds(double[][] centres, int[] nearest, double[] closest, double[] second) {
    }

    /** @return k centres, copies of points */
    static double[][] seed(WeightedPoints wp, int k, SplittableRandom rnd) {
        return seeds(wp, k, rnd).centres();
    }

    static Seeds seeds(WeightedPoints wp, int k, SplittableRandom rnd) {
        return seeds(wp, k, localTrials(k), rnd);
    }

    /** @param trials candidates per step (scikit-learn's {@code n_local_trials}) */
    static Seeds seeds(WeightedPoints wp, int k, int trials, SplittableRandom rnd) {
        double[][] data = wp.points();
        double[] w = wp.weight();
        int n = data.length;
        FeatureColumns columns = FeatureColumns.of(data);
        FloatColumns ranking = columns.inSinglePrecision();
        double[][] centres = new double[k][];
        int[] nearest = new int[n];
        double[] closest = new double[n];
        double[] second = new double[n];
        java.util.Arrays.fill(second, Double.POSITIVE_INFINITY);
        double[] cumulative = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) cumulative[i] = total += w[i];
        centres[0] = data[search(cumulative, draw(rnd, total))].clone();
        columns.squaredDistancesTo(centres[0], closest);
        // candidates are ranked in single precision (see FloatColumns): the weights and each point's
        // current squared distance as floats too, so that the potential's loops stay on vector instructions
        float[] weight = new float[n];
        float[] current = new float[n];
        for (int i = 0; i < n; i++) {
            weight[i] = (float) w[i];
            current[i] = (float) closest[i];
        }
        int[] candidate = new int[trials];
        float[] terms = new float[n];
        // a point drawn as a candidate in one step is often drawn again in a later one: its distances
        // are computed once and kept (on a restart's draw of ~300 points, a seeding takes a quarter less time)
        float[][] distancesFrom = new float[n][];
        double[] toBest = new double[n];
        DistanceRows rows = n <= DistanceRows.POINTS ? DistanceRows.OF_THREAD.get() : null;
        int used = 0;
        for (int c = 1; c < k; c++) {
            double run = 0;
            for (int i = 0; i < n; i++) cumulative[i] = run += w[i] * closest[i];
            int best = -1;
            float bestPotential = Float.POSITIVE_INFINITY;
            int drawnSoFar = 0;
            for (int t = 0; t < trials; t++) {
                int drawn = run > 0 ? search(cumulative, draw(rnd, run)) : rnd.nextInt(n);
                // a heavy point is often drawn again: same potential, and a later equal one never wins
                boolean repeat = false;
                for (int u = 0; u < drawnSoFar && !repeat; u++) repeat = candidate[u] == drawn;
                if (repeat) continue;
                candidate[drawnSoFar++] = drawn;
                if (distancesFrom[drawn] == null) {
                    distancesFrom[drawn] = rows != null ? rows.row(used++) : new float[n];
                    ranking.squaredDistancesFrom(drawn, distancesFrom[drawn]);
                }
                float potential = potential(weight, current, distancesFrom[drawn], terms);
                if (potential < bestPotential) {
                    bestPotential = potential;
                    best = drawn;
                }
            }
            centres[c] = data[best].clone();
            columns.squaredDistancesTo(data[best], toBest);
            for (int i = 0; i < n; i++) {
                if (toBest[i] < closest[i]) {
                    second[i] = closest[i];
                    closest[i] = toBest[i];
                    current[i] = (float) toBest[i];
                    nearest[i] = c;
                } else if (toBest[i] < second[i]) {
                    second[i] = toBest[i];
                }
            }
        }
        return new Seeds(centres, nearest, closest, second);
    }

    /**
     * The potential with a candidate, in single precision: sum of weight x min(current, candidate)
     * squared distance. The products go through {@code terms} first: that loop runs on vector
     * instructions (a scalar Math.min per point cost 40% more). Eight running sums then, so that each
     * addition does not wait on the one before.
     */
    private static float potential(float[] w, float[] current, float[] toCandidate, float[] terms) {
        int n = w.length;
        for (int i = 0; i < n; i++) terms[i] = w[i] * Math.min(current[i], toCandidate[i]);
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        float s4 = 0;
        float s5 = 0;
        float s6 = 0;
        float s7 = 0;
        int i = 0;
        for (; i + 7 < n; i += 8) {
            s0 += terms[i];
            s1 += terms[i + 1];
            s2 += terms[i + 2];
            s3 += terms[i + 3];
            s4 += terms[i + 4];
            s5 += terms[i + 5];
            s6 += terms[i + 6];
            s7 += terms[i + 7];
        }
        for (; i < n; i++) s0 += terms[i];
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    /**
     * The kept distance rows of a thread's seedings, reused from one seeding to the next. A run's 16
     * restarts keep about 200 rows each; written into new arrays every time, they
     * streamed 8 MB of fresh memory per run through the caches, most of what a run allocated. Only
     * draws of up to {@value #POINTS} points use them (a restart's draw has at most 500), so a
     * thread keeps at most 14 x 32 rows of 2 KB.
     */
    private static final class DistanceRows {
        static final int POINTS = 512;
        static final ThreadLocal<DistanceRows> OF_THREAD = ThreadLocal.withInitial(DistanceRows::new);
        private float[][] rows = new float[64][];

        /** The index-th row of this seeding, at least {@value #POINTS} long (its old values are overwritten). */
        float[] row(int index) {
            if (index >= rows.length) rows = java.util.Arrays.copyOf(rows, 2 * rows.length);
            if (rows[index] == null) rows[index] = new float[POINTS];
            return rows[index];
        }
    }

    /** A uniform draw in (0, total]: a zero would pick a point that weighs nothing. */
    private static double draw(SplittableRandom rnd, double total) {
        return Math.max(Double.MIN_VALUE, rnd.nextDouble() * total);
    }

    /** First index whose cumulative value reaches {@code target} (numpy's searchsorted, clipped). */
    private static int search(double[] cumulative, double target) {
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] < target) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
