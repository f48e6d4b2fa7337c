package com.ja4.workstation.domain.analytics;

import java.time.Instant;

/** The JA4 in http_logs: requests, sessions (IP, host, hour), distinct IPs, first and last request. */
public record HttpActivity(long requests, long sessions, long ips, Instant firstSeen, Instant lastSeen) {
    public static final HttpActivity NONE = new HttpActivity(0, 0, 0, null, null);
}
