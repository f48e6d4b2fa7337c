package com.ja4.workstation.analysis.cluster;

import static org.junit.jupiter.api.Assertions.*;

import com.ja4.workstation.testing.DemoSnapshots;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import smile.validation.metric.AdjustedRandIndex;

/**
 * Clustering quality on labelled pairs, seeds 1-8, k = 14, as {@code cluster --samples 8000} runs
 * it: the demo's pairs (each IP's population from the demo generator) and the harder
 * {@link OverlappingPopulations}. Scored with Smile's adjusted Rand index against the populations
 * and with the k-means objective (inertia), against scikit-learn measured live in the same run on
 * exactly the same vectors ({@code KMeans(n_clusters=14, random_state=1..8)}, default greedy
 * k-means++, 1 init and 10 inits). scikit-learn runs in the project's {@code .venv-bench}, made by
 * {@code scripts/bench-venv.sh} (which {@code scripts/test.sh} runs first; this test runs it too,
 * so a lone {@code mvn test} gets it). No figure is copied from an earlier run: when the demo
 * generator changes, both sides see the change.
 */
class ClusteringQualityTest {

    static final int K = 14;
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T12:00:00Z"), ZoneOffset.UTC);

    /** How far below its mean ARI our worst seed may be (issue 14). */
    static final double WORST_SEED_GAP = 0.05;
    /**
     * Generator seeds of other overlapping sets. 7, 99 and 31337 were looked at (in prototypes) when
     * the 16 restarts and 32 seeding candidates were chosen; 4242 and 8086 were first run after.
     */
    static final long[] HELD_OUT_SETS = {7, 99, 31337, 4242, 8086};

    static SklearnReference sklearn;

    @BeforeAll
    static void scikitLearn() throws Exception {
        sklearn = SklearnReference.create(Path.of(System.getProperty("user.dir")));
    }

    @AfterAll
    static void cleanUp() throws Exception {
        if (sklearn != null) sklearn.delete();
    }

    /** One side's figures over the seeds. */
    record Seeds(double[] ari, double[] inertia) {
        double meanAri() {
            return Arrays.stream(ari).average().orElseThrow();
        }

        double worstAri() {
            return Arrays.stream(ari).min().orElseThrow();
        }

        double meanInertia() {
            return Arrays.stream(inertia).average().orElseThrow();
        }

        String describe() {
            return String.format(Locale.ROOT, "ARI %s mean %.3f worst %.3f, mean inertia %.1f",
                    Arrays.toString(Arrays.stream(ari).map(v -> Math.round(v * 1000) / 1000.0).toArray()), meanAri(),
                    worstAri(), meanInertia());
        }
    }

    /** Ours and scikit-learn's (1 init; ClusteringBenchmark adds 10 inits and times) on one set. */
    record Comparison(Seeds ours, Seeds sklearn1, double crossCheck) {
    }

    static Comparison compare(LabelledRows set) throws Exception {
        return compare(set, 8);
    }

    /** Ours and scikit-learn's 1 init on seeds 1..seeds. */
    static Comparison compare(LabelledRows set, int seeds) throws Exception {
        ClusteringEngine service = new ClusteringEngine(InitialTtlVerdicts.INSTANCE, CLOCK);
        double[] ari = new double[seeds];
        double[] inertia = new double[seeds];
        List<int[]> labels = new ArrayList<>();
        long t = System.nanoTime();
        for (int seed = 1; seed <= seeds; seed++) {
            ClusteringRun run = service.cluster(set.rows(), ClusteringParameters.of(K,
                    Math.min(set.rows().size(), ClusteringParameters.MAX_SAMPLES), seed), Map.of(), ProgressListener.NONE,
                    CancellationCheck.NEVER);
            assertEquals(set.rows().size(), run.assignments().size(), "every pair gets a cluster");
            int[] ours = ClusteringBenchmark.labelsInRowOrder(run, set);
            labels.add(ours);
            ari[seed - 1] = AdjustedRandIndex.of(set.truth(), ours);
            for (MemberAssignment a : run.assignments()) inertia[seed - 1] += a.distance() * a.distance();
        }
        double oursMs = (System.nanoTime() - t) / 1e6 / seeds;
        Path[] files = sklearn.write(set.name().replace(' ', '-'), ClusteringPipeline.vectors(set.rows()), set.truth());
        SklearnReference.Fit one = sklearn.kmeans(files, K, 1, 1, seeds, 1, labels);
        double cross = 0;
        for (int i = 0; i < seeds; i++) cross = Math.max(cross, Math.abs(one.oursAriBySklearn()[i] - ari[i]));
        Comparison c = new Comparison(new Seeds(ari, inertia), new Seeds(one.ari(), one.inertia()), cross);
        System.out.printf(Locale.ROOT, "%s (%d pairs, scikit-learn %s):%n  ours             %s, %.1f ms per run%n"
                        + "  sklearn 1 init   %s, %.1f ms per fit (median)%n",
                set.name(), set.rows().size(), one.version(), c.ours().describe(), oursMs, c.sklearn1().describe(),
                one.msMedian());
        return c;
    }

    /**
     * What holds against scikit-learn's single init, live, on seeds 1-8, as the issue asks: our mean
     * ARI is at least scikit-learn's, and our worst seed is within 0.05 of our mean (no seed left in
     * the other kind of optimum; docs/CLUSTERING.md). Also asserted: the mean inertia is no higher
     * (the restarts are picked by separation, not inertia, but the objective does not suffer).
     */
    static void assertAsGoodAsScikitLearn(Comparison c) {
        assertScoredAlike(c);
        Seeds ours = c.ours();
        assertTrue(ours.meanInertia() <= c.sklearn1().meanInertia(),
                "mean inertia " + ours.meanInertia() + " above scikit-learn's with 1 init " + c.sklearn1().meanInertia());
        assertTrue(ours.meanAri() >= c.sklearn1().meanAri(),
                "mean ARI " + ours.meanAri() + " below scikit-learn's with 1 init " + c.sklearn1().meanAri());
        assertStable(ours);
    }

    /** The "worst seed within 0.05 of the mean". */
    static void assertStable(Seeds ours) {
        assertTrue(ours.worstAri() >= ours.meanAri() - WORST_SEED_GAP,
                "worst seed " + ours.worstAri() + " more than " + WORST_SEED_GAP + " below the mean " + ours.meanAri());
    }

    /** Smile's ARI of our labels, which the assertions use, is scikit-learn's own. */
    private static void assertScoredAlike(Comparison c) {
        assertTrue(c.crossCheck() < 1e-9, "Smile's and scikit-learn's ARI of our labels disagree by " + c.crossCheck());
    }

    @Test
    void demoPopulationsAreRecoveredBetterThanScikitLearnDoes() throws Exception {
        assertAsGoodAsScikitLearn(compare(DemoPopulations.load(DemoSnapshots.defaultDemo())));
    }

    @Test
    void overlappingPopulationsAreRecoveredBetterThanScikitLearnDoes() throws Exception {
        assertAsGoodAsScikitLearn(compare(OverlappingPopulations.generate(8_000, 2024)));
    }

    /**
     * The restarts and the selection were chosen on the two sets above (and prototyped on three of
     * these); overlapping sets drawn with other generator seeds check that the result is not theirs
     * alone. Over 24 seeds each, our worst seed of each set is within 0.05 of its mean, and our mean
     * ARI over the sets is at least scikit-learn's.
     */
    @Test
    void heldOutOverlappingSetsAreRecoveredAtLeastAsWellAsScikitLearnDoes() throws Exception {
        double ours = 0;
        double theirs = 0;
        for (long generatorSeed : HELD_OUT_SETS) {
            Comparison c = compare(OverlappingPopulations.generate(8_000, generatorSeed), 24);
            assertScoredAlike(c);
            assertStable(c.ours());
            ours += c.ours().meanAri() / HELD_OUT_SETS.length;
            theirs += c.sklearn1().meanAri() / HELD_OUT_SETS.length;
        }
        assertTrue(ours >= theirs, "mean ARI over the other sets " + ours + " below scikit-learn's " + theirs);
    }
}
