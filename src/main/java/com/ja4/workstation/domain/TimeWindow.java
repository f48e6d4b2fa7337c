package com.ja4.workstation.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The global time window: every query covers [asOf - length, asOf). Explicit, never now(),
 * so a snapshot reviewed next week shows the data as of its capture.
 */
public record TimeWindow(Instant asOf, Duration length) {

    public TimeWindow {
        if (asOf == null || length == null || length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("time window needs an as-of time and a positive length");
        }
        asOf = asOf.truncatedTo(ChronoUnit.SECONDS);
    }

    public Instant from() {
        return asOf.minus(length);
    }

    public TimeWindow withLength(Duration newLength) {
        return new TimeWindow(asOf, newLength);
    }

    public TimeWindow withAsOf(Instant newAsOf) {
        return new TimeWindow(newAsOf, length);
    }

    /** The same as-of with a fixed length, for views whose window is set by what they show (heatmap: 7 days). */
    public TimeWindow lastDays(int days) {
        return new TimeWindow(asOf, Duration.ofDays(days));
    }

    public String label() {
        return WindowPreset.labelOf(length);
    }
}
