package com.ja4.workstation.service.source;

import static org.junit.jupiter.api.Assertions.*;

import com.ja4.workstation.data.snapshot.Provenance;
import com.ja4.workstation.data.snapshot.SnapshotException;
import com.ja4.workstation.data.snapshot.SnapshotFormat;
import com.ja4.workstation.data.snapshot.SnapshotManifest;
import com.ja4.workstation.service.snapshot.SignerKey;
import com.ja4.workstation.service.snapshot.SnapshotKeys;
import com.ja4.workstation.testing.HostileSnapshot;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Snapshots crafted by an adversary, each refused with a sentence that names the file, before
 * anything the file carries can run: views and macros (checked against a named pipe and a loopback
 * listener that must see nothing), edited manifest or rows, a signed file edited with its checksum
 * recomputed, a forged signature, extra or retyped columns, and the other catalog objects.
 */
class CraftedSnapshotTest {

    @TempDir
    static Path dir;
    static Path unsigned;
    static Path signed;
    static SnapshotKeys alice;
    static SnapshotKeys mallory;

    @BeforeAll
    static void corpus() throws Exception {
        alice = SnapshotKeys.at(dir.resolve("alice-keys"));
        mallory = SnapshotKeys.at(dir.resolve("mallory-keys"));
        unsigned = dir.resolve("unsigned.duckdb");
        HostileSnapshot.write(unsigned);
        signed = dir.resolve("signed.duckdb");
        HostileSnapshot.write(signed, alice);
    }

    /** A copy of a sound snapshot, changed by {@code sql} run directly on the file (as an attacker would). */
    private static Path crafted(Path from, String name, String... sql) throws Exception {
        Path f = dir.resolve(name + ".duckdb");
        Files.copy(from, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + f); Statement s = c.createStatement()) {
            for (String q : sql) s.execute(q);
            s.execute("CHECKPOINT");
        }
        return f;
    }

    /** Opens as a workstation whose trusted keys are in {@code keys}; recomputes the checksum (no verified-files list). */
    private static SnapshotVerifier.Verified open(Path f, SnapshotKeys keys) throws SnapshotException {
        return SnapshotVerifier.open(f, keys, VerifiedFiles.none());
    }

    private static String refused(Path f) {
        SnapshotException e = assertThrows(SnapshotException.class, () -> open(f, alice).close());
        String m = e.getMessage();
        assertTrue(m.contains(f.getFileName().toString()), "names the file: " + m);
        assertFalse(m.contains("\tat ") || m.contains("Exception"), "a sentence, not a stack trace: " + m);
        return m;
    }

    @Test
    void theHostileCorpusItselfIsSoundAndUnsigned() throws Exception {
        try (var v = open(unsigned, alice)) {
            assertEquals(Provenance.Kind.UNSIGNED, v.manifest().provenance().kind());
            assertTrue(v.manifest().provenance().headline().contains("accidental damage only"), v.manifest().provenance().headline());
        }
        try (var v = open(signed, alice)) {
            assertEquals(Provenance.Kind.TRUSTED_KEY, v.manifest().provenance().kind(), "alice's own key");
            assertEquals(alice.ownKey().fingerprint(), v.manifest().provenance().fingerprint());
        }
    }

    @Test
    void aViewInPlaceOfATableIsRefusedWithoutReadingWhatItPointsAt() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/mkfifo")), "needs mkfifo (Linux) for the named pipe");
        Path pipe = dir.resolve("secret-pipe");
        Files.writeString(pipe, "placeholder\n"); // the view is bound against a plain file, then the file becomes a pipe
        Path f = crafted(unsigned, "view", "DROP TABLE soc_feedback",
                "CREATE VIEW soc_feedback AS SELECT now()::TIMESTAMP AS created_at, '::ffff:10.0.0.1' AS src_ip, content AS classification,"
                        + " '' AS comment, '' AS analyst, '' AS source FROM read_text('" + pipe + "')");
        Files.delete(pipe);
        assertEquals(0, new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor());
        AtomicInteger opened = new AtomicInteger();
        Thread writer = new Thread(() -> {
            try (FileOutputStream out = new FileOutputStream(pipe.toFile())) { // blocks until someone reads the pipe
                opened.incrementAndGet();
                out.write("root:x:0:0\n".getBytes());
            } catch (Exception ignored) {
                // the reader went away
            }
        });
        writer.setDaemon(true);
        writer.start();
        try {
            String m = refused(f);
            assertTrue(m.contains("view 'soc_feedback'"), m);
            writer.join(300);
            assertEquals(0, opened.get(), "opening the snapshot read the named pipe");
        } finally {
            try (FileInputStream release = new FileInputStream(pipe.toFile())) {
                writer.join(2_000);
            }
        }
    }

    @Test
    void macrosShadowingBuiltInsAreRefusedAndNeverRun() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String url = "http://127.0.0.1:" + listener.getLocalPort() + "/exfiltrate.csv";
            // the old checksum called hash(); these would make any content match, and read a URL while doing so
            Path f = crafted(unsigned, "macro",
                    "UPDATE ml_detected_anomalies SET host = 'edited' WHERE hits = 1",
                    "CREATE MACRO hash(a, u := '" + url + "') AS (SELECT count(*) FROM read_csv(u))",
                    "CREATE MACRO sha256(a, u := '" + url + "') AS (SELECT max(content) FROM read_text(u))",
                    "CREATE MACRO strlen(a) AS 0",
                    "CREATE MACRO leak(u := '" + url + "') AS TABLE SELECT * FROM read_csv(u)");
            String m = refused(f);
            assertTrue(m.contains("contains a macro (SQL function)"), m);
            listener.setSoTimeout(300);
            assertThrows(SocketTimeoutException.class, listener::accept, "the snapshot reached the loopback listener");
        }
    }

    @Test
    void anEditedManifestIsRefused() throws Exception {
        for (String[] edit : new String[][] {
                {"as_of", "2026-01-01T00:00:00Z"}, {"source", "clickhouse prod-eu"}, {"app_version", "9.9.9"},
                {"window_seconds", "3600"}, {"filters", "hosts=example.org"}}) {
            Path f = crafted(unsigned, "manifest-" + edit[0],
                    "UPDATE snapshot_manifest SET value = '" + edit[1] + "' WHERE key = '" + edit[0] + "'");
            String m = refused(f);
            assertTrue(m.contains("checksum"), edit[0] + ": " + m);
        }
    }

    @Test
    void editedRowsAreRefusedEvenWithTheRowCountAdjusted() throws Exception {
        assertTrue(refused(crafted(unsigned, "rows-edited", "UPDATE http_logs SET path = '/innocent' WHERE src_port = 1000"))
                .contains("checksum"));
        assertTrue(refused(crafted(unsigned, "rows-deleted", "DELETE FROM soc_feedback WHERE rowid = 0")).contains("soc_feedback"));
        assertTrue(refused(crafted(unsigned, "rows-deleted-count-fixed", "DELETE FROM soc_feedback WHERE rowid = 0",
                "UPDATE snapshot_manifest SET value = '" + (HostileSnapshot.rows() - 1) + "' WHERE key = 'rows.soc_feedback'"))
                .contains("checksum"));
    }

    @Test
    void aSignedFileEditedWithItsChecksumRecomputedIsRefused() throws Exception {
        Path f = crafted(signed, "signed-edited", "UPDATE ml_detected_anomalies SET threat_level = 'NORMAL'");
        recomputeChecksum(f);
        String m = refused(f);
        assertTrue(m.contains("signature is invalid"), m);
    }

    @Test
    void aForgedSignatureIsRefused() throws Exception {
        SnapshotManifest m;
        try (var v = open(signed, alice)) {
            m = v.manifest();
        }
        String forged = mallory.sign(SnapshotFormat.signedMessage(m.checksum())); // a real signature, by another key
        Path f = crafted(signed, "forged", "UPDATE snapshot_manifest SET value = '" + forged + "' WHERE key = 'signature'");
        assertTrue(refused(f).contains("signature is invalid"));
        Path garbage = crafted(signed, "garbage-signature", "UPDATE snapshot_manifest SET value = 'AAAA' WHERE key = 'signature'");
        assertTrue(refused(garbage).contains("signature is invalid"));
    }

    @Test
    void strippingOrReplacingTheSignatureShowsAsUnsignedOrUnknownNeverAsTrusted() throws Exception {
        Path stripped = crafted(signed, "stripped", "UPDATE ml_detected_anomalies SET threat_level = 'NORMAL'",
                "DELETE FROM snapshot_manifest WHERE key IN ('signer_name', 'signer_key', 'signature')");
        recomputeChecksum(stripped);
        try (var v = open(stripped, alice)) {
            assertEquals(Provenance.Kind.UNSIGNED, v.manifest().provenance().kind());
        }
        Path resigned = crafted(signed, "resigned", "UPDATE ml_detected_anomalies SET threat_level = 'NORMAL'");
        SignerKey m = mallory.ownKey();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + resigned); Statement s = c.createStatement()) {
            s.execute("UPDATE snapshot_manifest SET value = '" + m.publicKey() + "' WHERE key = 'signer_key'");
        }
        recomputeChecksum(resigned);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + resigned); Statement s = c.createStatement()) {
            SnapshotManifest man = SnapshotFormat.readManifest(c);
            s.execute("UPDATE snapshot_manifest SET value = '" + mallory.sign(SnapshotFormat.signedMessage(man.checksum()))
                    + "' WHERE key = 'signature'");
        }
        try (var v = open(resigned, alice)) {
            Provenance p = v.manifest().provenance();
            assertEquals(Provenance.Kind.UNKNOWN_KEY, p.kind(), "mallory re-signed it claiming alice's name");
            assertEquals(m.fingerprint(), p.fingerprint());
            assertTrue(p.headline().contains("unknown key") && p.canTrustKey(), p.headline());
        }
    }

    @Test
    void unexpectedColumnsTablesAndCatalogObjectsAreRefused() throws Exception {
        assertTrue(refused(crafted(unsigned, "extra-column", "ALTER TABLE http_logs ADD COLUMN evil VARCHAR"))
                .contains("extra column 'evil'"));
        assertTrue(refused(crafted(unsigned, "retyped", "ALTER TABLE http_logs ALTER COLUMN src_port TYPE VARCHAR"))
                .contains("src_port"));
        assertTrue(refused(crafted(unsigned, "extra-table", "CREATE TABLE loot (x VARCHAR)")).contains("table 'loot'"));
        assertTrue(refused(crafted(unsigned, "schema", "CREATE SCHEMA other")).contains("schema 'other'"));
        assertTrue(refused(crafted(unsigned, "sequence", "CREATE SEQUENCE seq")).contains("sequence"));
        assertTrue(refused(crafted(unsigned, "type", "CREATE TYPE mood AS ENUM ('a', 'b')")).contains("type"));
        assertTrue(refused(crafted(unsigned, "index", "CREATE INDEX ix ON http_logs (lower(path))")).contains("index"));
        assertTrue(refused(crafted(unsigned, "default", "ALTER TABLE soc_feedback ALTER COLUMN comment SET DEFAULT 'x'"))
                .contains("computed"));
        assertTrue(refused(crafted(unsigned, "no-manifest", "DROP TABLE snapshot_manifest")).contains("no manifest"));
    }

    @Test
    void aWriteAheadLogBesideTheFileIsRefused() throws Exception {
        Path f = crafted(unsigned, "with-log");
        Files.write(f.resolveSibling(f.getFileName() + ".wal"), new byte[] {1, 2, 3});
        assertTrue(refused(f).contains("write-ahead log"));
    }

    @Test
    void aFormatOneSnapshotIsRefusedAsUnverifiable() throws Exception {
        Path f = crafted(unsigned, "format1", "UPDATE snapshot_manifest SET value = 'ja4-workstation-snapshot/1' WHERE key = 'format'");
        assertTrue(refused(f).contains("earlier version"));
    }

    /** The attacker's tool: the checksum recomputed over the edited file and written back. */
    private static void recomputeChecksum(Path f) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + f); Statement s = c.createStatement()) {
            SnapshotManifest m = SnapshotFormat.readManifest(c);
            String sum = SnapshotFormat.checksum(c, m);
            s.execute("UPDATE snapshot_manifest SET value = '" + sum + "' WHERE key = 'checksum'");
        }
    }
}
