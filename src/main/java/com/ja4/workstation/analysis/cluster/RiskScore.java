package com.ja4.workstation.analysis.cluster;

/**
 * Risk of a cluster in [0, 1] from its centroid (normalised features), a weighted sum of the
 * signals that betray automation. Weights sum to 1, so the score stays in [0, 1]:
 *
 * <table>
 * <caption>Risk weights</caption>
 * <tr><th>signal</th><th>weight</th><th>why</th></tr>
 * <tr><td>anomaly score</td><td>0.30</td><td>the detection models' own verdict</td></tr>
 * <tr><td>fuzzing</td><td>0.10</td><td>probing for paths and parameters</td></tr>
 * <tr><td>headless</td><td>0.10</td><td>automation frameworks</td></tr>
 * <tr><td>UA-CH mismatch</td><td>0.08</td><td>a spoofed User-Agent contradicts client hints</td></tr>
 * <tr><td>ALPN mismatch</td><td>0.07</td><td>TLS stack does not match the claimed browser</td></tr>
 * <tr><td>IP-ID zero</td><td>0.07</td><td>raw-packet tools</td></tr>
 * <tr><td>velocity</td><td>0.06</td><td>request rates no human reaches</td></tr>
 * <tr><td>POST ratio</td><td>0.06</td><td>credential stuffing, form spam</td></tr>
 * <tr><td>UA rotation</td><td>0.06</td><td>evasion</td></tr>
 * <tr><td>1 - modern browser score</td><td>0.05</td><td>not a real browser</td></tr>
 * <tr><td>direct access</td><td>0.05</td><td>no referrer, no navigation</td></tr>
 * </table>
 *
 * A raw-packet scanner stack (Masscan) gets at least {@value #SCANNER_FLOOR}: the stack alone is proof.
 */
public final class RiskScore {

    static final double SCANNER_FLOOR = 0.92;

    private record Weight(Feature feature, double weight) {
    }

    private record Band(double from, String colour) {
    }

    private static final java.util.List<Weight> WEIGHTS = java.util.List.of(
            new Weight(Feature.ANOMALY_SCORE, 0.30), new Weight(Feature.FUZZING, 0.10),
            new Weight(Feature.HEADLESS, 0.10), new Weight(Feature.UA_CH_MISMATCH, 0.08),
            new Weight(Feature.ALPN_MISMATCH, 0.07), new Weight(Feature.IP_ID_ZERO, 0.07),
            new Weight(Feature.VELOCITY, 0.06), new Weight(Feature.POST_RATIO, 0.06),
            new Weight(Feature.UA_ROTATION, 0.06), new Weight(Feature.DIRECT_ACCESS, 0.05));
    private static final double NOT_A_BROWSER_WEIGHT = 0.05;

    /** Colours by risk, most severe first. */
    private static final java.util.List<Band> PALETTE = java.util.List.of(
            new Band(0.92, "#dc2626"), new Band(0.70, "#ef4444"), new Band(0.45, "#f97316"),
            new Band(0.25, "#eab308"), new Band(0.0, "#22c55e"));

    private RiskScore() {
    }

    public static double of(double[] centroid, StackVerdict verdict) {
        double risk = 0;
        for (Weight w : WEIGHTS) risk += centroid[w.feature().ordinal()] * w.weight();
        risk += (1.0 - centroid[Feature.BROWSER_SCORE.ordinal()]) * NOT_A_BROWSER_WEIGHT;
        if (verdict.scanner()) risk = Math.max(risk, SCANNER_FLOOR);
        return Math.max(0.0, Math.min(1.0, risk));
    }

    /** Hex colour of a risk: red for scanners and critical, orange, yellow, green for legitimate. */
    public static String colour(double risk) {
        for (Band b : PALETTE) if (risk >= b.from()) return b.colour();
        return PALETTE.get(PALETTE.size() - 1).colour();
    }
}
