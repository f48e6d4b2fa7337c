package com.ja4.workstation.service.diagnostics;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Measures how long an event thread takes to run a heartbeat: every {@value #BEAT_MILLIS} ms a
 * beat is posted to the thread's queue; when it waits {@code reportMillis} or more, the thread
 * stalled, and the {@link Stall} (with the thread's stack sampled from this monitor's own daemon
 * thread while it lasted, its CPU time, a companion thread's CPU time, the GC time) goes to the sink.
 * Plain Java, so that it runs and is tested without a display; the UI's watchdog
 * ({@code ui/diagnostics/FxWatchdog}) hands it the JavaFX thread's queue.
 */
public final class StallMonitor {

    static final long BEAT_MILLIS = 10;
    static final long SAMPLE_AFTER_MILLIS = 20;
    static final long SAMPLE_EVERY_MILLIS = 10;
    private static final int MAX_SAMPLES = 400;

    private final Thread watched;
    private final Executor queue;
    /** A thread whose CPU time counts as the watched thread's work (JavaFX's renderer); -1 when not found. */
    private final long companionId;
    private final long reportMillis;
    private final Supplier<String> context;
    private final Consumer<Stall> sink;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    private volatile boolean stopped;

    private StallMonitor(Thread watched, Executor queue, String companionPrefix, long reportMillis, Supplier<String> context,
                         Consumer<Stall> sink) {
        this.watched = watched;
        this.queue = queue;
        this.companionId = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(companionPrefix))
                .mapToLong(Thread::getId).findFirst().orElse(-1);
        this.reportMillis = reportMillis;
        this.context = context;
        this.sink = sink;
    }

    /**
     * Watches the thread that runs {@code queue}'s tasks.
     *
     * @param onThatThread true when the caller is that thread (it is then taken as it is, not asked)
     * @param companionPrefix name prefix of a thread whose CPU time counts as the watched thread's work
     * @param context what the application is doing, asked at each stall
     */
    public static StallMonitor start(Executor queue, boolean onThatThread, String companionPrefix, long reportMillis,
                                     Supplier<String> context, Consumer<Stall> sink) {
        Thread watched;
        if (onThatThread) {
            watched = Thread.currentThread();
        } else {
            CompletableFuture<Thread> t = new CompletableFuture<>();
            queue.execute(() -> t.complete(Thread.currentThread()));
            try {
                watched = t.get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("The watched thread did not answer: " + e, e);
            }
        }
        StallMonitor m = new StallMonitor(watched, queue, companionPrefix, reportMillis, context, sink);
        if (m.threads.isThreadCpuTimeSupported() && !m.threads.isThreadCpuTimeEnabled()) m.threads.setThreadCpuTimeEnabled(true);
        Thread t = new Thread(m::watch, "ja4-fx-watchdog");
        t.setDaemon(true);
        t.setPriority(Thread.MAX_PRIORITY);
        t.start();
        return m;
    }

    public void stop() {
        stopped = true;
    }

    private void watch() {
        while (!stopped && watched.isAlive()) {
            AtomicLong ran = new AtomicLong();
            long start = System.nanoTime();
            long cpu0 = cpuNanos(watched.getId());
            long companion0 = cpuNanos(companionId);
            long gc0 = gcMillis();
            try {
                queue.execute(() -> ran.set(System.nanoTime()));
            } catch (IllegalStateException | RejectedExecutionException loopGone) {
                return;
            }
            List<StallSample> samples = new ArrayList<>();
            long last = start;
            while (ran.get() == 0 && !stopped && watched.isAlive()) {
                sleep(SAMPLE_EVERY_MILLIS);
                long now = System.nanoTime();
                if (ran.get() == 0 && now - start >= TimeUnit.MILLISECONDS.toNanos(SAMPLE_AFTER_MILLIS) && samples.size() < MAX_SAMPLES) {
                    ThreadInfo info = threads.getThreadInfo(watched.getId(), 64);
                    if (info != null) samples.add(new StallSample(TimeUnit.NANOSECONDS.toMillis(now - last), info.getThreadState(), info.getStackTrace()));
                    last = now;
                }
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(ran.get() - start);
            if (ran.get() != 0 && millis >= reportMillis) {
                long cpu = cpuNanos(watched.getId());
                long cpuMillis = cpu0 < 0 || cpu < 0 ? millis : TimeUnit.NANOSECONDS.toMillis(cpu - cpu0); // unknown: count it all
                long companion = cpuNanos(companionId);
                long companionMillis = companion0 < 0 || companion < 0 ? 0 : TimeUnit.NANOSECONDS.toMillis(companion - companion0);
                sink.accept(new Stall(context.get(), Instant.now().minusMillis(millis), millis, cpuMillis, companionMillis,
                        gcMillis() - gc0, List.copyOf(samples)));
            }
            sleep(BEAT_MILLIS);
        }
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
}
