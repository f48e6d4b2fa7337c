package com.ja4.workstation.data.detections;

import java.time.Instant;

/** One row of ml_detected_anomalies as the Detections table shows it. */
public record Detection(Instant detectedAt, String ip, String ja4, String host, String modelName,
                        double anomalyScore, String threatLevel, long recurrence, long hits, double hitVelocity,
                        double fuzzingIndex, double postRatio, String campaignId, String asnOrg, String countryCode,
                        String botName, String browserFamily) {
}
