package com.ja4.workstation.data.feedback;

import static org.junit.jupiter.api.Assertions.*;

import com.ja4.workstation.domain.ClientIp;
import com.ja4.workstation.domain.feedback.Classification;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox is a file on disk like any other: opened locked, anything but its one table refused, nothing it carries run. */
class OutboxUntrustedTest {

    @TempDir
    Path dir;

    @Test
    void aNewOutboxIsCreatedAndUsed() throws Exception {
        Outbox o = Outbox.at(dir.resolve("outbox.duckdb"));
        assertEquals(0, o.pending().size(), "a missing file reads as empty");
        o.add(ClientIp.parse("192.0.2.7").orElseThrow(), Classification.values()[0], "c", "a", Instant.parse("2026-01-01T00:00:00Z"));
        assertEquals(1, Outbox.at(dir.resolve("outbox.duckdb")).pending().size());
    }

    @Test
    void anOutboxCarryingAMacroOrAViewIsRefusedAndNothingRuns() throws Exception {
        Path f = dir.resolve("outbox.duckdb");
        Outbox.at(f).add(ClientIp.parse("192.0.2.7").orElseThrow(), Classification.values()[0], "c", "a", Instant.now());
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String url = "http://127.0.0.1:" + listener.getLocalPort() + "/x";
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + f); Statement s = c.createStatement()) {
                s.execute("CREATE MACRO lower(a, u := '" + url + "') AS (SELECT count(*) FROM read_csv(u))");
                s.execute("CREATE VIEW spy AS SELECT 1 AS x");
            }
            var e = assertThrows(Outbox.OutboxException.class, () -> Outbox.at(f).pending());
            assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("Move it aside"), e.getMessage());
            assertThrows(Outbox.OutboxException.class, () -> Outbox.at(f).add(ClientIp.parse("192.0.2.8").orElseThrow(),
                    Classification.values()[0], "c", "a", Instant.now()));
            listener.setSoTimeout(200);
            assertThrows(SocketTimeoutException.class, listener::accept);
        }
    }

    @Test
    void anOutboxWithAnExtraColumnIsRefused() throws Exception {
        Path f = dir.resolve("outbox.duckdb");
        Outbox.at(f).add(ClientIp.parse("192.0.2.7").orElseThrow(), Classification.values()[0], "c", "a", Instant.now());
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + f); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE outbox ADD COLUMN payload VARCHAR");
        }
        var e = assertThrows(Outbox.OutboxException.class, () -> Outbox.at(f).pending());
        assertTrue(e.getMessage().contains("extra column 'payload'"), e.getMessage());
    }
}
