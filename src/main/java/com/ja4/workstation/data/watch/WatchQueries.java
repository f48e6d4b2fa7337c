package com.ja4.workstation.data.watch;

import static com.ja4.workstation.data.schema.WarehouseSchema.DETECTED_ANOMALIES_TABLE;

import com.ja4.workstation.data.warehouse.Dialect;
import com.ja4.workstation.data.warehouse.QueryContext;
import com.ja4.workstation.data.warehouse.Sql;
import com.ja4.workstation.data.warehouse.Warehouse;
import com.ja4.workstation.data.warehouse.WarehouseException;
import com.ja4.workstation.domain.ThreatLevel;
import com.ja4.workstation.domain.TimeWindow;
import java.time.Instant;
import java.util.List;

/** Query family of the live watch: detections that arrived since the previous refresh, and the window's CRITICAL IPs. */
public final class WatchQueries {

    /** CRITICAL IPs read per refresh at most (a flood is reported as such, not listed). */
    public static final int CRITICAL_IP_LIMIT = 1000;

    private final Warehouse wh;
    private final Dialect d;

    public WatchQueries(Warehouse wh) {
        this.wh = wh;
        this.d = wh.dialect();
    }

    /** Detections at or after {@code since} and before the window's as-of. */
    public long newDetections(Instant since, TimeWindow w, QueryContext ctx) throws WarehouseException {
        Instant from = since.isBefore(w.from()) ? w.from() : since;
        Sql sql = Sql.builder().sql("SELECT count(*) FROM " + wh.table(DETECTED_ANOMALIES_TABLE) + " WHERE detected_at >= ").time(d, from)
                .sql(" AND detected_at < ").time(d, w.asOf()).build();
        return wh.count(sql, ctx);
    }

    /** The IPs (as shown) with at least one CRITICAL detection in the window, in address order. */
    public List<String> criticalIps(TimeWindow w, QueryContext ctx) throws WarehouseException {
        String ip = d.ipDisplay("src_ip");
        Sql sql = Sql.builder().sql("SELECT " + ip + " AS ip FROM " + wh.table(DETECTED_ANOMALIES_TABLE) + " WHERE detected_at >= ")
                .time(d, w.from()).sql(" AND detected_at < ").time(d, w.asOf())
                .sql(" AND threat_level = ?", ThreatLevel.CRITICAL.name())
                .sql(" GROUP BY src_ip ORDER BY ip LIMIT ?", CRITICAL_IP_LIMIT).build();
        return wh.query(sql, rs -> rs.getString("ip"), ctx);
    }
}
