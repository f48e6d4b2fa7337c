package com.ja4.workstation.domain.overview;

import com.ja4.workstation.domain.ThreatLevel;

public record TopIp(String ip, long detections, double worstScore, ThreatLevel worstThreat, String asnOrg, String countryCode) {
}
