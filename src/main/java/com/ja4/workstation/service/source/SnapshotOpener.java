package com.ja4.workstation.service.source;

import com.ja4.workstation.data.snapshot.SnapshotException;
import com.ja4.workstation.data.snapshot.SnapshotManifest;
import com.ja4.workstation.data.warehouse.DatabaseNames;
import com.ja4.workstation.data.warehouse.DuckDbDialect;
import com.ja4.workstation.data.warehouse.Warehouse;
import com.ja4.workstation.service.Workspace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Opens a snapshot file read-only after {@link SnapshotVerifier}'s checks, or refuses it with a
 * clear reason: missing, not a DuckDB file, not a workstation snapshot, carrying anything but plain
 * tables, not matching its own manifest (truncated, altered), or with an invalid signature. The
 * workspace's manifest carries the verdict on who made it ({@code manifest().provenance()}).
 */
public final class SnapshotOpener {

    private SnapshotOpener() {
    }

    public static Workspace open(Path file) throws SnapshotException {
        return workspace(SnapshotVerifier.open(file));
    }

    /** A workspace over a verified snapshot; its manifest may carry another provenance (the demo's). */
    static Workspace workspace(SnapshotVerifier.Verified v, SnapshotManifest manifest) {
        return new Workspace(new Warehouse(v.source(), DuckDbDialect.INSTANCE, DatabaseNames.DEFAULT, Duration.ofMinutes(2)),
                Optional.of(manifest));
    }

    static Workspace workspace(SnapshotVerifier.Verified v) {
        return workspace(v, v.manifest());
    }
}
