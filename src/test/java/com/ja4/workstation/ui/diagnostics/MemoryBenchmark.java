package com.ja4.workstation.ui.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ja4.workstation.testing.DemoSnapshots;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory at scale: {@link MemoryScenario} (every view in turn on the x10 demo, a clustering run of
 * the whole window, CSV exports of Detections and Traffic) in a JVM of its own with a 512 MB heap must
 * finish without an OutOfMemoryError and within a resident-set budget ({@link #RSS_BUDGET_MIB});
 * prints its peak heap and peak resident set, and both after each step.
 *
 * <p>Run: {@code mvn -o -Pbench test -Dtest=MemoryBenchmark}
 */
@Tag("bench")
class MemoryBenchmark {

    static final String HEAP = "-Xmx512m";

    /**
     * The peak resident set allowed, MiB: the Java heap's limit (512), DuckDB's memory limit (half of it,
     * 256: {@code DuckDbSource}) and about 256 for the rest of the JVM and JavaFX (metaspace, code, thread
     * stacks, the software renderer's buffers; ~200 MiB measured before the first view's data arrived).
     * Before exports streamed, DuckDB materialised the Traffic export's 2.1 million rows outside any
     * limit and the peak was 1.9-2.0 GiB.
     */
    static final long RSS_BUDGET_MIB = 1024;

    @Test
    void everyViewClusteringAndExportsFitIn512Mb(@TempDir Path tmp) throws Exception {
        Path demo = DemoSnapshots.scaledDemo(10);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path gcLog = tmp.resolve("gc.log");
        List<String> cmd = new ArrayList<>(List.of(java.toString(), HEAP, "-Xlog:gc:file=" + gcLog, "-XX:+HeapDumpOnOutOfMemoryError",
                "-XX:HeapDumpPath=" + tmp, "-Djava.awt.headless=true", "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
                "-Dprism.order=sw", "-Dheadless.geometry=1920x1200-32", "-Dja4.home=" + tmp.resolve("home"),
                "-cp", System.getProperty("java.class.path"), MemoryScenario.class.getName(), demo.toString(), tmp.resolve("out").toString()));
        Path log = tmp.resolve("scenario.log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean done = p.waitFor(20, TimeUnit.MINUTES);
        if (!done) p.destroyForcibly();
        String out = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println("Memory benchmark (" + HEAP + ", x10 demo: " + demo.getFileName() + ")\n" + out + gcFigures(gcLog));
        assertFalse(out.contains("OutOfMemoryError"), "ran out of memory with " + HEAP);
        assertEquals(0, done ? p.exitValue() : -1, "the scenario did not finish");
        long rss = figure(out, "peak_rss_mb");
        assertTrue(rss > 0 && rss <= RSS_BUDGET_MIB, "peak resident set " + rss + " MiB, budget " + RSS_BUDGET_MIB + " MiB");
    }

    private static long figure(String out, String key) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^" + key + "=(-?\\d+)$").matcher(out);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /**
     * From the GC log ("Pause Young (Normal) (G1 Evacuation Pause) 300M->120M(512M)"): the largest heap
     * before a collection (garbage included) and the largest after one (about what was still reachable).
     */
    static String gcFigures(Path gcLog) throws java.io.IOException {
        if (!Files.exists(gcLog)) return "no GC log\n";
        java.util.regex.Pattern p = java.util.regex.Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
        long before = 0, after = 0, collections = 0;
        for (String line : Files.readAllLines(gcLog)) {
            java.util.regex.Matcher m = p.matcher(line);
            // only pauses that collect (Remark and Cleanup report the heap as it is)
            if (!(line.contains("Pause Young") || line.contains("Pause Full")) || !m.find()) continue;
            collections++;
            before = Math.max(before, Long.parseLong(m.group(1)));
            after = Math.max(after, Long.parseLong(m.group(2)));
        }
        return String.format("gc_collections=%d%ngc_peak_heap_before_collection_mb=%d%ngc_peak_heap_after_collection_mb=%d%n",
                collections, before, after);
    }
}
