package com.ja4.workstation.service.snapshot;

import com.ja4.workstation.domain.AppVersion;
import com.ja4.workstation.data.schema.Table;
import com.ja4.workstation.data.schema.WarehouseSchema;
import com.ja4.workstation.data.snapshot.SnapshotExtractQueries;
import com.ja4.workstation.data.snapshot.SnapshotFormat;
import com.ja4.workstation.data.snapshot.SnapshotManifest;
import com.ja4.workstation.data.warehouse.QueryContext;
import com.ja4.workstation.data.warehouse.Warehouse;
import com.ja4.workstation.data.warehouse.WarehouseException;
import com.ja4.workstation.domain.TimeWindow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.duckdb.DuckDBConnection;
import com.ja4.workstation.io.AtomicOutput;
import com.ja4.workstation.io.PartialFiles;

/**
 * Writes a snapshot (DESIGN section 5) from any warehouse, normally a live ClickHouse: for a time
 * window and optional filters, every table of {@link WarehouseSchema} into a DuckDB file (in bulk
 * through Parquet from ClickHouse, {@link ParquetTableCopy}; row by row otherwise,
 * {@link RowByRowTableCopy}), then the manifest with row counts, checksum and the signature of this
 * workstation's key ({@link SnapshotKeys}).
 *
 * <p>Rows: tables with a time column, rows in the window (host and threat filters where the
 * table has the column); {@code view_ip_recurrence} and {@code soc_feedback} (up to the as-of),
 * the rows of the IPs present among the window's detections and scores.
 *
 * <p>The file is written under a temporary name beside the target and moved into place only when
 * complete: a cancelled or failed export leaves nothing behind (and a file without a manifest
 * would be refused anyway).
 */
public final class SnapshotExporter {

    /** Progress per table: rows written so far and rows expected (counted before reading). */
    @FunctionalInterface
    public interface Listener {
        void progress(String table, long done, long expected);

        Listener NONE = (t, d, e) -> { };
    }

    /** Optional capture filters; empty lists mean everything. */
    public record Filters(List<String> hosts, List<String> threatLevels) {
        public static final Filters NONE = new Filters(List.of(), List.of());

        public Filters {
            hosts = hosts == null ? List.of() : List.copyOf(hosts);
            threatLevels = threatLevels == null ? List.of() : List.copyOf(threatLevels);
        }

        public String describe() {
            StringBuilder sb = new StringBuilder();
            if (!hosts.isEmpty()) sb.append("hosts=").append(String.join(",", hosts));
            if (!threatLevels.isEmpty()) sb.append(sb.length() > 0 ? "; " : "").append("threat_levels=").append(String.join(",", threatLevels));
            return sb.toString();
        }
    }

    private final TableCopy copy;
    private final SnapshotKeys keys;

    /**
     * Exports through the fastest path the source offers (Parquet from ClickHouse, rows otherwise),
     * signed with this workstation's key (created in the data folder on first export).
     */
    public SnapshotExporter(Warehouse warehouse) {
        this(warehouse, true, SnapshotKeys.inDataDir());
    }

    /** As {@link #SnapshotExporter(Warehouse)}, signing with the key kept in {@code keys}. */
    public SnapshotExporter(Warehouse warehouse, SnapshotKeys keys) {
        this(warehouse, true, keys);
    }

    private SnapshotExporter(Warehouse warehouse, boolean bulk, SnapshotKeys keys) {
        SnapshotExtractQueries extract = new SnapshotExtractQueries(warehouse);
        this.copy = bulk && extract.canExtractParquet() ? new ParquetTableCopy(extract) : new RowByRowTableCopy(extract);
        this.keys = keys;
    }

    /** Reads every value through JDBC and appends it (the path for sources without Parquet; a baseline). */
    public static SnapshotExporter rowByRow(Warehouse warehouse) {
        return new SnapshotExporter(warehouse, false, SnapshotKeys.inDataDir());
    }

    public SnapshotManifest export(TimeWindow window, Filters filters, String sourceLabel, Path target, Listener listener,
                                   QueryContext ctx) throws WarehouseException, IOException {
        Path out = target.toAbsolutePath();
        Files.createDirectories(out.getParent());
        SignerKey signer = keys.ownKey(); // before the long part: a damaged key file fails at once
        Path tmp = AtomicOutput.temporaryBeside(out, ".partial");
        Files.delete(tmp); // DuckDB creates the file itself
        Path wal = tmp.resolveSibling(tmp.getFileName() + ".wal");
        try (PartialFiles.Registration ignored = PartialFiles.register(tmp, wal)) {
            SnapshotManifest manifest;
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + tmp)) {
                DuckDBConnection conn = c.unwrap(DuckDBConnection.class);
                SnapshotFormat.createTables(conn);
                // one transaction per slice, not per appender chunk of 2,048 rows (a commit each: 30k rows/s)
                conn.setAutoCommit(false);
                for (Table t : WarehouseSchema.TABLES) {
                    throwIfStopped(ctx);
                    copy.copy(conn, t, window, filters, tmp, listener, ctx);
                    conn.commit();
                }
                conn.setAutoCommit(true);
                throwIfStopped(ctx);
                manifest = signed(conn, new SnapshotManifest(sourceLabel, window.asOf(), window.length(), filters.describe(),
                        SnapshotFormat.rowCounts(conn), AppVersion.current(), ""), signer);
                SnapshotFormat.writeManifest(conn, manifest);
                try (Statement s = conn.createStatement()) {
                    s.execute("CHECKPOINT");
                }
            } catch (SQLException e) {
                throw new WarehouseException("Cannot write the snapshot " + out.getFileName() + ": " + e.getMessage(), e);
            }
            throwIfStopped(ctx);
            AtomicOutput.moveIntoPlace(tmp, out);
            return manifest;
        }
    }

    /** The manifest with the signer, the checksum over content and manifest, and the signature of that checksum. */
    private SnapshotManifest signed(Connection conn, SnapshotManifest unsigned, SignerKey signer) throws SQLException, IOException {
        SnapshotManifest withSigner = unsigned.withSignature(new SnapshotManifest.Signature(signer.name(), signer.publicKey(), ""));
        String checksum = SnapshotFormat.checksum(conn, withSigner);
        String signature = keys.sign(SnapshotFormat.signedMessage(checksum));
        return withSigner.withChecksum(checksum).withSignature(withSigner.signature().orElseThrow().withValue(signature));
    }

    private static void throwIfStopped(QueryContext ctx) throws IOException, WarehouseException {
        ctx.throwIfCancelled();
        PartialFiles.throwIfStopping();
    }
}
