package com.ja4.workstation.domain.analytics;

public record CountryLabel(String countryCode, String asnLabel, long sessions, long hits) {
}
