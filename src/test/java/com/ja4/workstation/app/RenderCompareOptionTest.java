package com.ja4.workstation.app;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** render --compare: only on Clusters, only "before" or a readable run file, never overwritten by --out; refused before anything opens. */
class RenderCompareOptionTest {

    @Test
    void aWrongCompareIsOneLineAndNoPicture(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("c.png");
        assertRefused(2, "--compare applies to --view clusters only", "render", "--view", "overview", "--compare", "before",
                "--out", out.toString());
        assertRefused(2, "render starts with no previous run", "render", "--view", "clusters", "--compare", "previous",
                "--out", out.toString());
        Path missing = tmp.resolve("earlier.json");
        assertRefused(1, "earlier.json", "render", "--view", "clusters", "--compare", missing.toString(), "--out", out.toString());
        Path earlier = Files.writeString(missing, "{}");
        assertRefused(1, "is the input", "render", "--view", "clusters", "--compare", earlier.toString(), "--out", earlier.toString());
        assertEquals("{}", Files.readString(earlier), "the run file survives");
        assertFalse(Files.exists(out));
    }

    private static void assertRefused(int expectedCode, String expected, String... args) {
        PrintStream savedErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        StringWriter cliErr = new StringWriter();
        int code;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            CommandLine cli = Main.commandLine();
            cli.setErr(new PrintWriter(cliErr, true));
            code = cli.execute(args);
        } finally {
            System.setErr(savedErr);
        }
        String text = cliErr + err.toString(StandardCharsets.UTF_8);
        assertEquals(expectedCode, code, text);
        assertEquals(1, text.strip().lines().count(), "one line: " + text);
        assertTrue(text.contains(expected), text);
    }
}
