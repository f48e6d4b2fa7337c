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
 * current centre c when d(q, c) ≥ 2·d(x, c) (triangle inequality), so those distances are skipped.
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
        double[][] data = wp.points();
        double[] w = wp.weight();
        int n = data.length;
        int trials = localTrials(k);
        double[][] centres = new double[k][];
        int[] nearest = new int[n];
        double[] closest = new double[n];
        double[] cumulative = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) cumulative[i] = total += w[i];
        centres[0] = data[search(cumulative, draw(rnd, total))].clone();
        for (int i = 0; i < n; i++) closest[i] = Distances.squared(data[i], centres[0]);
        double[][] candidateDist = new double[trials][n];
        double[][] centreDist = new double[trials][k];
        int[] candidate = new int[trials];
        double[] potential = new double[trials];
        double[] pointDist = new double[trials];
        for (int c = 1; c < k; c++) {
            double run = 0;
            for (int i = 0; i < n; i++) cumulative[i] = run += w[i] * closest[i];
            for (int t = 0; t < trials; t++) {
                candidate[t] = run > 0 ? search(cumulative, draw(rnd, run)) : rnd.nextInt(n);
                double[] q = data[candidate[t]];
                for (int j = 0; j < c; j++) centreDist[t][j] = Distances.squared(q, centres[j]);
                potential[t] = 0;
            }
            double[][] candidatePoints = new double[trials][];
            for (int t = 0; t < trials; t++) candidatePoints[t] = data[candidate[t]];
            // one pass over the points for every candidate: each point is read once per step
            for (int i = 0; i < n; i++) {
                double current = closest[i];
                double limit = 4 * current;
                int near = nearest[i];
                double wi = w[i];
                // d(q, c)^2 >= 4 d(x, c)^2  =>  d(x, q) >= d(x, c): q cannot improve x
                int needed = 0;
                for (int t = 0; t < trials; t++) if (centreDist[t][near] < limit) needed++;
                if (needed == trials) {
                    Distances.squaredToAll(data[i], candidatePoints, pointDist);
                    for (int t = 0; t < trials; t++) {
                        candidateDist[t][i] = pointDist[t];
                        potential[t] += wi * Math.min(pointDist[t], current);
                    }
                    continue;
                }
                for (int t = 0; t < trials; t++) {
                    if (centreDist[t][near] >= limit) {
                        candidateDist[t][i] = -1;
                        potential[t] += wi * current;
                    } else {
                        double d = Distances.squared(data[i], candidatePoints[t]);
                        candidateDist[t][i] = d;
                        potential[t] += wi * Math.min(d, current);
                    }
                }
            }
            int best = 0;
            for (int t = 1; t < trials; t++) if (potential[t] < potential[best]) best = t;
            centres[c] = data[candidate[best]].clone();
            double[] dist = candidateDist[best];
            for (int i = 0; i < n; i++) {
                if (dist[i] >= 0 && dist[i] < closest[i]) {
                    closest[i] = dist[i];
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
