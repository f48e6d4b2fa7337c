package com.ja4.workstation.service.source;

import com.ja4.workstation.service.AppPaths;
import com.ja4.workstation.domain.AppVersion;
import com.ja4.workstation.io.AtomicOutput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Snapshot files whose content checksum this workstation has already recomputed and found equal to
 * their manifest's, keyed by the SHA-256 of the whole file's bytes (and the app version). The same
 * bytes hold the same content, so reopening such a file needs one pass over its bytes (about
 * 15 ms for the demo) instead of recomputing the content checksum (about a second). A changed byte
 * changes the key and brings the full check back. Kept in the data folder, newest last, at most
 * {@value #MAX_ENTRIES} lines; a lost or damaged list only costs time.
 */
final class VerifiedFiles {

    static final int MAX_ENTRIES = 200;
    private static final String FILE_NAME = "verified-snapshots";

    private final Path list;

    private VerifiedFiles(Path list) {
        this.list = list;
    }

    static VerifiedFiles inDataDir() {
        return new VerifiedFiles(AppPaths.dataDir().resolve(FILE_NAME));
    }

    static VerifiedFiles at(Path list) {
        return new VerifiedFiles(list);
    }

    /** A list that remembers nothing (every open recomputes the checksum). */
    static VerifiedFiles none() {
        return new VerifiedFiles(null);
    }

    synchronized boolean contains(String fileHash, String checksum) {
        if (list == null) return false;
        return lines().contains(line(fileHash, checksum));
    }

    synchronized void add(String fileHash, String checksum) {
        if (list == null) return;
        List<String> lines = new ArrayList<>(lines());
        String entry = line(fileHash, checksum);
        lines.remove(entry);
        lines.add(entry);
        List<String> kept = lines.subList(Math.max(0, lines.size() - MAX_ENTRIES), lines.size());
        try {
            AtomicOutput.write(list, tmp -> Files.write(tmp, kept, StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOG.warn("Cannot remember a verified snapshot in {}: {}", list, e.getMessage());
        }
    }

    /** SHA-256 (hex) of the file's bytes. */
    static String hashOf(Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private List<String> lines() {
        try {
            return Files.exists(list) ? Files.readAllLines(list, StandardCharsets.UTF_8) : List.of();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static String line(String fileHash, String checksum) {
        return AppVersion.current() + " " + fileHash + " " + checksum;
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(VerifiedFiles.class);
}
