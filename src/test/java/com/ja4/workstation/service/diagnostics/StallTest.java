package com.ja4.workstation.service.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a stall is judged: the application's work counts, waiting for CPU or the collector does not. */
class StallTest {

    static final StackTraceElement[] EVENT_LOOP = {
            new StackTraceElement("com.sun.glass.ui.gtk.GtkApplication", "_runLoop", null, -2),
            new StackTraceElement("com.sun.glass.ui.gtk.GtkApplication", "lambda$runLoop$10", null, 195),
            new StackTraceElement("java.lang.Thread", "run", null, 833)};
    static final StackTraceElement[] IN_VIEW = {
            new StackTraceElement("java.util.HashMap", "get", null, 556),
            new StackTraceElement("com.ja4.workstation.ui.analytics.GeoController", "fill", null, 106),
            new StackTraceElement("com.sun.javafx.application.PlatformImpl", "lambda$runLater$10", null, 456),
            new StackTraceElement("com.sun.glass.ui.gtk.GtkApplication", "_runLoop", null, -2)};
    static final StackTraceElement[] WAITING_FOR_RENDERER = {
            new StackTraceElement("java.util.concurrent.locks.LockSupport", "park", null, 211),
            new StackTraceElement("com.sun.javafx.tk.quantum.PaintCollector", "waitForRenderingToComplete", null, 157),
            new StackTraceElement("com.sun.javafx.tk.quantum.QuantumToolkit", "pulse", null, 600)};

    @Test
    void aThreadStarvedOfCpuInItsEventLoopIsNotTheApplicationsStall() {
        Stall s = new Stall("geo", Instant.now(), 400, 3, 0, 0, List.of(
                new StallSample(200, Thread.State.RUNNABLE, EVENT_LOOP), new StallSample(200, Thread.State.RUNNABLE, EVENT_LOOP)));
        assertEquals(3, s.busyMillis());
        assertFalse(s.exceeds(100));
        assertTrue(s.where().contains("event loop"));
    }

    @Test
    void workOnTheThreadCountsByItsCpuTimeAndSaysWhere() {
        Stall s = new Stall("geo", Instant.now(), 400, 250, 10, 0, List.of(
                new StallSample(100, Thread.State.RUNNABLE, IN_VIEW), new StallSample(100, Thread.State.RUNNABLE, IN_VIEW),
                new StallSample(100, Thread.State.RUNNABLE, EVENT_LOOP)));
        assertEquals(260, s.busyMillis());
        assertTrue(s.exceeds(100));
        assertEquals("GeoController.fill:106", s.where());
        assertTrue(s.breakdown(2).startsWith("GeoController.fill:106 200 ms"), s.breakdown(2));
    }

    @Test
    void waitingInsideWorkCountsWaitingForTheRendererCountsByTheRenderersCpu() {
        StackTraceElement[] blockedInView = IN_VIEW.clone();
        Stall blocked = new Stall("ip", Instant.now(), 300, 5, 0, 0, List.of(
                new StallSample(150, Thread.State.WAITING, blockedInView), new StallSample(150, Thread.State.BLOCKED, blockedInView)));
        assertEquals(300, blocked.busyMillis(), "a future joined on the JavaFX thread is the application's stall");
        Stall painting = new Stall("heatmap", Instant.now(), 300, 2, 20, 0, List.of(
                new StallSample(150, Thread.State.WAITING, WAITING_FOR_RENDERER), new StallSample(150, Thread.State.WAITING, WAITING_FOR_RENDERER)));
        assertEquals(22, painting.busyMillis(), "a starved renderer is not counted, its own CPU is");
    }

    @Test
    void theWorstStallPerViewIsTheBusiest() {
        Stall a = new Stall("geo", Instant.now(), 900, 20, 0, 0, List.of());
        Stall b = new Stall("geo", Instant.now(), 200, 150, 0, 0, List.of());
        Stall c = new Stall("ip", Instant.now(), 120, 60, 0, 0, List.of());
        Map<String, Stall> worst = Stall.worstPerContext(List.of(a, b, c));
        assertEquals(b, worst.get("geo"));
        assertEquals(c, worst.get("ip"));
    }
}
