package com.ja4.workstation.analysis.cluster;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Timings of a run repeated in one process ({@code cluster --repeat N}): best and median of the
 * whole run (sampling to edges; the rows are loaded once) and of each stage. The best run is the
 * least disturbed by whatever else the machine did; the median says what to expect.
 *
 * @param runs       how many runs
 * @param loadMillis loading the rows, done once
 * @param best       fastest run, milliseconds
 * @param median     median run, milliseconds
 * @param stages     best and median of each stage, in stage order (loading excluded)
 */
public record RepeatTimings(int runs, double loadMillis, double best, double median, Map<ClusteringStage, Spread> stages) {

    /** Best and median milliseconds of one stage. */
    public record Spread(double best, double median) {
    }

    /**
     * @param totals     milliseconds of each run, measured around it
     * @param statistics each run's statistics (its per-stage milliseconds)
     */
    public static RepeatTimings of(double[] totals, List<RunStatistics> statistics, double loadMillis) {
        if (totals.length == 0 || totals.length != statistics.size()) {
            throw new IllegalArgumentException("one total per run is needed");
        }
        Map<ClusteringStage, Spread> stages = new EnumMap<>(ClusteringStage.class);
        for (ClusteringStage stage : ClusteringStage.values()) {
            if (stage == ClusteringStage.LOAD) continue;
            double[] ms = statistics.stream().mapToDouble(s -> s.stageMillis().getOrDefault(stage, Double.NaN))
                    .filter(Double::isFinite).toArray();
            if (ms.length > 0) stages.put(stage, spread(ms));
        }
        Spread total = spread(totals);
        return new RepeatTimings(totals.length, loadMillis, total.best(), total.median(), stages);
    }

    static Spread spread(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        double median = n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
        return new Spread(v[0], median);
    }
}
