package com.ja4.workstation.analysis.cluster;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import smile.clustering.KMeans;
import smile.math.MathEx;

/**
 * The k-means engine against plain reference loops written here (textbook Lloyd, textbook greedy
 * k-means++) and against Smile's plain k-means++: same partitions, lower inertia, and the same
 * result on any number of threads.
 */
class KMeansClustererTest {

    static final double[][] OVERLAPPING = ClusteringPipeline.vectors(OverlappingPopulations.generate(3_000, 5).rows());

    @Test
    void hamerlyBoundsGiveLloydsPartition() {
        WeightedPoints points = WeightedPoints.of(OVERLAPPING);
        double[][] start = GreedySeeding.seed(points, 12, new SplittableRandom(3));
        HamerlyLloyd.Outcome fast = HamerlyLloyd.run(points, start, 300, 0, CancellationCheck.NEVER);
        int[] reference = textbookLloyd(OVERLAPPING, start, 300);
        assertArrayEquals(reference, points.rowLabels(fast.labels()), "same labels as a plain Lloyd loop");
        double inertia = 0;
        int[] labels = points.rowLabels(fast.labels());
        for (int i = 0; i < OVERLAPPING.length; i++) inertia += Distances.squared(OVERLAPPING[i], fast.centroids()[labels[i]]);
        assertEquals(inertia, fast.distortion(), 1e-6 * inertia, "weighted distortion is the rows' inertia");
        KMeansClusterer.Result run = KMeansClusterer.cluster(OVERLAPPING, 12, 3, 300, CancellationCheck.NEVER);
        for (int i = 0; i < OVERLAPPING.length; i++) {
            assertEquals(Distances.squared(OVERLAPPING[i], run.centroids()[run.labels()[i]]), run.squaredDistances()[i],
                    "row " + i + ": its squared distance to its centroid, exactly");
        }
    }

    @Test
    void startingFromWhatTheSeedingKnowsChangesNothing() {
        WeightedPoints points = WeightedPoints.of(OVERLAPPING);
        GreedySeeding.Seeds seeds = GreedySeeding.seeds(points, 14, new SplittableRandom(11));
        for (int i = 0; i < points.size(); i++) {
            double[] x = points.points()[i];
            double[] d = Arrays.stream(seeds.centres()).mapToDouble(c -> Distances.squared(c, x)).toArray();
            double[] sorted = d.clone();
            Arrays.sort(sorted);
            assertEquals(sorted[0], seeds.closest()[i], 0.0, "nearest centre of point " + i);
            assertEquals(sorted[0], d[seeds.nearest()[i]], 0.0);
            assertEquals(sorted[1], seeds.second()[i], 0.0, "second-nearest centre of point " + i);
        }
        HamerlyLloyd.Outcome handedOver = HamerlyLloyd.run(points, seeds, 300, 0, CancellationCheck.NEVER);
        HamerlyLloyd.Outcome fromScratch = HamerlyLloyd.run(points, seeds.centres(), 300, 0, CancellationCheck.NEVER);
        assertArrayEquals(fromScratch.labels(), handedOver.labels());
        assertEquals(fromScratch.distortion(), handedOver.distortion(), 1e-9 * fromScratch.distortion());
    }

    @Test
    void sampleWeightsMakeTheSampleStandForEveryRow() {
        java.util.List<com.ja4.workstation.domain.cluster.FeatureRow> rows = OverlappingPopulations.generate(20_000, 3).rows();
        int[] sample = StratifiedSampler.sampleIndices(rows, 4_000);
        double[] w = ClusteringPipeline.sampleWeights(rows, sample);
        assertEquals(rows.size(), Arrays.stream(w).sum(), 1e-6, "the weights add up to the rows");
        long detected = rows.stream().filter(com.ja4.workstation.domain.cluster.FeatureRow::isAnomalous).count();
        double detectedWeight = 0;
        for (int s = 0; s < sample.length; s++) if (rows.get(sample[s]).isAnomalous()) detectedWeight += w[s];
        assertEquals(detected, detectedWeight, 1e-6, "detections weigh what they weigh in the window");
        assertNull(ClusteringPipeline.sampleWeights(rows, java.util.stream.IntStream.range(0, rows.size()).toArray()));
    }

    @Test
    void prunedGreedySeedingPicksTheTextbookCentres() {
        WeightedPoints points = WeightedPoints.of(OVERLAPPING);
        for (long seed = 1; seed <= 3; seed++) {
            double[][] fast = GreedySeeding.seed(points, 14, new SplittableRandom(seed));
            double[][] slow = textbookGreedySeeding(points, 14, new SplittableRandom(seed));
            assertArrayEquals(slow, fast, "seed " + seed);
        }
        assertEquals(4, GreedySeeding.localTrials(14), "2 + floor(ln 14), as scikit-learn");
        // the restarts' 32 candidates per step: repeats drawn, most distances pruned, same centres
        WeightedPoints draw = KMeansClusterer.subsample(points, null, KMeansClusterer.SEARCH_ROWS, 5);
        for (long seed = 1; seed <= 3; seed++) {
            double[][] fast = GreedySeeding.seeds(draw, 14, KMeansClusterer.SEARCH_TRIALS, new SplittableRandom(seed)).centres();
            double[][] slow = textbookGreedySeeding(draw, 14, KMeansClusterer.SEARCH_TRIALS, new SplittableRandom(seed));
            assertArrayEquals(slow, fast, "32 candidates, seed " + seed);
        }
    }

    @Test
    void singlePrecisionRankingDistancesAgreeWithTheExactOnes() {
        // the seeding ranks candidates on these: each must be the exact squared distance to float precision
        double[][] points = java.util.Arrays.copyOf(OVERLAPPING, 500);
        FloatColumns columns = FeatureColumns.of(points).inSinglePrecision();
        float[] row = new float[points.length + 7];
        java.util.Arrays.fill(row, -1f);
        for (int from : new int[]{0, 17, 499}) {
            columns.squaredDistancesFrom(from, row);
            assertEquals(0f, row[from], "a point to itself");
            for (int i = 0; i < points.length; i++) {
                double exact = Distances.squared(points[i], points[from]);
                assertEquals(exact, row[i], 1e-6 * Math.max(1, exact), "point " + i + " from " + from);
            }
            assertEquals(-1f, row[points.length], "slots past the points are left alone");
        }
    }

    @Test
    void seedingsOfDifferentSizesOnOneThreadEachPickTheTextbookCentres() {
        // the kept distance rows are reused from one seeding to the next on a thread: a smaller draw
        // after a larger one (stale values past its end) and a larger one after it must not notice
        WeightedPoints points = WeightedPoints.of(OVERLAPPING);
        int[] sizes = {500, 120, 500, 60, 300};
        for (int d = 0; d < sizes.length; d++) {
            WeightedPoints draw = KMeansClusterer.subsample(points, null, sizes[d], 40 + d);
            double[][] fast = GreedySeeding.seeds(draw, 14, KMeansClusterer.SEARCH_TRIALS, new SplittableRandom(d)).centres();
            double[][] slow = textbookGreedySeeding(draw, 14, KMeansClusterer.SEARCH_TRIALS, new SplittableRandom(d));
            assertArrayEquals(slow, fast, sizes[d] + "-row draw after " + (d == 0 ? "none" : sizes[d - 1] + " rows"));
        }
    }

    @Test
    void distinctVectorsAreFoundByHashAsByAMap() {
        // duplicates, NaN (equal to itself), 0.0 and -0.0 (apart), and two vectors whose
        // Arrays.hashCode collides: 31 * (31 + 0) + 31 == 31 * (31 + 1) + 0
        double[] collidesA = {Double.longBitsToDouble(0), Double.longBitsToDouble(31)};
        double[] collidesB = {Double.longBitsToDouble(1), Double.longBitsToDouble(0)};
        assertEquals(Arrays.hashCode(collidesA), Arrays.hashCode(collidesB));
        double[][] rows = {collidesA, {1, 2}, collidesB, {Double.NaN, 0}, {0.0, 0}, {-0.0, 0}, {1, 2}, collidesB,
                {Double.NaN, 0}, collidesA, {-0.0, 0}, {0.5, 0.5}};
        double[] rowWeight = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        int[] hashes = Arrays.stream(rows).mapToInt(Arrays::hashCode).toArray();
        for (WeightedPoints found : new WeightedPoints[]{WeightedPoints.of(rows, rowWeight),
                WeightedPoints.of(rows, rowWeight, hashes)}) {
            // Double.equals, as the table: NaN equals itself, 0.0 and -0.0 differ
            java.util.Map<java.util.List<Double>, Integer> first = new java.util.LinkedHashMap<>();
            for (int i = 0; i < rows.length; i++) {
                java.util.List<Double> key = Arrays.stream(rows[i]).boxed().toList();
                first.putIfAbsent(key, first.size());
                assertEquals(first.get(key), found.pointOf()[i], "row " + i);
                assertEquals(key, Arrays.stream(found.points()[first.get(key)]).boxed().toList());
            }
            assertEquals(7, found.size(), "A, (1, 2), B, NaN, 0.0, -0.0, (0.5, 0.5)");
            assertArrayEquals(new double[]{1 + 10, 2 + 7, 3 + 8, 4 + 9, 5, 6 + 11, 12}, found.weight(), 0.0);
        }
        // a large set: the same points as the map on the real vectors, in order of first appearance
        WeightedPoints big = WeightedPoints.of(OVERLAPPING);
        java.util.Map<java.util.List<Double>, Integer> first = new java.util.LinkedHashMap<>();
        for (double[] v : OVERLAPPING) first.putIfAbsent(Arrays.stream(v).boxed().toList(), first.size());
        assertEquals(first.size(), big.size());
        for (int i = 0; i < OVERLAPPING.length; i++) {
            assertEquals(first.get(Arrays.stream(OVERLAPPING[i]).boxed().toList()), big.pointOf()[i]);
        }
    }

    @Test
    void aDrawIsTheTextbookPartialShuffle() {
        for (int[] nAndSize : new int[][]{{8_000, 500}, {501, 500}, {500, 500}, {2, 1}, {100_000, 2_000}}) {
            for (long seed = 1; seed <= 5; seed++) {
                int n = nAndSize[0];
                int size = nAndSize[1];
                java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
                int[] index = java.util.stream.IntStream.range(0, n).toArray();
                for (int i = 0; i < size; i++) {
                    int j = i + rnd.nextInt(n - i);
                    int t = index[i];
                    index[i] = index[j];
                    index[j] = t;
                }
                int[] expected = Arrays.copyOf(index, size);
                Arrays.sort(expected);
                assertArrayEquals(expected, KMeansClusterer.drawRows(n, size, seed), n + " rows, " + size + ", seed " + seed);
            }
        }
    }

    @Test
    void aRestartsDrawIsTheDistinctVectorsOfItsRows() {
        double[] rowWeights = new double[OVERLAPPING.length];
        for (int i = 0; i < rowWeights.length; i++) rowWeights[i] = 1 + i % 3;
        WeightedPoints all = WeightedPoints.of(OVERLAPPING, rowWeights);
        for (long seed = 1; seed <= 3; seed++) {
            int[] rows = KMeansClusterer.drawRows(OVERLAPPING.length, 500, seed);
            assertEquals(500, Arrays.stream(rows).distinct().count(), "without replacement");
            double[][] vectors = new double[rows.length][];
            double[] weights = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                vectors[i] = OVERLAPPING[rows[i]];
                weights[i] = rowWeights[rows[i]];
            }
            WeightedPoints hashed = WeightedPoints.of(vectors, weights);
            WeightedPoints drawn = KMeansClusterer.subsample(all, rowWeights, 500, seed);
            assertArrayEquals(hashed.points(), drawn.points());
            assertArrayEquals(hashed.weight(), drawn.weight(), 1e-12);
            assertArrayEquals(hashed.pointOf(), drawn.pointOf());
        }
    }

    @Test
    void restartsBeatSmilesPlainKMeansPlusPlusOnInertia() {
        double ours = 0;
        double smile = 0;
        for (long seed = 1; seed <= 8; seed++) {
            KMeansClusterer.Result best = KMeansClusterer.cluster(OVERLAPPING, 14, seed, 100, CancellationCheck.NEVER);
            assertEquals(KMeansClusterer.RESTARTS, best.restarts());
            ours += best.distortion();
            MathEx.setSeed(seed);
            smile += KMeans.fit(OVERLAPPING, 14, 100, 1e-4).distortion;
        }
        assertTrue(ours < smile, "mean inertia " + ours / 8 + " vs Smile's plain k-means++ " + smile / 8);
    }

    @Test
    void theBestSeparatedRestartWinsNotTheLowestInertia() {
        // two heavy point masses 1 apart (two TCP stacks, no behaviour) and one long cloud far away
        double[][] rows = new double[26][];
        for (int i = 0; i < 10; i++) rows[i] = new double[]{0, 0};
        for (int i = 10; i < 20; i++) rows[i] = new double[]{1, 0};
        for (int i = 20; i < 26; i++) rows[i] = new double[]{10, i - 20};
        WeightedPoints points = WeightedPoints.of(rows);
        HamerlyLloyd.Outcome apart = outcome(points, new double[][]{{0, 0}, {1, 0}, {10, 2.5}});
        HamerlyLloyd.Outcome lumpedAndCut = outcome(points, new double[][]{{0.5, 0}, {10, 1}, {10, 4}});
        assertTrue(lumpedAndCut.distortion() < apart.distortion(), "the lumped-and-cut partition has the lower inertia");
        FeatureColumns columns = FeatureColumns.of(points.points());
        KMeansClusterer.Judged apartJudged = KMeansClusterer.Judged.of(points, columns, apart.centroids());
        KMeansClusterer.Judged lumpedJudged = KMeansClusterer.Judged.of(points, columns, lumpedAndCut.centroids());
        assertEquals(lumpedAndCut.distortion(), lumpedJudged.inertia(), 1e-12);
        assertEquals(1, KMeansClusterer.bestSeparated(new KMeansClusterer.Judged[]{lumpedJudged, apartJudged}));
        assertEquals(0, KMeansClusterer.bestSeparated(new KMeansClusterer.Judged[]{apartJudged, lumpedJudged}));
        // by hand: spreads 0, 0 and 1.5; each cluster's worst ratio, averaged
        double toFirst = 1.5 / Math.hypot(10, 2.5);
        double toSecond = 1.5 / Math.hypot(9, 2.5);
        assertEquals((toFirst + 2 * toSecond) / 3, DaviesBouldin.of(points, apart.centroids(), apart.labels()), 1e-12);
        assertEquals(DaviesBouldin.of(points, apart.centroids(), apart.labels()), apartJudged.separation());
    }

    private static HamerlyLloyd.Outcome outcome(WeightedPoints points, double[][] centroids) {
        NearestCentroid.Assignment a = NearestCentroid.assign(points.points(), centroids, CancellationCheck.NEVER);
        double inertia = 0;
        for (int i = 0; i < points.size(); i++) inertia += points.weight()[i] * a.squaredDistances()[i];
        return new HamerlyLloyd.Outcome(centroids, a.labels(), a.squaredDistances(), inertia, 1);
    }

    @Test
    void theResultDoesNotDependOnTheNumberOfThreads() throws Exception {
        KMeansClusterer.Result here = KMeansClusterer.cluster(OVERLAPPING, 10, 7, 100, CancellationCheck.NEVER);
        ForkJoinPool one = new ForkJoinPool(1);
        try {
            KMeansClusterer.Result single = one.submit(() -> KMeansClusterer.cluster(OVERLAPPING, 10, 7, 100,
                    CancellationCheck.NEVER)).get();
            assertArrayEquals(here.labels(), single.labels());
            assertArrayEquals(here.centroids(), single.centroids());
            assertEquals(here.distortion(), single.distortion());
        } finally {
            one.shutdown();
        }
    }

    @Test
    void largeInputsSearchOnASubsampleAndStillConvergeOnEveryRow() {
        double[][] big = ClusteringPipeline.vectors(OverlappingPopulations.generate(KMeansClusterer.SEARCH_ROWS * 5, 9).rows());
        KMeansClusterer.Result r = KMeansClusterer.cluster(big, 14, 1, 100, CancellationCheck.NEVER);
        assertEquals(big.length, r.labels().length);
        NearestCentroid.Assignment nearest = NearestCentroid.assign(big, r.centroids(), CancellationCheck.NEVER);
        assertArrayEquals(nearest.labels(), r.labels(), "every row ends at its nearest centroid");
    }

    @Test
    void featureColumnsGiveTheSameDistancesAndNearestCentroidsBitForBit() {
        FeatureColumns columns = FeatureColumns.of(OVERLAPPING);
        double[] out = new double[OVERLAPPING.length];
        columns.squaredDistancesTo(OVERLAPPING[17], out);
        for (int i = 0; i < OVERLAPPING.length; i++) assertEquals(Distances.squared(OVERLAPPING[i], OVERLAPPING[17]), out[i], 0.0);
        double[][] centroids = Arrays.copyOf(OVERLAPPING, 9);
        NearestCentroid.Assignment rows = NearestCentroid.assign(OVERLAPPING, centroids, CancellationCheck.NEVER);
        NearestCentroid.Assignment cols = columns.nearest(centroids);
        assertArrayEquals(rows.labels(), cols.labels());
        assertArrayEquals(rows.squaredDistances(), cols.squaredDistances(), 0.0);
    }

    @Test
    void bulkAssignmentIsTheNearestCentroid() {
        double[][] centroids = Arrays.copyOf(OVERLAPPING, 9);
        NearestCentroid.Assignment a = NearestCentroid.assign(OVERLAPPING, centroids, CancellationCheck.NEVER);
        for (int i = 0; i < OVERLAPPING.length; i++) {
            int best = 0;
            for (int j = 1; j < centroids.length; j++) {
                if (Distances.squared(OVERLAPPING[i], centroids[j]) < Distances.squared(OVERLAPPING[i], centroids[best])) best = j;
            }
            assertEquals(best, a.labels()[i]);
            assertEquals(Distances.squared(OVERLAPPING[i], centroids[best]), a.squaredDistances()[i]);
        }
    }

    @Test
    void tooFewDistinctVectorsAreRefused() {
        double[][] same = new double[50][Feature.COUNT];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KMeansClusterer.cluster(same, 4, 1, 100, CancellationCheck.NEVER));
        assertTrue(e.getMessage().contains("Only 1 distinct"), e.getMessage());
    }

    /** Lloyd as in the textbook: every distance, every iteration, until no label changes. */
    static int[] textbookLloyd(double[][] x, double[][] start, int maxIterations) {
        int k = start.length;
        double[][] c = new double[k][];
        for (int j = 0; j < k; j++) c[j] = start[j].clone();
        int[] labels = new int[x.length];
        Arrays.fill(labels, -1);
        for (int it = 0; it < maxIterations; it++) {
            boolean changed = false;
            for (int i = 0; i < x.length; i++) {
                int best = 0;
                for (int j = 1; j < k; j++) if (Distances.squared(x[i], c[j]) < Distances.squared(x[i], c[best])) best = j;
                changed |= best != labels[i];
                labels[i] = best;
            }
            if (!changed) break;
            double[][] sum = new double[k][x[0].length];
            int[] n = new int[k];
            for (int i = 0; i < x.length; i++) {
                n[labels[i]]++;
                for (int q = 0; q < x[i].length; q++) sum[labels[i]][q] += x[i][q];
            }
            for (int j = 0; j < k; j++) if (n[j] > 0) for (int q = 0; q < sum[j].length; q++) c[j][q] = sum[j][q] / n[j];
        }
        return labels;
    }

    /** scikit-learn's greedy k-means++ written plainly (weights, every distance), same random draws. */
    static double[][] textbookGreedySeeding(WeightedPoints wp, int k, SplittableRandom rnd) {
        return textbookGreedySeeding(wp, k, GreedySeeding.localTrials(k), rnd);
    }

    static double[][] textbookGreedySeeding(WeightedPoints wp, int k, int trials, SplittableRandom rnd) {
        double[][] x = wp.points();
        double[] w = wp.weight();
        int n = x.length;
        double[][] centres = new double[k][];
        double total = Arrays.stream(w).sum();
        centres[0] = x[pick(w, Math.max(Double.MIN_VALUE, rnd.nextDouble() * total))].clone();
        double[] closest = new double[n];
        for (int i = 0; i < n; i++) closest[i] = Distances.squared(x[i], centres[0]);
        for (int c = 1; c < k; c++) {
            double[] weighted = new double[n];
            double run = 0;
            for (int i = 0; i < n; i++) run += weighted[i] = w[i] * closest[i];
            int[] candidates = new int[trials];
            for (int t = 0; t < trials; t++) candidates[t] = pick(weighted, Math.max(Double.MIN_VALUE, rnd.nextDouble() * run));
            int best = -1;
            double bestPot = Double.POSITIVE_INFINITY;
            for (int t = 0; t < trials; t++) {
                double pot = 0;
                for (int i = 0; i < n; i++) pot += w[i] * Math.min(closest[i], Distances.squared(x[i], x[candidates[t]]));
                if (pot < bestPot) {
                    bestPot = pot;
                    best = candidates[t];
                }
            }
            centres[c] = x[best].clone();
            for (int i = 0; i < n; i++) closest[i] = Math.min(closest[i], Distances.squared(x[i], centres[c]));
        }
        return centres;
    }

    private static int pick(double[] weights, double target) {
        double run = 0;
        for (int i = 0; i < weights.length; i++) {
            run += weights[i];
            if (run >= target) return i;
        }
        return weights.length - 1;
    }
}
