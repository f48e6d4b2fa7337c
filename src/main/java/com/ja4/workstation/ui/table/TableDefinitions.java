package com.ja4.workstation.ui.table;

import static com.ja4.workstation.domain.table.TableFilter.ASN_ORG;
import static com.ja4.workstation.domain.table.TableFilter.BOT;
import static com.ja4.workstation.domain.table.TableFilter.BROWSER;
import static com.ja4.workstation.domain.table.TableFilter.COUNTRY;
import static com.ja4.workstation.domain.table.TableFilter.HOST;
import static com.ja4.workstation.domain.table.TableFilter.HTTP_VERSION;
import static com.ja4.workstation.domain.table.TableFilter.JA4;
import static com.ja4.workstation.domain.table.TableFilter.METHOD;
import static com.ja4.workstation.domain.table.TableFilter.SEARCH;
import static com.ja4.workstation.domain.table.TableFilter.THREAT;

import com.ja4.workstation.domain.table.Detection;
import com.ja4.workstation.domain.table.HttpLog;
import com.ja4.workstation.domain.table.Score;
import com.ja4.workstation.domain.table.SortOrder;
import com.ja4.workstation.service.Workspace;
import com.ja4.workstation.ui.shell.ViewId;
import com.ja4.workstation.ui.table.ColumnDef.Kind;
import java.util.List;

/**
 * The three analyst tables: Detections (DESIGN 3.2, ml_detected_anomalies), Scores (3.3,
 * ml_all_scores: every scored window) and Traffic (3.4, http_logs). Paged, sorted and filtered in
 * the database. A new filter or column is one line here.
 */
public final class TableDefinitions {

    private TableDefinitions() {
    }

    public static final TableDefinition<Detection> DETECTIONS = new TableDefinition<>("Detections", null, "detections",
            SortOrder.descending("detected_at"),
            List.of(
                    FilterDef.threat(THREAT, "threatBox"),
                    FilterDef.text(SEARCH, "IP or host contains…", 180, "searchField"),
                    FilterDef.facet(ASN_ORG, "ASN organisation", 180, "asnBox"),
                    FilterDef.facet(COUNTRY, "Country", 110, "countryBox"),
                    FilterDef.text(JA4, "JA4", 210, "ja4Field"),
                    FilterDef.facet(BOT, "Bot name", 140, "botBox"),
                    FilterDef.facet(BROWSER, "Browser family", 150, "browserBox")),
            List.of(
                    ColumnDef.of(Kind.TIME, "Detected at (UTC)", "detected_at", Detection::detectedAt, 150),
                    ColumnDef.text("IP", "src_ip", Detection::ip, 150, SEARCH),
                    new ColumnDef<>("Threat", "threat_level", Detection::threatLevel, 165, Kind.THREAT, THREAT),
                    ColumnDef.text("OS (TCP)", null, Detection::os, 190, null),
                    ColumnDef.of(Kind.DECIMAL, "Score", "anomaly_score", Detection::anomalyScore, 70),
                    ColumnDef.text("Host", "host", Detection::host, 150, SEARCH),
                    ColumnDef.text("JA4", "ja4", Detection::ja4, 260, JA4),
                    ColumnDef.of(Kind.NUMBER, "Hits", "hits", Detection::hits, 70),
                    ColumnDef.of(Kind.DECIMAL, "Velocity", "hit_velocity", Detection::hitVelocity, 80),
                    ColumnDef.of(Kind.DECIMAL, "Fuzzing", "fuzzing_index", Detection::fuzzingIndex, 75),
                    ColumnDef.of(Kind.DECIMAL, "POST ratio", "post_ratio", Detection::postRatio, 80),
                    ColumnDef.of(Kind.NUMBER, "Recurrence", "recurrence", Detection::recurrence, 85),
                    ColumnDef.text("ASN organisation", "asn_org", Detection::asnOrg, 180, ASN_ORG),
                    ColumnDef.text("Country", "country_code", Detection::countryCode, 70, COUNTRY),
                    ColumnDef.text("Bot", "bot_name", Detection::botName, 100, BOT),
                    ColumnDef.text("Browser", "browser_family", Detection::browserFamily, 90, BROWSER),
                    ColumnDef.text("Model", "model_name", Detection::modelName, 110, null),
                    ColumnDef.text("Campaign", "campaign_id", Detection::campaignId, 100, null)),
            Workspace::detections, Detection::ip, Detection::ja4);

    public static final TableDefinition<Score> SCORES = new TableDefinition<>("Scores", "every scored window, anomalous or not",
            "scored windows", SortOrder.descending("detected_at"),
            List.of(
                    FilterDef.threat(THREAT, "threatBox"),
                    FilterDef.text(SEARCH, "IP or host contains…", 180, "searchField"),
                    FilterDef.facet(ASN_ORG, "ASN organisation", 180, "asnBox"),
                    FilterDef.facet(COUNTRY, "Country", 110, "countryBox"),
                    FilterDef.text(JA4, "JA4", 210, "ja4Field"),
                    FilterDef.facet(BROWSER, "Browser family", 150, "browserBox")),
            List.of(
                    ColumnDef.of(Kind.TIME, "Scored at (UTC)", "detected_at", Score::detectedAt, 150),
                    ColumnDef.of(Kind.TIME, "Window (UTC)", "window_start", Score::windowStart, 150),
                    ColumnDef.text("IP", "src_ip", Score::ip, 150, SEARCH),
                    new ColumnDef<>("Threat", "threat_level", Score::threatLevel, 165, Kind.THREAT, THREAT),
                    ColumnDef.text("OS (TCP)", null, Score::os, 190, null),
                    ColumnDef.of(Kind.DECIMAL, "Score", "anomaly_score", Score::anomalyScore, 70),
                    ColumnDef.of(Kind.DECIMAL, "Raw score", "raw_anomaly_score", Score::rawAnomalyScore, 80),
                    ColumnDef.of(Kind.DECIMAL, "XGB prob.", "xgb_prob", Score::xgbProb, 85),
                    ColumnDef.of(Kind.DECIMAL, "AE error", "ae_recon_error", Score::aeReconError, 75),
                    ColumnDef.text("Host", "host", Score::host, 150, SEARCH),
                    ColumnDef.text("JA4", "ja4", Score::ja4, 260, JA4),
                    ColumnDef.of(Kind.NUMBER, "Hits", "hits", Score::hits, 70),
                    ColumnDef.of(Kind.DECIMAL, "Velocity", "hit_velocity", Score::hitVelocity, 80),
                    ColumnDef.text("ASN organisation", "asn_org", Score::asnOrg, 180, ASN_ORG),
                    ColumnDef.text("Country", "country_code", Score::countryCode, 70, COUNTRY),
                    ColumnDef.text("Browser", "browser_family", Score::browserFamily, 90, BROWSER),
                    ColumnDef.of(Kind.NUMBER, "Known browser", "is_known_browser", Score::isKnownBrowser, 100),
                    ColumnDef.of(Kind.NUMBER, "Consistency", "browser_consistency_score", Score::browserConsistencyScore, 90),
                    ColumnDef.text("Model", "model_name", Score::modelName, 110, null)),
            Workspace::scores, Score::ip, Score::ja4);

    public static final TableDefinition<HttpLog> TRAFFIC = new TableDefinition<>("Traffic", null, "requests",
            SortOrder.descending("time"),
            List.of(
                    FilterDef.choice(METHOD, "Method", 100, "methodBox"),
                    FilterDef.facet(HOST, "Host", 200, "hostBox"),
                    FilterDef.choice(HTTP_VERSION, "HTTP version", 110, "versionBox"),
                    FilterDef.text(SEARCH, "IP, path or user agent contains…", 260, "searchField")),
            List.of(
                    ColumnDef.of(Kind.TIME, "Time (UTC)", "time", HttpLog::time, 150),
                    ColumnDef.text("IP", "src_ip", HttpLog::ip, 130, SEARCH),
                    ColumnDef.of(Kind.TEXT, "Port", "src_port", HttpLog::srcPort, 60),
                    ColumnDef.text("Method", "method", HttpLog::method, 70, METHOD),
                    ColumnDef.text("Host", "host", HttpLog::host, 160, HOST),
                    ColumnDef.text("Path", "path", HttpLog::path, 260, SEARCH),
                    ColumnDef.text("HTTP version", "http_version", HttpLog::httpVersion, 95, HTTP_VERSION),
                    ColumnDef.text("User agent", "header_user_agent", HttpLog::userAgent, 320, SEARCH),
                    ColumnDef.text("JA4", "ja4", HttpLog::ja4, 250, null),
                    ColumnDef.text("Country", "src_country_code", HttpLog::countryCode, 70, null)),
            Workspace::traffic, HttpLog::ip, HttpLog::ja4);

    /** The definition of a table view. */
    public static TableDefinition<?> of(ViewId id) {
        return switch (id) {
            case DETECTIONS -> DETECTIONS;
            case SCORES -> SCORES;
            case TRAFFIC -> TRAFFIC;
            default -> throw new IllegalArgumentException(id + " is not an analyst table");
        };
    }
}
