package com.ja4.workstation.analysis.cluster;

/**
 * Names a cluster in the analyst's words from its centroid's dominant features and its stack
 * verdict. Rules are tried most specific first; a feature is "dominant" when its normalised
 * centroid value passes {@value #HIGH}.
 */
public final class ClusterNamer {

    static final double HIGH = 0.5;

    private ClusterNamer() {
    }

    public static String name(double[] c, StackVerdict stack) {
        String on = " on " + stack.family();
        if (stack.scanner()) return "Masscan".equals(stack.family()) ? "Masscan scanner" : "Raw-packet SYN scanner";
        if (at(c, Feature.FUZZING) > HIGH) return "Vulnerability scanner (fuzzing)" + on;
        if (at(c, Feature.POST_RATIO) > HIGH) return "Credential stuffing (POST-heavy)" + on;
        if (at(c, Feature.HEADLESS) > HIGH) {
            return "Linux".equals(stack.family()) ? "Headless Chrome on Linux/datacenter" : "Headless browsers" + on;
        }
        if (at(c, Feature.UA_ROTATION) > HIGH) return "UA-rotating bots" + on;
        if (at(c, Feature.UA_CH_MISMATCH) > HIGH || at(c, Feature.ALPN_MISMATCH) > HIGH) {
            return "Spoofed browsers (TLS/UA mismatch)" + on;
        }
        if (at(c, Feature.VELOCITY) > 0.6) return "High-velocity crawler" + on;
        if (at(c, Feature.IP_ID_ZERO) > HIGH) return "Raw-packet tools" + on;
        if (at(c, Feature.ANOMALY_SCORE) > HIGH) return "Anomalous " + stack.family() + " clients";
        if (at(c, Feature.BROWSER_SCORE) > HIGH && at(c, Feature.ASSET_RATIO) > 0.2) {
            return "Residential " + stack.family() + " browsers";
        }
        if (at(c, Feature.DIRECT_ACCESS) > HIGH && at(c, Feature.ASSET_RATIO) < 0.1) {
            return "Scripted API clients" + on;
        }
        if (at(c, Feature.ALPN_MISSING) > HIGH) return "Non-browser TLS clients" + on;
        // Behaviour features come from detections only: pairs no model flagged have none, so the
        // honest name says so rather than guessing "residential".
        if (at(c, Feature.ANOMALY_SCORE) < 0.05) return "Undetected " + stack.family() + " clients";
        return "Mixed " + stack.family() + " traffic";
    }

    private static double at(double[] centroid, Feature f) {
        return centroid[f.ordinal()];
    }
}
