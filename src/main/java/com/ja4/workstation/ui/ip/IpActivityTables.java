package com.ja4.workstation.ui.ip;

import com.ja4.workstation.domain.feedback.FeedbackEntry;
import com.ja4.workstation.domain.ip.FeatureWindow;
import com.ja4.workstation.domain.table.Detection;
import com.ja4.workstation.domain.table.HttpLog;
import com.ja4.workstation.domain.table.Score;
import com.ja4.workstation.service.ip.IpDrillDownService;
import com.ja4.workstation.service.ip.RadarAxis;
import com.ja4.workstation.ui.common.ThreatCell;
import com.ja4.workstation.ui.table.Tables;
import java.util.function.Consumer;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** The columns of the drill-down's tables: its activity (detections, scores, HTTP, feature windows), radar features, history. */
final class IpActivityTables {

    private IpActivityTables() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static TableView<Detection> detections(Consumer<String> lookUpJa4) {
        TableView<Detection> t = Tables.table("No detections in this window");
        Tables.text(t, "Detected at (UTC)", Detection::detectedAt, 140);
        TableColumn threat = Tables.text(t, "Threat", Detection::threatLevel, 130);
        threat.setCellFactory(c -> new ThreatCell<>());
        Tables.number(t, "Score", Detection::anomalyScore, 65, 3);
        Tables.text(t, "Model", Detection::modelName, 110);
        Tables.text(t, "Host", Detection::host, 150);
        Tables.text(t, "JA4", Detection::ja4, 250);
        Tables.number(t, "Hits", Detection::hits, 65, 0);
        Tables.number(t, "Velocity", Detection::hitVelocity, 75, 3);
        Tables.text(t, "Bot", Detection::botName, 100);
        Tables.text(t, "ASN organisation", Detection::asnOrg, 170);
        Tables.text(t, "Country", Detection::countryCode, 65);
        Tables.text(t, "Campaign", Detection::campaignId, 110);
        Tables.ja4Menu(t, Detection::ja4, lookUpJa4);
        return t;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static TableView<Score> scores(Consumer<String> lookUpJa4) {
        TableView<Score> t = Tables.table("No scored windows in this window");
        Tables.text(t, "Scored at (UTC)", Score::detectedAt, 140);
        Tables.text(t, "Window (UTC)", Score::windowStart, 140);
        TableColumn threat = Tables.text(t, "Threat", Score::threatLevel, 130);
        threat.setCellFactory(c -> new ThreatCell<>());
        Tables.number(t, "Score", Score::anomalyScore, 65, 3);
        Tables.number(t, "XGB prob.", Score::xgbProb, 75, 3);
        Tables.number(t, "AE error", Score::aeReconError, 75, 3);
        Tables.text(t, "Model", Score::modelName, 110);
        Tables.text(t, "Host", Score::host, 150);
        Tables.text(t, "JA4", Score::ja4, 250);
        Tables.number(t, "Hits", Score::hits, 65, 0);
        Tables.text(t, "Browser", Score::browserFamily, 90);
        Tables.ja4Menu(t, Score::ja4, lookUpJa4);
        return t;
    }

    static TableView<HttpLog> http(Consumer<String> lookUpJa4) {
        TableView<HttpLog> t = Tables.table("No HTTP requests in this window");
        Tables.text(t, "Time (UTC)", HttpLog::time, 140);
        Tables.text(t, "Method", HttpLog::method, 65);
        Tables.text(t, "Host", HttpLog::host, 150);
        Tables.text(t, "Path", HttpLog::path, 260);
        Tables.text(t, "HTTP", HttpLog::httpVersion, 75);
        Tables.text(t, "User agent", HttpLog::userAgent, 330);
        Tables.text(t, "JA4", HttpLog::ja4, 250);
        Tables.ja4Menu(t, HttpLog::ja4, lookUpJa4);
        return t;
    }

    /** The hourly feature windows; a double-click shows the window in the radar. */
    static TableView<FeatureWindow> featureWindows(Consumer<String> lookUpJa4, Consumer<FeatureWindow> showInRadar) {
        TableView<FeatureWindow> t = Tables.table("No feature windows in this window");
        Tables.ja4Menu(t, FeatureWindow::ja4, lookUpJa4);
        Tables.text(t, "Window (UTC)", FeatureWindow::windowStart, 140);
        Tables.text(t, "Host", FeatureWindow::host, 150);
        Tables.text(t, "JA4", FeatureWindow::ja4, 250);
        Tables.number(t, "Hits", FeatureWindow::hits, 65, 0);
        Tables.text(t, "ASN label", FeatureWindow::asnLabel, 90);
        Tables.text(t, "ASN organisation", FeatureWindow::asnOrg, 170);
        Tables.text(t, "Bot", FeatureWindow::botName, 100);
        Tables.text(t, "Browser", FeatureWindow::browserFamily, 90);
        for (String f : IpDrillDownService.RADAR_FEATURES) Tables.number(t, IpFacts.axisLabel(f), r -> r.feature(f), 95, 3);
        Tables.onDoubleClick(t, showInRadar);
        return t;
    }

    /** The radar's raw values next to it. */
    static TableView<RadarAxis> radarFeatures() {
        TableView<RadarAxis> t = Tables.table("No feature window");
        Tables.text(t, "Feature", RadarAxis::feature, 165);
        Tables.number(t, "This IP", RadarAxis::ip, 90, 4);
        Tables.number(t, "Human avg", RadarAxis::human, 95, 4);
        Tables.number(t, "DC/hosting avg", RadarAxis::datacenter, 125, 4);
        return t;
    }

    static TableView<FeedbackEntry> history() {
        TableView<FeedbackEntry> t = Tables.table("Not classified yet");
        Tables.text(t, "When (UTC)", FeedbackEntry::createdAt, 135);
        Tables.text(t, "Verdict", FeedbackEntry::classification, 80);
        Tables.text(t, "Analyst", FeedbackEntry::analyst, 85);
        Tables.text(t, "State", e -> e.pending() ? "pending (outbox)" : "written (" + e.source() + ")", 120);
        Tables.text(t, "Comment", FeedbackEntry::comment, 320);
        t.setPrefHeight(120);
        t.getStyleClass().add("history-table");
        return t;
    }
}
