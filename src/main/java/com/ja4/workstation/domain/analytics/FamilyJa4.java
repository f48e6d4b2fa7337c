package com.ja4.workstation.domain.analytics;

public record FamilyJa4(String family, String ja4, long sessions, int rank) {
}
