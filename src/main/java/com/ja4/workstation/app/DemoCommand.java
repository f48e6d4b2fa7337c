package com.ja4.workstation.app;

import com.ja4.workstation.data.demo.DemoGenerator;
import com.ja4.workstation.data.demo.DemoOptions;
import com.ja4.workstation.data.demo.DemoPopulation;
import com.ja4.workstation.data.demo.DemoSummary;
import com.ja4.workstation.data.schema.Table;
import com.ja4.workstation.data.schema.WarehouseSchema;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code demo}: writes the deterministic demo snapshot. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Generate the deterministic demo snapshot (24 h of simulated traffic and detections).")
public final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--scale", defaultValue = "1",
            description = "Size multiplier: 1 is about 2,000 IPs and 200,000 HTTP log rows (default: ${DEFAULT-VALUE}).")
    int scale;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--as-of", defaultValue = "2026-11-20T12:00:00Z",
            description = "End of the 24 h window, ISO instant (default: ${DEFAULT-VALUE}).")
    Instant asOf;

    @Option(names = "--out", required = true,
            description = "Snapshot file to write (replaced only when complete; progress goes to standard error).")
    Path out;

    @Override
    public Integer call() {
        DemoOptions options;
        try {
            options = new DemoOptions(scale, seed, asOf);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("demo: " + e.getMessage());
            return 2;
        }
        try {
            OutputPaths.check("--out", out, List.of());
            DemoSummary summary = new DemoGenerator(options).generate(out, new ProgressLines(spec.commandLine().getErr()));
            List<String> order = new ArrayList<>(WarehouseSchema.TABLES.stream().map(Table::name).toList());
            order.add(DemoPopulation.TABLE);
            spec.commandLine().getOut().println(summary.oneLine(order));
            return 0;
        } catch (IOException e) {
            spec.commandLine().getErr().println("demo: " + e.getMessage());
            return 1;
        }
    }

    /**
     * Progress on standard error: a line every two seconds at most (and at the end of each phase),
     * so a large scale shows it is moving without flooding a short run.
     */
    static final class ProgressLines implements DemoGenerator.Progress {
        private final PrintWriter err;
        private long last = System.nanoTime() - 3_000_000_000L; // the first call prints at once

        ProgressLines(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void clients(int done, int total) {
            long now = System.nanoTime();
            if (done < total && now - last < 2_000_000_000L) return;
            last = now;
            err.printf(Locale.ROOT, "demo: %d%% (%,d of %,d IPs written)%n", total == 0 ? 100 : done * 100L / total, done, total);
            err.flush();
        }

        @Override
        public void phase(String what) {
            err.println("demo: " + what + "...");
            err.flush();
        }
    }
}
