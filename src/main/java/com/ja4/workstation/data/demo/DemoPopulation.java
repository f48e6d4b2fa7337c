package com.ja4.workstation.data.demo;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of client the demo generator simulates. Each demo snapshot records every IP's
 * population in the {@value #TABLE} table, the ground truth against which clustering quality
 * and scanner detection are measured.
 */
public enum DemoPopulation {
    RESIDENTIAL_BROWSER("residential_browser", 0.62),
    GOOD_BOT("good_bot", 0.04),
    SCRAPER("scraper", 0.10),
    MASSCAN("masscan", 0.08),
    CREDENTIAL_STUFFER("credential_stuffer", 0.06),
    FUZZER("fuzzer", 0.05),
    JA4_SPOOFER("ja4_spoofer", 0.05);

    /** Ground-truth table, present only in demo snapshots: {@code (src_ip VARCHAR, population VARCHAR)}. */
    public static final String TABLE = "demo_population";

    private final String label;
    private final double share;

    DemoPopulation(String label, double share) {
        this.label = label;
        this.share = share;
    }

    /** The value stored in {@code demo_population.population}. */
    public String label() {
        return label;
    }

    /** Fraction of the demo's IPs that belong to this population. */
    double share() {
        return share;
    }

    public static Optional<DemoPopulation> fromLabel(String label) {
        return Arrays.stream(values()).filter(p -> p.label.equals(label)).findFirst();
    }
}
