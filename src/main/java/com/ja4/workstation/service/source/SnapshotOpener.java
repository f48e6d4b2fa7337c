package com.ja4.workstation.service.source;

import com.ja4.workstation.data.schema.Table;
import com.ja4.workstation.data.schema.WarehouseSchema;
import com.ja4.workstation.data.snapshot.SnapshotException;
import com.ja4.workstation.data.snapshot.SnapshotFormat;
import com.ja4.workstation.data.snapshot.SnapshotManifest;
import com.ja4.workstation.data.warehouse.DatabaseNames;
import com.ja4.workstation.data.warehouse.DuckDbDialect;
import com.ja4.workstation.data.warehouse.DuckDbSource;
import com.ja4.workstation.data.warehouse.Warehouse;
import com.ja4.workstation.data.warehouse.WarehouseException;
import com.ja4.workstation.service.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Opens a snapshot file read-only, or refuses it with a clear reason: missing, not a DuckDB
 * file, not a workstation snapshot, or not matching its own manifest (truncated, altered).
 */
public final class SnapshotOpener {

    private SnapshotOpener() {
    }

    public static Workspace open(Path file) throws WarehouseException {
        if (!Files.isRegularFile(file)) throw new SnapshotException("Snapshot file not found: " + file);
        DuckDbSource source;
        try {
            source = DuckDbSource.open(file, true);
        } catch (WarehouseException e) {
            throw new SnapshotException(file.getFileName() + " is not a readable snapshot (not a DuckDB database, or damaged). "
                    + e.getMessage(), e);
        }
        try (Connection c = source.open()) {
            SnapshotManifest manifest = SnapshotFormat.readManifest(c);
            checkTables(c, manifest);
            checkChecksum(c, manifest);
            return new Workspace(new Warehouse(source, DuckDbDialect.INSTANCE, DatabaseNames.DEFAULT, Duration.ofMinutes(2)),
                    Optional.of(manifest));
        } catch (SnapshotException e) {
            source.close();
            throw e;
        } catch (SQLException | RuntimeException e) {
            source.close();
            throw new SnapshotException(file.getFileName() + " is damaged: " + e.getMessage(), e);
        }
    }

    /** Fails when a table is missing or its row count differs from the manifest. */
    static void checkTables(Connection c, SnapshotManifest manifest) throws SQLException, SnapshotException {
        Map<String, Long> actual;
        try {
            actual = SnapshotFormat.rowCounts(c);
        } catch (SQLException e) {
            throw new SnapshotException("The snapshot lacks a table of the data model: " + firstLine(e.getMessage()), e);
        }
        for (Table t : WarehouseSchema.TABLES) {
            Long expected = manifest.rowCounts().get(t.name());
            if (expected != null && !expected.equals(actual.get(t.name()))) {
                throw new SnapshotException("The snapshot is incomplete or altered: table " + t.name() + " has "
                        + actual.get(t.name()) + " rows, its manifest says " + expected + ".");
            }
        }
    }

    /**
     * Recomputes {@link SnapshotFormat#checksum} and compares it with the manifest's: a value
     * changed in any table is refused. A damaged page surfaces as a DuckDB read error, refused too.
     */
    static void checkChecksum(Connection c, SnapshotManifest manifest) throws SnapshotException {
        if (manifest.checksum() == null || manifest.checksum().isBlank()) {
            throw new SnapshotException("The snapshot manifest has no checksum: its content cannot be verified.");
        }
        String actual;
        try {
            actual = SnapshotFormat.checksum(c);
        } catch (SQLException | RuntimeException e) {
            throw new SnapshotException("The snapshot is damaged: its data cannot be read (" + firstLine(e.getMessage()) + ").", e);
        }
        if (!actual.equals(manifest.checksum())) {
            throw new SnapshotException("The snapshot was altered or damaged: its content checksum " + abbreviate(actual)
                    + " does not match the manifest's " + abbreviate(manifest.checksum()) + ".");
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 12 ? s.substring(0, 12) + "…" : s;
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl > 0 ? s.substring(0, nl) : s;
    }
}
