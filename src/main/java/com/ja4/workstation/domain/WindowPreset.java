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

    /** The preset of this length, if it is one. */
    public static java.util.Optional<WindowPreset> of(Duration d) {
        for (WindowPreset p : values()) if (p.length.equals(d)) return java.util.Optional.of(p);
        return java.util.Optional.empty();
    }

    /**
     * How a window length reads in the selector and in labels: a preset's label, else whole days
     * ("14 d"), whole hours ("12 h", "36 h"), minutes below 3 hours ("90 min") or hours and minutes
     * ("25 h 30 min"). Every label parses back with {@link WindowLength#parse}.
     */
    public static String labelOf(Duration d) {
        var preset = of(d);
        if (preset.isPresent()) return preset.get().label;
        long s = d.getSeconds();
        if (s % 86_400 == 0) return s / 86_400 + " d";
        if (s % 3_600 == 0) return s / 3_600 + " h";
        if (s % 60 == 0) {
            long m = s / 60;
            return m < 180 ? m + " min" : m / 60 + " h " + m % 60 + " min";
        }
        // not whole minutes (an old snapshot manifest, say): show what there is
        String minutes = s >= 60 ? labelOf(Duration.ofSeconds(s - s % 60)) + " " : "";
        return minutes + s % 60 + " s";
    }
}
