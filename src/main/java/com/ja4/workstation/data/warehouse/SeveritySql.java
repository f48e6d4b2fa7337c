package com.ja4.workstation.data.warehouse;

import com.ja4.workstation.domain.ThreatLevel;

/**
 * Threat severity as SQL, so that "worst" is chosen by severity and never by string order
 * (the predecessor's max(threat_level) ranked LOW above HIGH).
 */
public final class SeveritySql {
    private SeveritySql() {
    }

    /** CASE expression giving {@link ThreatLevel#severity()}, -1 for unknown text. */
    public static String rank(String column) {
        StringBuilder sb = new StringBuilder("CASE ").append(column);
        for (ThreatLevel l : ThreatLevel.values()) {
            sb.append(" WHEN '").append(l.name()).append("' THEN ").append(l.severity());
        }
        return sb.append(" ELSE -1 END").toString();
    }

    /** Aggregate: the worst severity of the group. Map back with {@link ThreatLevel#ofSeverity}. */
    public static String worst(String column) {
        return "max(" + rank(column) + ")";
    }
}
