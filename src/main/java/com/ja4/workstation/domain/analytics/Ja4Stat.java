package com.ja4.workstation.domain.analytics;

public record Ja4Stat(String ja4, String asnLabel, long sessions, long uniqueIps, long hits, double avgVelocity,
                      double avgFuzzing, double avgBrowserScore) {
}
