package com.ja4.workstation.domain.ip;

import java.time.Instant;
import java.util.Map;

/** One row of view_ai_features_1h: a client's behaviour in one hour on one JA4 and host. */
public record FeatureWindow(Instant windowStart, String ja4, String host, long hits, Map<String, Double> features,
                            String asnLabel, String asnOrg, String countryCode, String botName, String browserFamily) {

    public FeatureWindow {
        features = Map.copyOf(features);
    }

    public double feature(String name) {
        return features.getOrDefault(name, 0.0);
    }
}
