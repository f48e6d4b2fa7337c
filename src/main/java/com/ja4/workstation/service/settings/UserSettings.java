package com.ja4.workstation.service.settings;

import com.ja4.workstation.io.AtomicOutput;
import com.ja4.workstation.service.AppPaths;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The analyst's remembered choices (the Overview's top-IP ranking…), a small properties file in the
 * per-user data folder. Reading a missing or damaged file gives the defaults; a file that cannot be
 * written is logged and the choice kept for the session: a preference never stops the analyst.
 */
public final class UserSettings {

    public static final String FILE_NAME = "settings.properties";
    private static final Logger LOG = LoggerFactory.getLogger(UserSettings.class);
    private static UserSettings shared;

    private final Path file;
    private final Properties values = new Properties();

    private UserSettings(Path file) {
        this.file = file;
        if (!Files.isRegularFile(file)) return;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            values.load(r);
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("Cannot read the settings in {} ({}); using the defaults", file, e.getMessage());
            values.clear();
        }
    }

    /** The settings of this user (the data folder's file), read once per process. */
    public static synchronized UserSettings shared() {
        if (shared == null) shared = at(AppPaths.dataDir().resolve(FILE_NAME));
        return shared;
    }

    /** The settings kept in {@code file}. */
    public static UserSettings at(Path file) {
        return new UserSettings(file);
    }

    public Path file() {
        return file;
    }

    public synchronized String get(String key, String defaultValue) {
        return values.getProperty(key, defaultValue);
    }

    /** Remembers a choice and writes the file (whole, beside and moved into place). */
    public synchronized void put(String key, String value) {
        if (value.equals(values.getProperty(key))) return;
        values.setProperty(key, value);
        try {
            AtomicOutput.write(file, tmp -> {
                try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    values.store(w, "JA4 Workstation settings");
                }
            });
        } catch (IOException e) {
            LOG.warn("Cannot save the settings to {}: {}", file, e.getMessage());
        }
    }
}
