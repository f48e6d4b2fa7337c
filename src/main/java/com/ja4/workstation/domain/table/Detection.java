package com.ja4.workstation.domain.table;

import java.time.Instant;

/** One row of ml_detected_anomalies as the Detections table shows it; {@code os} is the TCP/OS verdict ("" until looked up). */
public record Detection(Instant detectedAt, String ip, String ja4, String host, String modelName,
                        double anomalyScore, String threatLevel, long recurrence, long hits, double hitVelocity,
                        double fuzzingIndex, double postRatio, String campaignId, String asnOrg, String countryCode,
                        String botName, String browserFamily, String os) {

    /** The same row with its TCP/OS verdict (looked up per page). */
    public Detection withOs(String verdict) {
        return new Detection(detectedAt, ip, ja4, host, modelName, anomalyScore, threatLevel, recurrence, hits, hitVelocity,
                fuzzingIndex, postRatio, campaignId, asnOrg, countryCode, botName, browserFamily, verdict);
    }
}
