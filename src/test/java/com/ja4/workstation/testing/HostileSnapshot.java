package com.ja4.workstation.testing;

import com.ja4.workstation.domain.AppVersion;
import com.ja4.workstation.data.schema.Column;
import com.ja4.workstation.data.schema.ColumnType;
import com.ja4.workstation.data.schema.Table;
import com.ja4.workstation.data.schema.WarehouseSchema;
import com.ja4.workstation.data.snapshot.SnapshotFormat;
import com.ja4.workstation.data.snapshot.SnapshotManifest;
import com.ja4.workstation.service.snapshot.SignerKey;
import com.ja4.workstation.service.snapshot.SnapshotKeys;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A valid snapshot (format 2, correct checksum) whose every text column holds hostile strings: SQL,
 * LIKE wildcards, backslashes, NUL, quotes, a 100 KB value with a right-to-left override, bidi
 * isolates, zero-width characters, emoji, spreadsheet formulas, line breaks, surrounding blanks.
 * Row {@code r} of every table puts {@code TEXTS[(r + c) % n]} in its {@code c}-th column, so each
 * text appears exactly once in every text column of every table ({@link #text}). IP columns hold
 * valid addresses (the warehouse types them), numbers small values, times fall inside the 24 h
 * before {@link #AS_OF}.
 */
public final class HostileSnapshot {

    public static final Instant AS_OF = Instant.parse("2026-03-01T12:00:00Z");
    public static final String LONG = "A".repeat(50_000) + "\u202E" + "B".repeat(50_000);

    /** The hostile values; all distinct. */
    public static final List<String> TEXTS = List.of(
            "'; DROP TABLE http_logs; --",
            "x' OR '1'='1",
            "100%_off",
            "%",
            "_",
            "a\\b\\\\c\\%",
            "nul\u0000byte",
            "evil\u202Etxt.exe",
            "\u2066isolated\u2069 \u202Bembedded\u202C",
            "zero\u200Bwidth\uFEFF",
            "😀🔥 emoji 👩‍💻",
            "=HYPERLINK(\"http://127.0.0.1/x\",\"click\")",
            "+1+1",
            "-2+3",
            "@SUM(A1:A9)",
            "\t=1+1",
            "\r=1+1",
            "line1\nline2",
            "quote\"inside",
            " padded ",
            "NULL",
            "",
            "\\N",
            "ĦØŞŦ ünïcödé ‮",
            LONG);

    private HostileSnapshot() {
    }

    public static int rows() {
        return TEXTS.size();
    }

    /** The text in column {@code column} (0-based, schema order) of row {@code row}. */
    public static String text(int row, int column) {
        return TEXTS.get((row + column) % TEXTS.size());
    }

    /** The IPv4 address of row {@code row} (IPv6 columns hold it as ::ffff:a.b.c.d). */
    public static String ipv4(int row) {
        return "10.0." + (row / 200) + "." + (row % 200 + 1);
    }

    /** Writes the snapshot unsigned; returns its manifest. */
    public static SnapshotManifest write(Path file) throws SQLException, java.io.IOException {
        return write(file, null);
    }

    /** Writes the snapshot, signed with {@code keys}' own key when not null. */
    public static SnapshotManifest write(Path file, SnapshotKeys keys) throws SQLException, java.io.IOException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath())) {
            SnapshotFormat.createTables(c);
            for (Table t : WarehouseSchema.TABLES) fill(c, t);
            SnapshotManifest m = new SnapshotManifest("hostile corpus \u202Etest", AS_OF, Duration.ofHours(24), "",
                    SnapshotFormat.rowCounts(c), AppVersion.current(), "");
            if (keys != null) {
                SignerKey own = keys.ownKey();
                m = m.withSignature(new SnapshotManifest.Signature(own.name(), own.publicKey(), ""));
            }
            String checksum = SnapshotFormat.checksum(c, m);
            m = m.withChecksum(checksum);
            if (keys != null) m = m.withSignature(m.signature().orElseThrow().withValue(keys.sign(SnapshotFormat.signedMessage(checksum))));
            SnapshotFormat.writeManifest(c, m);
            try (Statement s = c.createStatement()) {
                s.execute("CHECKPOINT");
            }
            return m;
        }
    }

    private static void fill(Connection c, Table t) throws SQLException {
        List<Column> cols = t.columns();
        String marks = cols.stream().map(x -> "?").collect(Collectors.joining(", "));
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + t.name() + " VALUES (" + marks + ")")) {
            for (int r = 0; r < rows(); r++) {
                for (int i = 0; i < cols.size(); i++) bind(ps, i + 1, cols.get(i).type(), r, i);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void bind(PreparedStatement ps, int index, ColumnType type, int row, int column) throws SQLException {
        switch (type) {
            case DATETIME -> ps.setTimestamp(index, Timestamp.valueOf(
                    LocalDateTime.ofInstant(AS_OF.minus(Duration.ofMinutes(10L * (row + 1))), ZoneOffset.UTC)));
            case IPV4 -> ps.setString(index, ipv4(row));
            case IPV6 -> ps.setString(index, "::ffff:" + ipv4(row));
            case STRING, LOW_CARDINALITY -> ps.setString(index, text(row, column));
            case UINT8 -> ps.setShort(index, (short) (row % 100));
            case UINT16 -> ps.setInt(index, 1000 + row);
            case UINT32, UINT64 -> ps.setLong(index, row + 1L);
            case FLOAT64 -> ps.setDouble(index, (row % 10) / 10.0);
        }
    }
}
