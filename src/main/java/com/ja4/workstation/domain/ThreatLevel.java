package com.ja4.workstation.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Threat levels written by the detection pipeline, ordered by severity.
 * LEGITIMATE_BROWSER is a non-threat verdict, ranked below NORMAL.
 */
public enum ThreatLevel {
    CRITICAL(5, "#b91c1c"),
    HIGH(4, "#ea580c"),
    MEDIUM(3, "#ca8a04"),
    LOW(2, "#2563eb"),
    NORMAL(1, "#6b7280"),
    LEGITIMATE_BROWSER(0, "#15803d");

    private final int severity;
    private final String colour;

    ThreatLevel(int severity, String colour) {
        this.severity = severity;
        this.colour = colour;
    }

    /** Higher is worse. Used in SQL (see {@code SeveritySql}) so that "worst" is never string order. */
    public int severity() {
        return severity;
    }

    public String colour() {
        return colour;
    }

    public boolean isThreat() {
        return severity >= LOW.severity;
    }

    public static Optional<ThreatLevel> parse(String text) {
        if (text == null) return Optional.empty();
        String t = text.trim().toUpperCase();
        return Arrays.stream(values()).filter(v -> v.name().equals(t)).findFirst();
    }

    public static ThreatLevel ofSeverity(int severity) {
        for (ThreatLevel l : values()) if (l.severity == severity) return l;
        return NORMAL;
    }

    /** Most severe first. */
    public static List<ThreatLevel> bySeverity() {
        return List.of(values());
    }
}
