package com.ja4.workstation.domain.analytics;

import java.time.Instant;

public record ModelScoring(String modelName, long scored, Instant firstSeen, Instant lastSeen) {
}
