package com.ja4.workstation.data.feedback;

import com.ja4.workstation.domain.feedback.FeedbackEntry;
import java.time.Instant;
import java.util.UUID;

/**
 * A classification made while reviewing a snapshot, waiting to be written to ClickHouse.
 *
 * @param id      stable identity: a sync writes each id exactly once, whatever happens in between
 * @param ipV6    the client as an IPv6 column holds it ({@code ClientIp.v6Text}), ready to bind
 * @param ip      the client as the analyst reads it
 * @param sentAt  when a sync wrote it to ClickHouse; null while pending
 */
public record OutboxEntry(UUID id, Instant createdAt, String ipV6, String ip, String classification, String comment,
                          String analyst, String source, Instant sentAt) {

    public boolean pending() {
        return sentAt == null;
    }

    public FeedbackEntry asFeedback() {
        return new FeedbackEntry(id.toString(), createdAt, ip, classification, comment, analyst, source, pending());
    }
}
