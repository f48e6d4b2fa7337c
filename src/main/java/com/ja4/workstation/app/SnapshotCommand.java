package com.ja4.workstation.app;

import com.ja4.workstation.data.snapshot.SnapshotManifest;
import com.ja4.workstation.data.warehouse.WarehouseException;
import com.ja4.workstation.service.source.SnapshotVerifier;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code snapshot verify FILE} (and export from a live profile, see {@link SnapshotExportCommand}). */
@Command(name = "snapshot", mixinStandardHelpOptions = true, description = "Snapshot files: verify, export.",
        subcommands = {SnapshotCommand.Verify.class, SnapshotExportCommand.class})
public final class SnapshotCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Exit codes: 0 sound, 1 refused (damaged, altered, foreign, missing). */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check a snapshot's format, manifest, row counts and content checksum. Exit 0 when sound, 1 otherwise.")
    public static final class Verify implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE", description = "snapshot file (.duckdb)")
        Path file;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try {
                SnapshotManifest m = SnapshotVerifier.verify(file);
                out.println("OK " + file);
                out.println("  source:   " + m.source());
                out.println("  as of:    " + m.asOf() + " (window " + m.window() + ")");
                out.println("  filters:  " + (m.filters().isEmpty() ? "none" : m.filters()));
                out.println("  version:  " + m.appVersion());
                out.println("  checksum: " + m.checksum());
                m.rowCounts().forEach((t, n) -> out.println("  " + t + ": " + n + " rows"));
                out.flush();
                return 0;
            } catch (WarehouseException e) {
                err.println("FAILED " + file + ": " + e.getMessage());
                err.flush();
                return 1;
            }
        }
    }
}
