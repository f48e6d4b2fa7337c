package com.ja4.workstation.domain.analytics;

import java.time.Instant;

/** One session (IP, JA4, host, hour) with its twelve feature values. */
public record SessionPoint(Instant windowStart, String ip, String ja4, String host, long hits, String asnLabel,
                           String botName, double[] values) {
    public double value(BehaviorFeature f) {
        return values[f.ordinal()];
    }

    public boolean isNamedBot() {
        return !botName.isBlank();
    }
}
