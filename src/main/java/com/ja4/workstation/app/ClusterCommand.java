package com.ja4.workstation.app;

import com.ja4.workstation.analysis.cluster.CancellationCheck;
import com.ja4.workstation.analysis.cluster.ClusteringEngine;
import com.ja4.workstation.analysis.cluster.ClusteringParameters;
import com.ja4.workstation.analysis.cluster.ClusteringRun;
import com.ja4.workstation.analysis.cluster.ClusteringRunJson;
import com.ja4.workstation.analysis.cluster.CsvFeatureSource;
import com.ja4.workstation.analysis.cluster.FeatureSource;
import com.ja4.workstation.analysis.cluster.FeatureSourceException;
import com.ja4.workstation.analysis.cluster.ProgressListener;
import com.ja4.workstation.data.cluster.ClusterFeatureQueries;
import com.ja4.workstation.data.warehouse.WarehouseException;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.io.AtomicOutput;
import com.ja4.workstation.io.InputFiles;
import com.ja4.workstation.service.Workspace;
import com.ja4.workstation.service.source.SnapshotOpener;
import com.ja4.workstation.service.cluster.WarehouseFeatureSource;
import java.nio.file.Path;
import java.util.List;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Headless clustering of a snapshot or a feature CSV, written as JSON. */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = "Clusters (IP, JA4) pairs with k-means++ and writes clusters, edges and assignments as JSON.")
public final class ClusterCommand implements Callable<Integer> {

    /** The snapshot is clustered over the 24 h before its as-of time. */
    static final Duration SNAPSHOT_WINDOW = Duration.ofHours(24);

    @Spec
    CommandSpec spec;

    @Option(names = "--source", paramLabel = "FILE", description = "DuckDB snapshot file to query")
    Path source;

    @Option(names = "--input", paramLabel = "FEATURES.csv",
            description = "CSV with the predecessor's feature columns, instead of querying")
    Path input;

    @Option(names = "--k", paramLabel = "N", description = "clusters, 4-30 (default ${DEFAULT-VALUE})")
    int k = ClusteringParameters.DEFAULT_K;

    @Option(names = "--samples", paramLabel = "N", description = "(IP, JA4) pairs to cluster, 500-8000 (default ${DEFAULT-VALUE})")
    int samples = ClusteringParameters.DEFAULT_SAMPLES;

    @Option(names = "--seed", paramLabel = "N", description = "seed of the k-means++ draw (default ${DEFAULT-VALUE})")
    long seed = ClusteringParameters.DEFAULT_SEED;

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
        Path in = source != null ? source : input;
        InputFiles.requireReadableFile(in);
        OutputPaths.check("--out", out, List.of(in));
        ClusteringRun run;
        try {
            run = runFrom(parameters);
        } catch (FeatureSourceException | WarehouseException | java.sql.SQLException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("cluster: " + e.getMessage());
            return 1;
        }
        AtomicOutput.write(out, tmp -> ClusteringRunJson.write(run, tmp));
        spec.commandLine().getOut().printf("run %s: %d clusters over %d pairs (%d IPs) in %d ms -> %s%n", run.id(),
                run.clusters().size(), run.statistics().sampledRows(), run.statistics().ipCount(),
                run.statistics().totalMillis(), out);
        return 0;
    }

    private ClusteringRun runFrom(ClusteringParameters parameters)
            throws FeatureSourceException, WarehouseException, java.sql.SQLException {
        ClusteringEngine service = new ClusteringEngine();
        if (input != null) {
            return service.run(new CsvFeatureSource(input), parameters, ProgressListener.NONE, CancellationCheck.NEVER);
        }
        // the same checks as opening the snapshot in the window: a file that verify refuses is refused here
        try (Workspace ws = SnapshotOpener.open(source)) {
            TimeWindow window = new TimeWindow(ws.session().latestAsOf(), SNAPSHOT_WINDOW);
            FeatureSource features = new WarehouseFeatureSource(new ClusterFeatureQueries(ws.session().warehouse()), window);
            return service.run(features, parameters, ProgressListener.NONE, CancellationCheck.NEVER);
        }
    }
}
