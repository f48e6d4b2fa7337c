package com.ja4.workstation.ui.diagnostics;

import com.ja4.workstation.service.diagnostics.Stall;
import com.ja4.workstation.service.diagnostics.StallMonitor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the JavaFX thread: a heartbeat posted with {@code Platform.runLater} every 10 ms must
 * run; when it waits {@value #REPORT_MILLIS} ms or more, the thread stalled (the window could
 * neither repaint nor take input), and the stall is logged with the thread's stack, sampled while
 * the stall lasted ({@link StallMonitor}, plain Java), and kept for {@link #stalls()}. On with
 * {@code -Dja4.fxwatch} (the application, and the test JVM through the build's test arguments) or
 * {@link #start()}. Stalls are attributed to the view in front once start-up is over.
 */
public final class FxWatchdog {

    public static final String PROPERTY = "ja4.fxwatch";
    /** Stalls at least this long are recorded and logged. */
    public static final long REPORT_MILLIS = 50;
    /** Stalls whose busy time exceeds this are logged as warnings (and fail the watchdog test outside start-up). */
    public static final long LIMIT_MILLIS = 100;
    /** The context of stalls before the first view's data is on screen. */
    public static final String STARTUP = "start-up";
    private static final int MAX_STALLS = 2_000;
    private static volatile FxWatchdog running;

    private final List<Stall> stalls = new ArrayList<>();
    private volatile String view = "";
    private volatile boolean startingUp = true;

    private FxWatchdog() {
    }

    /** True when {@code -Dja4.fxwatch} (or {@code =true}) is set. */
    public static boolean requested() {
        String v = System.getProperty(PROPERTY);
        return v != null && !v.equalsIgnoreCase("false");
    }

    /** Starts watching (once per JVM; later calls return the running watchdog). The toolkit must be started. */
    public static synchronized FxWatchdog start() {
        if (running != null) return running;
        FxWatchdog w = new FxWatchdog();
        // JavaFX's render thread (QuantumRenderer): its CPU time counts as work for the frame
        StallMonitor.start(Platform::runLater, Platform.isFxApplicationThread(), "QuantumRenderer", REPORT_MILLIS, w::context, w::record);
        running = w;
        log().info("Watching the JavaFX thread: stalls of {} ms or more are logged with its stack", REPORT_MILLIS);
        return w;
    }

    /** Starts watching when {@code -Dja4.fxwatch} is set. */
    public static void startIfRequested() {
        if (requested()) start();
    }

    public static Optional<FxWatchdog> current() {
        return Optional.ofNullable(running);
    }

    /** The view now in front: later stalls are attributed to it (once start-up is over). No-op when not watching. */
    public static void viewShown(String name) {
        FxWatchdog w = running;
        if (w != null) w.view = name;
    }

    /** Start-up is over (the first view's data is on screen): stalls are attributed to the view in front from now on. */
    public static void startupDone() {
        FxWatchdog w = running;
        if (w != null) w.startingUp = false;
    }

    /** Tests: a new window starts up (stalls are start-up's again until {@link #startupDone()}). */
    public static void startupBegins() {
        FxWatchdog w = running;
        if (w != null) w.startingUp = true;
    }

    /** {@value #STARTUP} until {@link #startupDone()}, then the view in front. */
    public String context() {
        return startingUp ? STARTUP : view;
    }

    /** The stalls recorded so far, oldest first. */
    public List<Stall> stalls() {
        synchronized (stalls) {
            return List.copyOf(stalls);
        }
    }

    /** Forgets the recorded stalls (tests: between two views). */
    public void clear() {
        synchronized (stalls) {
            stalls.clear();
        }
    }

    private void record(Stall s) {
        synchronized (stalls) {
            if (stalls.size() >= MAX_STALLS) stalls.remove(0);
            stalls.add(s);
        }
        // start-up's own stalls are the start-up benchmark's business: information, not a warning
        if (s.exceeds(LIMIT_MILLIS) && !s.context().equals(STARTUP)) log().warn("JavaFX thread stalled, {}\n{}", s.summary(), s.stackText(30));
        else log().info("JavaFX thread stalled, {}\n{}", s.summary(), s.stackText(12));
    }

    /** Looked up when needed: checking {@link #requested()} must not start logging on the JavaFX thread. */
    private static Logger log() {
        return LoggerFactory.getLogger(FxWatchdog.class);
    }
}
