package com.ja4.workstation.ui.diagnostics;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the JavaFX thread: a heartbeat posted with {@code Platform.runLater} every
 * {@value #BEAT_MILLIS} ms must run; when it waits {@value #REPORT_MILLIS} ms or more, the thread
 * stalled (the window could neither repaint nor take input), and the stall is logged with the
 * thread's stack, sampled from this watchdog's own thread while the stall lasted, and kept for
 * {@link #stalls()}. On with {@code -Dja4.fxwatch} (the application, and the test JVM through the
 * build's test arguments) or {@link #start()}.
 */
public final class FxWatchdog {

    public static final String PROPERTY = "ja4.fxwatch";
    /** Stalls at least this long are recorded and logged. */
    public static final long REPORT_MILLIS = 50;
    /** Stalls whose busy time exceeds this are logged as warnings (and fail the watchdog test outside start-up). */
    public static final long LIMIT_MILLIS = 100;
    /** The context of stalls before the first view's data is on screen. */
    public static final String STARTUP = "start-up";
    static final long BEAT_MILLIS = 10;
    static final long SAMPLE_AFTER_MILLIS = 20;
    static final long SAMPLE_EVERY_MILLIS = 10;
    private static final int MAX_SAMPLES = 400;
    private static final int MAX_STALLS = 2_000;
    private static volatile FxWatchdog running;

    private final Thread fx;
    /** JavaFX's render thread (QuantumRenderer), whose CPU time counts as work for the frame; -1 when not found. */
    private final long rendererId;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    private final List<Stall> stalls = new ArrayList<>();
    private volatile String view = "";
    private volatile boolean startingUp = true;
    private volatile boolean stopped;

    private FxWatchdog(Thread fx) {
        this.fx = fx;
        this.rendererId = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("QuantumRenderer"))
                .mapToLong(Thread::getId).findFirst().orElse(-1);
    }

    /** True when {@code -Dja4.fxwatch} (or {@code =true}) is set. */
    public static boolean requested() {
        String v = System.getProperty(PROPERTY);
        return v != null && !v.equalsIgnoreCase("false");
    }

    /** Starts watching (once per JVM; later calls return the running watchdog). The toolkit must be started. */
    public static synchronized FxWatchdog start() {
        if (running != null) return running;
        Thread fx;
        if (Platform.isFxApplicationThread()) {
            fx = Thread.currentThread();
        } else {
            CompletableFuture<Thread> t = new CompletableFuture<>();
            Platform.runLater(() -> t.complete(Thread.currentThread()));
            try {
                fx = t.get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("The JavaFX thread did not answer: " + e, e);
            }
        }
        FxWatchdog w = new FxWatchdog(fx);
        if (w.threads.isThreadCpuTimeSupported() && !w.threads.isThreadCpuTimeEnabled()) w.threads.setThreadCpuTimeEnabled(true);
        Thread t = new Thread(w::watch, "ja4-fx-watchdog");
        t.setDaemon(true);
        t.setPriority(Thread.MAX_PRIORITY);
        t.start();
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

    private void watch() {
        while (!stopped && fx.isAlive()) {
            AtomicLong ran = new AtomicLong();
            long start = System.nanoTime();
            long cpu0 = cpuNanos(fx.getId());
            long render0 = cpuNanos(rendererId);
            long gc0 = gcMillis();
            try {
                Platform.runLater(() -> ran.set(System.nanoTime()));
            } catch (IllegalStateException toolkitGone) {
                return;
            }
            List<StallSample> samples = new ArrayList<>();
            long last = start;
            while (ran.get() == 0 && !stopped && fx.isAlive()) {
                sleep(SAMPLE_EVERY_MILLIS);
                long now = System.nanoTime();
                if (ran.get() == 0 && now - start >= TimeUnit.MILLISECONDS.toNanos(SAMPLE_AFTER_MILLIS) && samples.size() < MAX_SAMPLES) {
                    ThreadInfo info = threads.getThreadInfo(fx.getId(), 64);
                    if (info != null) samples.add(new StallSample(TimeUnit.NANOSECONDS.toMillis(now - last), info.getThreadState(), info.getStackTrace()));
                    last = now;
                }
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(ran.get() - start);
            if (ran.get() != 0 && millis >= REPORT_MILLIS) {
                long cpu = cpuNanos(fx.getId());
                long cpuMillis = cpu0 < 0 || cpu < 0 ? millis : TimeUnit.NANOSECONDS.toMillis(cpu - cpu0); // unknown: count it all
                long render = cpuNanos(rendererId);
                long renderMillis = render0 < 0 || render < 0 ? 0 : TimeUnit.NANOSECONDS.toMillis(render - render0);
                record(new Stall(context(), Instant.now().minusMillis(millis), millis, cpuMillis, renderMillis, gcMillis() - gc0, List.copyOf(samples)));
            }
            sleep(BEAT_MILLIS);
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

    private long cpuNanos(long threadId) {
        return threadId >= 0 && threads.isThreadCpuTimeSupported() ? threads.getThreadCpuTime(threadId) : -1;
    }

    private long gcMillis() {
        long sum = 0;
        for (GarbageCollectorMXBean gc : collectors) sum += Math.max(0, gc.getCollectionTime());
        return sum;
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            stopped = true; // nobody else interrupts this thread: stop watching
        }
    }

    /** Looked up when needed: checking {@link #requested()} must not start logging on the JavaFX thread. */
    private static Logger log() {
        return LoggerFactory.getLogger(FxWatchdog.class);
    }
}
