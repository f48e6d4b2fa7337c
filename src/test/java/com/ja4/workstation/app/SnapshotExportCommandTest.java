package com.ja4.workstation.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ja4.workstation.data.demo.DemoOptions;
import com.ja4.workstation.data.schema.WarehouseSchema;
import com.ja4.workstation.service.profile.ConnectionProfile;
import com.ja4.workstation.service.profile.PasswordSource;
import com.ja4.workstation.service.profile.ProfileStore;
import com.ja4.workstation.service.source.SnapshotVerifier;
import com.ja4.workstation.testing.ChdbServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code snapshot export} from a saved profile of a live ClickHouse (chDB), as an analyst runs it in a shell. */
class SnapshotExportCommandTest {

    @TempDir
    Path home;
    private String previousHome;

    @BeforeEach
    void profileInAFreshDataFolder() throws Exception {
        previousHome = System.getProperty("ja4.home");
        System.setProperty("ja4.home", home.toString());
        ProfileStore.inDataDir().save(ConnectionProfile.of("ci-lab", "127.0.0.1", ChdbServer.demo().port()));
    }

    @AfterEach
    void restoreHome() {
        if (previousHome == null) System.clearProperty("ja4.home");
        else System.setProperty("ja4.home", previousHome);
    }

    private record Run(int code, String out, String err) {
    }

    private Run export(String password, String... args) {
        SnapshotExportCommand cmd = new SnapshotExportCommand();
        cmd.passwords = new PasswordSource(password == null ? Map.of() : Map.of(PasswordSource.variableName("ci-lab"), password));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(cmd);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return new Run(cl.execute(args), out.toString(), err.toString());
    }

    @Test
    void exportsAVerifiedSnapshotWithProgressPerTable() throws Exception {
        Path file = home.resolve("lab.duckdb");
        Run r = export(ChdbServer.PASSWORD, "--profile", "ci-lab", "--out", file.toString(), "--as-of", DemoOptions.DEFAULT_AS_OF.toString(),
                "--threat", "CRITICAL", "--threat", "HIGH");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Wrote " + file), r.out());
        long httpLogSteps = r.out().lines().filter(l -> l.startsWith(WarehouseSchema.HTTP_LOGS + ": ")).count();
        assertTrue(httpLogSteps >= 3, "progress of http_logs per slice:\n" + r.out());
        var m = SnapshotVerifier.verify(file);
        assertEquals("threat_levels=CRITICAL,HIGH", m.filters());
        assertTrue(m.rowCounts().get(WarehouseSchema.DETECTED_ANOMALIES) > 0);
    }

    @Test
    void aWrongPasswordSaysSoAndWritesNothing() throws Exception {
        Path file = home.resolve("never.duckdb");
        Run r = export("not-the-password", "--profile", "ci-lab", "--out", file.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().toLowerCase().contains("password"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        assertFalse(Files.exists(file));
    }

    @Test
    void aMissingPasswordNamesTheVariableToSet() {
        Run r = export(null, "--profile", "ci-lab", "--out", home.resolve("x.duckdb").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("JA4_CH_PASSWORD_CI_LAB"), r.err());
    }
}
