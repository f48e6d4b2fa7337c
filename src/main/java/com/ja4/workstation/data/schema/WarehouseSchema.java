package com.ja4.workstation.data.schema;

import static com.ja4.workstation.data.schema.ColumnType.*;

import com.ja4.workstation.domain.detail.Signals;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The production data model (DESIGN section 2): the single source of table and column names. */
public final class WarehouseSchema {

    public static final String HTTP_LOGS = "http_logs";
    public static final String DETECTED_ANOMALIES = "ml_detected_anomalies";
    public static final String ALL_SCORES = "ml_all_scores";
    public static final String AI_FEATURES_1H = "view_ai_features_1h";
    public static final String THESIS_FEATURES_1H = "view_thesis_features_1h";
    public static final String IP_RECURRENCE = "view_ip_recurrence";
    public static final String AGG_HOST_IP_JA4_1H = "agg_host_ip_ja4_1h";
    public static final String SOC_FEEDBACK = "soc_feedback";

    /** The 19 behaviour features shared by ml_detected_anomalies and the 1h feature views (the signal catalogue's list). */
    public static final List<String> BEHAVIOUR_FEATURES = Signals.BEHAVIOUR_FEATURES;

    public static final Table HTTP_LOGS_TABLE = new Table(HTTP_LOGS, true, List.of(
            Column.of("time", DATETIME), Column.of("src_ip", IPV4), Column.of("src_port", UINT16),
            Column.of("method", LOW_CARDINALITY), Column.of("host", STRING), Column.of("path", STRING),
            Column.of("http_version", LOW_CARDINALITY), Column.of("header_user_agent", STRING),
            Column.of("ja4", STRING), Column.of("src_country_code", LOW_CARDINALITY)),
            "time, src_ip", Optional.of("time"));

    public static final Table DETECTED_ANOMALIES_TABLE = new Table(DETECTED_ANOMALIES, false, concat(List.of(
            Column.of("detected_at", DATETIME), Column.of("src_ip", IPV6), Column.of("ja4", STRING),
            Column.of("host", STRING), Column.of("model_name", LOW_CARDINALITY),
            Column.of("anomaly_score", FLOAT64), Column.of("threat_level", LOW_CARDINALITY),
            Column.of("recurrence", UINT32), Column.of("hits", UINT64)),
            floats(BEHAVIOUR_FEATURES), List.of(
            Column.of("campaign_id", STRING), Column.of("asn_org", STRING),
            Column.of("country_code", LOW_CARDINALITY), Column.of("bot_name", LOW_CARDINALITY),
            Column.of("browser_family", LOW_CARDINALITY))),
            "detected_at, src_ip", Optional.of("detected_at"));

    public static final Table ALL_SCORES_TABLE = new Table(ALL_SCORES, false, List.of(
            Column.of("detected_at", DATETIME), Column.of("window_start", DATETIME), Column.of("src_ip", IPV6),
            Column.of("ja4", STRING), Column.of("host", STRING), Column.of("model_name", LOW_CARDINALITY),
            Column.of("anomaly_score", FLOAT64), Column.of("raw_anomaly_score", FLOAT64),
            Column.of("threat_level", LOW_CARDINALITY), Column.of("hits", UINT64),
            Column.of("hit_velocity", FLOAT64), Column.of("xgb_prob", FLOAT64), Column.of("ae_recon_error", FLOAT64),
            Column.of("asn_org", STRING), Column.of("country_code", LOW_CARDINALITY),
            Column.of("browser_family", LOW_CARDINALITY), Column.of("is_known_browser", UINT8),
            Column.of("browser_consistency_score", UINT8)),
            "detected_at, src_ip", Optional.of("detected_at"));

    public static final Table AI_FEATURES_TABLE = featureView(AI_FEATURES_1H);
    public static final Table THESIS_FEATURES_TABLE = featureView(THESIS_FEATURES_1H);

    public static final Table IP_RECURRENCE_TABLE = new Table(IP_RECURRENCE, false, List.of(
            Column.of("src_ip", IPV6), Column.of("recurrence", UINT32), Column.of("first_seen", DATETIME),
            Column.of("last_seen", DATETIME), Column.of("days_active", UINT32), Column.of("distinct_hosts", UINT32)),
            "src_ip", Optional.empty());

    public static final Table AGG_HOST_IP_JA4_TABLE = new Table(AGG_HOST_IP_JA4_1H, false, List.of(
            Column.of("window_start", DATETIME), Column.of("host", STRING), Column.of("src_ip", IPV6),
            Column.of("ja4", STRING), Column.of("hits", UINT64), Column.of("first_ua", STRING),
            Column.of("tcp_ttl_raw", UINT8), Column.of("tcp_win_raw", UINT32), Column.of("tcp_scale_raw", UINT8),
            Column.of("tcp_mss_raw", UINT16)),
            "window_start, src_ip", Optional.of("window_start"));

    public static final Table SOC_FEEDBACK_TABLE = new Table(SOC_FEEDBACK, false, List.of(
            Column.of("created_at", DATETIME), Column.of("src_ip", IPV6),
            Column.of("classification", LOW_CARDINALITY), Column.of("comment", STRING),
            Column.of("analyst", STRING), Column.of("source", LOW_CARDINALITY)),
            "src_ip, created_at", Optional.of("created_at"));

    /** Every table of DESIGN section 2, in load order. */
    public static final List<Table> TABLES = List.of(HTTP_LOGS_TABLE, DETECTED_ANOMALIES_TABLE, ALL_SCORES_TABLE,
            AI_FEATURES_TABLE, THESIS_FEATURES_TABLE, IP_RECURRENCE_TABLE, AGG_HOST_IP_JA4_TABLE, SOC_FEEDBACK_TABLE);

    private WarehouseSchema() {
    }

    public static Optional<Table> table(String name) {
        return TABLES.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    private static Table featureView(String name) {
        List<Column> cols = new ArrayList<>(List.of(Column.of("window_start", DATETIME), Column.of("src_ip", IPV6),
                Column.of("ja4", STRING), Column.of("host", STRING), Column.of("hits", UINT64)));
        cols.addAll(floats(BEHAVIOUR_FEATURES));
        cols.addAll(List.of(Column.of("asn_label", LOW_CARDINALITY), Column.of("asn_org", STRING),
                Column.of("country_code", LOW_CARDINALITY), Column.of("bot_name", LOW_CARDINALITY),
                Column.of("browser_family", LOW_CARDINALITY)));
        return new Table(name, false, List.copyOf(cols), "window_start, src_ip", Optional.of("window_start"));
    }

    private static List<Column> floats(List<String> names) {
        return names.stream().map(n -> Column.of(n, FLOAT64)).toList();
    }

    @SafeVarargs
    private static List<Column> concat(List<Column>... parts) {
        List<Column> all = new ArrayList<>();
        for (List<Column> p : parts) all.addAll(p);
        return List.copyOf(all);
    }
}
