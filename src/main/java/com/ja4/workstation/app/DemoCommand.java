package com.ja4.workstation.app;

import com.ja4.workstation.data.demo.DemoGenerator;
import com.ja4.workstation.data.demo.DemoOptions;
import com.ja4.workstation.data.demo.DemoPopulation;
import com.ja4.workstation.data.demo.DemoSummary;
import com.ja4.workstation.data.schema.Table;
import com.ja4.workstation.data.schema.WarehouseSchema;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

    @Option(names = "--out", required = true, description = "Snapshot file to write (replaced if present).")
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
            DemoSummary summary = new DemoGenerator(options).generate(out);
            List<String> order = new ArrayList<>(WarehouseSchema.TABLES.stream().map(Table::name).toList());
            order.add(DemoPopulation.TABLE);
            spec.commandLine().getOut().println(summary.oneLine(order));
            return 0;
        } catch (IOException e) {
            spec.commandLine().getErr().println("demo: " + e.getMessage());
            return 1;
        }
    }
}
