package com.ja4.workstation.app;

import com.ja4.workstation.data.demo.DemoGenerator;
import com.ja4.workstation.data.demo.DemoOptions;
import com.ja4.workstation.data.snapshot.SnapshotFormat;
import com.ja4.workstation.data.warehouse.ConnectionSource;
import com.ja4.workstation.data.warehouse.DatabaseNames;
import com.ja4.workstation.data.warehouse.DuckDbDialect;
import com.ja4.workstation.data.warehouse.DuckDbSource;
import com.ja4.workstation.data.warehouse.Warehouse;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.WindowPreset;
import com.ja4.workstation.domain.table.SortOrder;
import com.ja4.workstation.domain.table.TableFilter;
import com.ja4.workstation.service.Workspace;
import com.ja4.workstation.service.query.QueryScope;
import com.ja4.workstation.service.source.SnapshotOpener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * bench: overview load with its queries in parallel and one after another (ratio in the same
 * run), and the first Detections page sorted by score, on the default demo and on --scale 10.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmark the overview and detections queries on demo data.")
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--scales", split = ",", defaultValue = "1,10", description = "Demo scales to measure (default ${DEFAULT-VALUE})")
    List<Integer> scales;

    @Option(names = "--runs", defaultValue = "7", description = "Timed runs per measure; the median is reported")
    int runs;

    @Option(names = "--latency-ms", split = ",", defaultValue = "0,40",
            description = "Round-trip latency added to each query, to model a remote ClickHouse over a VPN (default ${DEFAULT-VALUE})")
    List<Integer> latencies;

    @Override
    public Integer call() throws Exception {
        Path dir = Files.createTempDirectory("ja4-bench");
        System.out.println("scale | latency ms | http_logs rows | overview parallel ms | overview sequential ms | speed-up | detections page 1 by score ms");
        for (int scale : scales) {
            Path file = dir.resolve("demo-x" + scale + ".duckdb");
            long g0 = System.nanoTime();
            var summary = new DemoGenerator(DemoOptions.defaults().withScale(scale)).generate(file);
            double genS = (System.nanoTime() - g0) / 1e9;
            SnapshotOpener.open(file).close(); // verifies the file as the app would
            for (int latency : latencies) try (Workspace ws = open(file, latency)) {
                TimeWindow w = new TimeWindow(ws.session().latestAsOf(), WindowPreset.H24.length());
                for (int i = 0; i < 2; i++) { // warm-up: JIT, DuckDB caches
                    ws.overview().loadAll(w, QueryScope.parallel());
                    ws.overview().loadAll(w, QueryScope.sequential());
                }
                double par = median(() -> ws.overview().loadAll(w, QueryScope.parallel()));
                double seq = median(() -> ws.overview().loadAll(w, QueryScope.sequential()));
                double page = median(() -> {
                    QueryScope s = QueryScope.sequential();
                    ws.detections().count(w, TableFilter.NONE, s.context());
                    ws.detections().page(w, TableFilter.NONE, SortOrder.descending("anomaly_score"), 0, 100, s.context());
                });
                System.out.printf(Locale.ROOT, "%5d | %10d | %14d | %20.1f | %22.1f | %7.2fx | %29.1f   (demo generated in %.1f s)%n",
                        scale, latency, summary.rows("http_logs"), par, seq, seq / par, page, genS);
            }
            Files.deleteIfExists(file);
        }
        return 0;
    }

    /** The snapshot, with each query delayed by a fixed round trip when latency > 0. */
    private static Workspace open(Path file, int latencyMs) throws Exception {
        ConnectionSource duck = DuckDbSource.open(file, true);
        ConnectionSource source = latencyMs == 0 ? duck : new ConnectionSource() {
            @Override
            public Connection open() throws SQLException {
                try {
                    Thread.sleep(latencyMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return duck.open();
            }

            @Override
            public String describe() {
                return duck.describe() + " +" + latencyMs + " ms";
            }

            @Override
            public void close() {
                duck.close();
            }
        };
        try (Connection c = duck.open()) {
            return new Workspace(new Warehouse(source, DuckDbDialect.INSTANCE, DatabaseNames.DEFAULT, Duration.ofMinutes(5)),
                    Optional.of(SnapshotFormat.readManifest(c)));
        }
    }

    private double median(Measured m) throws Exception {
        double[] t = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            m.run();
            t[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(t);
        return t[runs / 2];
    }

    @FunctionalInterface
    private interface Measured {
        void run() throws Exception;
    }
}
