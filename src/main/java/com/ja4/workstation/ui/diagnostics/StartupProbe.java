package com.ja4.workstation.ui.diagnostics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Start-up timing for the benchmark ({@code installer/startup-bench.sh}): with
 * {@code -Dja4.startup.probe=FILE} the app notes when each start-up phase ended and, at the first
 * frame painted with the overview's data, writes the marks to FILE and exits. Without the property
 * every call is a no-op. Times are epoch milliseconds, so the benchmark can also measure from
 * before it launched the process.
 *
 * <p>"Painted with data": the overview's queries have completed and their results are applied
 * (LoadPane's Platform.runLater ran); the next pulse lays that out and hands it to the renderer; the
 * pulse after it starts only once that frame is rendered, so its post-layout callback is the mark
 * (at most one frame, 16 ms, late).
 */
public final class StartupProbe {

    public static final String PROPERTY = "ja4.startup.probe";

    private static final String FILE = System.getProperty(PROPERTY);
    private static final List<String> MARKS = new ArrayList<>();
    private static volatile boolean finished;

    private StartupProbe() {
    }

    public static boolean enabled() {
        return FILE != null && !FILE.isBlank();
    }

    /** Notes that a phase ended now (any thread). */
    public static void mark(String phase) {
        if (!enabled() || finished) return;
        long now = System.currentTimeMillis();
        synchronized (MARKS) {
            MARKS.add(phase + "=" + now);
        }
    }

    /** Marks the first frame of the scene (the window with its empty shell). */
    public static void markFirstFrame(Scene scene) {
        if (!enabled()) return;
        Runnable[] self = new Runnable[1];
        self[0] = () -> {
            scene.removePostLayoutPulseListener(self[0]);
            mark("first_pulse");
        };
        scene.addPostLayoutPulseListener(self[0]);
    }

    /** The first frame with the first view's data is painted: with the probe on, writes the marks and exits. */
    public static void painted() {
        if (!enabled()) return;
        mark("data_painted");
        write();
        Platform.exit();
    }

    /**
     * Runs {@code then} on the FX thread once the frame showing {@code loaded}'s results is painted:
     * the results' own runLater has run (FIFO), one pulse laid them out and handed them to the
     * renderer, and the next pulse starts only once that frame is rendered.
     */
    public static void whenPainted(Scene scene, CompletableFuture<?> loaded, Runnable then) {
        loaded.whenComplete((v, e) -> {
            mark("data_loaded");
            Platform.runLater(() -> {
                mark("data_applied");
                int[] pulses = {0};
                Runnable[] self = new Runnable[1];
                self[0] = () -> {
                    if (++pulses[0] == 1) {
                        mark("data_laid_out");
                        Platform.requestNextPulse();
                        return;
                    }
                    scene.removePostLayoutPulseListener(self[0]);
                    then.run();
                };
                scene.addPostLayoutPulseListener(self[0]);
                Platform.requestNextPulse();
            });
        });
    }

    /** User + system CPU time of the whole process (Linux: /proc/self/stat, in clock ticks of 10 ms). */
    private static java.util.Optional<Long> processCpuMillis() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return java.util.Optional.of((Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10);
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * CPU time per kind of thread, JVM threads included (JIT compilers, GC), from /proc/self/task (Linux):
     * where the process's CPU went. Thread names are cut by the kernel to 15 characters; numbered
     * threads of one kind (C2 CompilerThread0, GC Thread#1, query-3) are summed.
     */
    private static java.util.Map<String, Long> threadCpuMillis() {
        java.util.Map<String, Long> byKind = new java.util.TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip().replaceAll("[#-]?\\d+$", "").replaceAll("\\s+", "_");
                    String stat = Files.readString(task.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ms = (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
                    if (ms > 0) byKind.merge(name.isEmpty() ? "unnamed" : name, ms, Long::sum);
                } catch (IOException | RuntimeException e) {
                    // a thread that ended meanwhile
                }
            }
        } catch (IOException | RuntimeException e) {
            return java.util.Map.of();
        }
        return byKind;
    }

    /** Called on the JavaFX thread at the painted frame. */
    private static void write() {
        finished = true;
        List<String> lines = new ArrayList<>();
        lines.add("jvm_start=" + java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime());
        // CPU used so far: the figure a busy machine does not inflate (the wall-clock time it does)
        lines.add("cpu_fx_ms=" + java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000);
        processCpuMillis().ifPresent(ms -> lines.add("cpu_process_ms=" + ms));
        threadCpuMillis().forEach((thread, ms) -> lines.add("cpu_thread." + thread + "=" + ms));
        synchronized (MARKS) {
            lines.addAll(MARKS);
        }
        try {
            Files.write(Path.of(FILE), lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(StartupProbe.class).warn("Cannot write the start-up probe file {}: {}", FILE, e.getMessage());
        }
    }
}
