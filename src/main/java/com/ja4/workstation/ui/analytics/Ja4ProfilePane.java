package com.ja4.workstation.ui.analytics;

import com.ja4.workstation.domain.Ja4;
import com.ja4.workstation.domain.analytics.Activity;
import com.ja4.workstation.domain.analytics.HostRow;
import com.ja4.workstation.domain.analytics.Ja4Source;
import com.ja4.workstation.domain.analytics.SeenWith;
import com.ja4.workstation.domain.analytics.ThreatLevelRow;
import com.ja4.workstation.service.analytics.Ja4ProfileService.Ja4Profile;
import com.ja4.workstation.ui.common.Fx;
import com.ja4.workstation.ui.common.LoadPane;
import com.ja4.workstation.ui.common.ThreatCell;
import com.ja4.workstation.ui.table.Tables;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The JA4 profile of the Fingerprints view ("Look up JA4"): the JA4 decoded into its parts (or
 * what is wrong with it), then its figures in the window: detections, scored windows, 1 h
 * sessions, HTTP requests, distinct IPs, worst threat, first and last seen, and the breakdowns by
 * threat level, named bot / browser family and host. The figures load on their own: loading,
 * content, "no rows in the window" or the error with Retry.
 */
public final class Ja4ProfilePane extends VBox {

    private final Label ja4Label = new Label();
    private final Button copy = new Button("Copy JA4");
    private final Button detections = new Button("Show detections with this JA4");
    private final Button close = new Button("✕");
    private final FlowPane decodedBox = new FlowPane(6, 6);
    private final FlowPane kpis = new FlowPane(8, 8);
    private final TableView<ThreatLevelRow> threatTable = new TableView<>();
    private final TableView<Named> namedTable = new TableView<>();
    private final TableView<HostRow> hostTable = new TableView<>();
    private final Label notes = new Label();
    private final VBox figures = new VBox(8);
    private final LoadPane figuresPane = new LoadPane(figures);
    private final VBox body = new VBox(8);
    private final Label hint = new Label();
    private final Map<String, Label> kpiValues = new java.util.LinkedHashMap<>();
    private final Map<String, Label> kpiNotes = new java.util.LinkedHashMap<>();
    private String ja4 = "";

    /** {@code onShowDetections} opens Detections filtered on the shown JA4; {@code onClose} clears the selection. */
    public Ja4ProfilePane(Consumer<String> onShowDetections, Runnable onClose) {
        super(8);
        getStyleClass().addAll("panel", "ja4-profile");
        Label title = new Label("JA4 profile");
        title.getStyleClass().add("panel-title");
        ja4Label.getStyleClass().add("ja4-value");
        ja4Label.setMinWidth(Region.USE_PREF_SIZE);
        copy.setOnAction(e -> Fx.copy(ja4));
        copy.getStyleClass().add("small");
        detections.setOnAction(e -> onShowDetections.accept(ja4));
        detections.getStyleClass().add("accent");
        close.setOnAction(e -> onClose.run());
        close.setTooltip(new Tooltip("Close the profile"));
        close.getStyleClass().addAll("flat", "small");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(10, title, ja4Label, spacer, copy, detections, close);
        header.setAlignment(Pos.CENTER_LEFT);

        buildTables();
        HBox tables = new HBox(10, section("Threat levels (by severity)", threatTable),
                section("Named bots and browser families", namedTable), section("Top hosts", hostTable));
        HBox.setHgrow(tables.getChildren().get(2), Priority.ALWAYS);
        notes.getStyleClass().add("muted");
        notes.setWrapText(true);
        notes.managedProperty().bind(notes.visibleProperty());
        figures.getChildren().addAll(kpis, tables, notes);
        // an empty or failed profile takes only the room of its message; loading keeps the size (no jump below)
        figuresPane.stateProperty().addListener((o, a, st) ->
                figures.setManaged(st == LoadPane.State.CONTENT || st == LoadPane.State.LOADING));
        for (String k : List.of("Detections", "Scored windows", "Sessions (1 h)", "HTTP requests", "Distinct IPs", "Worst threat",
                "First seen (UTC)", "Last seen (UTC)")) {
            kpis.getChildren().add(kpi(k));
        }
        body.getChildren().addAll(header, decodedBox, figuresPane);
        hint.setText("JA4 profile: select a JA4 in the tables below, paste one above, or right-click a row with a JA4 in Detections,"
                + " Scores, Traffic or an IP's tables and choose Look up JA4.");
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
        clear();
    }

    /** The JA4 shown (empty when none). */
    public String ja4() {
        return ja4;
    }

    /** No JA4 selected: one line saying how to choose one. */
    public void clear() {
        ja4 = "";
        getChildren().setAll(hint);
        getStyleClass().remove("ja4-profile-open");
    }

    /** Shows the JA4 decoded at once and its figures when {@code profile} completes. */
    public CompletableFuture<Ja4Profile> show(String value, CompletableFuture<Ja4Profile> profile, Runnable retry) {
        ja4 = value;
        ja4Label.setText(value);
        showDecoded(Ja4.parse(value));
        getChildren().setAll(body);
        if (!getStyleClass().contains("ja4-profile-open")) getStyleClass().add("ja4-profile-open");
        return figuresPane.bind(profile, this::render, Ja4Profile::isEmpty,
                p -> "This JA4 has no rows in the window (" + Fx.window(p.window()) + ")", retry);
    }

    private void showDecoded(Ja4 j) {
        decodedBox.getChildren().clear();
        if (!j.valid()) {
            Label bad = new Label("⚠  Malformed JA4: " + j.problem());
            bad.getStyleClass().add("ja4-malformed");
            bad.setWrapText(true);
            decodedBox.getChildren().add(bad);
            return;
        }
        decodedBox.getChildren().addAll(
                part("Protocol", j.protocolLabel(), "a: t = TLS over TCP, q = QUIC, d = DTLS"),
                part("TLS version", Ja4.versionLabel(j.tlsVersion()).orElse("?"), "a: highest version offered (" + j.tlsVersion() + ")"),
                part("SNI", j.sniDomain() ? "domain" : "IP / none", "a: d = a domain name in SNI, i = no SNI or an IP"),
                part("Cipher suites", String.valueOf(j.cipherCount()), "a: number of cipher suites offered (GREASE ignored)"),
                part("Extensions", String.valueOf(j.extensionCount()), "a: number of extensions (GREASE ignored)"),
                part("ALPN", "00".equals(j.alpn()) ? "none" : j.alpn(), "a: first and last character of the first ALPN value"),
                part("Cipher hash", j.cipherHash(), "b: truncated SHA-256 of the sorted cipher suites"),
                part("Extension hash", j.extensionHash(), "c: truncated SHA-256 of the sorted extensions and signature algorithms"));
    }

    private static Node part(String caption, String value, String tip) {
        Label c = new Label(caption);
        c.getStyleClass().add("ja4-part-caption");
        Label v = new Label(value);
        v.getStyleClass().add("ja4-part-value");
        VBox box = new VBox(1, c, v);
        box.getStyleClass().add("ja4-part");
        Tooltip.install(box, new Tooltip(tip));
        return box;
    }

    private Node kpi(String caption) {
        Label c = new Label(caption);
        c.getStyleClass().add("kpi-caption");
        Label v = new Label("–");
        v.getStyleClass().add("ja4-kpi-value");
        Label n = new Label("");
        n.getStyleClass().add("ja4-kpi-note");
        kpiValues.put(caption, v);
        kpiNotes.put(caption, n);
        if (caption.startsWith("First") || caption.startsWith("Last")) v.getStyleClass().add("ja4-kpi-time");
        VBox box = new VBox(1, c, v, n);
        box.getStyleClass().add("ja4-kpi");
        return box;
    }

    private void setKpi(String caption, String value, String note) {
        kpiValues.get(caption).setText(value);
        kpiNotes.get(caption).setText(note);
    }

    private void render(Ja4Profile p) {
        Map<Ja4Source, String> na = p.unavailable();
        activity("Detections", p.detections(), na.get(Ja4Source.DETECTIONS));
        activity("Scored windows", p.scores(), na.get(Ja4Source.SCORES));
        if (na.get(Ja4Source.SESSIONS) != null) setKpi("Sessions (1 h)", "n/a", "not on this server");
        else setKpi("Sessions (1 h)", Fx.count(p.sessions().rows()), ips(p.sessions().ips()) + " · " + Fx.count(p.sessions().hits()) + " hits");
        p.http().ifPresentOrElse(h -> setKpi("HTTP requests", Fx.count(h.requests()),
                        Fx.count(h.sessions()) + " sessions · " + ips(h.ips())),
                () -> setKpi("HTTP requests", "n/a", "not on this server"));
        setKpi("Distinct IPs", Fx.count(p.distinctIps()), "all tables");
        Label worst = kpiValues.get("Worst threat");
        worst.getStyleClass().removeIf(c -> c.startsWith("threat-"));
        worst.getStyleClass().remove("threat-badge");
        p.worstThreat().ifPresentOrElse(l -> {
            worst.getStyleClass().addAll("threat-badge", "threat-" + l.name().toLowerCase());
            setKpi("Worst threat", l.name(), "by severity");
        }, () -> setKpi("Worst threat", "–", "no verdict"));
        setKpi("First seen (UTC)", minute(p.firstSeen()), "");
        setKpi("Last seen (UTC)", minute(p.lastSeen()), "");

        threatTable.getItems().setAll(p.threats());
        List<Named> named = new ArrayList<>();
        p.bots().forEach(b -> named.add(new Named("bot", b)));
        p.browsers().forEach(b -> named.add(new Named("browser", b)));
        namedTable.getItems().setAll(named);
        hostTable.getItems().setAll(p.hosts());

        List<String> missing = new ArrayList<>();
        na.forEach((s, why) -> missing.add(sourceName(s) + " (" + why + ")"));
        notes.setText(missing.isEmpty() ? "" : "Not on this server: " + String.join("; ", missing));
        notes.setVisible(!missing.isEmpty());
    }

    private void activity(String caption, Activity a, String unavailable) {
        if (unavailable != null) setKpi(caption, "n/a", "not on this server");
        else setKpi(caption, Fx.count(a.rows()), ips(a.ips()));
    }

    private static String ips(long n) {
        return Fx.count(n) + (n == 1 ? " IP" : " IPs");
    }

    private static String minute(Instant t) {
        return t == null ? "–" : Fx.MINUTE.format(t);
    }

    private static String sourceName(Ja4Source s) {
        return switch (s) {
            case DETECTIONS -> "detections";
            case SCORES -> "scored windows";
            case SESSIONS -> "1 h sessions";
            case HTTP -> "HTTP logs";
        };
    }

    private static VBox section(String title, TableView<?> table) {
        Label t = new Label(title);
        t.getStyleClass().add("ja4-section-title");
        VBox box = new VBox(4, t, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        return box;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void buildTables() {
        TableColumn<ThreatLevelRow, String> level = Tables.text("Level", ThreatLevelRow::threatLevel, 164);
        level.setCellFactory(c -> (javafx.scene.control.TableCell) new ThreatCell<ThreatLevelRow, String>());
        threatTable.getColumns().setAll(List.of(level, Tables.count("Detections", ThreatLevelRow::detections, 92),
                Tables.count("Scored", ThreatLevelRow::scoredWindows, 66)));
        namedTable.getColumns().setAll(List.of(Tables.text("Name", Named::label, 124), Tables.count("Sessions", r -> r.seen().sessions(), 74),
                Tables.count("Detections", r -> r.seen().detections(), 92), Tables.count("IPs", r -> r.seen().ips(), 52)));
        hostTable.getColumns().setAll(List.of(Tables.text("Host", HostRow::host, 190), Tables.count("Sessions", HostRow::sessions, 74),
                Tables.count("Requests", HostRow::requests, 80), Tables.count("Detections", HostRow::detections, 92),
                Tables.count("IPs", HostRow::ips, 52)));
        // numbers never shrink into "…": the text columns give way first
        for (TableView<?> t : List.of(threatTable, namedTable, hostTable)) {
            for (TableColumn<?, ?> c : t.getColumns()) c.setMinWidth(c.getStyleClass().contains("numeric") ? c.getPrefWidth() : 110);
        }
        threatTable.setPlaceholder(new Label("No detection or scored window"));
        namedTable.setPlaceholder(new Label("No named bot or browser family"));
        hostTable.setPlaceholder(new Label("No host"));
        // six rows: every threat level fits without scrolling
        for (TableView<?> t : List.of(threatTable, namedTable, hostTable)) {
            t.setFixedCellSize(26);
            t.setPrefHeight(26 * 6 + 32);
            t.setMinHeight(26 * 6 + 32);
            t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        }
        threatTable.setPrefWidth(332);
        threatTable.setMinWidth(332);
        namedTable.setPrefWidth(352);
        namedTable.setMinWidth(352);
        hostTable.setPrefWidth(490);
        hostTable.setMinWidth(400);
    }

    /** A bot name or browser family in one table. */
    public record Named(String kind, SeenWith seen) {
        String label() {
            return kind + ": " + seen.name();
        }
    }

    // for tests

    public LoadPane figuresPane() {
        return figuresPane;
    }

    public String ja4Text() {
        return ja4Label.getText();
    }

    /** The decoded parts as shown, "caption: value" joined by " · " (or the malformed message). */
    public String decodedText() {
        List<String> out = new ArrayList<>();
        for (Node n : decodedBox.getChildren()) {
            if (n instanceof Label l) out.add(l.getText());
            else if (n instanceof VBox v) out.add(((Label) v.getChildren().get(0)).getText() + ": " + ((Label) v.getChildren().get(1)).getText());
        }
        return String.join(" · ", out);
    }

    /** The value shown under a figure's caption (e.g. "Detections"). */
    public String kpiText(String caption) {
        return kpiValues.get(caption).getText();
    }

    public Button showDetectionsButton() {
        return detections;
    }

    public TableView<ThreatLevelRow> threatTable() {
        return threatTable;
    }

    public TableView<Named> namedTable() {
        return namedTable;
    }

    public TableView<HostRow> hostTable() {
        return hostTable;
    }

    public boolean isOpen() {
        return !ja4.isEmpty();
    }
}
