package com.ja4.workstation.service.feedback;

import com.ja4.workstation.data.feedback.Outbox;
import com.ja4.workstation.data.feedback.OutboxEntry;
import java.io.IOException;
import java.util.List;
import java.util.UUID;

/** The outbox file of classifications made on snapshots, as the sync reads it. */
public final class OutboxPending implements PendingClassifications {

    private final Outbox outbox;

    public OutboxPending(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public List<PendingClassification> pending() throws IOException {
        try {
            return outbox.pending().stream().map(OutboxPending::of).toList();
        } catch (Outbox.OutboxException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public void markSent(String id) throws IOException {
        try {
            outbox.markSent(UUID.fromString(id));
        } catch (Outbox.OutboxException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    static PendingClassification of(OutboxEntry e) {
        return new PendingClassification(e.id().toString(), e.createdAt(), e.ip(), e.classification(), e.comment(), e.analyst());
    }
}
