package com.ja4.workstation.data.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ja4.workstation.data.schema.Table;
import com.ja4.workstation.data.schema.WarehouseSchema;
import com.ja4.workstation.domain.ClientIp;
import com.ja4.workstation.testing.DemoSnapshots;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The default demo: each population shows its defining signals, and the tables agree with each other. */
class DemoContentTest {

    private static DemoDb db;

    @BeforeAll
    static void open() throws Exception {
        db = new DemoDb(DemoSnapshots.defaultDemo());
    }

    @AfterAll
    static void close() throws Exception {
        db.close();
    }

    /** IPs of one population joined to a table on src_ip. */
    private static String of(String population, String table) {
        return " FROM " + table + " t JOIN demo_population p ON p.src_ip = t.src_ip WHERE p.population = '" + population + "'";
    }

    @Test
    void everyPopulationIsPresent() throws Exception {
        List<String> present = db.strings("SELECT DISTINCT population FROM demo_population ORDER BY 1");
        List<String> expected = Arrays.stream(DemoPopulation.values()).map(DemoPopulation::label).sorted().toList();
        assertEquals(expected, present);
        assertEquals(db.scalar("SELECT count(*) FROM demo_population"),
                db.scalar("SELECT count(DISTINCT src_ip) FROM demo_population"), "one row per IP");
        assertEquals(db.scalar("SELECT count(*) FROM demo_population"), db.scalar("SELECT count(*) FROM view_ip_recurrence"));
    }

    @Test
    void masscanHasItsSynAndOneOrTwoHits() throws Exception {
        String agg = of("masscan", "agg_host_ip_ja4_1h");
        assertTrue(db.scalar("SELECT count(*)" + agg) >= 100);
        assertEquals(0, db.scalar("SELECT count(*)" + agg
                + " AND NOT (tcp_win_raw = 1024 AND tcp_ttl_raw >= 230 AND tcp_mss_raw = 0 AND tcp_scale_raw = 0)"));
        assertEquals(0, db.scalar("SELECT count(*) FROM (SELECT t.src_ip, sum(hits) h" + agg
                + " GROUP BY t.src_ip) WHERE h NOT BETWEEN 1 AND 2"));
        assertEquals(0, db.scalar("SELECT count(*)" + of("masscan", "ml_all_scores")
                + " AND (anomaly_score < 0.9 OR threat_level NOT IN ('CRITICAL', 'HIGH'))"));
        // no other population looks like Masscan at the TCP level
        assertEquals(0, db.scalar("SELECT count(*) FROM agg_host_ip_ja4_1h t JOIN demo_population p USING (src_ip)"
                + " WHERE p.population <> 'masscan' AND tcp_win_raw = 1024"));
    }

    @Test
    void credentialStuffersPostToTheLogin() throws Exception {
        String f = of("credential_stuffer", "view_ai_features_1h");
        assertTrue(db.scalar("SELECT count(*)" + f) > 0);
        assertEquals(0, db.scalar("SELECT count(*)" + f + " AND post_ratio <= 0.7"));
        assertEquals(0, db.scalar("SELECT count(*)" + of("credential_stuffer", "ml_all_scores")
                + " AND threat_level NOT IN ('HIGH', 'CRITICAL')"));
        assertTrue(db.scalar("SELECT count(*) FROM http_logs l JOIN demo_population p ON p.src_ip = '::ffff:' || l.src_ip"
                + " WHERE p.population = 'credential_stuffer' AND method = 'POST' AND path = '/account/login'") > 1000);
    }

    @Test
    void fuzzersProbeManyOddPaths() throws Exception {
        String f = of("fuzzer", "view_ai_features_1h");
        assertTrue(db.real("SELECT avg(fuzzing_index)" + f) > 0.6);
        assertTrue(db.real("SELECT avg(path_diversity_ratio)" + f) > 0.5);
        assertEquals(0, db.scalar("SELECT count(*)" + of("fuzzer", "ml_all_scores")
                + " AND threat_level NOT IN ('HIGH', 'CRITICAL')"));
    }

    @Test
    void spoofersShowABrowserJa4WithInconsistentBehaviour() throws Exception {
        String s = of("ja4_spoofer", "ml_all_scores");
        assertTrue(db.scalar("SELECT count(*)" + s) > 0);
        assertEquals(0, db.scalar("SELECT count(*)" + s
                + " AND NOT (is_known_browser = 1 AND browser_family <> '' AND browser_consistency_score <= 2"
                + " AND threat_level IN ('MEDIUM', 'HIGH'))"));
        String f = of("ja4_spoofer", "view_ai_features_1h");
        assertEquals(0, db.scalar("SELECT count(*)" + f
                + " AND NOT (ua_ch_mismatch > 0.5 AND header_order_confidence < 0.5 AND alpn_http_mismatch = 1"
                + " AND asn_label IN ('datacenter', 'hosting'))"));
        // the same JA4s are used by real residential browsers
        assertEquals(0, db.scalar("SELECT count(DISTINCT t.ja4)" + s
                + " AND t.ja4 NOT IN (SELECT ja4" + of("residential_browser", "ml_all_scores") + ")"));
    }

    @Test
    void residentialBrowsersAreMostlyLegitimate() throws Exception {
        String s = of("residential_browser", "ml_all_scores");
        long all = db.scalar("SELECT count(*)" + s);
        long legit = db.scalar("SELECT count(*)" + s + " AND threat_level = 'LEGITIMATE_BROWSER'");
        assertTrue(legit > all * 0.7, legit + " of " + all);
        assertEquals(0, db.scalar("SELECT count(*)" + s + " AND threat_level = 'LEGITIMATE_BROWSER'"
                + " AND (browser_consistency_score < 4 OR is_known_browser = 0)"));
        assertEquals(0, db.scalar("SELECT count(*)" + s + " AND threat_level NOT IN ('LEGITIMATE_BROWSER', 'NORMAL', 'LOW')"));
        assertEquals(0, db.scalar("SELECT count(*)" + of("residential_browser", "view_ai_features_1h")
                + " AND asn_label NOT IN ('human', 'isp', 'mobile')"));
        assertEquals(List.of("Chrome", "Edge", "Firefox", "Safari"),
                db.strings("SELECT DISTINCT browser_family" + s + " ORDER BY 1"));
    }

    @Test
    void tcpStacksAreOnesRealClientsOfTheClaimedSystemSent() throws Exception {
        // Window and scale come from SYNs that real clients claiming the same OS sent (public captures);
        // TTL class too. Only the hop count and a mobile carrier's MSS clamp are the demo's own.
        String agg = of("residential_browser", "agg_host_ip_ja4_1h");
        Map<String, TcpStack.Os> claims = Map.of("%Windows NT%", TcpStack.Os.WINDOWS, "%Android%", TcpStack.Os.ANDROID,
                "%iPhone%", TcpStack.Os.IOS, "%Macintosh%", TcpStack.Os.MACOS);
        for (Map.Entry<String, TcpStack.Os> claim : claims.entrySet()) {
            List<String> real = TcpStack.realStacks(claim.getValue()).stream()
                    .map(t -> TcpStack.initialTtl(t.ttl()) + "/" + t.window() + "/" + t.scale()).distinct().toList();
            List<String> drawn = db.strings("SELECT DISTINCT CASE WHEN tcp_ttl_raw <= 64 THEN 64 WHEN tcp_ttl_raw <= 128 THEN 128"
                    + " ELSE 255 END || '/' || tcp_win_raw || '/' || tcp_scale_raw" + agg + " AND first_ua LIKE '" + claim.getKey() + "'");
            assertFalse(drawn.isEmpty(), claim.getKey());
            for (String d : drawn) assertTrue(real.contains(d), claim.getKey() + " drew " + d + ", not among " + real);
        }
        // a real day: the Windows browsers alone send more than a handful of distinct stacks
        assertTrue(db.scalar("SELECT count(DISTINCT tcp_win_raw || '/' || tcp_scale_raw)" + agg
                + " AND first_ua LIKE '%Windows NT%'") >= 8);
    }

    @Test
    void goodBotsAndScrapersComeFromDatacenters() throws Exception {
        assertEquals(List.of("Bingbot", "Googlebot"),
                db.strings("SELECT DISTINCT bot_name" + of("good_bot", "view_ai_features_1h") + " ORDER BY 1"));
        assertEquals(List.of("Google LLC", "Microsoft Corporation"),
                db.strings("SELECT DISTINCT asn_org" + of("good_bot", "view_ai_features_1h") + " ORDER BY 1"));
        String f = of("scraper", "view_ai_features_1h");
        assertEquals(0, db.scalar("SELECT count(*)" + f + " AND asn_label NOT IN ('datacenter', 'hosting')"));
        assertTrue(db.scalar("SELECT count(*)" + f + " AND is_headless = 1") > 0, "headless Chrome scrapers");
        List<String> uas = db.strings("SELECT DISTINCT split_part(first_ua, '/', 1)" + of("scraper", "agg_host_ip_ja4_1h"));
        assertTrue(uas.containsAll(List.of("python-requests", "curl", "Go-http-client")), uas.toString());
    }

    @Test
    void ipv6ClientsAreInIpv6ColumnsOnly() throws Exception {
        long all = db.scalar("SELECT count(*) FROM demo_population");
        List<String> v6 = db.strings("SELECT src_ip FROM demo_population WHERE src_ip NOT LIKE '::ffff:%'");
        assertTrue(v6.size() >= all * 0.03 && v6.size() <= all * 0.05, v6.size() + " IPv6 clients of " + all);
        for (String ip : v6) {
            ClientIp parsed = ClientIp.parse(ip).orElseThrow();
            assertEquals(ip, parsed.v6Text(), "RFC 5952 form");
            assertTrue(!parsed.v4());
        }
        assertEquals(0, db.scalar("SELECT count(*) FROM demo_population WHERE src_ip NOT LIKE '::ffff:%'"
                + " AND population <> 'residential_browser'"));
        for (String table : List.of("agg_host_ip_ja4_1h", "view_ai_features_1h", "ml_all_scores", "view_ip_recurrence")) {
            assertTrue(db.scalar("SELECT count(*) FROM " + table + " WHERE src_ip NOT LIKE '::ffff:%'") > 0, table);
        }
        assertEquals(0, db.scalar("SELECT count(*) FROM http_logs WHERE src_ip LIKE '%:%'"));
        assertEquals(0, db.scalar("SELECT count(*) FROM http_logs WHERE NOT regexp_full_match(src_ip, '\\d+\\.\\d+\\.\\d+\\.\\d+')"));
    }

    @Test
    void aggregatesCountTheHttpLogs() throws Exception {
        String logs = "SELECT '::ffff:' || src_ip AS src_ip, ja4, host, date_trunc('hour', time) AS hour, count(*) AS n"
                + " FROM http_logs GROUP BY ALL";
        String agg = "SELECT src_ip, ja4, host, window_start AS hour, hits AS n FROM agg_host_ip_ja4_1h"
                + " WHERE src_ip LIKE '::ffff:%'";
        assertEquals(0, db.scalar("SELECT count(*) FROM ((" + logs + ") EXCEPT (" + agg + "))"));
        assertEquals(0, db.scalar("SELECT count(*) FROM ((" + agg + ") EXCEPT (" + logs + "))"));
        assertEquals(db.scalar("SELECT count(*) FROM http_logs"),
                db.scalar("SELECT sum(hits) FROM agg_host_ip_ja4_1h WHERE src_ip LIKE '::ffff:%'"));
    }

    @Test
    void windowTablesShareTheirKeys() throws Exception {
        String key = "src_ip, ja4, host, window_start, hits";
        long windows = db.scalar("SELECT count(*) FROM agg_host_ip_ja4_1h");
        assertEquals(windows, db.scalar("SELECT count(*) FROM (SELECT DISTINCT src_ip, ja4, host, window_start FROM agg_host_ip_ja4_1h)"));
        for (String table : List.of("view_ai_features_1h", "view_thesis_features_1h", "ml_all_scores")) {
            assertEquals(windows, db.scalar("SELECT count(*) FROM " + table), table);
            assertEquals(0, db.scalar("SELECT count(*) FROM (SELECT " + key + " FROM " + table
                    + " EXCEPT SELECT " + key + " FROM agg_host_ip_ja4_1h)"), table);
        }
        // detections are exactly the scored windows with a threat verdict
        assertEquals(db.scalar("SELECT count(*) FROM ml_all_scores WHERE threat_level IN ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')"),
                db.scalar("SELECT count(*) FROM ml_detected_anomalies"));
        assertEquals(0, db.scalar("SELECT count(*) FROM (SELECT detected_at, src_ip, ja4, host, model_name, anomaly_score,"
                + " threat_level, hits FROM ml_detected_anomalies EXCEPT SELECT detected_at, src_ip, ja4, host, model_name,"
                + " anomaly_score, threat_level, hits FROM ml_all_scores)"));
        assertEquals(List.of("autoencoder_v1", "iforest_v3", "xgb_hybrid_v2"),
                db.strings("SELECT DISTINCT model_name FROM ml_all_scores ORDER BY 1"));
    }

    @Test
    void featureValuesStayInTheirRanges() throws Exception {
        for (String f : WarehouseSchema.BEHAVIOUR_FEATURES) {
            double min = db.real("SELECT min(" + f + ") FROM view_ai_features_1h");
            double max = db.real("SELECT max(" + f + ") FROM view_ai_features_1h");
            assertTrue(min >= 0, f + " min " + min);
            switch (f) {
                case "hit_velocity" -> assertTrue(max < 50, f + " max " + max);
                case "header_count" -> assertTrue(max <= 20, f + " max " + max);
                case "distinct_ja4_count" -> assertTrue(max <= 5, f + " max " + max);
                default -> assertTrue(max <= 1, f + " max " + max);
            }
        }
        assertEquals(0, db.scalar("SELECT count(*) FROM ml_all_scores WHERE anomaly_score NOT BETWEEN 0 AND 1"
                + " OR xgb_prob NOT BETWEEN 0 AND 1 OR browser_consistency_score NOT BETWEEN 0 AND 5"));
    }

    @Test
    void allTimesAreInsideTheWindow() throws Exception {
        // snapshots store UTC wall time in TIMESTAMP columns; literals avoid any session time zone
        String start = utc(DemoOptions.DEFAULT_AS_OF.minusSeconds(86_400));
        String range = " NOT BETWEEN " + start + " AND " + utc(DemoOptions.DEFAULT_AS_OF.minusSeconds(1));
        for (Table t : WarehouseSchema.TABLES) {
            if (t.timeColumn().isEmpty()) continue;
            String c = t.timeColumn().get();
            assertEquals(0, db.scalar("SELECT count(*) FROM " + t.name() + " WHERE " + c + range), t.name() + "." + c);
        }
        assertEquals(0, db.scalar("SELECT count(*) FROM ml_all_scores WHERE window_start" + range));
        assertEquals(0, db.scalar("SELECT count(*) FROM ml_all_scores WHERE detected_at < window_start"));
        assertEquals(0, db.scalar("SELECT count(*) FROM view_ip_recurrence WHERE last_seen" + range));
        assertEquals(0, db.scalar("SELECT count(*) FROM view_ip_recurrence WHERE first_seen > last_seen OR days_active < 1"
                + " OR recurrence < 1 OR distinct_hosts < 1"));
        assertTrue(db.scalar("SELECT count(*) FROM view_ip_recurrence WHERE first_seen < " + start) > 0, "some IPs were first seen days before");
        // every last_seen is the IP's latest request
        assertEquals(0, db.scalar("SELECT count(*) FROM view_ip_recurrence r JOIN (SELECT '::ffff:' || src_ip AS src_ip,"
                + " max(time) AS t FROM http_logs GROUP BY 1) l USING (src_ip) WHERE r.last_seen <> l.t"));
    }

    private static String utc(java.time.Instant t) {
        return "TIMESTAMP '" + java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                .format(java.time.LocalDateTime.ofInstant(t, java.time.ZoneOffset.UTC)) + "'";
    }

    @Test
    void feedbackIsAHandfulOfLiveClassifications() throws Exception {
        long n = db.scalar("SELECT count(*) FROM soc_feedback");
        assertTrue(n >= 5 && n <= 20, n + " rows");
        assertEquals(0, db.scalar("SELECT count(*) FROM soc_feedback WHERE source <> 'live' OR analyst = ''"
                + " OR classification NOT IN ('bot', 'legitimate', 'suspicious')"));
        assertEquals(0, db.scalar("SELECT count(*) FROM soc_feedback WHERE src_ip NOT IN (SELECT src_ip FROM demo_population)"));
    }
}
