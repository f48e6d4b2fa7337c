package com.ja4.workstation.data.snapshot;

import com.ja4.workstation.data.schema.Column;
import com.ja4.workstation.data.schema.ColumnType;
import com.ja4.workstation.data.schema.Table;
import com.ja4.workstation.data.schema.WarehouseSchema;
import com.ja4.workstation.data.warehouse.DuckDbSource;
import com.ja4.workstation.data.warehouse.UntrustedCatalog;
import com.ja4.workstation.domain.DisplayText;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Layout of a snapshot file (format 2): the schema's tables, optionally the demo's ground truth
 * ({@link #POPULATION}), and a key/value manifest.
 *
 * <p>The manifest's checksum ({@link #contentDigest}) is a SHA-256 over a canonical, injective
 * encoding of the whole content: for every table in a fixed order its name, row count and the
 * SHA-256 of its rows' SHA-256 digests sorted (each row encoded field by field, strings
 * length-prefixed), then every manifest entry except the checksum and signature (format, source,
 * window, filters, app version, row counts, signer). Changing any value, row, table or entry
 * changes it; finding another content with the same checksum means breaking SHA-256. The
 * signature, when present, signs {@link #signedMessage} of that checksum with the exporting
 * workstation's Ed25519 key.
 */
public final class SnapshotFormat {

    public static final String MANIFEST_TABLE = "snapshot_manifest";
    public static final String FORMAT_KEY = "format";
    public static final String FORMAT_VALUE = "ja4-workstation-snapshot/2";
    static final String FORMAT_1 = "ja4-workstation-snapshot/1";

    /** Ground truth of the demo (IP and simulated population); only demo snapshots have it. */
    public static final Table POPULATION = new Table("demo_population", false,
            List.of(Column.of("src_ip", ColumnType.STRING), Column.of("population", ColumnType.STRING)), "src_ip", Optional.empty());

    static final String SOURCE = "source";
    static final String AS_OF = "as_of";
    static final String WINDOW = "window_seconds";
    static final String FILTERS = "filters";
    static final String APP_VERSION = "app_version";
    static final String CHECKSUM = "checksum";
    static final String SIGNER_NAME = "signer_name";
    static final String SIGNER_KEY = "signer_key";
    static final String SIGNATURE = "signature";
    static final String ROWS = "rows.";
    private static final Set<String> KEYS = Set.of(FORMAT_KEY, SOURCE, AS_OF, WINDOW, FILTERS, APP_VERSION, CHECKSUM,
            SIGNER_NAME, SIGNER_KEY, SIGNATURE);
    /** Longer manifest values are refused: nothing we write comes near. */
    static final int MAX_VALUE_LENGTH = 10_000;
    private static final String SIGNATURE_CONTEXT = "ja4-workstation-snapshot-signature/1\n";

    private SnapshotFormat() {
    }

    /** Every table a snapshot may hold, with its exact DuckDB columns (the population table optional). */
    public static List<UntrustedCatalog.TableLayout> layout() {
        List<UntrustedCatalog.TableLayout> out = new ArrayList<>();
        for (Table t : WarehouseSchema.TABLES) out.add(layoutOf(t, true));
        out.add(layoutOf(POPULATION, false));
        out.add(new UntrustedCatalog.TableLayout(MANIFEST_TABLE,
                List.of(new UntrustedCatalog.ColumnLayout("key", "VARCHAR"), new UntrustedCatalog.ColumnLayout("value", "VARCHAR")), true));
        return out;
    }

    private static UntrustedCatalog.TableLayout layoutOf(Table t, boolean required) {
        return new UntrustedCatalog.TableLayout(t.name(),
                t.columns().stream().map(c -> new UntrustedCatalog.ColumnLayout(c.name(), c.type().duckDb())).toList(), required);
    }

    /** The content tables among {@code present} names, in checksum order (schema order, then the population). */
    public static List<Table> contentTables(Collection<String> present) {
        List<Table> out = new ArrayList<>();
        for (Table t : WarehouseSchema.TABLES) if (present.contains(t.name())) out.add(t);
        if (present.contains(POPULATION.name())) out.add(POPULATION);
        return out;
    }

    public static void createTables(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (Table t : WarehouseSchema.TABLES) s.execute(t.duckDbDdl());
            s.execute("CREATE TABLE IF NOT EXISTS " + MANIFEST_TABLE + " (key VARCHAR PRIMARY KEY, value VARCHAR)");
        }
    }

    /** The entries the checksum covers: all but the checksum and the signature value. */
    static Map<String, String> coveredEntries(SnapshotManifest m) {
        Map<String, String> kv = new LinkedHashMap<>();
        kv.put(FORMAT_KEY, FORMAT_VALUE);
        kv.put(SOURCE, m.source());
        kv.put(AS_OF, m.asOf().toString());
        kv.put(WINDOW, Long.toString(m.window().toSeconds()));
        kv.put(FILTERS, m.filters());
        kv.put(APP_VERSION, m.appVersion());
        m.rowCounts().forEach((table, n) -> kv.put(ROWS + table, Long.toString(n)));
        m.signature().ifPresent(s -> {
            kv.put(SIGNER_NAME, s.signerName());
            kv.put(SIGNER_KEY, s.publicKey());
        });
        return kv;
    }

    public static void writeManifest(Connection c, SnapshotManifest m) throws SQLException {
        Map<String, String> kv = new LinkedHashMap<>(coveredEntries(m));
        kv.put(CHECKSUM, m.checksum());
        m.signature().ifPresent(s -> kv.put(SIGNATURE, s.value()));
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

    /** Reads the manifest of a file this process opened itself (tables in the default database). */
    public static SnapshotManifest readManifest(Connection c) throws SnapshotException {
        return readManifest(c, "");
    }

    /**
     * Reads and validates the manifest; {@code database} qualifies the table ("" for the default
     * database, {@link DuckDbSource#ALIAS} for a locked file). Throws with a clear reason when the
     * file is not a snapshot of this format or its manifest is malformed.
     */
    public static SnapshotManifest readManifest(Connection c, String database) throws SnapshotException {
        Map<String, String> kv = new TreeMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT key, value FROM " + qualified(database, MANIFEST_TABLE))) {
            while (rs.next()) {
                String key = rs.getString(1);
                String value = rs.getString(2);
                if (key == null || value == null) throw damaged("an entry has no " + (key == null ? "key" : "value"));
                if (kv.put(key, value) != null) throw damaged("the entry '" + shown(key) + "' appears twice");
                if (value.length() > MAX_VALUE_LENGTH) throw damaged("the entry '" + shown(key) + "' is too long");
            }
        } catch (SQLException e) {
            throw new SnapshotException("This file is not a JA4 workstation snapshot (it has no manifest).", e);
        }
        String format = kv.get(FORMAT_KEY);
        if (FORMAT_1.equals(format)) {
            throw new SnapshotException("This snapshot was written by an earlier version of the workstation (format 1), whose"
                    + " checksum does not cover the whole file, so its content cannot be verified. Ask for a new export.");
        }
        if (!FORMAT_VALUE.equals(format)) {
            throw new SnapshotException("Unknown snapshot format '" + shown(format) + "'; expected " + FORMAT_VALUE + ".");
        }
        for (String k : kv.keySet()) {
            if (!KEYS.contains(k) && !k.startsWith(ROWS)) throw damaged("it has an entry '" + shown(k) + "' that snapshots do not have");
        }
        for (String k : List.of(SOURCE, AS_OF, WINDOW, FILTERS, APP_VERSION, CHECKSUM)) {
            if (!kv.containsKey(k)) throw damaged("the entry '" + k + "' is missing");
        }
        int signed = (kv.containsKey(SIGNER_NAME) ? 1 : 0) + (kv.containsKey(SIGNER_KEY) ? 1 : 0) + (kv.containsKey(SIGNATURE) ? 1 : 0);
        if (signed != 0 && signed != 3) throw damaged("its signature is incomplete (signer name, key and signature go together)");
        Map<String, Long> counts = new LinkedHashMap<>();
        for (var e : kv.entrySet()) {
            if (e.getKey().startsWith(ROWS)) counts.put(e.getKey().substring(ROWS.length()), count(e.getKey(), e.getValue()));
        }
        Instant asOf;
        try {
            asOf = Instant.parse(kv.get(AS_OF));
        } catch (RuntimeException e) {
            throw damaged("as_of '" + shown(kv.get(AS_OF)) + "' is not a time");
        }
        long window = count(WINDOW, kv.get(WINDOW));
        Optional<SnapshotManifest.Signature> signature = signed == 0 ? Optional.empty()
                : Optional.of(new SnapshotManifest.Signature(kv.get(SIGNER_NAME), kv.get(SIGNER_KEY), kv.get(SIGNATURE)));
        return new SnapshotManifest(kv.get(SOURCE), asOf, Duration.ofSeconds(window), kv.get(FILTERS), counts,
                kv.get(APP_VERSION), kv.get(CHECKSUM), signature, Provenance.notVerified());
    }

    private static long count(String key, String value) throws SnapshotException {
        try {
            long n = Long.parseLong(value);
            if (n >= 0) return n;
        } catch (NumberFormatException ignored) {
            // worded below
        }
        throw damaged(key + " '" + shown(value) + "' is not a count");
    }

    private static SnapshotException damaged(String what) {
        return new SnapshotException("The snapshot manifest is damaged: " + what + ".");
    }

    private static String shown(String s) {
        return s == null ? "(none)" : DisplayText.of(s, 80);
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
            select.append(t.columns().get(i).type() == ColumnType.DATETIME
                    ? "make_timestamp(" + col + " * 1000000)" : col);
        }
        String file = parquet.toAbsolutePath().toString().replace("'", "''"); // our own temp file, quoted as a literal
        try (Statement s = c.createStatement()) {
            return s.executeLargeUpdate("INSERT INTO " + t.name() + " (" + String.join(", ", t.columnNames()) + ") SELECT "
                    + select + " FROM read_parquet('" + file + "', binary_as_string = true)");
        }
    }

    /** Rows of each schema table (a file this process wrote). */
    public static Map<String, Long> rowCounts(Connection c) throws SQLException {
        return rowCounts(c, "", WarehouseSchema.TABLES);
    }

    public static Map<String, Long> rowCounts(Connection c, String database, List<Table> tables) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Statement s = c.createStatement()) {
            for (Table t : tables) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + qualified(database, t.name()))) {
                    rs.next();
                    counts.put(t.name(), rs.getLong(1));
                }
            }
        }
        return counts;
    }

    /** The checksum of a file this process is writing: its tables listed in the manifest's row counts. */
    public static String checksum(Connection c, SnapshotManifest m) throws SQLException {
        return contentDigest(c, "", contentTables(m.rowCounts().keySet()), m);
    }

    /**
     * SHA-256 (hex) of the canonical encoding described in the class comment. The tables are read
     * with names qualified by {@code database}; only DuckDB built-ins are called (sha256, strlen,
     * coalesce, CAST), and a locked file is never on the search path while this runs,
     * so nothing the file defines can stand in for them.
     */
    public static String contentDigest(Connection c, String database, List<Table> tables, SnapshotManifest m) throws SQLException {
        return contentDigest(c, database, tables, m, t -> { });
    }

    /** As {@link #contentDigest(Connection, String, List, SnapshotManifest)}; {@code tableDone} hears of each table digested (progress). */
    public static String contentDigest(Connection c, String database, List<Table> tables, SnapshotManifest m,
                                       java.util.function.Consumer<Table> tableDone) throws SQLException {
        MessageDigest md = sha256();
        update(md, FORMAT_VALUE + "\n");
        try (Statement s = c.createStatement()) {
            for (Table t : tables) {
                // the table's digest is SHA-256 over its rows' hex digests, sorted and concatenated; they are
                // streamed in order into the digest here rather than concatenated in DuckDB (string_agg), whose
                // one string of 64 bytes per row (256 MB for 2 million rows) ignores any memory limit
                String sql = "SELECT sha256(" + rowEncoding(t) + ") AS h FROM " + qualified(database, t.name()) + " ORDER BY h";
                MessageDigest rows = sha256();
                long count = 0;
                try (ResultSet rs = s.executeQuery(sql)) {
                    while (rs.next()) {
                        update(rows, rs.getString(1));
                        count++;
                    }
                }
                update(md, "table\n");
                field(md, t.name());
                field(md, Long.toString(count));
                field(md, HexFormat.of().formatHex(rows.digest()));
                tableDone.accept(t);
            }
        }
        update(md, "manifest\n");
        for (var e : new TreeMap<>(coveredEntries(m)).entrySet()) {
            field(md, e.getKey());
            field(md, e.getValue());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /**
     * One row as text, injectively: a string as its byte length, ':' and its bytes; any other
     * value as its text (which never holds ',') and ','; NULL as 'N' or 'N,'. Doubles print as the
     * shortest text that reads back to the same value, timestamps to the microsecond.
     */
    static String rowEncoding(Table t) {
        return t.columns().stream().map(col -> {
            String q = "\"" + col.name() + "\"";
            return col.type().duckDb().equals("VARCHAR")
                    ? "coalesce(strlen(" + q + ") || ':' || " + q + ", 'N')"
                    : "coalesce(CAST(" + q + " AS VARCHAR) || ',', 'N,')";
        }).collect(Collectors.joining(" || "));
    }

    /** The bytes a snapshot signature signs: a fixed context line and the checksum. */
    public static byte[] signedMessage(String checksum) {
        return (SIGNATURE_CONTEXT + checksum).getBytes(StandardCharsets.UTF_8);
    }

    private static String qualified(String database, String table) {
        return database.isEmpty() ? table : database + ".main." + table;
    }

    private static void field(MessageDigest md, String value) {
        byte[] b = value.getBytes(StandardCharsets.UTF_8);
        update(md, b.length + ":");
        md.update(b);
        update(md, "\n");
    }

    private static void update(MessageDigest md, String s) {
        md.update(s.getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
