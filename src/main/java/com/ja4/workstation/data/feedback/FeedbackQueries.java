package com.ja4.workstation.data.feedback;

import com.ja4.workstation.data.schema.WarehouseSchema;
import com.ja4.workstation.data.warehouse.Dialect;
import com.ja4.workstation.data.warehouse.Like;
import com.ja4.workstation.data.warehouse.QueryContext;
import com.ja4.workstation.data.warehouse.Sql;
import com.ja4.workstation.data.warehouse.Warehouse;
import com.ja4.workstation.data.warehouse.WarehouseException;
import com.ja4.workstation.domain.ClientIp;
import com.ja4.workstation.domain.feedback.Classification;
import com.ja4.workstation.domain.feedback.FeedbackEntry;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Query family of soc_feedback: read classifications, and on a live source create the table and insert. */
public final class FeedbackQueries {

    private final Warehouse wh;
    private final Dialect d;

    public FeedbackQueries(Warehouse wh) {
        this.wh = wh;
        this.d = wh.dialect();
    }

    /** CREATE TABLE IF NOT EXISTS with the analyst and source columns (live sources only). */
    public void ensureTable(QueryContext ctx) throws WarehouseException {
        wh.execute(Sql.of(d.createTableIfMissing(wh.databases(), WarehouseSchema.SOC_FEEDBACK_TABLE)), ctx);
    }

    /** Writes one classification; every value bound. Times are stored to the second (DateTime). */
    public FeedbackEntry insert(ClientIp ip, Classification c, String comment, String analyst, String source, Instant at,
                                QueryContext ctx) throws WarehouseException {
        Instant t = at.truncatedTo(ChronoUnit.SECONDS);
        Sql sql = Sql.builder().sql("INSERT INTO " + wh.table(WarehouseSchema.SOC_FEEDBACK_TABLE)
                        + " (created_at, src_ip, classification, comment, analyst, source) VALUES (")
                .time(d, t).sql(", " + d.ipv6Value() + ", ?, ?, ?, ?)", ip.v6Text(), c.value(), comment, analyst, source).build();
        wh.execute(sql, ctx);
        return new FeedbackEntry("", t, ip.display(), c.value(), comment, analyst, source, false);
    }

    /** Whether exactly this classification (same second, IP, verdict, comment, analyst, source) is stored. */
    public boolean exists(ClientIp ip, Classification c, String comment, String analyst, String source, Instant at,
                          QueryContext ctx) throws WarehouseException {
        Sql sql = Sql.builder().sql("SELECT count(*) FROM " + wh.table(WarehouseSchema.SOC_FEEDBACK_TABLE) + " WHERE created_at = ")
                .time(d, at.truncatedTo(ChronoUnit.SECONDS))
                .sql(" AND " + d.ipv6Equals("src_ip"), ip.v6Text())
                .sql(" AND classification = ? AND comment = ? AND analyst = ? AND source = ?", c.value(), comment, analyst, source)
                .build();
        return wh.count(sql, ctx) > 0;
    }

    /** This client's classifications, newest first. */
    public List<FeedbackEntry> history(ClientIp ip, int limit, QueryContext ctx) throws WarehouseException {
        Sql sql = select().sql(" WHERE " + d.ipv6Equals("src_ip"), ip.v6Text())
                .sql(" ORDER BY created_at DESC" + tieBreak() + " LIMIT ?", limit).build();
        return wh.query(sql, this::map, ctx);
    }

    /** Recent classifications, newest first; classification exact, IP text a literal substring (blank = any). */
    public List<FeedbackEntry> recent(String classification, String ipText, int limit, QueryContext ctx) throws WarehouseException {
        Sql.Builder b = select().sql(" WHERE 1 = 1");
        if (classification != null && !classification.isBlank()) b.sql(" AND classification = ?", classification.strip());
        if (ipText != null && !ipText.isBlank()) b.sql(" AND " + d.like(d.ipDisplay("src_ip")), Like.contains(ipText.strip()));
        return wh.query(b.sql(" ORDER BY created_at DESC" + tieBreak() + " LIMIT ?", limit).build(), this::map, ctx);
    }

    /** Classifications in the same second come in one order on both engines (stored to the second). */
    private String tieBreak() {
        return ", " + d.ipSortKey("src_ip") + ", classification, analyst, comment, source";
    }

    private Sql.Builder select() {
        return Sql.builder().sql("SELECT created_at, " + d.ipDisplay("src_ip") + " AS ip, classification, comment, analyst, source FROM "
                + wh.table(WarehouseSchema.SOC_FEEDBACK_TABLE));
    }

    private FeedbackEntry map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new FeedbackEntry("", d.readTime(rs, "created_at"), rs.getString("ip"), rs.getString("classification"),
                nz(rs.getString("comment")), nz(rs.getString("analyst")), nz(rs.getString("source")), false);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
