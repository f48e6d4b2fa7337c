package com.ja4.workstation.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ja4.workstation.analysis.cluster.CancellationCheck;
import com.ja4.workstation.analysis.cluster.ClusteringParameters;
import com.ja4.workstation.analysis.cluster.ClusteringRun;
import com.ja4.workstation.analysis.cluster.ClusteringRunFile;
import com.ja4.workstation.analysis.cluster.ClusteringRunJson;
import com.ja4.workstation.analysis.cluster.ClusteringEngine;
import com.ja4.workstation.analysis.cluster.ClusteringStage;
import com.ja4.workstation.analysis.cluster.CsvFeatureSource;
import com.ja4.workstation.analysis.cluster.FeatureSource;
import com.ja4.workstation.analysis.cluster.FeatureSourceException;
import com.ja4.workstation.analysis.cluster.ProgressListener;
import com.ja4.workstation.analysis.cluster.RepeatTimings;
import com.ja4.workstation.analysis.cluster.RunChanges;
import com.ja4.workstation.analysis.cluster.RunComparison;
import com.ja4.workstation.analysis.cluster.RunStatistics;
import com.ja4.workstation.data.cluster.ClusterFeatureQueries;
import com.ja4.workstation.domain.cluster.FeatureRow;
import com.ja4.workstation.data.warehouse.WarehouseException;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.WindowLength;
import com.ja4.workstation.io.AtomicOutput;
import com.ja4.workstation.service.Workspace;
import com.ja4.workstation.service.cluster.WarehouseFeatureSource;
import com.ja4.workstation.service.source.SnapshotOpener;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Headless clustering of a snapshot or a feature CSV, written as JSON. */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = {"Fits k-means++ centroids on a sample of (IP, JA4) pairs, assigns every pair to its nearest "
                + "centroid and writes clusters, edges and assignments as JSON.",
                "--repeat N times the run N times in one process (timing_ms in the JSON); --compare EARLIER.json "
                        + "writes what changed since that run (changes in the JSON)."})
public final class ClusterCommand implements Callable<Integer> {

    static final int MAX_REPEAT = 1_000;

    @Spec
    CommandSpec spec;

    @Option(names = "--source", paramLabel = "FILE", description = "DuckDB snapshot file to query")
    Path source;

    @Option(names = "--window", paramLabel = "LENGTH", defaultValue = "24h",
            description = "with --source: window length up to the snapshot's as-of time, 5m to 365d, e.g. 90m, 12h, 2d (default ${DEFAULT-VALUE})")
    String window;

    @Option(names = "--offset", paramLabel = "LENGTH", defaultValue = "0",
            description = "with --source: end the window this long before the as-of time, e.g. 24h for the day before (default ${DEFAULT-VALUE})")
    String offset;

    @Option(names = "--input", paramLabel = "FEATURES.csv",
            description = "CSV with the predecessor's feature columns, instead of querying")
    Path input;

    @Option(names = "--k", paramLabel = "N", description = "clusters, 4-30 (default ${DEFAULT-VALUE})")
    int k = ClusteringParameters.DEFAULT_K;

    @Option(names = "--samples", paramLabel = "N",
            description = "(IP, JA4) pairs the centroids are fitted on, 500-8000 (default ${DEFAULT-VALUE}); every pair is assigned")
    int samples = ClusteringParameters.DEFAULT_SAMPLES;

    @Option(names = "--seed", paramLabel = "N", description = "seed of the k-means++ draws (default ${DEFAULT-VALUE})")
    long seed = ClusteringParameters.DEFAULT_SEED;

    @Option(names = "--repeat", paramLabel = "N",
            description = "run the clustering N times in this process (rows loaded once) and write timing_ms: best, median, per stage (1-" + MAX_REPEAT + ", default ${DEFAULT-VALUE})")
    int repeat = 1;

    @Option(names = "--compare", paramLabel = "EARLIER.json",
            description = "a result of an earlier cluster run: the clusters are matched and the changes (new, vanished, grown, shrunk clusters, IPs moved into bots) are written as changes")
    Path compare;

    @Option(names = "--out", paramLabel = "RESULT.json", required = true, description = "where to write the result")
    Path out;

    @Override
    public Integer call() throws Exception {
        ClusteringParameters parameters;
        try {
            parameters = ClusteringParameters.of(k, samples, seed);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if ((source == null) == (input == null)) {
            throw new ParameterException(spec.commandLine(), "give exactly one of --source FILE or --input FEATURES.csv");
        }
        Duration length = duration("--window", window);
        Duration shift = offset.strip().equals("0") ? Duration.ZERO : duration("--offset", offset);
        if (repeat < 1 || repeat > MAX_REPEAT) {
            throw new ParameterException(spec.commandLine(), "--repeat must be between 1 and " + MAX_REPEAT + ", got " + repeat);
        }
        // each input is checked by its reader (snapshot verifier, CSV source, earlier-run file), in one sentence
        Path in = source != null ? source : input;
        OutputPaths.check("--out", out, compare == null ? List.of(in) : List.of(in, compare));
        ObjectNode json;
        ClusteringRun run;
        RepeatTimings timings;
        try {
            // read the earlier run first: a bad file is refused before any work
            ClusteringRun earlier = compare == null ? null : ClusteringRunFile.read(compare);
            long t = System.nanoTime();
            List<FeatureRow> rows = load(parameters, length, shift);
            double loadMillis = (System.nanoTime() - t) / 1e6;
            ClusteringEngine engine = new ClusteringEngine();
            double[] totals = new double[repeat];
            List<RunStatistics> statistics = new ArrayList<>(repeat);
            run = null;
            for (int i = 0; i < repeat; i++) {
                long start = System.nanoTime();
                run = engine.cluster(rows, parameters, Map.of(ClusteringStage.LOAD, loadMillis), ProgressListener.NONE,
                        CancellationCheck.NEVER);
                totals[i] = (System.nanoTime() - start) / 1e6;
                statistics.add(run.statistics());
            }
            timings = RepeatTimings.of(totals, statistics, loadMillis);
            json = ClusteringRunJson.toTree(run);
            if (repeat > 1) json.set("timing_ms", ClusteringRunJson.timingTree(timings));
            if (earlier != null) {
                RunChanges changes = RunComparison.compare(earlier, run);
                json.set("changes", ClusteringRunJson.changesTree(changes, earlier));
            }
        } catch (FeatureSourceException | WarehouseException | IllegalArgumentException
                 | IOException e) {
            spec.commandLine().getErr().println("cluster: " + e.getMessage());
            return 1;
        }
        final ObjectNode result = json;
        AtomicOutput.write(out, tmp -> ClusteringRunJson.write(result, tmp));
        RunStatistics s = run.statistics();
        spec.commandLine().getOut().printf("run %s: %d clusters, fitted on %d pairs, assigned %d pairs (%d IPs) in %d ms%s -> %s%n",
                run.id(), run.clusters().size(), s.sampledRows(), s.assignedRows(), s.ipCount(), s.totalMillis(),
                repeat > 1 ? String.format(java.util.Locale.ROOT, " (best %.1f ms, median %.1f ms over %d runs)",
                        timings.best(), timings.median(), repeat) : "", out);
        return 0;
    }

    private Duration duration(String option, String text) {
        WindowLength parsed = WindowLength.parse(text);
        if (!parsed.isValid()) throw new ParameterException(spec.commandLine(), option + ": " + parsed.problem());
        return parsed.length().orElseThrow();
    }

    private List<FeatureRow> load(ClusteringParameters parameters, Duration length, Duration shift)
            throws FeatureSourceException, WarehouseException {
        if (input != null) return new CsvFeatureSource(input).load(parameters.sampleSize(), CancellationCheck.NEVER);
        // the same checks as opening the snapshot in the window: a file that verify refuses is refused here
        try (Workspace ws = SnapshotOpener.open(source)) {
            TimeWindow w = new TimeWindow(ws.session().latestAsOf().minus(shift), length);
            FeatureSource features = new WarehouseFeatureSource(new ClusterFeatureQueries(ws.session().warehouse()), w);
            return features.load(parameters.sampleSize(), CancellationCheck.NEVER);
        }
    }
}
