package com.ja4.workstation.data.analytics;

import static com.ja4.workstation.data.analytics.FeatureWindows.real;
import static com.ja4.workstation.data.analytics.FeatureWindows.select;
import static com.ja4.workstation.data.analytics.FeatureWindows.whole;

import com.ja4.workstation.data.schema.WarehouseSchema;
import com.ja4.workstation.data.warehouse.Dialect;
import com.ja4.workstation.data.warehouse.QueryContext;
import com.ja4.workstation.data.warehouse.Sql;
import com.ja4.workstation.data.warehouse.Warehouse;
import com.ja4.workstation.data.warehouse.WarehouseException;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.analytics.BotJa4;
import com.ja4.workstation.domain.analytics.Ja4Stat;
import java.util.List;

/** The Fingerprints view's query family (predecessor's /fingerprints) over view_ai_features_1h. */
public final class FingerprintQueries {

    private final Warehouse wh;
    private final Dialect d;

    public FingerprintQueries(Warehouse warehouse) {
        this.wh = warehouse;
        this.d = warehouse.dialect();
    }

    /** Per JA4 and ASN label: sessions, IPs, hits, average velocity, fuzzing and modern browser score. */
    public List<Ja4Stat> ja4Stats(TimeWindow w, int limit, QueryContext ctx) throws WarehouseException {
        Sql sql = select(wh, "ja4, asn_label, count(*) AS sessions, " + d.distinctCount("src_ip") + " AS ips, sum(hits) AS hits, "
                + "avg(hit_velocity) AS velocity, avg(fuzzing_index) AS fuzzing, avg(modern_browser_score) AS browser_score",
                WarehouseSchema.AI_FEATURES_TABLE, w)
                .sql(" AND ja4 <> '' GROUP BY ja4, asn_label ORDER BY sessions DESC, ja4, asn_label LIMIT ?", limit).build();
        return wh.query(sql, rs -> new Ja4Stat(rs.getString("ja4"), rs.getString("asn_label"), whole(rs, "sessions"),
                whole(rs, "ips"), whole(rs, "hits"), real(rs, "velocity"), real(rs, "fuzzing"), real(rs, "browser_score")), ctx);
    }

    /** JA4s seen with a self-declared bot name, most sessions first. */
    public List<BotJa4> botJa4s(TimeWindow w, QueryContext ctx) throws WarehouseException {
        Sql sql = select(wh, "ja4, bot_name, count(*) AS sessions, " + d.distinctCount("src_ip") + " AS ips",
                WarehouseSchema.AI_FEATURES_TABLE, w)
                .sql(" AND bot_name <> '' AND ja4 <> '' GROUP BY ja4, bot_name ORDER BY sessions DESC, bot_name, ja4").build();
        return wh.query(sql, rs -> new BotJa4(rs.getString("ja4"), rs.getString("bot_name"), whole(rs, "sessions"),
                whole(rs, "ips")), ctx);
    }


}
