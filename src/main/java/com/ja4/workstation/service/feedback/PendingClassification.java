package com.ja4.workstation.service.feedback;

import java.time.Instant;

/**
 * A classification made while reviewing a snapshot, waiting in the local outbox.
 *
 * @param id             stable id of the outbox entry (UUID)
 * @param createdAt      when the analyst classified (stored to the second in ClickHouse)
 * @param ip             client address as shown or typed (a.b.c.d or IPv6)
 * @param classification bot, legitimate or suspicious
 * @param comment        free text, may be empty
 * @param analyst        who classified
 */
public record PendingClassification(String id, Instant createdAt, String ip, String classification, String comment,
                                    String analyst) {
    public PendingClassification {
        comment = comment == null ? "" : comment;
        analyst = analyst == null ? "" : analyst;
    }
}
