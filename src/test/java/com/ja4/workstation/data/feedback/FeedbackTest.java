package com.ja4.workstation.data.feedback;

import static org.junit.jupiter.api.Assertions.*;

import com.ja4.workstation.data.warehouse.DatabaseNames;
import com.ja4.workstation.data.warehouse.DuckDbDialect;
import com.ja4.workstation.data.warehouse.DuckDbSource;
import com.ja4.workstation.data.warehouse.QueryContext;
import com.ja4.workstation.data.warehouse.Warehouse;
import com.ja4.workstation.data.warehouse.WarehouseException;
import com.ja4.workstation.domain.ClientIp;
import com.ja4.workstation.domain.feedback.Classification;
import com.ja4.workstation.domain.feedback.FeedbackEntry;
import com.ja4.workstation.service.Workspace;
import com.ja4.workstation.service.source.SnapshotOpener;
import com.ja4.workstation.testing.DemoSnapshots;
import com.ja4.workstation.testing.RawRows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Classifications: written to soc_feedback on a live source, to the outbox on a snapshot; read back; never duplicated. */
class FeedbackTest {

    final QueryContext ctx = QueryContext.create();

    @Test
    void liveClassificationRoundTripsThroughSocFeedback(@TempDir Path tmp) throws Exception {
        Path copy = tmp.resolve("live.duckdb");
        Files.copy(DemoSnapshots.defaultDemo(), copy);
        // a writable DuckDB without manifest stands for a live store
        try (Workspace live = new Workspace(new Warehouse(DuckDbSource.open(copy, false), DuckDbDialect.INSTANCE,
                DatabaseNames.DEFAULT, Duration.ofSeconds(30)), Optional.empty(), Outbox.at(tmp.resolve("outbox.duckdb")))) {
            assertFalse(live.feedback().writesToOutbox());
            ClientIp v4 = ClientIp.parse("203.0.113.7").orElseThrow();
            ClientIp v6 = ClientIp.parse("2001:db8::42").orElseThrow();
            String hostile = "it's a bot'); DROP TABLE soc_feedback; --";
            FeedbackEntry e = live.feedback().classify(v4, "bot", hostile, "tester", ctx);
            live.feedback().classify(v6, "suspicious", "ipv6 one", "tester", ctx);
            assertFalse(e.pending());
            List<FeedbackEntry> history = live.feedback().history(v4, ctx);
            assertEquals(1, history.size());
            FeedbackEntry back = history.get(0);
            assertEquals("203.0.113.7", back.ip());
            assertEquals("bot", back.classification());
            assertEquals(hostile, back.comment());
            assertEquals("tester", back.analyst());
            assertEquals("live", back.source());
            assertEquals(e.createdAt(), back.createdAt());
            assertEquals(List.of("suspicious"), live.feedback().history(v6, ctx).stream().map(FeedbackEntry::classification).toList());
            var raw = RawRows.all(live, "soc_feedback");
            assertTrue(raw.stream().anyMatch(r -> "::ffff:203.0.113.7".equals(r.get("src_ip")) && "tester".equals(r.get("analyst"))),
                    "IPv4 clients are stored IPv4-mapped like the pipeline's rows");
            assertTrue(raw.stream().anyMatch(r -> "2001:db8::42".equals(r.get("src_ip"))));
            assertEquals(14, raw.size(), "12 demo rows + 2");
            assertEquals(1, live.feedback().recent("suspicious", "2001:db8", 50, ctx).size());
            assertFalse(Files.exists(tmp.resolve("outbox.duckdb")), "a live source does not use the outbox");
            assertThrows(IllegalArgumentException.class, () -> live.feedback().classify(v4, "maybe", "", "tester", ctx));
            assertThrows(IllegalArgumentException.class, () -> live.feedback().classify(v4, "bot", "x".repeat(501), "tester", ctx));
        }
    }

    @Test
    void snapshotClassificationGoesToTheOutboxAndSurvivesReopening(@TempDir Path tmp) throws Exception {
        Path box = tmp.resolve("data/outbox.duckdb");
        FeedbackEntry saved;
        ClientIp ip;
        try (Workspace snap = SnapshotOpener.open(DemoSnapshots.defaultDemo())) {
            // an IPv4 client the demo's analysts already called a bot (the generator decides which)
            String demoBot = snap.feedback().recent("bot", "", 500, ctx).stream().map(FeedbackEntry::ip)
                    .filter(a -> !a.contains(":")).findFirst().orElseThrow();
            ip = ClientIp.parse(demoBot).orElseThrow();
            snap.session().useOutbox(Outbox.at(box));
            assertTrue(snap.feedback().writesToOutbox());
            saved = snap.feedback().classify(ip, "legitimate", "partner monitoring", "tester", ctx);
            assertTrue(saved.pending());
            List<FeedbackEntry> h = snap.feedback().history(ip, ctx);
            assertEquals(saved, h.get(0), "pending entry is the newest in the history");
            assertTrue(h.stream().anyMatch(x -> !x.pending() && x.classification().equals("bot")), "the demo's written row is there too");
        }
        // the application restarts: a new outbox object on the same file
        Outbox reopened = Outbox.at(box);
        List<OutboxEntry> pending = reopened.pending();
        assertEquals(1, pending.size());
        OutboxEntry e = pending.get(0);
        assertEquals(saved.id(), e.id().toString());
        assertEquals(ip.v6Text(), e.ipV6());
        assertEquals(ip.v4Text().orElseThrow(), e.ip());
        assertEquals("snapshot", e.source());
        reopened.add(e); // re-adding the same id (a retried import) does nothing
        assertEquals(1, Outbox.at(box).all().size());
        reopened.markSent(e.id());
        reopened.markSent(e.id());
        assertTrue(Outbox.at(box).pending().isEmpty());
        assertEquals(1, Outbox.at(box).all().size());
        assertNotNull(Outbox.at(box).all().get(0).sentAt());
    }

    @Test
    void outboxIdsAreUniqueAndAMissingFileReadsEmptyWithoutBeingCreated(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("none/outbox.duckdb");
        Outbox o = Outbox.at(file);
        assertTrue(o.pending().isEmpty());
        assertFalse(Files.exists(file));
        ClientIp ip = ClientIp.parse("198.51.100.1").orElseThrow();
        for (int i = 0; i < 5; i++) o.add(ip, Classification.BOT, "n" + i, "tester", Instant.parse("2026-11-20T10:00:00Z").plusSeconds(i));
        List<OutboxEntry> all = Outbox.at(file).pending();
        assertEquals(5, all.size());
        assertEquals(5, new HashSet<>(all.stream().map(OutboxEntry::id).toList()).size());
        assertEquals("n0", all.get(0).comment(), "pending comes oldest first, the order a sync writes");
        assertEquals(5, o.pendingFor(ip).size());
        assertTrue(o.pendingFor(ClientIp.parse("198.51.100.2").orElseThrow()).isEmpty());
        o.markSent(UUID.randomUUID()); // unknown id: nothing happens
        assertEquals(5, o.pending().size());
    }

    @Test
    void anUnwritableOutboxFailsWithItsReason(@TempDir Path tmp) throws Exception {
        Path notADir = tmp.resolve("file");
        Files.writeString(notADir, "x");
        try (Workspace snap = SnapshotOpener.open(DemoSnapshots.defaultDemo())) {
            snap.session().useOutbox(Outbox.at(notADir.resolve("outbox.duckdb")));
            WarehouseException e = assertThrows(WarehouseException.class,
                    () -> snap.feedback().classify(ClientIp.parse("1.2.3.4").orElseThrow(), "bot", "c", "tester", ctx));
            assertTrue(e.getMessage().contains("outbox"), e.getMessage());
        }
    }
}
