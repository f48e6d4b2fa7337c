package com.ja4.workstation.data.overview;

import static com.ja4.workstation.data.schema.WarehouseSchema.ALL_SCORES_TABLE;
import static com.ja4.workstation.data.schema.WarehouseSchema.DETECTED_ANOMALIES_TABLE;
import static com.ja4.workstation.data.schema.WarehouseSchema.HTTP_LOGS_TABLE;

import com.ja4.workstation.data.warehouse.Dialect;
import com.ja4.workstation.data.warehouse.QueryContext;
import com.ja4.workstation.data.warehouse.SeveritySql;
import com.ja4.workstation.data.warehouse.Sql;
import com.ja4.workstation.data.warehouse.Warehouse;
import com.ja4.workstation.data.warehouse.WarehouseException;
import com.ja4.workstation.domain.ThreatLevel;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.overview.HourCount;
import com.ja4.workstation.domain.overview.NamedCount;
import com.ja4.workstation.domain.overview.ThreatCount;
import com.ja4.workstation.domain.overview.TopIp;
import java.util.List;

/**
 * The Overview's query family. Each method is one independent query so the service can run
 * them in parallel; all take the explicit time window.
 */
public final class OverviewQueries {

    private final Warehouse wh;
    private final Dialect d;

    public OverviewQueries(Warehouse warehouse) {
        this.wh = warehouse;
        this.d = warehouse.dialect();
    }

    public long detectionCount(TimeWindow w, QueryContext ctx) throws WarehouseException {
        return wh.count(inWindow("SELECT count(*) FROM " + wh.table(DETECTED_ANOMALIES_TABLE), "detected_at", w).build(), ctx);
    }

    public long scoredCount(TimeWindow w, QueryContext ctx) throws WarehouseException {
        return wh.count(inWindow("SELECT count(*) FROM " + wh.table(ALL_SCORES_TABLE), "detected_at", w).build(), ctx);
    }

    public long trafficCount(TimeWindow w, QueryContext ctx) throws WarehouseException {
        return wh.count(inWindow("SELECT count(*) FROM " + wh.table(HTTP_LOGS_TABLE), "time", w).build(), ctx);
    }

    /** Distinct client addresses among the detections. */
    public long uniqueDetectedIps(TimeWindow w, QueryContext ctx) throws WarehouseException {
        return wh.count(inWindow("SELECT " + d.distinctCount("src_ip") + " FROM " + wh.table(DETECTED_ANOMALIES_TABLE),
                "detected_at", w).build(), ctx);
    }

    /** Scored windows per threat level, most severe first; unknown level text is kept as NORMAL-ranked. */
    public List<ThreatCount> threatDistribution(TimeWindow w, QueryContext ctx) throws WarehouseException {
        Sql sql = inWindow("SELECT threat_level, count(*) AS n FROM " + wh.table(ALL_SCORES_TABLE), "detected_at", w)
                .sql(" GROUP BY threat_level ORDER BY " + SeveritySql.rank("threat_level") + " DESC, threat_level").build();
        return wh.query(sql, rs -> new ThreatCount(rs.getString("threat_level"), rs.getLong("n")), ctx);
    }

    /**
     * IPs with the most detections, worst first: the worst threat is chosen by severity; ties by
     * number of detections then worst score.
     */
    public List<TopIp> topIps(TimeWindow w, int limit, QueryContext ctx) throws WarehouseException {
        String worst = SeveritySql.worst("threat_level");
        Sql sql = inWindow("SELECT " + d.ipDisplay("src_ip") + " AS ip, count(*) AS n, max(anomaly_score) AS worst_score, "
                + worst + " AS worst_severity, " + d.anyValue("asn_org") + " AS asn_org, "
                + d.anyValue("country_code") + " AS country_code FROM " + wh.table(DETECTED_ANOMALIES_TABLE), "detected_at", w)
                .sql(" GROUP BY src_ip ORDER BY worst_severity DESC, n DESC, worst_score DESC, ip LIMIT ?", limit).build();
        return wh.query(sql, rs -> new TopIp(rs.getString("ip"), rs.getLong("n"), rs.getDouble("worst_score"),
                ThreatLevel.ofSeverity(rs.getInt("worst_severity")), rs.getString("asn_org"), rs.getString("country_code")), ctx);
    }

    /** Detections per hour; hours without detections are absent (the service fills them). */
    public List<HourCount> hourlyDetections(TimeWindow w, QueryContext ctx) throws WarehouseException {
        String bucket = d.hourBucket("detected_at");
        Sql sql = inWindow("SELECT " + bucket + " AS hour, count(*) AS n FROM " + wh.table(DETECTED_ANOMALIES_TABLE), "detected_at", w)
                .sql(" GROUP BY " + bucket + " ORDER BY hour").build();
        return wh.query(sql, rs -> new HourCount(d.readTime(rs, "hour"), rs.getLong("n")), ctx);
    }

    public List<NamedCount> scoresPerModel(TimeWindow w, QueryContext ctx) throws WarehouseException {
        Sql sql = inWindow("SELECT model_name AS name, count(*) AS n FROM " + wh.table(ALL_SCORES_TABLE), "detected_at", w)
                .sql(" GROUP BY model_name ORDER BY n DESC, name").build();
        return wh.query(sql, rs -> new NamedCount(rs.getString("name"), rs.getLong("n")), ctx);
    }

    public List<NamedCount> browserFamilies(TimeWindow w, QueryContext ctx) throws WarehouseException {
        Sql sql = inWindow("SELECT browser_family AS name, count(*) AS n FROM " + wh.table(ALL_SCORES_TABLE), "detected_at", w)
                .sql(" AND browser_family <> '' GROUP BY browser_family ORDER BY n DESC, name").build();
        return wh.query(sql, rs -> new NamedCount(rs.getString("name"), rs.getLong("n")), ctx);
    }

    private Sql.Builder inWindow(String select, String timeColumn, TimeWindow w) {
        return Sql.builder().sql(select).sql(" WHERE " + timeColumn + " >= ").time(d, w.from())
                .sql(" AND " + timeColumn + " < ").time(d, w.asOf());
    }




}
