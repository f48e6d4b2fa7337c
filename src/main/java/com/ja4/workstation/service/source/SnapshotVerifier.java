package com.ja4.workstation.service.source;

import com.ja4.workstation.data.snapshot.SnapshotManifest;
import com.ja4.workstation.data.warehouse.WarehouseException;
import com.ja4.workstation.service.Workspace;
import java.nio.file.Path;

/**
 * Checks a snapshot file without showing it: format, manifest, every table present with the row
 * count of its manifest, and the content checksum. The same checks as opening it.
 */
public final class SnapshotVerifier {

    private SnapshotVerifier() {
    }

    /** The manifest of a sound snapshot; a {@code SnapshotException} with the reason otherwise. */
    public static SnapshotManifest verify(Path file) throws WarehouseException {
        try (Workspace w = SnapshotOpener.open(file)) {
            return w.session().manifest().orElseThrow();
        }
    }
}
