package com.ja4.workstation.service.feedback;

import com.ja4.workstation.data.feedback.FeedbackQueries;
import com.ja4.workstation.data.warehouse.ClickHouseDialect;
import com.ja4.workstation.data.warehouse.QueryContext;
import com.ja4.workstation.data.warehouse.Warehouse;
import com.ja4.workstation.data.warehouse.WarehouseException;
import com.ja4.workstation.domain.ClientIp;
import com.ja4.workstation.domain.feedback.Classification;
import java.io.IOException;
import java.util.Optional;

/**
 * Writes the outbox's classifications to {@code soc_feedback} of a live ClickHouse, each exactly
 * once even when the link drops in the middle.
 *
 * <p>Exactly once without changing the schema of DESIGN section 2: before inserting an entry, the
 * sync looks for a row with the same (created_at, src_ip, classification, comment, analyst,
 * source = 'snapshot'); if one is there (the insert of an earlier attempt arrived but the answer
 * or the local mark was lost) it only marks the entry sent. Inserts are synchronous
 * (async_insert=0), so a row acknowledged is visible to the next check. ClickHouse's
 * insert_deduplication_token was not used: on a non-replicated MergeTree it needs the table
 * setting non_replicated_deduplication_window, which an existing production table may not have.
 * The one case this cannot tell apart, two identical classifications of one IP by one analyst in
 * the same second, carries no information anyway.
 */
public final class OutboxSync {

    /** Result of one sync: entries written, entries found already there, and the reason it stopped early. */
    public record Result(int inserted, int alreadyPresent, int remaining, Optional<String> failure) {
        public boolean complete() {
            return failure.isEmpty() && remaining == 0;
        }
    }

    private static final String SOURCE = "snapshot";

    private final FeedbackQueries feedback;

    public OutboxSync(Warehouse live) {
        if (!(live.dialect() instanceof ClickHouseDialect)) {
            throw new IllegalArgumentException("the outbox syncs to a live ClickHouse, not to " + live.dialect().name());
        }
        this.feedback = new FeedbackQueries(live);
    }

    public Result sync(PendingClassifications outbox, QueryContext ctx) {
        int inserted = 0;
        int present = 0;
        java.util.List<PendingClassification> pending;
        try {
            pending = outbox.pending();
        } catch (IOException e) {
            return new Result(0, 0, -1, Optional.of("Cannot read the outbox: " + e.getMessage()));
        }
        try {
            ensureTable(ctx);
        } catch (WarehouseException e) {
            return new Result(0, 0, pending.size(), Optional.of("soc_feedback is not writable: " + e.getMessage()));
        }
        for (int i = 0; i < pending.size(); i++) {
            PendingClassification p = pending.get(i);
            try {
                ClientIp ip = ClientIp.parse(p.ip()).orElseThrow(() -> new IllegalArgumentException("not an IP address: " + p.ip()));
                if (exists(p, ip, ctx)) {
                    present++;
                } else {
                    insert(p, ip, ctx);
                    inserted++;
                }
                outbox.markSent(p.id());
            } catch (WarehouseException | IOException | RuntimeException e) {
                return new Result(inserted, present, pending.size() - i, Optional.of(p.id() + ": " + e.getMessage()));
            }
        }
        return new Result(inserted, present, 0, Optional.empty());
    }

    /** soc_feedback is created by the workstation when absent (DESIGN section 2). */
    public void ensureTable(QueryContext ctx) throws WarehouseException {
        feedback.ensureTable(ctx);
    }

    private boolean exists(PendingClassification p, ClientIp ip, QueryContext ctx) throws WarehouseException {
        return feedback.exists(ip, classification(p), p.comment(), p.analyst(), SOURCE, p.createdAt(), ctx);
    }

    private void insert(PendingClassification p, ClientIp ip, QueryContext ctx) throws WarehouseException {
        feedback.insert(ip, classification(p), p.comment(), p.analyst(), SOURCE, p.createdAt(), ctx);
    }

    private static Classification classification(PendingClassification p) {
        return Classification.parse(p.classification())
                .orElseThrow(() -> new IllegalArgumentException("not a classification: " + p.classification()));
    }
}
