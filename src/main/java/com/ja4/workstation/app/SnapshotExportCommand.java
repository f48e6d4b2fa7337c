package com.ja4.workstation.app;

import com.ja4.workstation.service.AppPaths;
import com.ja4.workstation.data.snapshot.SnapshotManifest;
import com.ja4.workstation.data.warehouse.QueryContext;
import com.ja4.workstation.data.warehouse.Warehouse;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.service.profile.ConnectionProfile;
import com.ja4.workstation.service.profile.LiveConnector;
import com.ja4.workstation.service.profile.PasswordSource;
import com.ja4.workstation.service.profile.ProfileStore;
import com.ja4.workstation.service.snapshot.SnapshotExporter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code snapshot export --profile NAME --out FILE}: a snapshot of a live ClickHouse. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export a snapshot from a saved ClickHouse profile. The password comes from JA4_CH_PASSWORD_<PROFILE>.")
public final class SnapshotExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--profile", required = true, description = "Saved connection profile name.")
    String profile;

    @Option(names = "--out", required = true, description = "Snapshot file to write (replaced only when complete).")
    Path out;

    @Option(names = "--hours", defaultValue = "24", description = "Window length in hours (default: ${DEFAULT-VALUE}).")
    long hours;

    @Option(names = "--as-of", description = "End of the window, ISO instant (default: now, to the second).")
    Instant asOf;

    @Option(names = "--host", description = "Keep only these hosts (repeatable).")
    List<String> hosts = new ArrayList<>();

    @Option(names = "--threat", description = "Keep only these threat levels (repeatable).")
    List<String> threats = new ArrayList<>();

    /** Where the password comes from (the environment; tests give their own). */
    PasswordSource passwords = PasswordSource.system();

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outw = spec.commandLine().getOut();
        try {
            OutputPaths.check("--out", out, java.util.List.of(com.ja4.workstation.service.AppPaths.outboxFile(),
                    com.ja4.workstation.service.AppPaths.demoSnapshot()));
            Optional<ConnectionProfile> p = ProfileStore.inDataDir().get(profile);
            if (p.isEmpty()) {
                err.println("snapshot export: no profile named '" + profile + "' in " + ProfileStore.inDataDir().file());
                return 2;
            }
            String password = passwords.find(profile).orElse(null);
            if (password == null) {
                err.println("snapshot export: set " + PasswordSource.variableName(profile) + " to the profile's password");
                return 2;
            }
            var check = LiveConnector.test(p.get(), password);
            if (!check.ok()) {
                err.println("snapshot export: " + check.message());
                return 1;
            }
            TimeWindow w = new TimeWindow(asOf != null ? asOf : Instant.now(), Duration.ofHours(hours));
            try (Warehouse wh = LiveConnector.warehouse(p.get(), password)) {
                SnapshotManifest m = new SnapshotExporter(wh).export(w, new SnapshotExporter.Filters(hosts, threats),
                        "clickhouse " + p.get().name(), out, (t, done, expected) -> {
                            outw.printf("%s: %,d / %,d rows%n", t, done, expected); // large tables report per slice
                            outw.flush();
                        }, QueryContext.create());
                outw.println("Wrote " + out + " (checksum " + m.checksum() + ", signed by "
                        + m.signature().map(sg -> sg.signerName() + " " + com.ja4.workstation.service.snapshot.SignerKey.fingerprintOf(sg.publicKey()))
                        .orElse("nobody") + ")");
            }
            return 0;
        } catch (Exception e) {
            err.println("snapshot export failed: " + com.ja4.workstation.service.query.QueryScope.reason(e));
            return 1;
        }
    }
}
