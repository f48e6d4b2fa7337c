package com.ja4.workstation.ui.diagnostics;

import com.ja4.workstation.domain.ClientIp;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.table.TableFilter;
import com.ja4.workstation.service.Workspace;
import com.ja4.workstation.service.cluster.ClusterService.ClusterResult;
import com.ja4.workstation.service.query.QueryScope;
import com.ja4.workstation.service.source.SnapshotOpener;
import com.ja4.workstation.ui.common.Theme;
import com.ja4.workstation.ui.table.TableDefinitions;
import com.ja4.workstation.ui.shell.LoadedView;
import com.ja4.workstation.ui.shell.Shell;
import com.ja4.workstation.ui.shell.ViewId;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * What {@link MemoryBenchmark} runs in a JVM of its own (with -Xmx512m): the main window on a
 * snapshot, every view opened in turn (the IP drill-down of the most detected IP, the Clusters view's
 * clustering run), then a clustering run of the whole window and CSV exports of Detections and
 * Traffic. Prints {@code key=value} lines: the peak heap (sampled every 20 ms, and the sum of the heap
 * pools' own peaks, an upper bound) and the peak resident set (VmHWM), and after each step the heap,
 * the resident set and its peak so far.
 *
 * <p>{@code java -Xmx512m -cp TEST_CLASSPATH com.ja4.workstation.ui.diagnostics.MemoryScenario SNAPSHOT OUT_DIR}
 */
public final class MemoryScenario {

    private MemoryScenario() {
    }

    public static void main(String[] args) throws Exception {
        Path snapshot = Path.of(args[0]);
        Path out = Files.createDirectories(Path.of(args[1]));
        AtomicLong peak = new AtomicLong();
        Thread sampler = new Thread(() -> sampleHeap(peak), "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        long t0 = System.nanoTime();

        CompletableFuture<Void> up = new CompletableFuture<>();
        Platform.startup(() -> up.complete(null));
        up.join();
        Platform.setImplicitExit(false);
        Workspace ws = SnapshotOpener.open(snapshot);
        System.out.printf("opened %s%n", memory());
        Shell shell = onFx(() -> {
            Theme.applyUserAgent();
            Shell s = Shell.create();
            Scene scene = new Scene(s.root(), 1400, 900);
            Theme.style(scene);
            Stage stage = new Stage();
            stage.setScene(scene);
            stage.show();
            s.use(ws);
            return s;
        });
        idle(shell, ViewId.OVERVIEW);
        for (ViewId id : ViewId.values()) {
            onFx(() -> {
                shell.controller().show(id);
                return null;
            });
            idle(shell, id);
            if (id == ViewId.IP) {
                String top = ws.overview().topIps(shell.model().window(), com.ja4.workstation.domain.overview.TopIpRanking.DETECTIONS, QueryScope.sequential()).join().get(0).ip();
                onFx(() -> {
                    shell.model().openIp(ClientIp.parse(top).orElseThrow());
                    return null;
                });
                idle(shell, id);
            }
            System.out.printf("view=%s %s%n", id.cliName(), memory());
        }
        TimeWindow w = shell.model().window();
        // the largest run the Clusters view allows
        ClusterResult run = ws.clusters().run(w, 14, com.ja4.workstation.analysis.cluster.ClusteringParameters.MAX_SAMPLES,
                (stage, fraction) -> { }, () -> false);
        System.out.printf("clusters=%d pairs=%d %s%n", run.run().clusters().size(), run.run().assignments().size(), memory());
        long detections = ws.detections().exportCsv(w, TableFilter.NONE, TableDefinitions.DETECTIONS.defaultSort(),
                out.resolve("detections.csv"), n -> { }, QueryScope.sequential()).join();
        System.out.printf("csv_detections_rows=%d %s%n", detections, memory());
        long traffic = ws.traffic().exportCsv(w, TableFilter.NONE, TableDefinitions.TRAFFIC.defaultSort(),
                out.resolve("traffic.csv"), n -> { }, QueryScope.sequential()).join();
        System.out.printf("csv_traffic_rows=%d %s%n", traffic, memory());

        long poolPeaks = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) poolPeaks += p.getPeakUsage().getUsed();
        }
        System.out.printf("seconds=%d%n", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0));
        System.out.printf("max_heap_mb=%d%n", Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf("peak_heap_sampled_mb=%d%n", Math.max(peak.get(), usedHeap()) >> 20);
        System.out.printf("peak_heap_pools_mb=%d%n", poolPeaks >> 20);
        System.out.printf("peak_rss_mb=%d%n", procStatusKb("VmHWM:") >> 10);
        ws.close();
        Platform.exit();
        System.exit(0);
    }

    private static void idle(Shell shell, ViewId id) throws Exception {
        for (int round = 0; round < 2; round++) {
            LoadedView v = onFx(() -> shell.controller().view(id));
            if (v != null) v.controller().idle().get(5, TimeUnit.MINUTES);
            onFx(() -> null); // results applied
            Thread.sleep(200); // laid out and painted
        }
    }

    private static <T> T onFx(Supplier<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.get());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(5, TimeUnit.MINUTES);
    }

    private static void sampleHeap(AtomicLong peak) {
        while (true) {
            peak.accumulateAndGet(usedHeap(), Math::max);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The heap in use, the resident set now and its peak so far (MiB). */
    private static String memory() {
        return String.format("heap_mb=%d rss_mb=%d rss_peak_so_far_mb=%d", usedHeapMb(), procStatusKb("VmRSS:") >> 10, procStatusKb("VmHWM:") >> 10);
    }

    private static long usedHeapMb() {
        return usedHeap() >> 20;
    }

    /** A figure of /proc/self/status in kB (VmRSS: resident set now, VmHWM: its peak); -1 elsewhere than Linux. */
    private static long procStatusKb(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(key)) return Long.parseLong(line.replaceAll("\\D", ""));
            }
        } catch (Exception e) {
            return -1;
        }
        return -1;
    }
}
