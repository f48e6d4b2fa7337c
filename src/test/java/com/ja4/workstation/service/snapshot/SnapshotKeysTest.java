package com.ja4.workstation.service.snapshot;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-user signing key and the trusted keys: made once, private on disk, refused when damaged or foreign. */
class SnapshotKeysTest {

    @TempDir
    Path dir;

    @Test
    void theKeyIsMadeOnFirstUseKeptPrivateAndReused() throws Exception {
        SnapshotKeys keys = SnapshotKeys.at(dir.resolve("keys"));
        assertTrue(keys.ownKeyIfCreated().isEmpty(), "no key before it is needed");
        SignerKey first = keys.ownKey();
        assertEquals(first, SnapshotKeys.at(dir.resolve("keys")).ownKey(), "the same key on the next run");
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.ownKeyFile())));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.folder())));
        }
        byte[] message = "ja4-workstation-snapshot-signature/1\nabc".getBytes(StandardCharsets.UTF_8);
        String signature = keys.sign(message);
        assertTrue(first.verifies(message, signature));
        assertFalse(first.verifies("other".getBytes(StandardCharsets.UTF_8), signature));
        assertFalse(SnapshotKeys.at(dir.resolve("other")).ownKey().verifies(message, signature), "another key does not verify it");
    }

    @Test
    void aDamagedKeyFileIsNamedNotReplaced() throws Exception {
        SnapshotKeys keys = SnapshotKeys.at(dir.resolve("keys"));
        keys.ownKey();
        String text = Files.readString(keys.ownKeyFile());
        Files.writeString(keys.ownKeyFile(), text.replaceAll("private \\S+", "private AAAA"));
        var e = assertThrows(java.io.IOException.class, () -> keys.sign(new byte[] {1}));
        assertTrue(e.getMessage().contains(keys.ownKeyFile().toString()) && e.getMessage().contains("damaged"), e.getMessage());
        assertTrue(Files.readString(keys.ownKeyFile()).contains("private AAAA"), "left for the analyst to look at");
    }

    @Test
    void trustingRefusesDuplicatesTheOwnKeyAndNamesTakenByAnotherKey() throws Exception {
        SnapshotKeys keys = SnapshotKeys.at(dir.resolve("keys"));
        SignerKey bob = SnapshotKeys.at(dir.resolve("bob")).ownKey().withName("bob");
        keys.trust(bob);
        assertEquals(bob, keys.trustedFor(bob.publicKey()).orElseThrow());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> keys.trust(bob.withName("robert"))).getMessage()
                .contains("already trusted as 'bob'"));
        SignerKey other = SnapshotKeys.at(dir.resolve("carol")).ownKey().withName("Bob");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> keys.trust(other)).getMessage().contains("another key"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> keys.trust(keys.ownKey())).getMessage().contains("own key"));
        assertEquals(1, keys.trusted().size());
    }

    @Test
    void keyLinesThatAreNotEd25519PublicKeysAreRefused() throws Exception {
        SignerKey good = SnapshotKeys.at(dir.resolve("k")).ownKey();
        assertEquals(good, SignerKey.parse(good.toLine()));
        String rsa = Base64.getEncoder().encodeToString(KeyPairGenerator.getInstance("RSA").generateKeyPair().getPublic().getEncoded());
        for (String bad : new String[] {"", "ssh-ed25519 AAAA bob", SignerKey.TAG + " not-base64! bob", SignerKey.TAG + " " + rsa + " bob",
                SignerKey.TAG + " " + good.publicKey() + " ", SignerKey.TAG + " " + good.publicKey() + " b\u202Eob",
                SignerKey.TAG + " " + good.publicKey() + " " + "x".repeat(65)}) {
            assertThrows(IllegalArgumentException.class, () -> SignerKey.parse(bad), bad);
        }
        assertEquals(39, good.fingerprint().length(), "eight groups of four hex digits: " + good.fingerprint());
    }
}
