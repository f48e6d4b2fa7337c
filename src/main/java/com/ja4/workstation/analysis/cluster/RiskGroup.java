package com.ja4.workstation.analysis.cluster;

/** The three columns of the cluster dashboard, decided by the risk score alone. */
public enum RiskGroup {
    BOTS("Bots"),
    SUSPECTS("Suspects"),
    LEGITIMATE("Legitimate");

    /** Risk from which a cluster is counted as bots. */
    public static final double BOT_THRESHOLD = 0.45;
    /** Risk from which a cluster is a suspect. */
    public static final double SUSPECT_THRESHOLD = 0.25;

    private final String label;

    RiskGroup(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static RiskGroup of(double risk) {
        if (risk >= BOT_THRESHOLD) return BOTS;
        if (risk >= SUSPECT_THRESHOLD) return SUSPECTS;
        return LEGITIMATE;
    }
}
