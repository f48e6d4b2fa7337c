package com.ja4.workstation.domain.analytics;

import com.ja4.workstation.domain.ThreatLevel;
import java.util.Optional;

public record ThreatLevelRow(String threatLevel, long detections, long scoredWindows) {
    public Optional<ThreatLevel> level() {
        return ThreatLevel.parse(threatLevel);
    }
}
