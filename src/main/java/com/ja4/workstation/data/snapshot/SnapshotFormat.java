package com.ja4.workstation.data.snapshot;

import com.ja4.workstation.data.schema.Table;
import com.ja4.workstation.data.schema.WarehouseSchema;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Layout of a snapshot file: the schema's tables plus a manifest table. The checksum covers
 * every table's row count and an order-independent hash of its rows, so a truncated or altered
 * file no longer matches its manifest.
 */
public final class SnapshotFormat {

    public static final String MANIFEST_TABLE = "snapshot_manifest";
    public static final String FORMAT_KEY = "format";
    public static final String FORMAT_VALUE = "ja4-workstation-snapshot/1";

    private SnapshotFormat() {
    }

    public static void createTables(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (Table t : WarehouseSchema.TABLES) s.execute(t.duckDbDdl());
            s.execute("CREATE TABLE IF NOT EXISTS " + MANIFEST_TABLE + " (key VARCHAR PRIMARY KEY, value VARCHAR)");
        }
    }

    public static void writeManifest(Connection c, SnapshotManifest m) throws SQLException {
        Map<String, String> kv = new LinkedHashMap<>();
        kv.put(FORMAT_KEY, FORMAT_VALUE);
        kv.put("source", m.source());
        kv.put("as_of", m.asOf().toString());
        kv.put("window_seconds", Long.toString(m.window().toSeconds()));
        kv.put("filters", m.filters());
        kv.put("app_version", m.appVersion());
        kv.put("checksum", m.checksum());
        m.rowCounts().forEach((table, n) -> kv.put("rows." + table, Long.toString(n)));
        try (Statement s = c.createStatement()) {
            s.execute("DELETE FROM " + MANIFEST_TABLE);
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + MANIFEST_TABLE + " VALUES (?, ?)")) {
            for (var e : kv.entrySet()) {
                ps.setString(1, e.getKey());
                ps.setString(2, e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Reads the manifest; throws with a clear reason when the file is not a snapshot. */
    public static SnapshotManifest readManifest(Connection c) throws SnapshotException {
        Map<String, String> kv = new TreeMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT key, value FROM " + MANIFEST_TABLE)) {
            while (rs.next()) kv.put(rs.getString(1), rs.getString(2));
        } catch (SQLException e) {
            throw new SnapshotException("This file is not a JA4 workstation snapshot (it has no manifest).", e);
        }
        if (!FORMAT_VALUE.equals(kv.get(FORMAT_KEY))) {
            throw new SnapshotException("Unknown snapshot format '" + kv.get(FORMAT_KEY) + "'; expected " + FORMAT_VALUE + ".");
        }
        try {
            Map<String, Long> counts = new LinkedHashMap<>();
            kv.forEach((k, v) -> {
                if (k.startsWith("rows.")) counts.put(k.substring(5), Long.parseLong(v));
            });
            return new SnapshotManifest(kv.getOrDefault("source", ""), Instant.parse(kv.get("as_of")),
                    Duration.ofSeconds(Long.parseLong(kv.get("window_seconds"))), kv.getOrDefault("filters", ""),
                    counts, kv.getOrDefault("app_version", ""), kv.getOrDefault("checksum", ""));
        } catch (RuntimeException e) {
            throw new SnapshotException("The snapshot manifest is damaged: " + e.getMessage(), e);
        }
    }

    /** Name of the i-th (0-based) column in a Parquet extract ({@code SnapshotExtractQueries#extractParquet}). */
    public static String parquetColumn(int i) {
        return "c" + (i + 1);
    }

    /**
     * Appends the rows of a Parquet extract to a snapshot table in one statement (DuckDB reads the
     * file on all cores); times arrive as epoch seconds. Returns the number of rows inserted.
     */
    public static long insertFromParquet(Connection c, Table t, java.nio.file.Path parquet) throws SQLException {
        StringBuilder select = new StringBuilder();
        for (int i = 0; i < t.columns().size(); i++) {
            String col = parquetColumn(i);
            if (i > 0) select.append(", ");
            select.append(t.columns().get(i).type() == com.ja4.workstation.data.schema.ColumnType.DATETIME
                    ? "make_timestamp(" + col + " * 1000000)" : col);
        }
        String file = parquet.toAbsolutePath().toString().replace("'", "''"); // our own temp file, quoted as a literal
        try (Statement s = c.createStatement()) {
            return s.executeLargeUpdate("INSERT INTO " + t.name() + " (" + String.join(", ", t.columnNames()) + ") SELECT "
                    + select + " FROM read_parquet('" + file + "', binary_as_string = true)");
        }
    }

    public static Map<String, Long> rowCounts(Connection c) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Statement s = c.createStatement()) {
            for (Table t : WarehouseSchema.TABLES) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + t.name())) {
                    rs.next();
                    counts.put(t.name(), rs.getLong(1));
                }
            }
        }
        return counts;
    }

    /** SHA-256 over each table's name, row count and sum of row hashes (order-independent). */
    public static String checksum(Connection c) throws SQLException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (Statement s = c.createStatement()) {
            for (Table t : WarehouseSchema.TABLES) {
                String cols = String.join(", ", t.columnNames());
                try (ResultSet rs = s.executeQuery("SELECT count(*), coalesce(sum(hash(" + cols + ")::HUGEINT), 0)::VARCHAR FROM " + t.name())) {
                    rs.next();
                    md.update((t.name() + ":" + rs.getLong(1) + ":" + rs.getString(2) + ";").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
