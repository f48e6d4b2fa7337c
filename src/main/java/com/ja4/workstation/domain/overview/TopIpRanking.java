package com.ja4.workstation.domain.overview;

import java.util.Arrays;
import java.util.Optional;

/** How the Overview ranks its top IPs; each breaks its ties by the other two, then by address. */
public enum TopIpRanking {
    /** Most detections first (volume): the seed dashboard's order. */
    DETECTIONS("Detections"),
    /** Worst threat by severity first, then detections. */
    SEVERITY("Worst severity"),
    /** Highest anomaly score first. */
    SCORE("Worst score");

    private final String label;

    TopIpRanking(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The ranking named {@code name} (as stored in the preferences), if any. */
    public static Optional<TopIpRanking> parse(String name) {
        return Arrays.stream(values()).filter(r -> r.name().equals(name)).findFirst();
    }
}
