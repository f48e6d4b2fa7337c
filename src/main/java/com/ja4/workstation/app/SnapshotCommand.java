package com.ja4.workstation.app;

import com.ja4.workstation.data.snapshot.SnapshotManifest;
import com.ja4.workstation.data.warehouse.WarehouseException;
import com.ja4.workstation.service.source.SnapshotVerifier;
import com.ja4.workstation.domain.DisplayText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code snapshot verify FILE}, export from a live profile ({@link SnapshotExportCommand}) and the
 * signing keys ({@link SnapshotKeyCommand}).
 */
@Command(name = "snapshot", mixinStandardHelpOptions = true, description = "Snapshot files: verify, export, signing keys.",
        subcommands = {SnapshotCommand.Verify.class, SnapshotExportCommand.class, SnapshotKeyCommand.class})
public final class SnapshotCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Exit codes: 0 sound, 1 refused (damaged, altered, foreign, missing, carrying code, bad signature). */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Check a snapshot as opening it does: plain tables only (no views or macros), manifest, row counts,"
                    + " content checksum over every table and manifest entry, and the signature. Exit 0 when sound, 1 otherwise.",
                    "Says who signed it: a trusted key (name and fingerprint), an unknown key (fingerprint), or nobody."})
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
                out.println("  signed:   " + m.provenance().headline());
                out.println("            " + m.provenance().explanation());
                if (m.provenance().canTrustKey()) {
                    out.println("            To trust it: get the signer's key file and run 'snapshot key import FILE --name NAME'.");
                }
                out.println("  source:   " + DisplayText.of(m.source(), DisplayText.CELL));
                out.println("  as of:    " + m.asOf() + " (window " + m.window() + ")");
                out.println("  filters:  " + (m.filters().isEmpty() ? "none" : DisplayText.of(m.filters(), DisplayText.CELL)));
                out.println("  version:  " + DisplayText.of(m.appVersion(), 80));
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
