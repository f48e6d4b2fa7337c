package com.ja4.workstation.service.feedback;

import com.ja4.workstation.data.schema.WarehouseSchema;
import com.ja4.workstation.data.warehouse.ClickHouseDialect;
import com.ja4.workstation.data.warehouse.Dialect;
import com.ja4.workstation.data.warehouse.QueryContext;
import com.ja4.workstation.data.warehouse.Sql;
import com.ja4.workstation.data.warehouse.Warehouse;
import com.ja4.workstation.data.warehouse.WarehouseException;
import com.ja4.workstation.domain.ClientIp;
import java.io.IOException;
import java.time.temporal.ChronoUnit;
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

    private final Warehouse wh;
    private final Dialect d;

    public OutboxSync(Warehouse live) {
        if (!(live.dialect() instanceof ClickHouseDialect)) {
            throw new IllegalArgumentException("the outbox syncs to a live ClickHouse, not to " + live.dialect().name());
        }
        this.wh = live;
        this.d = live.dialect();
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
        String db = wh.databases().of(WarehouseSchema.SOC_FEEDBACK_TABLE);
        wh.execute(Sql.of(WarehouseSchema.SOC_FEEDBACK_TABLE.clickHouseDdl(db)), ctx);
    }

    private boolean exists(PendingClassification p, ClientIp ip, QueryContext ctx) throws WarehouseException {
        Sql sql = Sql.builder().sql("SELECT count(*) FROM " + wh.table(WarehouseSchema.SOC_FEEDBACK_TABLE) + " WHERE created_at = ")
                .time(d, p.createdAt().truncatedTo(ChronoUnit.SECONDS))
                .sql(" AND " + d.ipv6Equals("src_ip"), ip.v6Text())
                .sql(" AND classification = ? AND comment = ? AND analyst = ? AND source = 'snapshot'",
                        p.classification(), p.comment(), p.analyst()).build();
        return wh.count(sql, ctx) > 0;
    }

    private void insert(PendingClassification p, ClientIp ip, QueryContext ctx) throws WarehouseException {
        Sql sql = Sql.builder().sql("INSERT INTO " + wh.table(WarehouseSchema.SOC_FEEDBACK_TABLE)
                        + " (created_at, src_ip, classification, comment, analyst, source) SELECT ")
                .time(d, p.createdAt().truncatedTo(ChronoUnit.SECONDS))
                .sql(", toIPv6(?), ?, ?, ?, 'snapshot'", ip.v6Text(), p.classification(), p.comment(), p.analyst()).build();
        wh.execute(sql, ctx);
    }
}
