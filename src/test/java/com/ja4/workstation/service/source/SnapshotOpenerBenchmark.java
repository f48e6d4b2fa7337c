package com.ja4.workstation.service.source;

import com.ja4.workstation.data.demo.DemoGenerator;
import com.ja4.workstation.data.demo.DemoOptions;
import com.ja4.workstation.data.schema.Table;
import com.ja4.workstation.data.schema.WarehouseSchema;
import com.ja4.workstation.data.warehouse.DuckDbSource;
import com.ja4.workstation.service.snapshot.SnapshotKeys;
import com.ja4.workstation.testing.DemoSnapshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How long the opener's checks take on the default demo and on {@code demo --scale 10}, against the
 * check it replaced (row counts and an unkeyed sum of hash() per table, on a plainly opened file)
 * in the same run: the full check (catalog, manifest, row counts, content checksum recomputed), and
 * the check of a file verified before (its bytes hashed instead of the checksum recomputed), which
 * is what every start after the first pays for the demo.
 * {@code mvn -o -Pbench test -Dtest=SnapshotOpenerBenchmark} ({@code -Dja4.bench.scales=1} for the default demo only).
 */
@Tag("bench")
class SnapshotOpenerBenchmark {

    @TempDir
    Path dir;

    @Test
    void openerChecksAgainstTheOldUnkeyedCheck() throws Exception {
        SnapshotKeys keys = SnapshotKeys.at(dir.resolve("keys"));
        System.out.println("scale | file MB | old check ms | full check ms (ratio) | verified before ms (ratio)");
        for (String s : System.getProperty("ja4.bench.scales", "1,10").split(",")) {
            int scale = Integer.parseInt(s.strip());
            Path file = scale == 1 ? DemoSnapshots.defaultDemo() : dir.resolve("demo-x" + scale + ".duckdb");
            if (scale != 1) new DemoGenerator(DemoOptions.defaults().withScale(scale)).generate(file);
            VerifiedFiles verified = VerifiedFiles.at(dir.resolve("verified-" + scale));
            SnapshotVerifier.open(file, keys, verified).close(); // warm-up, and remembers the file
            double old = median(() -> oldCheck(file));
            double full = median(() -> SnapshotVerifier.open(file, keys, VerifiedFiles.none()).close());
            double known = median(() -> SnapshotVerifier.open(file, keys, verified).close());
            System.out.printf(Locale.ROOT, "%5d | %7.1f | %12.0f | %13.0f (%5.1fx) | %18.0f (%4.2fx)%n", scale,
                    Files.size(file) / 1e6, old, full, full / old, known, known / old);
        }
    }

    /** The pre-format-2 opener: plain read-only open, row counts and sum(hash(columns)) per table. */
    private static void oldCheck(Path file) throws Exception {
        try (DuckDbSource src = DuckDbSource.open(file, true); Connection c = src.open(); Statement s = c.createStatement()) {
            for (Table t : WarehouseSchema.TABLES) {
                try (ResultSet rs = s.executeQuery("SELECT count(*), coalesce(sum(hash(" + String.join(", ", t.columnNames())
                        + ")::HUGEINT), 0)::VARCHAR FROM " + t.name())) {
                    rs.next();
                }
            }
        }
    }

    private static double median(Measured m) throws Exception {
        double[] t = new double[5];
        for (int i = 0; i < t.length; i++) {
            long t0 = System.nanoTime();
            m.run();
            t[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(t);
        return t[t.length / 2];
    }

    @FunctionalInterface
    private interface Measured {
        void run() throws Exception;
    }
}
