package com.ja4.workstation.app;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** render --window takes the selector's lengths; a bad one is refused with the parser's message before anything opens. */
class RenderCommandWindowTest {

    @Test
    void aBadWindowIsRefusedWithItsReasonAndNoFile(@TempDir Path tmp) {
        Path out = tmp.resolve("ov.png");
        for (String bad : new String[] {"abc", "0h", "400d", "-3h"}) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            PrintStream saved = System.err;
            int code;
            try {
                System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
                code = new CommandLine(new RootCommand()).execute("render", "--view", "overview", "--window", bad, "--out", out.toString());
            } finally {
                System.setErr(saved);
            }
            String text = err.toString(StandardCharsets.UTF_8);
            assertEquals(2, code, bad);
            assertTrue(text.contains("--window: \"" + bad + "\""), text);
            assertFalse(Files.exists(out));
        }
    }

    @Test
    void aThemeOtherThanLightOrDarkIsRefusedBeforeAnythingOpens(@TempDir Path tmp) {
        Path out = tmp.resolve("ov.png");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        int code;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = new CommandLine(new RootCommand()).execute("render", "--view", "overview", "--theme", "solarized", "--out", out.toString());
        } finally {
            System.setErr(saved);
        }
        assertEquals(2, code);
        assertEquals("--theme 'solarized': use light or dark", err.toString(StandardCharsets.UTF_8).strip());
        assertFalse(Files.exists(out));
    }

    @Test
    void helpListsCustomLengths() {
        String help = new CommandLine(new RootCommand()).getSubcommands().get("render").getUsageMessage();
        assertTrue(help.contains("90m, 12h, 2d, 2w"), help);
    }
}
