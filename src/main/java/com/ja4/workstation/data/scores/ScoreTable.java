package com.ja4.workstation.data.scores;

import com.ja4.workstation.data.schema.Table;
import com.ja4.workstation.data.schema.WarehouseSchema;
import com.ja4.workstation.data.table.Predicates;
import com.ja4.workstation.data.table.TableSpec;
import com.ja4.workstation.data.warehouse.Dialect;
import com.ja4.workstation.data.warehouse.RowMapper;
import com.ja4.workstation.data.warehouse.SeveritySql;
import com.ja4.workstation.data.warehouse.Sql;
import com.ja4.workstation.domain.table.Score;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Query family of the Scores table (ml_all_scores: every scored window, anomalous or not). */
public final class ScoreTable implements TableSpec<Score> {

    public static final ScoreTable INSTANCE = new ScoreTable();

    private static final List<String> PLAIN_SORT = List.of("detected_at", "window_start", "ja4", "host", "model_name",
            "anomaly_score", "raw_anomaly_score", "hits", "hit_velocity", "xgb_prob", "ae_recon_error", "asn_org",
            "country_code", "browser_family", "is_known_browser", "browser_consistency_score");

    static final String SELECT = "detected_at, window_start, %s AS ip, ja4, host, model_name, anomaly_score, raw_anomaly_score, "
            + "threat_level, hits, hit_velocity, xgb_prob, ae_recon_error, asn_org, country_code, browser_family, "
            + "is_known_browser, browser_consistency_score";

    @Override
    public Table table() {
        return WarehouseSchema.ALL_SCORES_TABLE;
    }

    @Override
    public String timeColumn() {
        return "detected_at";
    }

    @Override
    public String selectList(Dialect d) {
        return String.format(SELECT, d.ipDisplay("src_ip"));
    }

    @Override
    public Map<String, String> sortColumns(Dialect d) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String c : PLAIN_SORT) m.put(c, c);
        m.put("src_ip", d.ipSortKey("src_ip"));
        m.put("threat_level", SeveritySql.rank("threat_level"));
        return m;
    }

    /** (detected_at, src_ip, ja4, host, model_name) identifies a score row; window_start for safety. */
    @Override
    public List<String> uniqueKey(Dialect d) {
        return List.of(d.ipSortKey("src_ip"), "ja4", "host", "model_name", "window_start");
    }

    @Override
    public String defaultSortKey() {
        return "detected_at";
    }

    @Override
    public Map<String, String> facetColumns(Dialect d) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String c : List.of("threat_level", "asn_org", "country_code", "browser_family", "ja4", "model_name")) m.put(c, c);
        return m;
    }

    /** IP (a whole address exactly), or host containing the text. */
    @Override
    public void appendSearch(Sql.Builder b, Dialect d, String text) {
        Predicates.search(b, d, text, "src_ip", Predicates.IpColumn.IPV6, List.of("host"));
    }

    @Override
    public RowMapper<Score> mapper(Dialect d) {
        return rs -> new Score(d.readTime(rs, "detected_at"), d.readTime(rs, "window_start"), rs.getString("ip"),
                rs.getString("ja4"), rs.getString("host"), rs.getString("model_name"), rs.getDouble("anomaly_score"),
                rs.getDouble("raw_anomaly_score"), rs.getString("threat_level"), rs.getLong("hits"),
                rs.getDouble("hit_velocity"), rs.getDouble("xgb_prob"), rs.getDouble("ae_recon_error"),
                rs.getString("asn_org"), rs.getString("country_code"), rs.getString("browser_family"),
                rs.getInt("is_known_browser"), rs.getInt("browser_consistency_score"), "");
    }


    @Override
    public List<String> exportHeader() {
        return List.of("detected_at", "window_start", "src_ip", "ja4", "host", "model_name", "anomaly_score",
                "raw_anomaly_score", "threat_level", "hits", "hit_velocity", "xgb_prob", "ae_recon_error", "asn_org",
                "country_code", "browser_family", "is_known_browser", "browser_consistency_score", "os");
    }

    @Override
    public List<Object> exportValues(Score r) {
        return List.of(r.detectedAt().toString(), r.windowStart() == null ? "" : r.windowStart().toString(), r.ip(), r.ja4(),
                r.host(), r.modelName(), r.anomalyScore(), r.rawAnomalyScore(), r.threatLevel(), r.hits(), r.hitVelocity(),
                r.xgbProb(), r.aeReconError(), r.asnOrg(), r.countryCode(), r.browserFamily(), r.isKnownBrowser(),
                r.browserConsistencyScore(), r.os());
    }
}
