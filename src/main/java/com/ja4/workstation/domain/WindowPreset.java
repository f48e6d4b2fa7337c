package com.ja4.workstation.domain;

import java.time.Duration;

/** The window lengths offered in the main window's time selector. */
public enum WindowPreset {
    H1("1 h", Duration.ofHours(1)),
    H6("6 h", Duration.ofHours(6)),
    H24("24 h", Duration.ofHours(24)),
    D3("3 d", Duration.ofDays(3)),
    D7("7 d", Duration.ofDays(7)),
    D30("30 d", Duration.ofDays(30));

    private final String label;
    private final Duration length;

    WindowPreset(String label, Duration length) {
        this.label = label;
        this.length = length;
    }

    public String label() {
        return label;
    }

    public Duration length() {
        return length;
    }

    @Override
    public String toString() {
        return label;
    }

    public static String labelOf(Duration d) {
        for (WindowPreset p : values()) if (p.length.equals(d)) return p.label;
        long h = d.toHours();
        return h % 24 == 0 ? (h / 24) + " d" : h + " h";
    }
}
