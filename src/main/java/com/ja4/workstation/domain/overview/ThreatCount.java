package com.ja4.workstation.domain.overview;

import com.ja4.workstation.domain.ThreatLevel;
import java.util.Optional;

public record ThreatCount(String threatLevel, long count) {
    public java.util.Optional<ThreatLevel> level() {
        return ThreatLevel.parse(threatLevel);
    }
}
