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
 * <p>Exact, but faster than the textbook loop: a candidate q cannot bring a point x closer than its
 * current centre c when d(q, c) ≥ 2·d(x, c) or |‖x‖ − ‖q‖| ≥ d(x, c) (triangle inequality), so those
 * distances are skipped, and a candidate drawn twice is evaluated once.
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
     */
    record Seeds(double[][] centres, int[] nearest, double[] closest) {
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
        double[][] centres = new double[k][];
        int[] nearest = new int[n];
        double[] closest = new double[n];
        double[] cumulative = new double[n];
        double[] norm = new double[n];
        for (int i = 0; i < n; i++) {
            double sq = 0;
            for (double v : data[i]) sq += v * v;
            norm[i] = Math.sqrt(sq);
        }
        double total = 0;
        for (int i = 0; i < n; i++) cumulative[i] = total += w[i];
        centres[0] = data[search(cumulative, draw(rnd, total))].clone();
        for (int i = 0; i < n; i++) closest[i] = Distances.squared(data[i], centres[0]);
        // by centre, then candidate: a point reads the one row of its own centre
        double[][] centreDist = new double[k][trials];
        int[] candidate = new int[trials];
        double[] potential = new double[trials];
        double[] pointDist = new double[trials];
        int[] neededIndex = new int[trials];
        for (int c = 1; c < k; c++) {
            double run = 0;
            for (int i = 0; i < n; i++) cumulative[i] = run += w[i] * closest[i];
            // Heavy points are often drawn more than once; a repeat has the same potential and, coming
            // later, could never win, so each distinct candidate is evaluated once (the draws stay the same).
            int distinct = 0;
            for (int t = 0; t < trials; t++) {
                int drawn = run > 0 ? search(cumulative, draw(rnd, run)) : rnd.nextInt(n);
                boolean repeat = false;
                for (int u = 0; u < distinct && !repeat; u++) repeat = candidate[u] == drawn;
                if (repeat) continue;
                candidate[distinct] = drawn;
                double[] q = data[drawn];
                for (int j = 0; j < c; j++) centreDist[j][distinct] = Distances.squared(q, centres[j]);
                potential[distinct] = 0;
                distinct++;
            }
            double[][] candidatePoints = new double[distinct][];
            for (int t = 0; t < distinct; t++) candidatePoints[t] = data[candidate[t]];
            // one pass over the points for every candidate: each point is read once per step
            for (int i = 0; i < n; i++) {
                double current = closest[i];
                double limit = 4 * current;
                int near = nearest[i];
                double wi = w[i];
                // d(q, c)^2 >= 4 d(x, c)^2  =>  d(x, q) >= d(x, c): q cannot improve x
                double[] toNear = centreDist[near];
                double xn = norm[i];
                int needed = 0;
                for (int t = 0; t < distinct; t++) {
                    // also |‖x‖ - ‖q‖| <= d(x, q): a point much nearer the origin than q (or farther) is skipped
                    double gap = xn - norm[candidate[t]];
                    if (toNear[t] < limit && gap * gap < current) neededIndex[needed++] = t;
                    else potential[t] += wi * current;
                }
                Distances.squaredToSome(data[i], candidatePoints, neededIndex, needed, pointDist);
                for (int u = 0; u < needed; u++) {
                    potential[neededIndex[u]] += wi * Math.min(pointDist[u], current);
                }
            }
            int best = 0;
            for (int t = 1; t < distinct; t++) if (potential[t] < potential[best]) best = t;
            double[] q = data[candidate[best]];
            centres[c] = q.clone();
            // the winner's distances again (one candidate of many: cheaper than keeping them all)
            for (int i = 0; i < n; i++) {
                if (centreDist[nearest[i]][best] >= 4 * closest[i]) continue;
                double d = Distances.squared(data[i], q);
                if (d < closest[i]) {
                    closest[i] = d;
                    nearest[i] = c;
                }
            }
        }
        return new Seeds(centres, nearest, closest);
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
