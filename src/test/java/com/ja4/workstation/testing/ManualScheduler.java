package com.ja4.workstation.testing;

import com.ja4.workstation.ui.shell.LiveScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A clock and timer the test moves: {@link #advance} sets the time forward and runs, in order, the
 * work that fell due (on the calling thread: call it on the JavaFX thread). No test sleeps.
 */
public final class ManualScheduler implements LiveScheduler {

    private record Due(Instant at, long seq, Runnable work) {
    }

    private Instant now;
    private long seq;
    private final List<Due> due = new ArrayList<>();

    public ManualScheduler(Instant start) {
        this.now = start;
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public synchronized Runnable schedule(Duration delay, Runnable work) {
        Due d = new Due(now.plus(delay), seq++, work);
        due.add(d);
        return () -> {
            synchronized (this) {
                due.remove(d);
            }
        };
    }

    /** Work waiting for its time. */
    public synchronized int pending() {
        return due.size();
    }

    /** Moves the clock forward by {@code d}, running each piece of work whose time has come (also work scheduled meanwhile). */
    public void advance(Duration d) {
        Instant until;
        synchronized (this) {
            until = now.plus(d);
        }
        while (true) {
            Due next;
            synchronized (this) {
                next = due.stream().filter(x -> !x.at().isAfter(until)).min(Comparator.comparing(Due::at).thenComparingLong(Due::seq))
                        .orElse(null);
                if (next == null) {
                    now = until;
                    return;
                }
                due.remove(next);
                now = next.at();
            }
            next.work().run();
        }
    }
}
