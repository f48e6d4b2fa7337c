package com.ja4.workstation.ui.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
 * finish without an OutOfMemoryError; prints its peak heap and peak resident set.
 *
 * <p>Run: {@code mvn -o -Pbench test -Dtest=MemoryBenchmark}
 */
@Tag("bench")
class MemoryBenchmark {

    static final String HEAP = "-Xmx512m";

    @Test
    void everyViewClusteringAndExportsFitIn512Mb(@TempDir Path tmp) throws Exception {
        Path demo = DemoSnapshots.scaledDemo(10);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = new ArrayList<>(List.of(java.toString(), HEAP, "-XX:+HeapDumpOnOutOfMemoryError",
                "-XX:HeapDumpPath=" + tmp, "-Djava.awt.headless=true", "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
                "-Dprism.order=sw", "-Dheadless.geometry=1920x1200-32", "-Dja4.home=" + tmp.resolve("home"),
                "-cp", System.getProperty("java.class.path"), MemoryScenario.class.getName(), demo.toString(), tmp.resolve("out").toString()));
        Path log = tmp.resolve("scenario.log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean done = p.waitFor(20, TimeUnit.MINUTES);
        if (!done) p.destroyForcibly();
        String out = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println("Memory benchmark (" + HEAP + ", x10 demo: " + demo.getFileName() + ")\n" + out);
        assertFalse(out.contains("OutOfMemoryError"), "ran out of memory with " + HEAP);
        assertEquals(0, done ? p.exitValue() : -1, "the scenario did not finish");
    }
}
