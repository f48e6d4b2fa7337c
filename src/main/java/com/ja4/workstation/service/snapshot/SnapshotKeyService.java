package com.ja4.workstation.service.snapshot;

import com.ja4.workstation.io.AtomicOutput;
import com.ja4.workstation.io.InputFiles;
import com.ja4.workstation.service.query.QueryScope;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Key exchange for the window (Source > Snapshot keys…), as {@code snapshot key export|import|list}
 * does it on the command line: this workstation's public key to give colleagues, a colleague's key
 * file read and trusted under a name, the trusted keys listed. File work runs on the caller's scope.
 */
public final class SnapshotKeyService {

    private final SnapshotKeys keys;

    public SnapshotKeyService(SnapshotKeys keys) {
        this.keys = keys;
    }

    public static SnapshotKeyService inDataDir() {
        return new SnapshotKeyService(SnapshotKeys.inDataDir());
    }

    /** This workstation's public key (made on first use) and the keys it trusts, in the file's order. */
    public record KeyList(SignerKey own, List<SignerKey> trusted) {
    }

    /** The own key (created if this workstation has none yet) and the trusted keys. */
    public CompletableFuture<KeyList> list(QueryScope scope) {
        return scope.call(this::listNow);
    }

    private KeyList listNow() throws IOException {
        return new KeyList(keys.ownKey(), keys.trusted());
    }

    /** Writes the own public key line to {@code file} (replaced only when complete), for a colleague to import. */
    public CompletableFuture<Path> saveOwnKey(Path file, QueryScope scope) {
        return scope.call(() -> {
            Path target = file.toAbsolutePath().normalize();
            for (Path own : List.of(keys.ownKeyFile(), keys.trustedFile())) {
                if (target.equals(own.toAbsolutePath().normalize())) {
                    throw new IllegalArgumentException(file.getFileName() + " is one of this workstation's key files; choose another file");
                }
            }
            SignerKey own = keys.ownKey();
            AtomicOutput.write(target, tmp -> Files.writeString(tmp, own.toLine() + "\n", StandardCharsets.UTF_8));
            return target;
        });
    }

    /** A colleague's key file read (not yet trusted); the failure names the file and what is wrong with it. */
    public CompletableFuture<SignerKey> read(Path file, QueryScope scope) {
        return scope.call(() -> {
            try {
                InputFiles.requireReadableFile(file);
                return SignerKey.readFile(file);
            } catch (InputFiles.Unusable e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file.getFileName() + ": " + e.getMessage(), e);
            }
        });
    }

    /**
     * Trusts {@code key} under {@code name}: snapshots it signs open as signed by that name. Refused
     * with the reason (own key, already trusted, name taken, a name with control characters).
     */
    public CompletableFuture<KeyList> trust(SignerKey key, String name, QueryScope scope) {
        return scope.call(() -> {
            keys.trust(key.withName(name));
            return listNow();
        });
    }
}
