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
import com.ja4.workstation.data.snapshot.SnapshotFormat;
import com.ja4.workstation.data.snapshot.SnapshotManifest;
import com.ja4.workstation.data.warehouse.DatabaseNames;
import com.ja4.workstation.data.warehouse.DuckDbDialect;
import com.ja4.workstation.data.warehouse.DuckDbSource;
import com.ja4.workstation.data.warehouse.Warehouse;
import com.ja4.workstation.data.warehouse.WarehouseException;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.service.cluster.WarehouseFeatureSource;
import java.nio.file.Path;
import java.sql.Connection;
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
        ClusteringRun run;
        try {
            run = runFrom(parameters);
        } catch (FeatureSourceException | WarehouseException | java.sql.SQLException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("cluster: " + e.getMessage());
            return 1;
        }
        ClusteringRunJson.write(run, out);
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
        try (Warehouse warehouse = new Warehouse(DuckDbSource.open(source, true), DuckDbDialect.INSTANCE,
                DatabaseNames.DEFAULT, Duration.ZERO)) {
            SnapshotManifest manifest;
            try (Connection c = warehouse.source().open()) {
                manifest = SnapshotFormat.readManifest(c);
            }
            TimeWindow window = new TimeWindow(manifest.asOf(), SNAPSHOT_WINDOW);
            FeatureSource features = new WarehouseFeatureSource(new ClusterFeatureQueries(warehouse), window);
            return service.run(features, parameters, ProgressListener.NONE, CancellationCheck.NEVER);
        }
    }
}
