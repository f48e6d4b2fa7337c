package com.ja4.workstation.domain.analytics;

/**
 * One country of the Geo table: its sessions (1 h feature windows), hits and distinct client
 * addresses in view_ai_features_1h, and its detections in ml_detected_anomalies.
 */
public record CountryRow(String countryCode, long sessions, long hits, long uniqueIps, long detections) {
}
