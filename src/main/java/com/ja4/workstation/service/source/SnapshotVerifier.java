package com.ja4.workstation.service.source;

import com.ja4.workstation.data.schema.Table;
import com.ja4.workstation.data.snapshot.Provenance;
import com.ja4.workstation.data.snapshot.SnapshotException;
import com.ja4.workstation.data.snapshot.SnapshotFormat;
import com.ja4.workstation.data.snapshot.SnapshotManifest;
import com.ja4.workstation.data.warehouse.DuckDbSource;
import com.ja4.workstation.data.warehouse.UntrustedCatalog;
import com.ja4.workstation.data.warehouse.WarehouseException;
import com.ja4.workstation.domain.DisplayText;
import com.ja4.workstation.io.InputFiles;
import com.ja4.workstation.service.snapshot.SignerKey;
import com.ja4.workstation.service.snapshot.SnapshotKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one check every snapshot goes through before anything reads it: the opener (window),
 * {@code snapshot verify}, and every command that takes {@code --source}.
 *
 * <ol>
 *   <li>the file exists, is a regular readable file, starts like a DuckDB database, and has no
 *       write-ahead log beside it (which could change what it shows);</li>
 *   <li>it is attached read-only to a locked in-memory DuckDB ({@link DuckDbSource#openLocked}): no
 *       external access, no extension loading, configuration locked;</li>
 *   <li>its catalog holds the snapshot's base tables and nothing else ({@link UntrustedCatalog}):
 *       no view, macro, sequence, type, index, schema, computed column or unexpected column;</li>
 *   <li>its manifest is format 2 and well formed; it lists exactly the tables present, with their
 *       row counts;</li>
 *   <li>the content checksum recomputed with DuckDB built-ins over every table and every manifest
 *       entry equals the manifest's (skipped when these very bytes were verified before,
 *       {@link VerifiedFiles});</li>
 *   <li>a signature, when present, verifies with the key it names (else the file is refused), and
 *       the key is looked up among the trusted ones: {@link Provenance}.</li>
 * </ol>
 * Only then may queries use the file. Every refusal is a {@link SnapshotException} whose message
 * names the file and the reason.
 */
public final class SnapshotVerifier {

    private static final byte[] DUCKDB_MAGIC = "DUCK".getBytes(StandardCharsets.US_ASCII);

    private SnapshotVerifier() {
    }

    /** A verified snapshot, attached and ready for queries; closing it closes the database. */
    public record Verified(DuckDbSource source, SnapshotManifest manifest) implements AutoCloseable {
        @Override
        public void close() {
            source.close();
        }
    }

    /** Verifies with this workstation's trusted keys and verified-files list. */
    public static Verified open(Path file) throws SnapshotException {
        return open(file, SnapshotKeys.inDataDir(), VerifiedFiles.inDataDir());
    }

    /** The manifest (with its provenance) of a sound snapshot; a {@code SnapshotException} with the reason otherwise. */
    public static SnapshotManifest verify(Path file) throws SnapshotException {
        try (Verified v = open(file)) {
            return v.manifest();
        }
    }

    static Verified open(Path file, SnapshotKeys keys, VerifiedFiles verified) throws SnapshotException {
        String label = String.valueOf(file.getFileName());
        checkFile(file, label);
        DuckDbSource source;
        try {
            source = DuckDbSource.openLocked(file, DuckDbSource.Access.READ_ONLY);
        } catch (SQLException e) {
            throw new SnapshotException(openFailure(label, e), e);
        }
        try (Connection c = source.inspect()) {
            refuseLog(file, label);
            requireManifest(c, label);
            List<String> present = UntrustedCatalog.check(c, label, SnapshotFormat.layout());
            SnapshotManifest manifest = SnapshotFormat.readManifest(c, DuckDbSource.ALIAS);
            List<Table> tables = SnapshotFormat.contentTables(present);
            checkRowCounts(c, tables, manifest);
            checkContent(c, file, tables, manifest, verified);
            Provenance provenance = provenance(manifest, keys);
            source.allowQueries();
            return new Verified(source, manifest.withProvenance(provenance));
        } catch (SnapshotException e) {
            source.close();
            throw e.getMessage().startsWith(label) ? e : new SnapshotException(label + ": " + e.getMessage(), e);
        } catch (WarehouseException e) {
            source.close();
            throw new SnapshotException(e.getMessage(), e);
        } catch (SQLException | IOException | RuntimeException e) {
            source.close();
            throw new SnapshotException(label + " is damaged: its data cannot be read (" + firstLine(e.getMessage()) + ").", e);
        }
    }

    private static void checkFile(Path file, String label) throws SnapshotException {
        try {
            InputFiles.requireReadableFile(file);
        } catch (InputFiles.Unusable e) {
            throw new SnapshotException("Snapshot " + e.getMessage() + ".");
        }
        byte[] head;
        try {
            head = InputFiles.head(file, 12);
        } catch (IOException e) {
            throw new SnapshotException(label + " cannot be read: " + e.getMessage(), e);
        }
        if (head.length < 12 || !Arrays.equals(Arrays.copyOfRange(head, 8, 12), DUCKDB_MAGIC)) {
            throw new SnapshotException(label + " is not a readable snapshot: it is not a DuckDB database"
                    + (head.length < 12 ? " (the file is nearly empty)." : " (it does not start like one)."));
        }
        refuseLog(file, label);
    }

    /** A write-ahead log beside the file would be replayed over its bytes: refused (checked before and after the attach). */
    private static void refuseLog(Path file, String label) throws SnapshotException {
        Path wal = file.resolveSibling(file.getFileName() + ".wal");
        if (Files.exists(wal)) {
            throw new SnapshotException(label + " has a write-ahead log " + wal.getFileName() + " beside it, left by a program"
                    + " that was changing it; the log could change what the snapshot shows, so it is refused. Ask for a fresh copy.");
        }
    }

    /** A DuckDB file without a manifest is some other database, not a snapshot: said so before anything else. */
    private static void requireManifest(Connection c, String label) throws SQLException, SnapshotException {
        try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM (SELECT table_name AS name FROM duckdb_tables()"
                + " WHERE database_name = ? UNION ALL SELECT view_name FROM duckdb_views() WHERE database_name = ?) WHERE name = ?")) {
            ps.setString(1, DuckDbSource.ALIAS);
            ps.setString(2, DuckDbSource.ALIAS);
            ps.setString(3, SnapshotFormat.MANIFEST_TABLE);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    throw new SnapshotException(label + " is not a JA4 workstation snapshot (it has no manifest).");
                }
            }
        }
    }

    /** The driver's reason for a failed attach, in the analyst's words. */
    static String openFailure(String label, SQLException e) {
        String m = firstLine(e.getMessage());
        if (m.contains("Could not set lock") || m.contains("Conflicting lock")) {
            return label + " is in use by another program that holds it locked; close it there and try again.";
        }
        if (m.contains("not a valid DuckDB database")) {
            return label + " is not a readable snapshot: it is not a DuckDB database.";
        }
        if (m.contains("Permission Error") || m.contains("wal")) {
            return label + " cannot be opened safely: " + m;
        }
        return label + " is not a readable snapshot (damaged, or written by another DuckDB version): " + m;
    }

    /** The manifest lists exactly the tables present, each with its actual row count. */
    static void checkRowCounts(Connection c, List<Table> tables, SnapshotManifest manifest) throws SQLException, SnapshotException {
        Set<String> listed = new TreeSet<>(manifest.rowCounts().keySet());
        Set<String> present = new TreeSet<>(tables.stream().map(Table::name).toList());
        if (!listed.equals(present)) {
            Set<String> missing = new TreeSet<>(listed);
            missing.removeAll(present);
            Set<String> unlisted = new TreeSet<>(present);
            unlisted.removeAll(listed);
            throw new SnapshotException("The snapshot does not match its manifest: "
                    + (!missing.isEmpty() ? "the manifest lists table " + shown(missing.iterator().next()) + ", which the file lacks."
                    : "table " + unlisted.iterator().next() + " is not in the manifest."));
        }
        Map<String, Long> actual = SnapshotFormat.rowCounts(c, DuckDbSource.ALIAS, tables);
        for (Table t : tables) {
            long expected = manifest.rowCounts().get(t.name());
            if (expected != actual.get(t.name())) {
                throw new SnapshotException("The snapshot is incomplete or altered: table " + t.name() + " has "
                        + actual.get(t.name()) + " rows, its manifest says " + expected + ".");
            }
        }
    }

    private static void checkContent(Connection c, Path file, List<Table> tables, SnapshotManifest manifest, VerifiedFiles verified)
            throws SQLException, IOException, SnapshotException {
        String fileHash = VerifiedFiles.hashOf(file);
        if (verified.contains(fileHash, manifest.checksum())) return;
        String actual = SnapshotFormat.contentDigest(c, DuckDbSource.ALIAS, tables, manifest);
        if (!actual.equals(manifest.checksum())) {
            throw new SnapshotException("The snapshot was altered or damaged: its content checksum " + abbreviate(actual)
                    + " does not match the manifest's " + abbreviate(manifest.checksum()) + ".");
        }
        verified.add(fileHash, manifest.checksum());
    }

    /** Unsigned, or signed by a trusted or an unknown key; an invalid signature refuses the file. */
    static Provenance provenance(SnapshotManifest manifest, SnapshotKeys keys) throws SnapshotException {
        Optional<SnapshotManifest.Signature> sig = manifest.signature();
        if (sig.isEmpty()) return Provenance.unsigned();
        SnapshotManifest.Signature s = sig.get();
        if (!SignerKey.verifies(s.publicKey(), SnapshotFormat.signedMessage(manifest.checksum()), s.value())) {
            throw new SnapshotException("The snapshot's signature is invalid: the file was changed after it was signed, or the"
                    + " signature is forged. It is refused.");
        }
        String fingerprint = SignerKey.fingerprintOf(s.publicKey());
        try {
            return lookUp(keys, s, fingerprint);
        } catch (IOException e) {
            throw new SnapshotException("The snapshot is signed, but this workstation's keys cannot be read to tell by whom: "
                    + e.getMessage(), e);
        }
    }

    private static Provenance lookUp(SnapshotKeys keys, SnapshotManifest.Signature s, String fingerprint) throws IOException {
        Optional<SignerKey> own = keys.ownKeyIfCreated();
        if (own.isPresent() && own.get().publicKey().equals(s.publicKey())) {
            return Provenance.trusted(own.get().name() + " (this workstation's key)", fingerprint, s.signerName(), s.publicKey());
        }
        Optional<SignerKey> trusted = keys.trustedFor(s.publicKey());
        return trusted.map(k -> Provenance.trusted(k.name(), fingerprint, s.signerName(), s.publicKey()))
                .orElseGet(() -> Provenance.unknownKey(fingerprint, s.signerName(), s.publicKey()));
    }

    private static String shown(String s) {
        return DisplayText.of(s, 80);
    }

    private static String abbreviate(String s) {
        return s.length() > 12 ? s.substring(0, 12) + "…" : s;
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return (nl > 0 ? s.substring(0, nl) : s).strip();
    }
}
