package com.ja4.workstation.analysis.cluster;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ja4.workstation.domain.cluster.FeatureRow;
import com.ja4.workstation.testing.DemoSnapshots;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import smile.validation.metric.AdjustedRandIndex;

/**
 * The clustering against scikit-learn, quality and speed, in one run, on three labelled sets:
 * the demo's pairs (population of each IP from the demo generator), and the harder
 * {@link OverlappingPopulations} at 8,000 and 100,000 pairs. k = 14, seeds 1-8, both sides on
 * exactly the same normalised vectors.
 *
 * <ul>
 *   <li>Quality: adjusted Rand index against the populations (Smile's, cross-checked with
 *       scikit-learn's {@code adjusted_rand_score}) of {@code cluster --samples 8000} (fit on at most
 *       8,000 pairs, every pair assigned) against scikit-learn {@code KMeans} fitted on every pair,
 *       with its default single init (greedy k-means++) and with 10 inits.</li>
 *   <li>Speed: the whole pipeline (vectors, k-means, assignment, PCA, profiles, edges) against
 *       one scikit-learn fit ({@code n_init=1}) at 8,000 x 21 and 100,000 x 21. At 100,000 both
 *       ways are timed: the product's (fit on an 8,000 sample, assign all) and fitting all 100,000.
 *       The bulk assignment of 100,000 pairs is timed on its own (target: under 1 s).</li>
 * </ul>
 * Best and median of repeated runs on both sides, Java runs and scikit-learn fits alternated so
 * that both meet the same load; the test holds the medians to the target (a best-of-N on a shared
 * machine is decided by whichever side met a quiet slice) and prints both, with the load average.
 * scikit-learn is timed twice, as installed (libgomp and OpenBLAS, each with a thread per core) and on
 * one thread: as installed, its OpenBLAS workers spin for about 100 ms after a fit and the two pools
 * then contend for the cores, so that about every other fit takes 100-140 ms instead of 10-20 ms; on
 * one thread it is steady at about 10-13 ms. The target is the faster of the two by median, and
 * neither side starts a run before the other side's threads are idle (the spin is waited out).
 * scikit-learn runs in {@code .venv-bench} (scripts/bench-venv.sh).
 *
 * <p>Run: {@code mvn -o -Pbench test -Dtest=ClusteringBenchmark}.
 */
@Tag("bench")
class ClusteringBenchmark {

    static final int K = 14;
    static final int FIRST_SEED = 1;
    static final int LAST_SEED = 8;
    static final int SEEDS = LAST_SEED - FIRST_SEED + 1;
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T12:00:00Z"), ZoneOffset.UTC);

    /** Quality of one side over the seeds. */
    record Quality(double[] ari) {
        double mean() {
            return Arrays.stream(ari).average().orElse(Double.NaN);
        }

        double worst() {
            return Arrays.stream(ari).min().orElse(Double.NaN);
        }
    }

    /** Best and median milliseconds. */
    record Time(double best, double median) {
        static Time of(double[] ms) {
            RepeatTimings.Spread s = RepeatTimings.spread(ms);
            return new Time(s.best(), s.median());
        }
    }

    record SetFigures(String name, int rows, Quality ours, Quality sklearn1, Quality sklearn10, double[] inertia, double crossCheck,
                      Time oursPipeline, Time oursFitAll, Time sklearnFit, Time sklearnSingleFit, Time sklearn10Fit, Time oursCpu, Time sklearnCpu,
                      Time sklearnSpin, String sklearnVersion, SameSample sameSample) {

        /** The faster (by median) of scikit-learn as installed and scikit-learn on one thread: the one to beat. */
        Time sklearnBest() {
            return sklearnSingleFit.median() < sklearnFit.median() ? sklearnSingleFit : sklearnFit;
        }
    }

    /**
     * Over 8,000 pairs the product fits an 8,000-pair weighted stratified sample and assigns the rest,
     * while {@code KMeans.fit} fits every pair: not the same points. Both ways side by side: scikit-learn
     * fitted on our sample with our weights, then predicting every pair; and ours fitted on every pair.
     */
    record SameSample(Quality sklearnOnSample, double sklearnOnSampleInertia, Time sklearnOnSampleMs, Quality oursFitAll,
                      double oursFitAllInertia) {
    }

    @Test
    void scoresLikeScikitLearnAndRunsFasterThanOneOfItsFits() throws Exception {
        List<SetFigures> all = measure(Path.of(System.getProperty("user.dir")));
        for (SetFigures f : all) {
            assertTrue(f.crossCheck() < 1e-9, f.name() + ": Smile's and scikit-learn's ARI disagree");
            if (f.rows() < ClusteringParameters.MAX_SAMPLES) continue;  // the targets are at 8,000 and 100,000 pairs
            // the median: on a shared machine one lucky quiet slice decides a best-of-N, the median does not
            assertTrue(f.oursPipeline().median() <= f.sklearnBest().median(), f.name() + ": slower than one scikit-learn fit (median)");
        }
    }

    public static void main(String[] args) throws Exception {
        measure(Path.of(args.length > 0 ? args[0] : System.getProperty("user.dir")));
    }

    static List<SetFigures> measure(Path project) throws Exception {
        String loadBefore = loadAverage();
        SklearnReference py = SklearnReference.create(project);
        List<SetFigures> figures = new ArrayList<>();
        try {
            List<LabelledRows> sets = List.of(DemoPopulations.load(DemoSnapshots.defaultDemo()),
                    OverlappingPopulations.generate(8_000, 2024), OverlappingPopulations.generate(100_000, 2024));
            for (LabelledRows set : sets) figures.add(measure(set, py));
            printAssignment(sets.get(2));
            printNumpy(sets.get(1), py);
        } finally {
            py.delete();
        }
        System.out.printf(Locale.ROOT, "%n%-16s %7s | %-22s | %-22s | %-22s | %-21s | %-21s | %-21s | %s%n", "set", "pairs",
                "ours ARI mean/worst", "sklearn 1 init", "sklearn 10 inits", "ours pipeline ms", "sklearn 1 fit ms",
                "sklearn 10 inits ms", "ratio (best/median)");
        for (SetFigures f : figures) {
            System.out.printf(Locale.ROOT, "%-16s %7d | %.3f / %.3f          | %.3f / %.3f          | %.3f / %.3f          "
                            + "| %7.1f / %7.1f     | %7.1f / %7.1f     | %7.1f / %7.1f     | x%.1f / x%.1f%n",
                    f.name(), f.rows(), f.ours().mean(), f.ours().worst(), f.sklearn1().mean(), f.sklearn1().worst(),
                    f.sklearn10().mean(), f.sklearn10().worst(), f.oursPipeline().best(), f.oursPipeline().median(),
                    f.sklearnBest().best(), f.sklearnBest().median(), f.sklearn10Fit().best(), f.sklearn10Fit().median(),
                    f.sklearnBest().best() / f.oursPipeline().best(), f.sklearnBest().median() / f.oursPipeline().median());
            System.out.printf(Locale.ROOT, "%-16s %7s   one sklearn fit as installed (OpenMP and OpenBLAS, a thread per core each) %.1f / %.1f ms,"
                            + " on one thread %.1f / %.1f ms; the ratio is against the faster by median%n",
                    "", "", f.sklearnFit().best(), f.sklearnFit().median(), f.sklearnSingleFit().best(), f.sklearnSingleFit().median());
            System.out.printf(Locale.ROOT, "%-16s %7s   process CPU per run (10 ms ticks on the Java side): ours %.1f / %.1f ms, one sklearn fit %.1f / %.1f ms"
                            + " (then its worker threads spin %.1f / %.1f ms of CPU; waited out before the next run)%n",
                    "", "", f.oursCpu().best(), f.oursCpu().median(), f.sklearnCpu().best(), f.sklearnCpu().median(),
                    f.sklearnSpin().best(), f.sklearnSpin().median());
            if (f.oursFitAll() != null) {
                System.out.printf(Locale.ROOT, "%-16s %7s   fitting all %d pairs (no sample): %.1f / %.1f ms, x%.1f / x%.1f vs one sklearn fit%n",
                        "", "", f.rows(), f.oursFitAll().best(), f.oursFitAll().median(),
                        f.sklearnBest().best() / f.oursFitAll().best(), f.sklearnBest().median() / f.oursFitAll().median());
            }
        }
        for (SetFigures f : figures) {
            System.out.printf(Locale.ROOT, "%-16s mean inertia over the seeds: ours %.1f, sklearn 1 init %.1f, 10 inits %.1f%n",
                    f.name(), f.inertia()[0], f.inertia()[1], f.inertia()[2]);
            SameSample s = f.sameSample();
            if (s == null) continue;
            System.out.printf(Locale.ROOT, "%-16s same points: ours (fit %d-pair sample, assign all) ARI %.3f / %.3f, inertia %.1f"
                            + " | sklearn 1 init on that sample, predict all: ARI %.3f / %.3f, inertia %.1f, %.1f / %.1f ms%n"
                            + "%-16s               ours fitted on all %d pairs ARI %.3f / %.3f, inertia %.1f"
                            + " | sklearn 1 init on all: ARI %.3f / %.3f, inertia %.1f%n",
                    f.name(), ClusteringParameters.MAX_SAMPLES, f.ours().mean(), f.ours().worst(), f.inertia()[0],
                    s.sklearnOnSample().mean(), s.sklearnOnSample().worst(), s.sklearnOnSampleInertia(),
                    s.sklearnOnSampleMs().best(), s.sklearnOnSampleMs().median(), "", f.rows(), s.oursFitAll().mean(),
                    s.oursFitAll().worst(), s.oursFitAllInertia(), f.sklearn1().mean(), f.sklearn1().worst(), f.inertia()[1]);
        }
        System.out.println("scikit-learn " + figures.get(0).sklearnVersion() + "; ARI cross-check (|Smile - sklearn|) max "
                + figures.stream().mapToDouble(SetFigures::crossCheck).max().orElse(0) + "; load average before/after: "
                + loadBefore + " / " + loadAverage() + " on " + Runtime.getRuntime().availableProcessors() + " cores");
        return figures;
    }

    private static SetFigures measure(LabelledRows set, SklearnReference py) throws Exception {
        int n = set.rows().size();
        int samples = Math.min(n, ClusteringParameters.MAX_SAMPLES);
        ClusteringEngine service = new ClusteringEngine(FingerprintVerdicts.bundled(), CLOCK);

        // quality: the product's run (fit on at most 8,000, assign all), every seed
        double[] ari = new double[SEEDS];
        double[] inertia = new double[SEEDS];
        List<int[]> labels = new ArrayList<>();
        for (int s = FIRST_SEED; s <= LAST_SEED; s++) {
            ClusteringRun run = service.cluster(set.rows(), ClusteringParameters.of(K, Math.max(samples,
                    ClusteringParameters.MIN_SAMPLES), s), Map.of(), ProgressListener.NONE, CancellationCheck.NEVER);
            int[] ours = labelsInRowOrder(run, set);
            labels.add(ours);
            ari[s - FIRST_SEED] = AdjustedRandIndex.of(set.truth(), ours);
            // inertia of every pair against its centroid: the objective both sides minimise
            for (MemberAssignment a : run.assignments()) inertia[s - FIRST_SEED] += a.distance() * a.distance();
        }

        Path[] files = py.write(set.name().replace(' ', '-'), ClusteringPipeline.vectors(set.rows()), set.truth());
        SklearnReference.Fit one = py.kmeans(files, K, 1, FIRST_SEED, LAST_SEED, 1, labels);
        SklearnReference.Fit ten = py.kmeans(files, K, 10, FIRST_SEED, LAST_SEED, 1, null);
        SameSample same = n > samples ? sameSample(set, samples, files, py) : null;

        // speed: the product's pipeline (sample + fit + assign + profiles) and one scikit-learn fit,
        // alternated so that both meet the same load; at 100,000 also fitting every row
        int rounds = n > 20_000 ? 8 : 24;
        ClusteringPipeline pipeline = new ClusteringPipeline(FingerprintVerdicts.bundled());
        List<Map<ClusteringStage, Double>> stages = new ArrayList<>();
        Runnable product = () -> stages.add(service.cluster(set.rows(), ClusteringParameters.of(K, Math.max(samples,
                ClusteringParameters.MIN_SAMPLES), 1), Map.of(), ProgressListener.NONE, CancellationCheck.NEVER)
                .statistics().stageMillis());
        Runnable fitEveryRow = () -> pipeline.run(set.rows(), ClusteringParameters.of(K, ClusteringParameters.MAX_SAMPLES, 1),
                CLOCK.instant(), ProgressListener.NONE, CancellationCheck.NEVER);
        boolean large = n > ClusteringParameters.MAX_SAMPLES;
        double[] ours = new double[rounds];
        double[] oursCpu = new double[rounds];
        double[] oursAll = new double[rounds];
        double[] theirs = new double[rounds];
        double[] theirsCpu = new double[rounds];
        double[] theirsSpin = new double[rounds];
        double[] theirsSingle = new double[rounds];
        try (SklearnReference.Server sk = py.server(files[0], K, false);
             SklearnReference.Server single = py.server(files[0], K, true)) {
            // warm-up: scikit-learn's loops are compiled ahead of time, ours by the JIT. On a new set a run
            // costs about twice its steady time for 80-120 runs (8,000 pairs from a cold start, medians per
            // 40 runs: 43, 37, 26, 18, 20, 19, 19 ms), so 150 runs; the large set reuses the same code
            for (int w = 0; w < (large ? 3 : 150); w++) {
                product.run();
                if (large) fitEveryRow.run();
                if (w < 3) {
                    sk.fit(FIRST_SEED, 1);
                    single.fit(FIRST_SEED, 1);
                }
            }
            stages.clear();
            for (int r = 0; r < rounds; r++) {
                double cpu = processCpuMillis();
                ours[r] = millis(product);
                oursCpu[r] = processCpuMillis() - cpu;
                settleJvm();
                double[] fit = sk.fit(FIRST_SEED + r % SEEDS, 1);
                theirs[r] = fit[0];
                theirsCpu[r] = fit[1];
                theirsSpin[r] = fit[2];
                settleJvm();
                theirsSingle[r] = single.fit(FIRST_SEED + r % SEEDS, 1)[0];
                if (large) oursAll[r] = millis(fitEveryRow);
            }
        }
        Time pipelineTime = Time.of(ours);
        StringBuilder byStage = new StringBuilder();
        for (ClusteringStage stage : ClusteringStage.values()) {
            double[] ms = stages.stream().filter(m -> m.containsKey(stage)).mapToDouble(m -> m.get(stage)).toArray();
            if (ms.length > 0) {
                byStage.append(String.format(Locale.ROOT, "%s%s %.1f / %.1f", byStage.length() > 0 ? ", " : "",
                        stage.name().toLowerCase(Locale.ROOT), Time.of(ms).best(), Time.of(ms).median()));
            }
        }
        System.out.printf(Locale.ROOT, "%s, timed runs by stage (best / median ms): %s%n", set.name(), byStage);
        Time fitAll = large ? Time.of(oursAll) : null;
        Time sklearnTime = Time.of(theirs);

        double cross = 0;
        for (int i = 0; i < SEEDS; i++) cross = Math.max(cross, Math.abs(one.oursAriBySklearn()[i] - ari[i]));
        SetFigures f = new SetFigures(set.name(), n, new Quality(ari), new Quality(one.ari()), new Quality(ten.ari()),
                new double[]{mean(inertia), mean(one.inertia()), mean(ten.inertia())}, cross,
                pipelineTime, fitAll, sklearnTime, Time.of(theirsSingle), new Time(ten.msBest(), ten.msMedian()), Time.of(oursCpu),
                Time.of(theirsCpu), Time.of(theirsSpin), one.version(), same);
        System.out.printf(Locale.ROOT, "%s: ours ARI %s%n  sklearn 1 init %s%n  sklearn 10 inits %s%n", set.name(),
                round(ari), round(one.ari()), round(ten.ari()));
        if (same != null) {
            System.out.printf(Locale.ROOT, "  sklearn 1 init on our weighted sample, predicting all %s%n  ours fitted on all %s%n",
                    round(same.sklearnOnSample().ari()), round(same.oursFitAll().ari()));
        }
        return f;
    }

    /** See {@link SameSample}: scikit-learn on the product's sample and weights; ours on every pair. */
    private static SameSample sameSample(LabelledRows set, int samples, Path[] files, SklearnReference py) throws Exception {
        // the engine samples the rows in (IP, JA4) order; the labelled sets come in that order
        List<FeatureRow> ordered = StratifiedSampler.inIdentityOrder(set.rows());
        assertTrue(ordered == set.rows(), set.name() + ": rows not in (IP, JA4) order, sample indexes would not match");
        int[] sample = StratifiedSampler.sampleIndices(ordered, samples);
        SklearnReference.Fit onSample = py.kmeans(files, sample, ClusteringPipeline.sampleWeights(ordered, sample), K, 1,
                FIRST_SEED, LAST_SEED, 1, null);
        ClusteringPipeline pipeline = new ClusteringPipeline(FingerprintVerdicts.bundled());
        double[] ari = new double[SEEDS];
        double[] inertia = new double[SEEDS];
        for (int s = FIRST_SEED; s <= LAST_SEED; s++) {
            ClusteringRun run = pipeline.run(set.rows(), ClusteringParameters.of(K, ClusteringParameters.MAX_SAMPLES, s),
                    CLOCK.instant(), ProgressListener.NONE, CancellationCheck.NEVER);
            ari[s - FIRST_SEED] = AdjustedRandIndex.of(set.truth(), labelsInRowOrder(run, set));
            for (MemberAssignment a : run.assignments()) inertia[s - FIRST_SEED] += a.distance() * a.distance();
        }
        return new SameSample(new Quality(onSample.ari()), mean(onSample.inertia()),
                new Time(onSample.msBest(), onSample.msMedian()), new Quality(ari), mean(inertia));
    }

    /** The run's cluster of each row of the set, as small integers in the set's row order. */
    static int[] labelsInRowOrder(ClusteringRun run, LabelledRows set) {
        Map<String, Integer> clusterOfPair = new HashMap<>(run.assignments().size() * 2);
        Map<String, Integer> number = new HashMap<>();
        for (MemberAssignment a : run.assignments()) {
            clusterOfPair.put(a.pairKey(), number.computeIfAbsent(a.clusterId(), id -> number.size()));
        }
        int[] out = new int[set.rows().size()];
        for (int i = 0; i < out.length; i++) {
            FeatureRow r = set.rows().get(i);
            Integer c = clusterOfPair.get(r.ip() + "|" + r.ja4());
            if (c == null) throw new AssertionError("pair without a cluster: " + r.ip() + " " + r.ja4());
            out[i] = c;
        }
        return out;
    }

    private static void printAssignment(LabelledRows set) {
        double[][] vectors = ClusteringPipeline.vectors(set.rows());
        double[][] sample = Arrays.copyOf(vectors, ClusteringParameters.MAX_SAMPLES);
        double[][] centroids = KMeansClusterer.cluster(sample, K, 1, ClusteringParameters.DEFAULT_MAX_ITERATIONS,
                CancellationCheck.NEVER).centroids();
        Time assign = time(() -> NearestCentroid.assign(vectors, centroids, CancellationCheck.NEVER), 10);
        Time withVectors = time(() -> NearestCentroid.assign(ClusteringPipeline.vectors(set.rows()), centroids,
                CancellationCheck.NEVER), 5);
        System.out.printf(Locale.ROOT, "%nBulk assignment of %d pairs to %d centroids: best %.1f ms, median %.1f ms"
                        + " (%.1f / %.1f ms with normalising the vectors); target under 1,000 ms%n", vectors.length, K,
                assign.best(), assign.median(), withVectors.best(), withVectors.median());
        assertTrue(withVectors.median() < 1_000, "100,000 pairs assigned in " + withVectors.median() + " ms");
    }

    private static void printNumpy(LabelledRows set, SklearnReference py) throws Exception {
        Path[] files = py.write("numpy", ClusteringPipeline.vectors(set.rows()), set.truth());
        System.out.println("NumPy anchor (naive k-means++ + Lloyd + PCA + edges), " + set.rows().size() + " pairs: "
                + py.numpy(files[0], K, 1, 10));
    }

    /** The machine's 1-minute load average, when the OS tells it: the figures mean little on a busy machine. */
    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /**
     * Waits until this JVM's threads are idle (the JIT, the collector, the pool's workers), at most 2 s:
     * each side's run starts when the other side's threads have stopped, as scikit-learn's server
     * waits out its spinning workers before it answers.
     */
    private static void settleJvm() throws InterruptedException {
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < deadline) {
            double before = processCpuMillis();
            Thread.sleep(10);
            if (processCpuMillis() - before < 1) return;
        }
    }

    /** CPU milliseconds of every thread of this JVM so far (JIT and GC included). */
    private static double processCpuMillis() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1e6;
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElse(Double.NaN);
    }

    private static double millis(Runnable work) {
        long t = System.nanoTime();
        work.run();
        return (System.nanoTime() - t) / 1e6;
    }

    private static Time time(Runnable work, int rounds) {
        for (int i = 0; i < Math.max(3, rounds); i++) work.run();
        double[] ms = new double[rounds * SEEDS];
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            work.run();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        return Time.of(ms);
    }

    private static String round(double[] values) {
        StringBuilder sb = new StringBuilder("[");
        for (double v : values) sb.append(sb.length() > 1 ? ", " : "").append(String.format(Locale.ROOT, "%.3f", v));
        double mean = Arrays.stream(values).average().orElse(Double.NaN);
        double worst = Arrays.stream(values).min().orElse(Double.NaN);
        return sb.append(String.format(Locale.ROOT, "] mean %.3f, worst %.3f", mean, worst)).toString();
    }
}
