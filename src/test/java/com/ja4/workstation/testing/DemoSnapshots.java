package com.ja4.workstation.testing;

import com.ja4.workstation.data.demo.DemoGenerator;
import com.ja4.workstation.data.demo.DemoOptions;
import com.ja4.workstation.data.demo.DemoSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The default demo snapshot (seed 42, scale 1), generated once per test JVM so that every test
 * class can open it for the price of one generation. Treat it as read-only: open it with
 * {@code DuckDbSource.open(path, true)}; copy it first to modify it.
 */
public final class DemoSnapshots {

    private static DemoSummary defaultDemo;
    private static final java.util.Map<Integer, DemoSummary> SCALED = new java.util.HashMap<>();

    private DemoSnapshots() {
    }

    /** Path of the default demo snapshot, generated on first use and deleted when the JVM exits. */
    public static synchronized Path defaultDemo() {
        return defaultDemoSummary().file();
    }

    /** What generating the default demo produced (row counts, checksum, elapsed time). */
    public static synchronized DemoSummary defaultDemoSummary() {
        if (defaultDemo == null) {
            try {
                Path dir = Files.createTempDirectory("ja4-demo-");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir), "delete-demo-snapshot"));
                defaultDemo = new DemoGenerator(DemoOptions.defaults()).generate(dir.resolve("demo-seed42.duckdb"));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot generate the default demo snapshot", e);
            }
        }
        return defaultDemo;
    }

    /**
     * The seed-42 demo at {@code scale} times the default size (x10: about 20,000 IPs and 2 million HTTP
     * log rows), generated once per test JVM on first use, deleted when the JVM exits. Read-only.
     */
    public static synchronized Path scaledDemo(int scale) {
        if (scale == 1) return defaultDemo();
        DemoSummary s = SCALED.get(scale);
        if (s == null) {
            try {
                Path dir = Files.createTempDirectory("ja4-demo-x" + scale + "-");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir), "delete-demo-x" + scale));
                DemoOptions d = DemoOptions.defaults();
                s = new DemoGenerator(new DemoOptions(scale, d.seed(), d.asOf())).generate(dir.resolve("demo-seed42-x" + scale + ".duckdb"));
                SCALED.put(scale, s);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot generate the x" + scale + " demo snapshot", e);
            }
        }
        return s.file();
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }
}
