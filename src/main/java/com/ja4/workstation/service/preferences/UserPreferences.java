package com.ja4.workstation.service.preferences;

import com.ja4.workstation.io.AtomicOutput;
import com.ja4.workstation.service.AppPaths;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The analyst's remembered settings (the theme, …) in {@code preferences.properties} of the data
 * folder. The file is read as untrusted: an unreadable or damaged file, or a value that makes no
 * sense, is one line in the log naming the file and the defaults apply; nothing here ever stops
 * the window from opening. Writes go through {@link AtomicOutput} (never half a file).
 */
public final class UserPreferences {

    private static final Logger LOG = LoggerFactory.getLogger(UserPreferences.class);
    /** A preferences file is a few lines: anything larger is not ours. */
    static final long MAX_BYTES = 64 * 1024;

    private final Path file;

    public UserPreferences(Path file) {
        this.file = file;
    }

    /** The file in the data folder (-Dja4.home or JA4_WORKSTATION_HOME moves it). */
    public static UserPreferences inDataDir() {
        return new UserPreferences(AppPaths.dataDir().resolve("preferences.properties"));
    }

    public Path file() {
        return file;
    }

    /** The remembered value of {@code key}, if the file holds one. */
    public synchronized Optional<String> get(String key) {
        return Optional.ofNullable(read().getProperty(key)).map(String::strip).filter(v -> !v.isEmpty());
    }

    /**
     * Remembers {@code value} under {@code key}, keeping the other settings. False (and a line in
     * the log) when the file cannot be written: the setting then lasts for this session only.
     */
    public synchronized boolean put(String key, String value) {
        Properties p = read();
        p.setProperty(key, value);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            AtomicOutput.write(file, tmp -> {
                try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    p.store(w, "JA4 Workstation preferences");
                }
            });
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.warn("{}: cannot remember {} ({}); it lasts for this session only", file, key, e.getMessage());
            return false;
        }
    }

    private Properties read() {
        Properties p = new Properties();
        if (!Files.isRegularFile(file)) return p;
        try {
            if (Files.size(file) > MAX_BYTES) {
                LOG.warn("{}: {} bytes is not a preferences file; using the defaults", file, Files.size(file));
                return p;
            }
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            }
        } catch (IOException | IllegalArgumentException e) {
            // a malformed \\u escape or bytes that are not UTF-8
            LOG.warn("{}: unreadable ({}); using the defaults", file, e.getMessage());
            return new Properties();
        }
        return p;
    }
}
