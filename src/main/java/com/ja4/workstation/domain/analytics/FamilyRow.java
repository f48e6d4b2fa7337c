package com.ja4.workstation.domain.analytics;

public record FamilyRow(String family, long sessions, long uniqueIps, long hits) {
}
