package com.ja4.workstation.analysis.cluster;

import static org.junit.jupiter.api.Assertions.*;

import com.ja4.workstation.testing.DemoSnapshots;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import smile.validation.metric.AdjustedRandIndex;

/**
 * Clustering quality on labelled pairs, seeds 1-8, k = 14, as {@code cluster --samples 8000} runs
 * it: the demo's pairs (each IP's population from the demo generator) and the harder
 * {@link OverlappingPopulations}. Scored with Smile's adjusted Rand index against the populations
 * and with the k-means objective (inertia), against scikit-learn's figures on the same vectors.
 *
 * <p>The scikit-learn figures were measured by {@code ClusteringBenchmark} (scikit-learn 1.7.2,
 * {@code KMeans(n_clusters=14, random_state=1..8)}, default greedy k-means++, on the vectors this
 * pipeline clusters); the benchmark re-measures them live. On both sets a lower inertia does not
 * mean a higher ARI (see docs/CLUSTERING.md): the runs here keep the lowest inertia of their
 * restarts, as scikit-learn's {@code n_init=10} does, and match its ARI.
 */
class ClusteringQualityTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T12:00:00Z"), ZoneOffset.UTC);

    /** scikit-learn on the demo: mean inertia with 1 init, mean ARI with 10 inits. */
    static final double SKLEARN_DEMO_INERTIA_1_INIT = 94.3;
    static final double SKLEARN_DEMO_ARI_10_INITS = 0.520;
    /** scikit-learn on the 8,000 overlapping pairs: mean inertia with 1 init. */
    static final double SKLEARN_OVERLAPPING_INERTIA_1_INIT = 1505.7;

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
    }

    static Seeds overSeeds(LabelledRows set) {
        ClusteringEngine service = new ClusteringEngine(InitialTtlVerdicts.INSTANCE, CLOCK);
        double[] ari = new double[8];
        double[] inertia = new double[8];
        for (int seed = 1; seed <= 8; seed++) {
            ClusteringRun run = service.cluster(set.rows(), ClusteringParameters.of(14,
                    Math.min(set.rows().size(), ClusteringParameters.MAX_SAMPLES), seed), Map.of(), ProgressListener.NONE,
                    CancellationCheck.NEVER);
            assertEquals(set.rows().size(), run.assignments().size(), "every pair gets a cluster");
            ari[seed - 1] = AdjustedRandIndex.of(set.truth(), ClusteringBenchmark.labelsInRowOrder(run, set));
            for (MemberAssignment a : run.assignments()) inertia[seed - 1] += a.distance() * a.distance();
        }
        Seeds s = new Seeds(ari, inertia);
        System.out.printf(Locale.ROOT, "%s: ARI %s mean %.3f worst %.3f, mean inertia %.1f%n", set.name(),
                Arrays.toString(Arrays.stream(ari).map(v -> Math.round(v * 1000) / 1000.0).toArray()), s.meanAri(),
                s.worstAri(), s.meanInertia());
        return s;
    }

    @Test
    void demoPopulationsAreRecoveredAsWellAsScikitLearnDoesAndTheSameOnEverySeed() throws Exception {
        Seeds s = overSeeds(DemoPopulations.load(DemoSnapshots.defaultDemo()));
        assertTrue(s.meanInertia() <= SKLEARN_DEMO_INERTIA_1_INIT, "a lower k-means objective than one scikit-learn init");
        assertTrue(s.meanAri() >= SKLEARN_DEMO_ARI_10_INITS - 0.005, "ARI of scikit-learn with 10 inits: " + s.meanAri());
        assertTrue(s.worstAri() >= s.meanAri() - 0.05, "the worst seed within 0.05 of the mean");
    }

    @Test
    void overlappingPopulationsReachALowerObjectiveThanOneScikitLearnInit() {
        Seeds s = overSeeds(OverlappingPopulations.generate(8_000, 2024));
        assertTrue(s.meanInertia() <= SKLEARN_OVERLAPPING_INERTIA_1_INIT, "mean inertia " + s.meanInertia());
        assertTrue(s.meanAri() > 0.35, "ARI " + s.meanAri());
    }
}
