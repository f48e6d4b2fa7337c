package com.ja4.workstation.domain.ip;

import java.time.Instant;

/** view_ip_recurrence for one client. */
public record Recurrence(long recurrence, Instant firstSeen, Instant lastSeen, long daysActive, long distinctHosts) {
}
