package com.ja4.workstation.app;

import static org.junit.jupiter.api.Assertions.*;

import com.ja4.workstation.service.AppPaths;
import com.ja4.workstation.data.snapshot.Provenance;
import com.ja4.workstation.service.source.SnapshotVerifier;
import com.ja4.workstation.testing.HostileSnapshot;
import com.ja4.workstation.testing.Jvm;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every command against bad files and bad output places, as an analyst in a shell would meet them:
 * one line naming the file and the reason, a non-zero exit, never a stack trace, never an input
 * destroyed or a partial file left, also after SIGTERM.
 */
class CommandInputOutputTest {

    @TempDir
    Path tmp;
    private String previousHome;
    private Path snapshot;

    @BeforeEach
    void scratchDataFolderAndSnapshot() throws Exception {
        previousHome = System.getProperty("ja4.home");
        System.setProperty("ja4.home", tmp.resolve("home").toString());
        snapshot = tmp.resolve("capture.duckdb");
        HostileSnapshot.write(snapshot);
    }

    @AfterEach
    void restoreHome() {
        if (previousHome == null) System.clearProperty("ja4.home");
        else System.setProperty("ja4.home", previousHome);
    }

    private record Run(int code, String out, String err) {
        /** One line on standard error, no stack trace. */
        void failedWithOneLine(String... expected) {
            assertNotEquals(0, code, err);
            assertFalse(err.contains("\tat ") || err.contains("Exception in"), "stack trace: " + err);
            assertEquals(1, err.strip().lines().count(), "one line: " + err);
            for (String e : expected) assertTrue(err.contains(e), "'" + e + "' in: " + err);
        }
    }

    /** Runs a command in this JVM with the global guard; both the picocli writers and System.out/err are captured. */
    private static Run run(String... args) {
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        StringWriter cliOut = new StringWriter();
        StringWriter cliErr = new StringWriter();
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            CommandLine cli = Main.commandLine();
            cli.setOut(new PrintWriter(cliOut, true));
            cli.setErr(new PrintWriter(cliErr, true));
            code = cli.execute(args);
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
        return new Run(code, cliOut + out.toString(StandardCharsets.UTF_8), cliErr + err.toString(StandardCharsets.UTF_8));
    }

    private long partialFiles(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(".") || p.getFileName().toString().contains(".partial")).count();
        }
    }

    @Test
    void outputThatIsTheInputIsRefusedAndTheInputSurvives() throws Exception {
        byte[] before = Files.readAllBytes(snapshot);
        run("render", "--view", "overview", "--source", snapshot.toString(), "--out", snapshot.toString())
                .failedWithOneLine("render:", "is the input", "capture.duckdb");
        run("cluster", "--source", snapshot.toString(), "--out", snapshot.toString()).failedWithOneLine("cluster:", "is the input");
        Path link = tmp.resolve("link.png");
        Files.createSymbolicLink(link, snapshot);
        run("cluster", "--source", snapshot.toString(), "--out", link.toString()).failedWithOneLine("is the input");
        Path relative = tmp.resolve("sub/../capture.duckdb");
        Files.createDirectories(tmp.resolve("sub"));
        run("render", "--view", "overview", "--source", snapshot.toString(), "--out", relative.toString()).failedWithOneLine("is the input");
        run("render", "--view", "overview", "--out", AppPaths.demoSnapshot().toString()).failedWithOneLine("is the input");
        assertArrayEquals(before, Files.readAllBytes(snapshot));
        SnapshotVerifier.verify(snapshot);
    }

    @Test
    void outputIntoAFolderAMissingFolderOrAnUnwritablePlaceIsOneLine() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("out"));
        run("render", "--view", "overview", "--source", snapshot.toString(), "--out", folder.toString())
                .failedWithOneLine("is a folder");
        run("cluster", "--source", snapshot.toString(), "--out", folder.toString()).failedWithOneLine("is a folder");
        run("demo", "--out", folder.toString()).failedWithOneLine("demo:", "is a folder");
        run("render", "--view", "overview", "--source", snapshot.toString(), "--out", tmp.resolve("nope/x.png").toString())
                .failedWithOneLine("does not exist");
        run("cluster", "--source", snapshot.toString(), "--out", tmp.resolve("nope/x.json").toString()).failedWithOneLine("does not exist");
        Path file = Files.writeString(tmp.resolve("plain.txt"), "x");
        run("cluster", "--source", snapshot.toString(), "--out", file.resolve("x.json").toString()).failedWithOneLine("is not a folder");
        // /proc refuses new files even to root
        run("cluster", "--source", snapshot.toString(), "--out", "/proc/result.json").failedWithOneLine("cannot write in /proc");
        assertEquals(0, partialFiles(tmp), "nothing left behind");
    }

    @Test
    void missingFoldersDirectoriesAndBinaryInputsAreOneLine() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("in"));
        Path binary = tmp.resolve("random.bin");
        byte[] bytes = new byte[20_000];
        ThreadLocalRandom.current().nextBytes(bytes);
        Files.write(binary, bytes);
        Path out = tmp.resolve("r.json");
        run("cluster", "--source", tmp.resolve("missing.duckdb").toString(), "--out", out.toString()).failedWithOneLine("not found");
        run("cluster", "--source", folder.toString(), "--out", out.toString()).failedWithOneLine("is a folder");
        run("cluster", "--source", binary.toString(), "--out", out.toString()).failedWithOneLine("not a DuckDB database");
        run("render", "--view", "overview", "--source", binary.toString(), "--out", tmp.resolve("x.png").toString())
                .failedWithOneLine("not a DuckDB database");
        run("snapshot", "verify", folder.toString()).failedWithOneLine("FAILED", "is a folder");
        run("snapshot", "verify", binary.toString()).failedWithOneLine("FAILED", "not a DuckDB database");
        run("fingerprint", "--input", tmp.resolve("missing.csv").toString()).failedWithOneLine("fingerprint:", "missing.csv", "not found");
        Run dir = run("fingerprint", "--input", folder.toString());
        assertNotEquals(0, dir.code());
        assertFalse(dir.err().contains("\tat "), dir.err());
        assertTrue(dir.err().contains(folder.toString()), dir.err());
        Run bin = run("fingerprint", "--input", binary.toString());
        assertNotEquals(0, bin.code());
        assertFalse(bin.err().contains("\tat "), bin.err());
        Run csv = run("cluster", "--input", binary.toString(), "--out", out.toString());
        assertNotEquals(0, csv.code());
        assertFalse(csv.err().contains("\tat "), csv.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void clusterSourceGoesThroughTheSameCheckAsVerify() throws Exception {
        Path edited = tmp.resolve("edited.duckdb");
        Files.copy(snapshot, edited);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + edited); Statement s = c.createStatement()) {
            s.execute("UPDATE ml_detected_anomalies SET threat_level = 'NORMAL'");
        }
        Run verify = run("snapshot", "verify", edited.toString());
        verify.failedWithOneLine("FAILED", "checksum");
        Path out = tmp.resolve("clusters.json");
        run("cluster", "--source", edited.toString(), "--out", out.toString()).failedWithOneLine("cluster:", "checksum");
        run("render", "--view", "overview", "--source", edited.toString(), "--out", tmp.resolve("o.png").toString())
                .failedWithOneLine("render:", "checksum");
        assertFalse(Files.exists(out));
    }

    @Test
    void aSnapshotLockedByAnotherProgramIsNamedAsSuch() throws Exception {
        Path locked = tmp.resolve("locked.duckdb");
        Files.copy(snapshot, locked);
        Process holder = Jvm.start(tmp, List.of(), "com.ja4.workstation.testing.HoldDuckDbOpen", locked.toString());
        try {
            String line = new java.io.BufferedReader(new java.io.InputStreamReader(holder.getInputStream())).readLine();
            assertEquals("LOCKED", line);
            run("snapshot", "verify", locked.toString()).failedWithOneLine("FAILED", "in use by another program");
        } finally {
            holder.getOutputStream().close();
            holder.waitFor(20, TimeUnit.SECONDS);
            holder.destroy();
        }
    }

    @Test
    void verifySaysWhoSignedAndKeysCanBeExchanged() throws Exception {
        Run unsigned = run("snapshot", "verify", snapshot.toString());
        assertEquals(0, unsigned.code(), unsigned.err());
        assertTrue(unsigned.out().contains("Unsigned: its checksum guards against accidental damage only"), unsigned.out());

        // Bob signs a snapshot in his data folder and exports his public key
        Path bobHome = tmp.resolve("bob");
        System.setProperty("ja4.home", bobHome.toString());
        Path bobs = tmp.resolve("bobs.duckdb");
        HostileSnapshot.write(bobs, com.ja4.workstation.service.snapshot.SnapshotKeys.inDataDir());
        Path bobKey = tmp.resolve("bob.pub");
        Run export = run("snapshot", "key", "export", "--out", bobKey.toString());
        assertEquals(0, export.code(), export.err());
        String fingerprint = com.ja4.workstation.service.snapshot.SnapshotKeys.inDataDir().ownKey().fingerprint();

        // Alice does not know the key yet
        System.setProperty("ja4.home", tmp.resolve("alice").toString());
        Run before = run("snapshot", "verify", bobs.toString());
        assertEquals(0, before.code());
        assertTrue(before.out().contains("Signed by an unknown key " + fingerprint), before.out());
        assertEquals(Provenance.Kind.UNKNOWN_KEY, SnapshotVerifier.verify(bobs).provenance().kind());
        Run imported = run("snapshot", "key", "import", bobKey.toString(), "--name", "Bob (SOC night shift)");
        assertEquals(0, imported.code(), imported.err());
        Run after = run("snapshot", "verify", bobs.toString());
        assertTrue(after.out().contains("Signed by Bob (SOC night shift) (trusted key " + fingerprint + ")"), after.out());
        Run list = run("snapshot", "key", "list");
        assertTrue(list.out().contains("Bob (SOC night shift)  " + fingerprint), list.out());
        run("snapshot", "key", "import", bobKey.toString()).failedWithOneLine("already trusted as 'Bob (SOC night shift)'");
        Path junk = Files.write(tmp.resolve("junk.pub"), new byte[] {(byte) 0xff, 0, 1, 2});
        run("snapshot", "key", "import", junk.toString()).failedWithOneLine("junk.pub", "not a text file");
        Path rtl = Files.writeString(tmp.resolve("rtl.pub"), Files.readString(bobKey).strip() + "\u202Egpj.exe");
        run("snapshot", "key", "import", rtl.toString(), "--name", "evil\u202Etxt").failedWithOneLine("invisible or control characters");
    }

    @Test
    void aLargeRenderUnderASmallHeapIsRefusedBeforeAnythingOpens() throws Exception {
        Path out = tmp.resolve("huge.png");
        Jvm.Result r = Jvm.runMain(tmp.resolve("small-heap-home"), List.of("-Xmx256m"), "render", "--view", "overview",
                "--width", "8000", "--height", "8000", "--out", out.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("8000x8000 picture needs about") && r.err().contains("-Xmx"), r.err());
        assertFalse(Files.exists(out));
        assertFalse(Files.exists(tmp.resolve("small-heap-home/demo.duckdb")), "refused before the demo was even made");
        assertNull(RenderCommand.memoryProblem(1400, 900, Runtime.getRuntime()), "the default size fits the test heap");
    }

    @Test
    void aStoppedDemoLeavesNoPartialFile() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("demo-out"));
        Path out = dir.resolve("big.duckdb");
        Process p = Jvm.start(tmp.resolve("sigterm-home"), List.of(), "com.ja4.workstation.app.Main",
                "demo", "--scale", "50", "--out", out.toString());
        try {
            var err = new java.io.BufferedReader(new java.io.InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
            assertTimeoutPreemptively(java.time.Duration.ofMinutes(3), () -> {
                assertEquals("demo: choosing 100,000 clients...", err.readLine());
                assertEquals("demo: 0% (0 of 100,000 IPs written)", err.readLine());
                String moving = err.readLine();
                assertTrue(moving != null && moving.matches("demo: \\d+% \\([\\d,]+ of 100,000 IPs written\\)"), moving);
            }, "no progress from demo --scale 50");
            p.destroy(); // SIGTERM, as kill or a closing terminal sends it
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the JVM did not stop");
        } finally {
            p.destroyForcibly();
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(), left.toList(), "files left after SIGTERM");
        }
    }
}
