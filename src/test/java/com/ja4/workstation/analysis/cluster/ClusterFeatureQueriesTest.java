package com.ja4.workstation.analysis.cluster;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ja4.workstation.app.RootCommand;
import com.ja4.workstation.data.cluster.ClusterFeatureQueries;
import com.ja4.workstation.domain.cluster.ClusterMemberRow;
import com.ja4.workstation.domain.cluster.FeatureRow;
import com.ja4.workstation.data.snapshot.SnapshotFormat;
import com.ja4.workstation.data.snapshot.SnapshotManifest;
import com.ja4.workstation.data.warehouse.DatabaseNames;
import com.ja4.workstation.data.warehouse.DuckDbDialect;
import com.ja4.workstation.data.warehouse.DuckDbSource;
import com.ja4.workstation.data.warehouse.QueryContext;
import com.ja4.workstation.data.warehouse.Warehouse;
import com.ja4.workstation.domain.ThreatLevel;
import com.ja4.workstation.domain.TimeWindow;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The all-pairs feature query on a DuckDB snapshot built here. */
class ClusterFeatureQueriesTest {

    private static final Instant AS_OF = Instant.parse("2025-03-01T12:00:00Z");
    private static final TimeWindow DAY = new TimeWindow(AS_OF, Duration.ofHours(24));

    @TempDir
    Path dir;
    Path file;

    @BeforeEach
    void snapshot() throws Exception {
        file = dir.resolve("s.duckdb");
        try (DuckDbSource src = DuckDbSource.open(file, false); Connection c = src.open()) {
            SnapshotFormat.createTables(c);
            // a browser over two hours (2 x 30 hits), seen twice by the models, once NORMAL once HIGH
            traffic(c, "::ffff:192.0.2.10", "t13_browser", 118, 64240, 8, 1460, 30, 2);
            detection(c, "::ffff:192.0.2.10", "t13_browser", 0.4, "NORMAL");
            detection(c, "::ffff:192.0.2.10", "t13_browser", 0.6, "HIGH");
            // Masscan: one hit, CRITICAL
            traffic(c, "::ffff:203.0.113.7", "t00_masscan", 247, 1024, 0, 0, 1, 1);
            detection(c, "::ffff:203.0.113.7", "t00_masscan", -0.97, "CRITICAL");
            // a real IPv6 client without any detection
            traffic(c, "2001:db8::5", "t13_v6", 57, 65535, 6, 1440, 500, 1);
            // outside the window: ignored
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO agg_host_ip_ja4_1h VALUES (?, 'h', '::ffff:198.51.100.1', 'old', 1, 'ua', 64, 1, 1, 1)")) {
                ps.setTimestamp(1, Timestamp.valueOf("2025-02-27 00:00:00"));
                ps.execute();
            }
            com.ja4.workstation.testing.Snapshots.seal(c, new SnapshotManifest("test", AS_OF, Duration.ofHours(24), "",
                    Map.of(), "test", ""));
        }
    }

    @Test
    void featuresAggregateEachSideBeforeJoiningAndRankThreatBySeverity() throws Exception {
        try (Warehouse w = warehouse()) {
            List<FeatureRow> rows = new ClusterFeatureQueries(w).allPairs(DAY, QueryContext.create());
            assertEquals(List.of("192.0.2.10", "2001:db8::5", "203.0.113.7"), rows.stream().map(FeatureRow::ip).toList(),
                    "every pair of the window, by IP (a total order)");
            FeatureRow masscan = rows.get(2);
            assertEquals("203.0.113.7", masscan.ip());
            assertEquals(ThreatLevel.CRITICAL, masscan.threat());
            assertEquals(0.97, masscan.anomalyScore(), 1e-9);
            FeatureRow browser = rows.stream().filter(r -> r.ip().equals("192.0.2.10")).findFirst().orElseThrow();
            assertEquals(60, browser.hits(), "hits must not be multiplied by the detection rows");
            assertEquals(ThreatLevel.HIGH, browser.threat(), "HIGH outranks NORMAL although 'NORMAL' > 'HIGH' as text");
            FeatureRow v6 = rows.stream().filter(r -> r.ip().equals("2001:db8::5")).findFirst().orElseThrow();
            assertNull(v6.threat());
            assertEquals(1440, v6.mss());
        }
    }

    @Test
    void commandClustersASnapshotOverItsAsOfDay() throws Exception {
        Path out = dir.resolve("r.json");
        int code = new picocli.CommandLine(new RootCommand()).execute("cluster", "--source", file.toString(),
                "--k", "4", "--out", out.toString());
        // three pairs cannot make four clusters: refused with a reason, not a stack trace
        assertEquals(1, code);
        try (DuckDbSource src = DuckDbSource.open(file, false); Connection c = src.open(); Statement s = c.createStatement()) {
            for (int i = 0; i < 20; i++) {
                traffic(c, "::ffff:10.1.1." + i, "j" + (i % 3), 64, 29200, 7, 1460, 10 + i, 1);
            }
            com.ja4.workstation.testing.Snapshots.seal(c, SnapshotFormat.readManifest(c)); // re-exported, as a changed file must be
        }
        code = new picocli.CommandLine(new RootCommand()).execute("cluster", "--source", file.toString(),
                "--k", "4", "--out", out.toString());
        assertEquals(0, code);
        JsonNode json = new ObjectMapper().readTree(out.toFile());
        assertEquals(23, json.get("assignments").size());
    }

    private Warehouse warehouse() throws Exception {
        return new Warehouse(DuckDbSource.open(file, true), DuckDbDialect.INSTANCE, DatabaseNames.DEFAULT, Duration.ZERO);
    }

    private static void traffic(Connection c, String ip, String ja4, int ttl, long win, int scale, int mss, long hits,
                                int hours) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO agg_host_ip_ja4_1h VALUES (?, 'shop.example', ?, ?, ?, 'UA', ?, ?, ?, ?)")) {
            for (int h = 1; h <= hours; h++) {
                ps.setTimestamp(1, Timestamp.valueOf("2025-03-01 0" + (h + 1) + ":00:00"));
                ps.setString(2, ip);
                ps.setString(3, ja4);
                ps.setLong(4, hits);
                ps.setInt(5, ttl);
                ps.setLong(6, win);
                ps.setInt(7, scale);
                ps.setInt(8, mss);
                ps.execute();
            }
        }
    }

    private static void detection(Connection c, String ip, String ja4, double score, String threat) throws Exception {
        StringBuilder sql = new StringBuilder("INSERT INTO ml_detected_anomalies (detected_at, src_ip, ja4, host, model_name,"
                + " anomaly_score, threat_level, recurrence, hits, hit_velocity, fuzzing_index, post_ratio, asset_ratio,"
                + " direct_access_ratio, temporal_entropy, modern_browser_score, is_headless, ip_id_zero_ratio,"
                + " alpn_http_mismatch, is_alpn_missing, multiplexing_efficiency, header_order_confidence, ua_ch_mismatch,"
                + " distinct_ja4_count, is_ua_rotating, country_code, asn_org)"
                + " VALUES (TIMESTAMP '2025-03-01 05:00:00', ?, ?, 'shop.example', 'm', ?, ?, 1, 1,"
                + " 1, 0, 0, 0.5, 0.2, 0.6, 0.8, 0, 0, 0, 0, 0.5, 0.9, 0, 1, 0, 'FR', 'ISP')");
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            ps.setString(1, ip);
            ps.setString(2, ja4);
            ps.setDouble(3, score);
            ps.setString(4, threat);
            ps.execute();
        }
    }
}
