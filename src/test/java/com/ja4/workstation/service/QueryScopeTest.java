package com.ja4.workstation.service;

import static org.junit.jupiter.api.Assertions.*;

import com.ja4.workstation.data.warehouse.Sql;
import com.ja4.workstation.service.query.QueryScope;
import com.ja4.workstation.service.source.SnapshotOpener;
import com.ja4.workstation.testing.DemoSnapshots;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Leaving a view cancels its queries: a long query stops promptly and reports "Cancelled", not an error. */
class QueryScopeTest {

    @Test
    void cancellingTheScopeStopsARunningQuery() throws Exception {
        try (Workspace ws = SnapshotOpener.open(DemoSnapshots.defaultDemo())) {
            QueryScope scope = QueryScope.parallel();
            // far longer than any test may wait: only a real cancel ends it in time
            CompletableFuture<Long> slow = scope.submit(ctx -> ws.session().warehouse().count(
                    Sql.of("SELECT count(*) FROM range(100000000000) a WHERE a.range % 7 = 3"), ctx));
            Thread.sleep(300);
            long t0 = System.nanoTime();
            scope.cancel();
            Throwable err = assertThrows(Exception.class, () -> slow.get(20, TimeUnit.SECONDS));
            assertTrue(QueryScope.isCancellation(err), "reported as cancelled, not as a failure: " + err);
            assertEquals("Cancelled", QueryScope.reason(err));
            assertTrue((System.nanoTime() - t0) / 1e9 < 10, "stopped promptly");
        }
    }

    @Test
    void aFailingQueryGivesItsReasonWithoutStackTrace() throws Exception {
        try (Workspace ws = SnapshotOpener.open(DemoSnapshots.defaultDemo())) {
            var f = QueryScope.parallel().submit(ctx -> ws.session().warehouse().count(Sql.of("SELECT count(*) FROM no_such_table"), ctx));
            Throwable err = assertThrows(Exception.class, () -> f.get(20, TimeUnit.SECONDS));
            String reason = QueryScope.reason(err);
            assertTrue(reason.contains("no_such_table"), reason);
            assertFalse(reason.contains("\tat "), reason);
        }
    }
}
