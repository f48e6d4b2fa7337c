package com.ja4.workstation.domain.table;

import java.time.Instant;

/** One row of ml_all_scores as the Scores table shows it; {@code os} is the TCP/OS verdict ("" until looked up). */
public record Score(Instant detectedAt, Instant windowStart, String ip, String ja4, String host, String modelName,
                    double anomalyScore, double rawAnomalyScore, String threatLevel, long hits, double hitVelocity,
                    double xgbProb, double aeReconError, String asnOrg, String countryCode, String browserFamily,
                    int isKnownBrowser, int browserConsistencyScore, String os) {

    public Score withOs(String verdict) {
        return new Score(detectedAt, windowStart, ip, ja4, host, modelName, anomalyScore, rawAnomalyScore, threatLevel, hits,
                hitVelocity, xgbProb, aeReconError, asnOrg, countryCode, browserFamily, isKnownBrowser,
                browserConsistencyScore, verdict);
    }
}
