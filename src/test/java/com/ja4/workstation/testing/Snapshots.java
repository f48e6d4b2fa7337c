package com.ja4.workstation.testing;

import com.ja4.workstation.data.snapshot.SnapshotFormat;
import com.ja4.workstation.data.snapshot.SnapshotManifest;
import java.sql.Connection;
import java.sql.SQLException;

/** Test snapshots built table by table: sealed like an export, so that the opener's check accepts them. */
public final class Snapshots {

    private Snapshots() {
    }

    /**
     * Writes {@code m}'s manifest with the row counts of the tables as they are now and the checksum
     * over them (call again after changing rows). Returns the manifest written.
     */
    public static SnapshotManifest seal(Connection c, SnapshotManifest m) throws SQLException {
        SnapshotManifest counted = new SnapshotManifest(m.source(), m.asOf(), m.window(), m.filters(), SnapshotFormat.rowCounts(c),
                m.appVersion(), "");
        SnapshotManifest sealed = counted.withChecksum(SnapshotFormat.checksum(c, counted));
        SnapshotFormat.writeManifest(c, sealed);
        return sealed;
    }
}
