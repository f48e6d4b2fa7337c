package com.ja4.workstation.domain.ip;

import java.util.Map;

/**
 * Average radar features of the human (asn_label = 'human') and datacenter/hosting
 * (asn_label IN ('datacenter', 'hosting')) windows of the time window.
 */
public record RadarBaselines(Map<String, Double> human, long humanWindows, Map<String, Double> datacenter, long datacenterWindows) {

    public RadarBaselines {
        human = Map.copyOf(human);
        datacenter = Map.copyOf(datacenter);
    }
}
