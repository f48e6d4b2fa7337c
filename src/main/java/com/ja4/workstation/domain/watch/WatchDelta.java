package com.ja4.workstation.domain.watch;

import java.util.Set;

/**
 * What a live refresh found: how many detections arrived since the previous refresh (detected at
 * or after its as-of and before the new one), and the IPs with a CRITICAL detection in the new
 * window (the live watch compares them with the previous refresh's to tell which are new).
 */
public record WatchDelta(long newDetections, Set<String> criticalIps) {

    public WatchDelta {
        criticalIps = Set.copyOf(criticalIps);
    }
}
