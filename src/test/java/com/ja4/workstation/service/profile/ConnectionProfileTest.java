package com.ja4.workstation.service.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ja4.workstation.data.warehouse.DatabaseNames;
import com.ja4.workstation.data.warehouse.QueryCancelledException;
import com.ja4.workstation.data.warehouse.QueryContext;
import com.ja4.workstation.data.warehouse.Sql;
import com.ja4.workstation.data.warehouse.Warehouse;
import com.ja4.workstation.data.warehouse.WarehouseException;
import com.ja4.workstation.service.Workspace;
import com.ja4.workstation.testing.ChdbServer;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionProfileTest {

    @TempDir
    Path dir;

    @Test
    void storeRoundTripsProfilesAndNeverWritesAPassword() throws Exception {
        ProfileStore store = new ProfileStore(dir.resolve("profiles.json"));
        ConnectionProfile p = ConnectionProfile.of("prod-eu", "ch.example.net", 8443).withUser("analyst")
                .withDatabases(new DatabaseNames("proc_db", "logs_db")).withQueryTimeout(Duration.ofSeconds(45));
        store.save(p);
        store.save(ConnectionProfile.of("lab", "10.0.0.5", 8123));
        assertEquals(List.of(p, ConnectionProfile.of("lab", "10.0.0.5", 8123)), store.list());
        String json = Files.readString(store.file());
        assertFalse(json.toLowerCase().contains("password"), json);
        assertTrue(store.delete("lab"));
        assertEquals(List.of(p), store.list());
    }

    @Test
    void invalidProfilesAreRefusedWithTheReason() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ConnectionProfile.of("bad name", "h", 8123))
                .getMessage().contains("Profile name"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ConnectionProfile.of("p", "h", 70000))
                .getMessage().contains("Port"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ConnectionProfile.of("p", "bad host;", 8123))
                .getMessage().contains("Host"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new DatabaseNames("x; DROP", "y"))
                .getMessage().contains("database name"));
    }

    @Test
    void passwordComesFromTheEnvironmentOrTheSessionOnly() {
        PasswordSource ps = new PasswordSource(Map.of("JA4_CH_PASSWORD_PROD_EU", "from-env"));
        assertEquals("JA4_CH_PASSWORD_PROD_EU", PasswordSource.variableName("prod-eu"));
        assertEquals("from-env", ps.find("prod-eu").orElseThrow());
        assertTrue(ps.find("lab").isEmpty());
        ps.rememberForSession("lab", "typed");
        assertEquals("typed", ps.find("lab").orElseThrow());
    }

    @Test
    void unknownHostIsReportedAsSuch() {
        var check = LiveConnector.test(ConnectionProfile.of("p", "no-such-host.invalid", 8123), "x");
        assertFalse(check.ok());
        assertTrue(check.message().startsWith("Unknown host 'no-such-host.invalid'"), check.message());
    }

    @Test
    void closedPortIsReportedAsConnectionRefused() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        var check = LiveConnector.test(ConnectionProfile.of("p", "127.0.0.1", port), "x");
        assertFalse(check.ok());
        assertTrue(check.message().startsWith("Connection refused by 127.0.0.1:" + port), check.message());
    }

    @Test
    void wrongPasswordIsReportedAsAuthenticationFailure() {
        ChdbServer server = ChdbServer.demo();
        var check = LiveConnector.test(ConnectionProfile.of("p", "127.0.0.1", server.port()), "wrong");
        assertFalse(check.ok());
        assertTrue(check.message().startsWith("Authentication failed for user 'default'"), check.message());
    }

    @Test
    void goodProfileReportsVersionAndCompleteSchema() throws Exception {
        ChdbServer server = ChdbServer.demo();
        ConnectionProfile p = ConnectionProfile.of("p", "127.0.0.1", server.port());
        var check = LiveConnector.test(p, ChdbServer.PASSWORD);
        assertTrue(check.ok(), check.message());
        assertEquals(server.version(), check.serverVersion());
        assertTrue(check.schema().orElseThrow().complete(), check.message());
        assertEquals(Map.of(), check.schema().orElseThrow().unavailableViews());
        try (Workspace w = LiveConnector.connect(p, ChdbServer.PASSWORD)) {
            assertFalse(w.session().isSnapshot());
            assertTrue(w.session().describe().contains("ClickHouse p"));
        }
    }

    @Test
    void missingTablesAndColumnsDisableTheViewsThatNeedThem() throws Exception {
        ChdbServer server = ChdbServer.demo();
        try (Warehouse wh = server.warehouse()) {
            QueryContext ctx = QueryContext.create();
            wh.execute(Sql.of("CREATE DATABASE IF NOT EXISTS partial_db"), ctx);
            wh.execute(Sql.of(com.ja4.workstation.data.schema.WarehouseSchema.HTTP_LOGS_TABLE.clickHouseDdl("partial_db")), ctx);
            wh.execute(Sql.of("CREATE TABLE IF NOT EXISTS partial_db.ml_detected_anomalies (detected_at DateTime, src_ip IPv6, ja4 String)"
                    + " ENGINE = MergeTree ORDER BY detected_at"), ctx);
            SchemaReport r = LiveConnector.schema(wh, new DatabaseNames("partial_db", "partial_db"), ctx);
            assertFalse(r.complete());
            assertTrue(r.missingTables().contains("ml_all_scores"));
            assertTrue(r.missingColumns().get("ml_detected_anomalies").contains("threat_level"));
            Map<String, String> off = r.unavailableViews();
            assertTrue(off.get("detections").contains("lacks column(s) host"), off.toString());
            assertTrue(off.get("overview").contains("ml_all_scores is missing"), off.toString());
            assertFalse(off.containsKey("traffic"), "http_logs is complete: " + off);
        }
    }

    @Test
    void cancelStopsTheServerSideQueryWithKillQuery() throws Exception {
        ChdbServer server = ChdbServer.demo();
        try (Warehouse wh = server.warehouse()) {
            QueryContext ctx = QueryContext.create();
            CompletableFuture<Long> f = CompletableFuture.supplyAsync(() -> {
                try {
                    return wh.count(Sql.of("SELECT count(*) FROM numbers(10) WHERE sleepEachRow(0.3) = 0"), ctx);
                } catch (WarehouseException e) {
                    throw new RuntimeException(e);
                }
            });
            Thread.sleep(800);
            ctx.cancel();
            try {
                f.get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                assertTrue(e.getCause().getCause() instanceof QueryCancelledException, e.toString());
            }
            long until = System.nanoTime() + 10_000_000_000L; // KILL goes out on a background thread
            while (server.kills().length() <= 4 && System.nanoTime() < until) Thread.sleep(50);
            assertTrue(server.kills().length() > 4, "the driver sent KILL QUERY: " + server.kills());
        }
    }
}
