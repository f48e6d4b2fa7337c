package com.ja4.workstation.ui.shell;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javafx.animation.PauseTransition;

/**
 * The live watch's time: what time it is and a timer whose work runs on the JavaFX thread. The
 * window uses the system clock ({@link #system()}); tests use one they advance themselves, so no
 * test sleeps.
 */
public interface LiveScheduler {

    /** Now, by this scheduler's clock. */
    Instant now();

    /** Runs {@code work} on the JavaFX thread after {@code delay}; the returned action cancels it. */
    Runnable schedule(Duration delay, Runnable work);

    /** The system clock and a JavaFX timer. */
    static LiveScheduler system() {
        return fx(Clock.systemUTC());
    }

    /** A JavaFX timer with the given clock. */
    static LiveScheduler fx(Clock clock) {
        return new LiveScheduler() {
            @Override
            public Instant now() {
                return clock.instant();
            }

            @Override
            public Runnable schedule(Duration delay, Runnable work) {
                PauseTransition t = new PauseTransition(javafx.util.Duration.millis(delay.toMillis()));
                t.setOnFinished(e -> work.run());
                t.play();
                return t::stop;
            }
        };
    }
}
