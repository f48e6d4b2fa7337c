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
import com.ja4.workstation.domain.analytics.AsnRow;
import com.ja4.workstation.domain.analytics.CountryLabel;
import java.util.List;

/** The Geo view's query family (predecessor's /geo) over view_ai_features_1h. */
public final class GeoQueries {

    private final Warehouse wh;
    private final Dialect d;

    public GeoQueries(Warehouse warehouse) {
        this.wh = warehouse;
        this.d = warehouse.dialect();
    }

    /** Sessions (1 h windows) and hits per country and ASN label; rows without a country are left out. */
    public List<CountryLabel> countriesByLabel(TimeWindow w, QueryContext ctx) throws WarehouseException {
        Sql sql = select(wh, "country_code, asn_label, count(*) AS sessions, sum(hits) AS hits", WarehouseSchema.AI_FEATURES_TABLE, w)
                .sql(" AND country_code <> '' GROUP BY country_code, asn_label ORDER BY sessions DESC, country_code, asn_label").build();
        return wh.query(sql, rs -> new CountryLabel(rs.getString("country_code"), rs.getString("asn_label"),
                whole(rs, "sessions"), whole(rs, "hits")), ctx);
    }

    /** The ASNs with the most sessions (per ASN org, label and country, as the pipeline labels them). */
    public List<AsnRow> topAsns(TimeWindow w, int limit, QueryContext ctx) throws WarehouseException {
        Sql sql = select(wh, "asn_org, asn_label, country_code, count(*) AS sessions, " + d.distinctCount("src_ip")
                + " AS ips, sum(hits) AS hits, avg(hit_velocity) AS velocity, avg(fuzzing_index) AS fuzzing",
                WarehouseSchema.AI_FEATURES_TABLE, w)
                .sql(" AND asn_org <> '' GROUP BY asn_org, asn_label, country_code"
                        + " ORDER BY sessions DESC, asn_org, asn_label, country_code LIMIT ?", limit).build();
        return wh.query(sql, rs -> new AsnRow(rs.getString("asn_org"), rs.getString("asn_label"), rs.getString("country_code"),
                whole(rs, "sessions"), whole(rs, "ips"), whole(rs, "hits"), real(rs, "velocity"), real(rs, "fuzzing")), ctx);
    }


}
