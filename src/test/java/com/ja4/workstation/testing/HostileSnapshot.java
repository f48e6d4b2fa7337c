package com.ja4.workstation.testing;

import com.ja4.workstation.data.demo.HostileCorpus;
import com.ja4.workstation.data.snapshot.SnapshotManifest;
import com.ja4.workstation.service.snapshot.SignerKey;
import com.ja4.workstation.service.snapshot.SnapshotKeys;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * The hostile corpus of {@link HostileCorpus} for tests: a valid snapshot with hostile text in
 * every text column, optionally signed with a {@link SnapshotKeys}' own key.
 */
public final class HostileSnapshot {

    public static final Instant AS_OF = HostileCorpus.AS_OF;
    public static final String LONG = HostileCorpus.LONG;
    public static final List<String> TEXTS = HostileCorpus.TEXTS;

    private HostileSnapshot() {
    }

    public static int rows() {
        return HostileCorpus.rows();
    }

    /** The text in column {@code column} (0-based, schema order) of row {@code row}. */
    public static String text(int row, int column) {
        return HostileCorpus.text(row, column);
    }

    /** The IPv4 address of row {@code row} (IPv6 columns hold it as ::ffff:a.b.c.d). */
    public static String ipv4(int row) {
        return HostileCorpus.ipv4(row);
    }

    /** Writes the snapshot unsigned; returns its manifest. */
    public static SnapshotManifest write(Path file) throws SQLException, IOException {
        return HostileCorpus.write(file);
    }

    /** Writes the snapshot, signed with {@code keys}' own key when not null. */
    public static SnapshotManifest write(Path file, SnapshotKeys keys) throws SQLException, IOException {
        if (keys == null) return HostileCorpus.write(file);
        SignerKey own = keys.ownKey();
        return HostileCorpus.write(file, new HostileCorpus.Signer() {
            @Override
            public String name() {
                return own.name();
            }

            @Override
            public String publicKey() {
                return own.publicKey();
            }

            @Override
            public String sign(byte[] message) throws IOException {
                return keys.sign(message);
            }
        });
    }
}
