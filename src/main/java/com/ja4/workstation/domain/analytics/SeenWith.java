package com.ja4.workstation.domain.analytics;

/** A bot name or browser family seen with the JA4; a count is 0 where its table does not hold the column. */
public record SeenWith(String name, long sessions, long scoredWindows, long detections, long ips) {
}
