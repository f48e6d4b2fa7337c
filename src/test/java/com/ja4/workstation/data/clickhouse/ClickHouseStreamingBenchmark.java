package com.ja4.workstation.data.clickhouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ja4.workstation.data.warehouse.QueryContext;
import com.ja4.workstation.data.warehouse.Sql;
import com.ja4.workstation.data.warehouse.Warehouse;
import com.ja4.workstation.testing.ChdbServer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ClickHouse result is read as it arrives, never held whole: {@link Warehouse#stream} (the path of
 * every CSV export) reads about 400 MB of rows from a real ClickHouse engine (chDB) through the
 * production driver in a JVM whose heap is 64 MB. A driver or a layer of ours that materialised the
 * result would run out of memory. Prints the bytes read and the heap's peak.
 *
 * <p>Run: {@code mvn -o -Pbench test -Dtest=ClickHouseStreamingBenchmark}
 */
@Tag("bench")
class ClickHouseStreamingBenchmark {

    static final long ROWS = 2_000_000;

    @Test
    void aResultSixTimesTheHeapIsStreamed(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(ChdbServer.python() != null, "chDB is not installed (scripts/test.sh creates .venv-chdb)");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = tmp.resolve("stream.log");
        Process p = new ProcessBuilder(java.toString(), "-Xmx64m", "-Dja4.chdb.python=" + ChdbServer.python(),
                "-cp", System.getProperty("java.class.path"), ClickHouseStreamingBenchmark.class.getName(), Long.toString(ROWS))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean done = p.waitFor(10, TimeUnit.MINUTES);
        if (!done) p.destroyForcibly();
        String out = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println("ClickHouse streaming (-Xmx64m)\n" + out);
        assertEquals(0, done ? p.exitValue() : -1, "the stream did not finish within a 64 MB heap");
        assertTrue(out.contains("rows=" + ROWS + " "), "every row read");
    }

    /** In the child JVM: streams {@code ROWS} rows of 200 characters each and prints what it read. */
    public static void main(String[] args) throws Exception {
        long n = Long.parseLong(args[0]);
        try (ChdbServer ch = ChdbServer.start("UTC")) {
            Warehouse wh = ch.warehouse();
            Sql sql = Sql.builder().sql("SELECT number, repeat('x', 200) AS s FROM numbers(?) ORDER BY number", n).build();
            long[] read = {0, 0};
            long t0 = System.nanoTime();
            wh.stream(sql, rs -> {
                read[0]++;
                read[1] += rs.getString(2).length() + Long.BYTES;
            }, QueryContext.create());
            long heapPeak = 0;
            for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) heapPeak += pool.getPeakUsage().getUsed();
            }
            System.out.printf("rows=%d payload_mb=%d seconds=%d max_heap_mb=%d peak_heap_pools_mb=%d%n", read[0], read[1] >> 20,
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0), Runtime.getRuntime().maxMemory() >> 20, heapPeak >> 20);
        }
        System.exit(0);
    }
}
