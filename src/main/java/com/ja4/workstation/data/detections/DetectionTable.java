package com.ja4.workstation.data.detections;

import com.ja4.workstation.data.schema.Table;
import com.ja4.workstation.data.schema.WarehouseSchema;
import com.ja4.workstation.data.table.Predicates;
import com.ja4.workstation.data.table.TableSpec;
import com.ja4.workstation.data.warehouse.Dialect;
import com.ja4.workstation.data.warehouse.RowMapper;
import com.ja4.workstation.data.warehouse.SeveritySql;
import com.ja4.workstation.data.warehouse.Sql;
import com.ja4.workstation.domain.table.Detection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Query family of the Detections table (ml_detected_anomalies). */
public final class DetectionTable implements TableSpec<Detection> {

    public static final DetectionTable INSTANCE = new DetectionTable();

    /** Plain columns that sort as themselves. */
    private static final List<String> PLAIN_SORT = List.of("detected_at", "ja4", "host", "anomaly_score",
            "recurrence", "hits", "hit_velocity", "fuzzing_index", "post_ratio", "campaign_id", "asn_org",
            "country_code", "bot_name", "browser_family", "model_name");

    @Override
    public Table table() {
        return WarehouseSchema.DETECTED_ANOMALIES_TABLE;
    }

    @Override
    public String timeColumn() {
        return "detected_at";
    }

    @Override
    public String selectList(Dialect d) {
        return "detected_at, " + d.ipDisplay("src_ip") + " AS ip, ja4, host, model_name, anomaly_score, threat_level, "
                + "recurrence, hits, hit_velocity, fuzzing_index, post_ratio, campaign_id, asn_org, country_code, "
                + "bot_name, browser_family";
    }

    @Override
    public Map<String, String> sortColumns(Dialect d) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String c : PLAIN_SORT) m.put(c, c);
        m.put("src_ip", d.ipSortKey("src_ip"));
        // threat sorts by severity, not alphabetically
        m.put("threat_level", SeveritySql.rank("threat_level"));
        return m;
    }

    /** (detected_at, src_ip, ja4, host, model_name) identifies a detection row. */
    @Override
    public List<String> uniqueKey(Dialect d) {
        return List.of(d.ipSortKey("src_ip"), "ja4", "host", "model_name");
    }

    @Override
    public String defaultSortKey() {
        return "detected_at";
    }

    @Override
    public Map<String, String> facetColumns(Dialect d) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String c : List.of("threat_level", "asn_org", "country_code", "bot_name", "browser_family", "ja4")) m.put(c, c);
        return m;
    }

    /** IP (a whole address exactly), or host containing the text. */
    @Override
    public void appendSearch(Sql.Builder b, Dialect d, String text) {
        Predicates.search(b, d, text, "src_ip", Predicates.IpColumn.IPV6, List.of("host"));
    }

    @Override
    public RowMapper<Detection> mapper(Dialect d) {
        return rs -> new Detection(d.readTime(rs, "detected_at"), rs.getString("ip"), rs.getString("ja4"),
                rs.getString("host"), rs.getString("model_name"), rs.getDouble("anomaly_score"),
                rs.getString("threat_level"), rs.getLong("recurrence"), rs.getLong("hits"), rs.getDouble("hit_velocity"),
                rs.getDouble("fuzzing_index"), rs.getDouble("post_ratio"), rs.getString("campaign_id"),
                rs.getString("asn_org"), rs.getString("country_code"), rs.getString("bot_name"),
                rs.getString("browser_family"), "");
    }


    @Override
    public List<String> exportHeader() {
        return List.of("detected_at", "src_ip", "ja4", "host", "model_name", "anomaly_score", "threat_level",
                "recurrence", "hits", "hit_velocity", "fuzzing_index", "post_ratio", "campaign_id", "asn_org",
                "country_code", "bot_name", "browser_family", "os");
    }

    @Override
    public List<Object> exportValues(Detection r) {
        return List.of(r.detectedAt().toString(), r.ip(), r.ja4(), r.host(), r.modelName(), r.anomalyScore(),
                r.threatLevel(), r.recurrence(), r.hits(), r.hitVelocity(), r.fuzzingIndex(), r.postRatio(),
                r.campaignId(), r.asnOrg(), r.countryCode(), r.botName(), r.browserFamily(), r.os());
    }
}
