package com.ja4.workstation.analysis.cluster;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the machine's other cores busy-waiting, yielding to any real work, while one clustering run
 * is computed; try-with-resources ends the wait with the run.
 *
 * <p>Why: a run is a chain of short parallel stages (the vectors, the 16 restarts, the profiles),
 * each lasting a few milliseconds. On a virtual machine whose idle virtual CPUs halt (measured here:
 * a KVM guest with {@code guest_halt_poll_ns = 0}), the kernel does not wake a halted CPU for a pool
 * thread; it queues the thread on the CPU that woke it, and moves it only at a later scheduler tick
 * (4 ms at HZ = 250). Two threads of 5 ms of work each then took 9.8 ms by median after an idle
 * spell instead of 4.9, and most of a run's parallel stages ran on one core. A thread started at
 * the run's beginning is placed on an idle CPU (placement at start differs from placement at
 * wake-up), and by spinning keeps that CPU from halting, so the pool's threads find it awake: over
 * 8,000 pairs, runs from idle took 7.3-7.8 ms by median instead of 9.4-10.6 (three rounds of 200
 * runs each way, alternated in one JVM). The spinner yields on every turn; it costs at most the run's duration of
 * otherwise idle CPU time, the price that OpenMP and OpenBLAS runtimes (scikit-learn's) pay too, for
 * longer, by spinning after their work.
 *
 * <p>Only short runs, of up to {@value #SHORT_RUN_ROWS} rows: their stages last less than a
 * scheduler tick. Longer stages are spread over the cores by the kernel anyway, and a spinner then
 * takes turns from the pool's threads (alternated runs from idle, median ms without / with: 8,000
 * rows 12.1 / 9.5; 20,000 rows 19.8 / 19.1; 40,000 rows 36.9 / 42.5; 100,000 rows 67.4 / 78.4).
 */
final class AwakeCores implements AutoCloseable {

    /** Runs over more rows than this keep no core awake (see above). */
    static final int SHORT_RUN_ROWS = 20_000;
    /** At most this many spinners, however many cores: the pool's parallel stages are short and few. */
    static final int MAX_SPINNERS = 3;
    /** Thread name of the spinners (tests look for leftovers by it). */
    static final String THREAD_NAME = "clustering-awake-core";

    private static final AwakeCores NONE = new AwakeCores(List.of());

    private final List<Thread> spinners;
    private volatile boolean done;

    private AwakeCores(List<Thread> spinners) {
        this.spinners = spinners;
    }

    /**
     * Spinners on the cores the common pool may use beside the calling thread, for a run over
     * {@code rows} rows (none on one core, none for a long run).
     */
    static AwakeCores during(int rows) {
        int others = spinnersFor(rows);
        if (others <= 0) return NONE;
        List<Thread> threads = new ArrayList<>(others);
        AwakeCores awake = new AwakeCores(threads);
        for (int i = 0; i < others; i++) {
            Thread t = new Thread(awake::spin, THREAD_NAME);
            t.setDaemon(true);
            threads.add(t);
        }
        threads.forEach(Thread::start);
        return awake;
    }

    static int spinnersFor(int rows) {
        if (rows > SHORT_RUN_ROWS) return 0;
        return Math.max(0, Math.min(MAX_SPINNERS, Math.min(Runtime.getRuntime().availableProcessors() - 1,
                java.util.concurrent.ForkJoinPool.getCommonPoolParallelism())));
    }

    private void spin() {
        while (!done) Thread.yield();
    }

    /** Ends the spinners and waits for them, so that none outlives the run. */
    @Override
    public void close() {
        if (spinners.isEmpty()) return;
        done = true;
        boolean interrupted = false;
        for (Thread t : spinners) {
            while (t.isAlive()) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }
}
