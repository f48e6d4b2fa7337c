package com.ja4.workstation.analysis.cluster;

import com.ja4.workstation.domain.cluster.FeatureRow;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A clustering run from its rows: load every pair, sample, fit, assign every pair, place, name (the
 * Clusters view reaches it through {@code service.cluster.ClusterService}, the cluster command
 * directly). Progress is reported per stage; the cancel check is honoured between stages, while
 * the query runs (through the source) and between k-means iterations.
 */
public final class ClusteringEngine {

    private final StackVerdictSource verdicts;
    private final Clock clock;

    /** Names stacks with the p0f-style fingerprinter ({@link FingerprintVerdicts}). */
    public ClusteringEngine() {
        this(FingerprintVerdicts.bundled(), Clock.systemUTC());
    }

    /** @param verdicts the stack fingerprinter that names each cluster's TCP stack */
    public ClusteringEngine(StackVerdictSource verdicts, Clock clock) {
        this.verdicts = verdicts;
        this.clock = clock;
    }

    /**
     * @throws FeatureSourceException      the rows could not be read
     * @throws ClusteringCancelledException the analyst cancelled
     * @throws IllegalArgumentException    fewer pairs than clusters
     */
    public ClusteringRun run(FeatureSource source, ClusteringParameters parameters, ProgressListener progress,
                             CancellationCheck cancel) throws FeatureSourceException {
        cancel.throwIfCancelled();
        progress.progress(ClusteringStage.LOAD, 0.0);
        long t = System.nanoTime();
        List<FeatureRow> rows = source.load(parameters.sampleSize(), cancel);
        double loadMillis = (System.nanoTime() - t) / 1e6;
        cancel.throwIfCancelled();
        return cluster(rows, parameters, Map.of(ClusteringStage.LOAD, loadMillis), progress, cancel);
    }

    /**
     * Samples, fits and assigns rows already loaded (the command's {@code --repeat} reruns this).
     *
     * @param timings milliseconds already spent per stage (loading), carried into the run's statistics
     */
    public ClusteringRun cluster(List<FeatureRow> rows, ClusteringParameters parameters, Map<ClusteringStage, Double> timings,
                                 ProgressListener progress, CancellationCheck cancel) {
        Instant startedAt = clock.instant();
        if (rows.size() < parameters.k()) {
            throw new IllegalArgumentException("Only " + rows.size() + " (IP, JA4) pairs in the window: fewer than k = "
                    + parameters.k() + " clusters. Widen the time window or lower k.");
        }
        // a short run keeps the pool's cores awake (see AwakeCores: on a VM they halt between its stages)
        try (AwakeCores awake = AwakeCores.during(rows.size())) {
            Map<ClusteringStage, Double> stages = new EnumMap<>(ClusteringStage.class);
            stages.putAll(timings);
            progress.progress(ClusteringStage.VECTORS, 0.15);
            long t = System.nanoTime();
            FeatureMatrix matrix = FeatureMatrix.of(rows);
            stages.put(ClusteringStage.VECTORS, (System.nanoTime() - t) / 1e6);
            cancel.throwIfCancelled();
            progress.progress(ClusteringStage.SAMPLE, 0.2);
            t = System.nanoTime();
            // (IP, JA4) order, as the warehouse returns them (the matrix found out): a CSV's rows are sorted once here
            List<FeatureRow> ordered = rows;
            if (!matrix.identityOrdered()) {
                ordered = StratifiedSampler.inIdentityOrder(rows);
                matrix = FeatureMatrix.of(ordered);
            }
            int[] sample = StratifiedSampler.sampleIndicesOfOrdered(ordered, parameters.sampleSize());
            stages.put(ClusteringStage.SAMPLE, (System.nanoTime() - t) / 1e6);
            cancel.throwIfCancelled();
            return new ClusteringPipeline(verdicts).run(ordered, matrix, sample, parameters, startedAt, stages, progress, cancel);
        }
    }
}
