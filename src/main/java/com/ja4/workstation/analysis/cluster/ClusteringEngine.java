package com.ja4.workstation.analysis.cluster;

import com.ja4.workstation.domain.cluster.FeatureRow;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A clustering run from its rows: load, sample, cluster, place, name (the Clusters view reaches it
 * through {@code service.cluster.ClusterService}, the cluster command directly).
 * Progress is reported per stage; the cancel check is honoured between stages, while the query
 * runs (through the source) and between k-means iterations.
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
        Instant startedAt = clock.instant();
        Map<ClusteringStage, Long> timings = new EnumMap<>(ClusteringStage.class);
        cancel.throwIfCancelled();

        progress.progress(ClusteringStage.LOAD, 0.0);
        long t = System.nanoTime();
        List<FeatureRow> rows = source.load(parameters.sampleSize(), cancel);
        timings.put(ClusteringStage.LOAD, (System.nanoTime() - t) / 1_000_000);
        cancel.throwIfCancelled();
        if (rows.size() < parameters.k()) {
            throw new IllegalArgumentException("Only " + rows.size() + " (IP, JA4) pairs in the window: fewer than k = "
                    + parameters.k() + " clusters. Widen the time window or lower k.");
        }

        progress.progress(ClusteringStage.SAMPLE, 0.2);
        t = System.nanoTime();
        List<FeatureRow> sampled = StratifiedSampler.sample(rows, parameters.sampleSize());
        timings.put(ClusteringStage.SAMPLE, (System.nanoTime() - t) / 1_000_000);
        cancel.throwIfCancelled();

        return new ClusteringPipeline(verdicts).run(sampled, rows.size(), parameters, startedAt, timings, progress, cancel);
    }
}
