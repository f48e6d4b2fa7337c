package com.ja4.workstation.data.analytics;

import static com.ja4.workstation.data.analytics.FeatureWindows.select;
import static com.ja4.workstation.data.analytics.FeatureWindows.whole;

import com.ja4.workstation.data.schema.WarehouseSchema;
import com.ja4.workstation.data.warehouse.Dialect;
import com.ja4.workstation.data.warehouse.QueryContext;
import com.ja4.workstation.data.warehouse.Sql;
import com.ja4.workstation.data.warehouse.Warehouse;
import com.ja4.workstation.data.warehouse.WarehouseException;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.analytics.FamilyJa4;
import com.ja4.workstation.domain.analytics.FamilyRow;
import java.util.List;

/** The Browsers view's query family (predecessor's /browsers) over view_ai_features_1h. */
public final class BrowserQueries {

    private final Warehouse wh;
    private final Dialect d;

    public BrowserQueries(Warehouse warehouse) {
        this.wh = warehouse;
        this.d = warehouse.dialect();
    }

    /** Sessions, unique IPs and hits per browser family, most sessions first. */
    public List<FamilyRow> families(TimeWindow w, QueryContext ctx) throws WarehouseException {
        Sql sql = select(wh, "browser_family, count(*) AS sessions, " + d.distinctCount("src_ip") + " AS ips, sum(hits) AS hits",
                WarehouseSchema.AI_FEATURES_TABLE, w)
                .sql(" AND browser_family <> '' GROUP BY browser_family ORDER BY sessions DESC, browser_family").build();
        return wh.query(sql, rs -> new FamilyRow(rs.getString("browser_family"), whole(rs, "sessions"), whole(rs, "ips"),
                whole(rs, "hits")), ctx);
    }

    /** Sessions with neither a browser family nor a bot name. */
    public long unknownSessions(TimeWindow w, QueryContext ctx) throws WarehouseException {
        return wh.count(select(wh, "count(*)", WarehouseSchema.AI_FEATURES_TABLE, w)
                .sql(" AND browser_family = '' AND bot_name = ''").build(), ctx);
    }

    /**
     * The {@code perFamily} JA4s with the most sessions in each family (ties by JA4 text), ranked
     * with ROW_NUMBER() over the grouped rows: the same text runs on ClickHouse 23.8+ and DuckDB.
     */
    public List<FamilyJa4> topJa4PerFamily(TimeWindow w, int perFamily, QueryContext ctx) throws WarehouseException {
        Sql grouped = select(wh, "browser_family, ja4, count(*) AS sessions", WarehouseSchema.AI_FEATURES_TABLE, w)
                .sql(" AND browser_family <> '' AND ja4 <> '' GROUP BY browser_family, ja4").build();
        Sql sql = Sql.builder()
                .sql("SELECT browser_family, ja4, sessions, rn FROM (SELECT browser_family, ja4, sessions, "
                        + "ROW_NUMBER() OVER (PARTITION BY browser_family ORDER BY sessions DESC, ja4) AS rn FROM (")
                .sql(grouped.text(), grouped.params().toArray())
                .sql(") g) r WHERE rn <= ? ORDER BY browser_family, rn", perFamily).build();
        return wh.query(sql, rs -> new FamilyJa4(rs.getString("browser_family"), rs.getString("ja4"), whole(rs, "sessions"),
                (int) whole(rs, "rn")), ctx);
    }


}
