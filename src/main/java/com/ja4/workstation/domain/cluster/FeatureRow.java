package com.ja4.workstation.domain.cluster;

import com.ja4.workstation.domain.ThreatLevel;
import java.util.Objects;

/**
 * One (client IP, JA4) pair over the clustering window: its TCP stack, its traffic and the mean
 * of its detections' behaviour features. Column names of the predecessor are kept in
 * {@link #COLUMNS} so that feature CSV files stay interchangeable.
 *
 * @param ip           client address as the analyst reads it (IPv4 without ::ffff:)
 * @param ja4          TLS fingerprint
 * @param ttl          observed IP TTL of the SYN
 * @param window       TCP window of the SYN (unscaled)
 * @param scale        TCP window scale option
 * @param mss          TCP maximum segment size option (0 when absent)
 * @param userAgent    first User-Agent seen
 * @param hits         requests in the window
 * @param anomalyScore mean absolute anomaly score of the detections (0 without detection)
 * @param threat       worst threat level of the detections by severity, null without detection
 */
public record FeatureRow(String ip, String ja4, double ttl, double window, double scale, double mss,
                         String userAgent, long hits, double anomalyScore, double velocity, double fuzzing,
                         double headless, double postRatio, double ipIdZero, double entropy,
                         double browserScore, double alpnMismatch, double alpnMissing, double h2Efficiency,
                         double headerOrderConfidence, double uaChMismatch, double assetRatio,
                         double directAccessRatio, double ja4Count, double uaRotating, ThreatLevel threat,
                         String country, String asnOrg) {

    /** Column names of the predecessor's feature query, in order; the CSV input uses them too. */
    public static final java.util.List<String> COLUMNS = java.util.List.of(
            "ip", "ja4", "ttl", "win", "scale", "mss", "ua", "hits",
            "avg_score", "avg_velocity", "avg_fuzzing", "pct_headless", "avg_post",
            "ip_id_zero", "entropy", "browser_score", "alpn_mismatch", "alpn_missing",
            "h2_eff", "hdr_conf", "ua_ch_mismatch", "asset_ratio", "direct_ratio",
            "ja4_count", "ua_rotating", "threat", "country", "asn_org");

    public FeatureRow {
        Objects.requireNonNull(ip, "ip");
        ja4 = ja4 == null ? "" : ja4;
        userAgent = userAgent == null ? "" : userAgent;
        country = country == null ? "" : country;
        asnOrg = asnOrg == null ? "" : asnOrg;
    }

    /** True when the detection pipeline flagged this pair as a threat (LOW or worse). */
    public boolean isAnomalous() {
        return threat != null ? threat.isThreat() : anomalyScore > 0;
    }
}
