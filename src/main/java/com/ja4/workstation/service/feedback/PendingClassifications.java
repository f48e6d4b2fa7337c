package com.ja4.workstation.service.feedback;

import java.io.IOException;
import java.util.List;

/** The local outbox as the sync sees it (implemented by the outbox of classifications made on snapshots). */
public interface PendingClassifications {

    /** Entries not yet written to ClickHouse, oldest first. */
    List<PendingClassification> pending() throws IOException;

    /** Records that the entry is in ClickHouse; it is not offered again. */
    void markSent(String id) throws IOException;
}
