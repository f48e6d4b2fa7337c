package com.ja4.workstation.domain.analytics;

public record AsnRow(String asnOrg, String asnLabel, String countryCode, long sessions, long uniqueIps, long hits,
                     double avgVelocity, double avgFuzzing) {
}
