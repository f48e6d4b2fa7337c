package com.ja4.workstation.domain.feedback;

import java.time.Instant;

/**
 * One analyst classification, from soc_feedback (written) or from the local outbox (pending).
 *
 * @param id             outbox id (UUID text) for a pending entry; empty for a soc_feedback row
 * @param ip             the client as the analyst reads it (a.b.c.d for IPv4 clients)
 * @param source         "live" (classified on a live source) or "snapshot" (while reviewing a snapshot)
 * @param pending        true while it waits in the outbox for a live ClickHouse
 */
public record FeedbackEntry(String id, Instant createdAt, String ip, String classification, String comment, String analyst,
                            String source, boolean pending) {
}
