package com.ja4.workstation.service.profile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.ja4.workstation.service.AppPaths;
import com.ja4.workstation.data.warehouse.DatabaseNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Connection profiles in {@code connection-profiles.json} of the data folder. Never holds a
 * password: see {@link PasswordSource}.
 */
public final class ProfileStore {

    /** The JSON shape of one profile (no password field, on purpose). */
    public record StoredProfile(String name, String host, int port, boolean https, String caFile, String user,
                                String processingDatabase, String logsDatabase, String modelsFolder,
                                long connectTimeoutSeconds, long queryTimeoutSeconds, boolean compression) {

        static StoredProfile of(ConnectionProfile p) {
            return new StoredProfile(p.name(), p.host(), p.port(), p.https(), p.caFile().map(Path::toString).orElse(null),
                    p.user(), p.databases().processing(), p.databases().logs(), p.modelsFolder().map(Path::toString).orElse(null),
                    p.connectTimeout().toSeconds(), p.queryTimeout().toSeconds(), p.compression());
        }

        ConnectionProfile toProfile() {
            return new ConnectionProfile(name, host, port, https, Optional.ofNullable(caFile).filter(s -> !s.isBlank()).map(Path::of),
                    user, new DatabaseNames(processingDatabase, logsDatabase),
                    Optional.ofNullable(modelsFolder).filter(s -> !s.isBlank()).map(Path::of),
                    Duration.ofSeconds(connectTimeoutSeconds), Duration.ofSeconds(queryTimeoutSeconds), compression);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;

    public ProfileStore(Path file) {
        this.file = file;
    }

    public static ProfileStore inDataDir() {
        return new ProfileStore(AppPaths.dataDir().resolve("connection-profiles.json"));
    }

    public Path file() {
        return file;
    }

    public synchronized List<ConnectionProfile> list() throws IOException {
        if (!Files.isRegularFile(file)) return List.of();
        StoredProfile[] stored = JSON.readValue(file.toFile(), StoredProfile[].class);
        List<ConnectionProfile> out = new ArrayList<>();
        for (StoredProfile s : stored) out.add(s.toProfile());
        return out;
    }

    public Optional<ConnectionProfile> get(String name) throws IOException {
        return list().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** Adds or replaces (by name). */
    public synchronized void save(ConnectionProfile profile) throws IOException {
        Map<String, StoredProfile> all = new LinkedHashMap<>();
        for (ConnectionProfile p : list()) all.put(p.name(), StoredProfile.of(p));
        all.put(profile.name(), StoredProfile.of(profile));
        write(all);
    }

    public synchronized boolean delete(String name) throws IOException {
        Map<String, StoredProfile> all = new LinkedHashMap<>();
        for (ConnectionProfile p : list()) all.put(p.name(), StoredProfile.of(p));
        boolean removed = all.remove(name) != null;
        if (removed) write(all);
        return removed;
    }

    private void write(Map<String, StoredProfile> all) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writeValue(tmp.toFile(), all.values());
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
