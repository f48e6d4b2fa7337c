package com.ja4.workstation.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The per-user data folder (demo snapshot, outbox, preferences, logs), where each OS expects it.
 * Overridden by -Dja4.home or JA4_WORKSTATION_HOME (tests use a temporary folder).
 */
public final class AppPaths {

    private AppPaths() {
    }

    public static Path dataDir() {
        String override = System.getProperty("ja4.home", System.getenv("JA4_WORKSTATION_HOME"));
        Path dir;
        if (override != null && !override.isBlank()) {
            dir = Path.of(override);
        } else {
            String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            Path home = Path.of(System.getProperty("user.home"));
            if (os.contains("win")) {
                String local = System.getenv("LOCALAPPDATA");
                dir = (local != null ? Path.of(local) : home.resolve("AppData/Local")).resolve("JA4 Workstation");
            } else if (os.contains("mac")) {
                dir = home.resolve("Library/Application Support/JA4 Workstation");
            } else {
                String xdg = System.getenv("XDG_DATA_HOME");
                dir = (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local/share")).resolve("ja4-workstation");
            }
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data folder " + dir, e);
        }
        return dir;
    }

    public static Path demoSnapshot() {
        return dataDir().resolve("demo.duckdb");
    }

    public static Path outboxFile() {
        return dataDir().resolve("outbox.duckdb");
    }

    public static Path logsDir() {
        return dataDir().resolve("logs");
    }
}
