package com.ja4.workstation.service.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ja4.workstation.data.warehouse.ClickHouseDialect;
import com.ja4.workstation.data.warehouse.DatabaseNames;
import com.ja4.workstation.data.warehouse.QueryContext;
import com.ja4.workstation.data.warehouse.Sql;
import com.ja4.workstation.data.warehouse.Warehouse;
import com.ja4.workstation.testing.ChdbServer;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The sync against a real ClickHouse engine (chDB behind the adapter), with the link cut in the middle. */
class OutboxSyncTest {

    /** An in-memory outbox; a hook runs inside markSent to cut the link at a chosen moment. */
    static final class MemoryOutbox implements PendingClassifications {
        final Map<String, PendingClassification> entries = new LinkedHashMap<>();
        final List<String> sent = new ArrayList<>();
        Consumer<String> onMarkSent = id -> { };

        @Override
        public List<PendingClassification> pending() {
            return entries.values().stream().filter(e -> !sent.contains(e.id())).toList();
        }

        @Override
        public void markSent(String id) throws IOException {
            onMarkSent.accept(id);
            sent.add(id);
        }
    }

    static List<PendingClassification> three(String analyst) {
        Instant t = Instant.parse("2026-11-20T10:15:30Z");
        return List.of(
                new PendingClassification(UUID.randomUUID().toString(), t, "203.0.113.7", "bot", "masscan sweep", analyst),
                new PendingClassification(UUID.randomUUID().toString(), t.plusSeconds(5), "2001:db8::5", "suspicious", "", analyst),
                new PendingClassification(UUID.randomUUID().toString(), t.plusSeconds(9), "198.51.100.1", "legitimate", "it's the CDN", analyst));
    }

    private static Warehouse warehouse(ChdbServer server, String db) throws Exception {
        Warehouse wh = new Warehouse(server.source(ChdbServer.PASSWORD), ClickHouseDialect.INSTANCE, new DatabaseNames(db, db), Duration.ofSeconds(30));
        wh.execute(Sql.of("CREATE DATABASE IF NOT EXISTS " + db), QueryContext.create());
        return wh;
    }

    private static long rows(Warehouse wh, String analyst) throws Exception {
        return wh.count(Sql.of("SELECT count(*) FROM " + wh.table(com.ja4.workstation.data.schema.WarehouseSchema.SOC_FEEDBACK_TABLE)
                + " WHERE analyst = ? AND source = 'snapshot'", analyst), QueryContext.create());
    }

    @Test
    void linkCutAfterTheFirstOfThreeEntriesEndsWithExactlyThreeRows() throws Exception {
        ChdbServer server = ChdbServer.demo();
        try (Warehouse wh = warehouse(server, "sync_cut")) {
            MemoryOutbox outbox = new MemoryOutbox();
            List<PendingClassification> entries = three("alice");
            entries.forEach(e -> outbox.entries.put(e.id(), e));
            String first = entries.get(0).id();
            outbox.onMarkSent = id -> {
                if (id.equals(first)) server.refuse(true); // the link drops right after the first entry
            };
            OutboxSync sync = new OutboxSync(wh);
            OutboxSync.Result r1 = sync.sync(outbox, QueryContext.create());
            server.refuse(false);
            assertEquals(1, r1.inserted(), r1.toString());
            assertEquals(2, r1.remaining(), r1.toString());
            assertTrue(r1.failure().isPresent());
            assertEquals(List.of(first), outbox.sent);

            outbox.onMarkSent = id -> { };
            OutboxSync.Result r2 = sync.sync(outbox, QueryContext.create());
            assertTrue(r2.complete(), r2.toString());
            assertEquals(2, r2.inserted());
            assertEquals(3, rows(wh, "alice"));
            assertEquals(List.of(), outbox.pending());
            // a further sync has nothing to do
            assertEquals(new OutboxSync.Result(0, 0, 0, java.util.Optional.empty()), sync.sync(outbox, QueryContext.create()));
            assertEquals(3, rows(wh, "alice"));
        } finally {
            server.refuse(false);
        }
    }

    @Test
    void anInsertThatArrivedButWasNotMarkedIsNotWrittenTwice() throws Exception {
        ChdbServer server = ChdbServer.demo();
        try (Warehouse wh = warehouse(server, "sync_crash")) {
            MemoryOutbox outbox = new MemoryOutbox();
            List<PendingClassification> entries = three("bob");
            entries.forEach(e -> outbox.entries.put(e.id(), e));
            String second = entries.get(1).id();
            outbox.onMarkSent = id -> {
                if (id.equals(second)) {
                    server.refuse(true); // the row is in ClickHouse, the workstation never records it
                    throw new IllegalStateException("link lost before the outbox was updated");
                }
            };
            OutboxSync sync = new OutboxSync(wh);
            OutboxSync.Result r1 = sync.sync(outbox, QueryContext.create());
            server.refuse(false);
            assertEquals(2, r1.inserted());
            assertFalse(r1.complete());
            outbox.onMarkSent = id -> { };
            OutboxSync.Result r2 = sync.sync(outbox, QueryContext.create());
            assertTrue(r2.complete(), r2.toString());
            assertEquals(1, r2.alreadyPresent(), "the second entry was found, not inserted again");
            assertEquals(1, r2.inserted());
            assertEquals(3, rows(wh, "bob"));
        } finally {
            server.refuse(false);
        }
    }
}
