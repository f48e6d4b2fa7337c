package com.ja4.workstation.ui.snapshot;

import static org.junit.jupiter.api.Assertions.*;

import com.ja4.workstation.service.snapshot.SignerKey;
import com.ja4.workstation.service.snapshot.SnapshotKeyService;
import com.ja4.workstation.service.snapshot.SnapshotKeys;
import com.ja4.workstation.ui.render.HeadlessFx;
import com.ja4.workstation.ui.task.Tasks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Source > Snapshot keys… without its widgets: two analysts exchange public keys (export, import
 * with the fingerprint shown, trust under a name), and bad key files are refused with a sentence.
 */
class SnapshotKeysModelTest {

    @TempDir
    Path tmp;

    @BeforeAll
    static void fx() {
        HeadlessFx.start();
    }

    private static <T> T await(java.util.function.Supplier<CompletableFuture<T>> command) throws Exception {
        CompletableFuture<CompletableFuture<T>> started = new CompletableFuture<>();
        HeadlessFx.onFx(() -> started.complete(command.get()));
        T t;
        try {
            t = started.get().get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException refused) {
            t = null;
        }
        HeadlessFx.onFx(() -> null); // the outcome is shown on the FX thread
        return t;
    }

    @Test
    void analystsExchangeKeysAndBadFilesAreRefused() throws Exception {
        SnapshotKeysModel alice = HeadlessFx.onFx(() -> new SnapshotKeysModel(new SnapshotKeyService(SnapshotKeys.at(tmp.resolve("alice"))),
                new Tasks()));
        SnapshotKeysModel bob = HeadlessFx.onFx(() -> new SnapshotKeysModel(new SnapshotKeyService(SnapshotKeys.at(tmp.resolve("bob"))),
                new Tasks()));
        await(alice::load);
        await(bob::load);
        SignerKey aliceKey = alice.ownProperty().get();
        assertNotNull(aliceKey, "the own key is made on first use");
        assertTrue(alice.trusted().isEmpty());

        Path pub = tmp.resolve("alice.pub");
        await(() -> alice.saveOwnKey(pub));
        assertTrue(Files.readString(pub).startsWith(SignerKey.TAG + " "));
        assertTrue(alice.statusProperty().get().contains(aliceKey.fingerprint()), "tells the fingerprint to give along");
        assertFalse(alice.errorProperty().get());

        await(() -> bob.importFile(pub));
        assertEquals(aliceKey.fingerprint(), bob.importedProperty().get().fingerprint(), "shown for comparison before trusting");
        assertEquals(aliceKey.name(), bob.importNameProperty().get(), "prefilled with the name in the file");
        HeadlessFx.onFx(() -> {
            bob.importNameProperty().set("Alice (SOC)");
            return null;
        });
        await(bob::trustImported);
        assertEquals(1, bob.trusted().size());
        assertEquals("Alice (SOC)", bob.trusted().get(0).name());
        assertNull(bob.importedProperty().get());
        assertFalse(bob.errorProperty().get(), bob.statusProperty().get());

        await(() -> bob.importFile(pub));
        await(bob::trustImported);
        assertTrue(bob.errorProperty().get(), "the same key twice is refused");
        assertTrue(bob.statusProperty().get().startsWith("Key not trusted: "), bob.statusProperty().get());
        assertEquals(1, bob.trusted().size());

        Path junk = tmp.resolve("junk.pub");
        Files.write(junk, new byte[] {0, 1, 2, (byte) 0xff});
        await(() -> bob.importFile(junk));
        assertTrue(bob.errorProperty().get());
        assertTrue(bob.statusProperty().get().contains("junk.pub"), "names the file: " + bob.statusProperty().get());
        assertFalse(bob.statusProperty().get().contains("Exception"), bob.statusProperty().get());
        assertNull(bob.importedProperty().get(), "nothing waits to be trusted");
    }
}
