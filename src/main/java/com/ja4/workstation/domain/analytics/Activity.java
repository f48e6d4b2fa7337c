package com.ja4.workstation.domain.analytics;

import java.time.Instant;

/** The JA4 in one table: rows (detections, scored windows or sessions), distinct IPs, summed hits, first and last time. */
public record Activity(long rows, long ips, long hits, Instant firstSeen, Instant lastSeen) {
    public static final Activity NONE = new Activity(0, 0, 0, null, null);
}
