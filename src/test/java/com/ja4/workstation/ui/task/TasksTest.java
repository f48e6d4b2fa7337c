package com.ja4.workstation.ui.task;

import static org.junit.jupiter.api.Assertions.*;

import com.ja4.workstation.service.query.QueryScope;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The one way the UI runs work: listed while it runs, cancelled from the list, results delivered, cancellations not. */
class TasksTest {

    /** Deliveries run in place (no JavaFX thread needed), as JabRef's tests run their tasks. */
    private final Tasks tasks = new Tasks(Runnable::run);

    @Test
    void aTaskIsListedWhileItsWorkRuns() throws Exception {
        Task t = tasks.start("Exporting detections");
        assertTrue(tasks.running().isEmpty(), "listed only once work is tracked");
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> f = t.run(() -> {
            release.await(10, TimeUnit.SECONDS);
            return "done";
        });
        assertEquals(List.of(t), tasks.running());
        t.progress(0.5);
        assertEquals(0.5, t.progressProperty().get());
        release.countDown();
        assertEquals("done", f.get(10, TimeUnit.SECONDS));
        t.idle().get(10, TimeUnit.SECONDS);
        assertTrue(tasks.running().isEmpty(), "gone when its work is done");
    }

    @Test
    void cancelStopsTheScopeAndLeavesTheListAndNoFailureIsReported() throws Exception {
        Task t = tasks.start("Clustering");
        List<String> seen = new ArrayList<>();
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Integer> work = t.run(() -> {
            started.countDown();
            while (!t.scope().isCancelled()) Thread.sleep(5);
            throw new java.util.concurrent.CancellationException("stopped");
        });
        CompletableFuture<Integer> shown = t.then(work, v -> seen.add("value"), e -> seen.add("failure"));
        started.await(10, TimeUnit.SECONDS);
        tasks.cancelAll();
        assertTrue(t.isCancelled());
        assertTrue(tasks.running().isEmpty(), "the status bar's Cancel empties the list");
        assertThrows(Exception.class, () -> shown.get(10, TimeUnit.SECONDS));
        assertEquals(List.of(), seen, "whoever cancelled knows: no failure shown");
    }

    @Test
    void aFailureIsDeliveredWithItsReason() throws Exception {
        Task t = tasks.start("Connecting to prod");
        List<String> seen = new ArrayList<>();
        CompletableFuture<Object> shown = t.then(t.run(() -> {
            throw new java.io.IOException("Connection refused");
        }), v -> seen.add("value"), e -> seen.add(QueryScope.reason(e)));
        assertThrows(Exception.class, () -> shown.get(10, TimeUnit.SECONDS));
        assertEquals(List.of("Connection refused"), seen);
    }
}
