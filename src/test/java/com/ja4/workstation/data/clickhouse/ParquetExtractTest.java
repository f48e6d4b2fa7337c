package com.ja4.workstation.data.clickhouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ja4.workstation.data.warehouse.QueryCancelledException;
import com.ja4.workstation.data.warehouse.QueryContext;
import com.ja4.workstation.data.warehouse.Sql;
import com.ja4.workstation.data.warehouse.Warehouse;
import com.ja4.workstation.data.warehouse.WarehouseException;
import com.ja4.workstation.testing.ChdbServer;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bulk read path (Parquet written by ClickHouse, values bound on the server) through the real driver. */
class ParquetExtractTest {

    @TempDir
    Path dir;

    /** Hostile text arrives as itself, as a value, never as SQL. */
    @Test
    void valuesBoundOnTheServerRoundTripExactly() throws Exception {
        String hostile = "x' OR 1=1 --\\t \\\\ \t%_\\"; // backslash-t, two backslashes, a tab, a trailing backslash
        Instant t = Instant.parse("2026-03-04T05:06:07Z");
        Path file = dir.resolve("v.parquet");
        try (Warehouse ch = ChdbServer.demo().warehouse()) {
            Sql sql = Sql.builder().sql("SELECT ? AS c1, ? AS c2, toInt64(toUnixTimestamp(", hostile, 42L).time(ch.dialect(), t)
                    .sql(")) AS c3, 'a?b' AS c4").build();
            try (var out = Files.newOutputStream(file)) {
                assertTrue(ch.extractParquet(sql, out, QueryContext.create()) > 0);
            }
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT c1, c2, c3, c4 FROM read_parquet('" + file + "', binary_as_string = true)")) {
            assertTrue(rs.next());
            assertEquals(hostile, rs.getString(1));
            assertEquals(42L, rs.getLong(2));
            assertEquals(t.getEpochSecond(), rs.getLong(3));
            assertEquals("a?b", rs.getString(4));
        }
    }

    @Test
    void aServerErrorIsAClearWarehouseException() throws Exception {
        try (Warehouse ch = ChdbServer.demo().warehouse()) {
            WarehouseException e = assertThrows(WarehouseException.class,
                    () -> ch.extractParquet(Sql.of("SELECT no_such_column FROM system.one"), new ByteArrayOutputStream(), QueryContext.create()));
            assertTrue(e.getMessage().contains("no_such_column"), e.getMessage());
        }
    }

    @Test
    void aCancelledContextRunsNothing() throws Exception {
        QueryContext ctx = QueryContext.create();
        ctx.cancel();
        try (Warehouse ch = ChdbServer.demo().warehouse()) {
            assertThrows(QueryCancelledException.class, () -> ch.extractParquet(Sql.of("SELECT 1 AS c1"), new ByteArrayOutputStream(), ctx));
        }
    }

    /** Cancel returns at once, without waiting for the server's answer, and sends KILL QUERY. */
    @Test
    void cancelStopsTheWaitAtOnceAndKillsTheQueryOnTheServer() throws Exception {
        ChdbServer server = ChdbServer.demo();
        QueryContext ctx = QueryContext.create();
        String killsBefore = server.kills();
        try (Warehouse ch = server.warehouse()) {
            var f = java.util.concurrent.CompletableFuture.runAsync(() -> {
                try {
                    ch.extractParquet(Sql.of("SELECT number AS c1 FROM numbers(10) WHERE sleepEachRow(0.3) = 0"), new ByteArrayOutputStream(), ctx);
                } catch (WarehouseException e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            });
            Thread.sleep(600);
            long t0 = System.nanoTime();
            ctx.cancel();
            var e = assertThrows(java.util.concurrent.ExecutionException.class, () -> f.get(30, java.util.concurrent.TimeUnit.SECONDS));
            double waitedMs = (System.nanoTime() - t0) / 1e6;
            assertTrue(e.getCause() instanceof QueryCancelledException, e.toString());
            assertTrue(waitedMs < 1500, "cancel answered in " + waitedMs + " ms, not after the 3 s query");
            long until = System.nanoTime() + 10_000_000_000L; // KILL goes out on a background thread
            while (server.kills().length() <= killsBefore.length() && System.nanoTime() < until) Thread.sleep(50);
            assertTrue(server.kills().length() > killsBefore.length(), "KILL QUERY sent: " + server.kills());
        }
    }

    @Test
    void theQueryTimeLimitAppliesOnTheServer() throws Exception {
        ChdbServer server = ChdbServer.demo();
        var source = new com.ja4.workstation.data.warehouse.ClickHouseSource(server.url(), "default", ChdbServer.PASSWORD, 5000, 1,
                false, null, "1 s limit");
        try (Warehouse ch = new Warehouse(source, com.ja4.workstation.data.warehouse.ClickHouseDialect.INSTANCE,
                com.ja4.workstation.data.warehouse.DatabaseNames.DEFAULT, java.time.Duration.ofSeconds(1))) {
            WarehouseException e = assertThrows(WarehouseException.class, () -> ch.extractParquet(
                    Sql.of("SELECT number AS c1 FROM numbers(10) WHERE sleepEachRow(0.3) = 0"), new ByteArrayOutputStream(), QueryContext.create()));
            String shown = com.ja4.workstation.service.query.QueryScope.reason(e);
            assertTrue(shown.startsWith("The server did not answer within the query time limit"), shown);
        }
    }
}
