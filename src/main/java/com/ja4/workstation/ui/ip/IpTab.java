package com.ja4.workstation.ui.ip;

import com.ja4.workstation.analysis.fingerprint.TcpVerdict;
import com.ja4.workstation.data.detections.Detection;
import com.ja4.workstation.data.detections.DetectionFilter;
import com.ja4.workstation.data.feedback.Classification;
import com.ja4.workstation.data.feedback.FeedbackEntry;
import com.ja4.workstation.data.ip.FeatureWindow;
import com.ja4.workstation.data.ip.IpQueries;
import com.ja4.workstation.data.ip.RadarBaselines;
import com.ja4.workstation.data.ip.Recurrence;
import com.ja4.workstation.data.scores.Score;
import com.ja4.workstation.data.traffic.HttpLog;
import com.ja4.workstation.domain.ClientIp;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.service.Workspace;
import com.ja4.workstation.service.feedback.FeedbackService;
import com.ja4.workstation.service.ip.IpAnalysis;
import com.ja4.workstation.service.ip.IpAnalysis.TcpFinding;
import com.ja4.workstation.service.ip.RadarAxis;
import com.ja4.workstation.service.query.QueryScope;
import com.ja4.workstation.ui.common.Charts;
import com.ja4.workstation.ui.common.Fx;
import com.ja4.workstation.ui.common.LoadPane;
import com.ja4.workstation.ui.common.SimpleTables;
import com.ja4.workstation.ui.common.ThreatCell;
import java.awt.Color;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * One IP in the drill-down: its detections, scores, HTTP logs, 1h feature windows, recurrence,
 * TCP/OS verdict, radar against the baselines, and the classification form with its history.
 * Every section loads on its own and shows its own error.
 */
public final class IpTab extends Tab {

    /** How the tab runs work: in the view's scope, tracked so the view knows when it is idle. */
    public interface Runner {
        <T> CompletableFuture<T> run(QueryScope.Call<T> call);

        Workspace workspace();

        TimeWindow window();

        void openDetections(DetectionFilter filter);

        /** "Look up JA4": the Fingerprints view with this JA4's profile. */
        void lookUpJa4(String ja4);
    }

    static final int HTTP_LIMIT = 200;
    private static final List<java.awt.Paint> RADAR_PAINTS = List.of(new Color(0xDC, 0x26, 0x26), new Color(0x16, 0xA3, 0x4A),
            new Color(0x47, 0x55, 0x69));

    private final ClientIp ip;
    private final Runner runner;

    private final Label summary = new Label();
    private final VBox tcpBox = new VBox(4);
    private final LoadPane tcpPane = new LoadPane(tcpBox);
    private final GridPane recurrenceGrid = new GridPane();
    private final LoadPane recurrencePane = new LoadPane(recurrenceGrid);
    private final ComboBox<FeatureWindow> windowBox = new ComboBox<>();
    private final StackPaneHolder radarHolder = new StackPaneHolder();
    private final LoadPane radarPane = new LoadPane(radarHolder);
    private final TableView<RadarAxis> featureTable = SimpleTables.table("No feature window");
    private final TableView<Detection> detectionTable = SimpleTables.table("No detections in this window");
    private final TableView<Score> scoreTable = SimpleTables.table("No scored windows in this window");
    private final TableView<HttpLog> httpTable = SimpleTables.table("No HTTP requests in this window");
    private final TableView<FeatureWindow> windowTable = SimpleTables.table("No feature windows in this window");
    private final LoadPane detectionPane = new LoadPane(detectionTable);
    private final LoadPane scorePane = new LoadPane(scoreTable);
    private final LoadPane httpPane = new LoadPane(httpTable);
    private final LoadPane windowPane = new LoadPane(windowTable);
    private final Tab detectionsTab = new Tab("Detections", detectionPane);
    private final Tab scoresTab = new Tab("Scores", scorePane);
    private final Tab httpTab = new Tab("HTTP logs", httpPane);
    private final Tab windowsTab = new Tab("Feature windows", windowPane);

    private final ToggleGroup classGroup = new ToggleGroup();
    private final TextField analystField = new TextField(FeedbackService.defaultAnalyst());
    private final TextArea commentArea = new TextArea();
    private final Label counter = new Label();
    private final Button saveButton = new Button("Save classification");
    private final Label formStatus = new Label();
    private final TableView<FeedbackEntry> historyTable = SimpleTables.table("Not classified yet");
    private final LoadPane historyPane = new LoadPane(historyTable);

    private RadarBaselines baselines;
    private List<FeatureWindow> windows = List.of();
    private boolean saving;

    public IpTab(ClientIp ip, Runner runner) {
        super(ip.display());
        this.ip = ip;
        this.runner = runner;
        setClosable(true);
        getStyleClass().add("ip-tab");
        setContent(build());
    }

    public ClientIp ip() {
        return ip;
    }

    /** (Re)loads every section for the current workspace and window. */
    public CompletableFuture<?> load() {
        Workspace ws = runner.workspace();
        TimeWindow w = runner.window();
        IpQueries q = ws.ip();
        summary.setText("Window " + Fx.window(w)
                + (ip.v4() ? "" : "  ·  IPv6 client: HTTP logs hold IPv4 clients only"));

        CompletableFuture<List<Detection>> det = runner.run(ctx -> q.detections(ip, w, ctx));
        detectionPane.bind(det, rows -> {
            detectionTable.getItems().setAll(rows);
            detectionsTab.setText("Detections (" + Fx.count(rows.size()) + ")");
        }, r -> false, this::load);
        CompletableFuture<List<Score>> sc = runner.run(ctx -> q.scores(ip, w, ctx));
        scorePane.bind(sc, rows -> {
            scoreTable.getItems().setAll(rows);
            scoresTab.setText("Scores (" + Fx.count(rows.size()) + ")");
        }, r -> false, this::load);
        CompletableFuture<List<HttpLog>> http = runner.run(ctx -> q.httpLogs(ip, w, HTTP_LIMIT, ctx));
        httpPane.bind(http, rows -> {
            httpTable.getItems().setAll(rows);
            httpTab.setText("HTTP logs (" + (rows.size() >= HTTP_LIMIT ? "latest " : "") + Fx.count(rows.size()) + ")");
            if (!ip.v4()) httpTable.setPlaceholder(new Label("http_logs records IPv4 clients only: none for an IPv6 client"));
        }, r -> false, this::load);
        CompletableFuture<Optional<Recurrence>> rec = runner.run(ctx -> q.recurrence(ip, ctx));
        recurrencePane.bind(rec, this::showRecurrence, Optional::isEmpty, this::load);
        CompletableFuture<List<TcpFinding>> tcp = runner.run(ctx -> IpAnalysis.tcp(q.tcpTuples(ip, w, ctx)));
        tcpPane.bind(tcp, this::showTcp, List::isEmpty, this::load);

        CompletableFuture<List<FeatureWindow>> fw = runner.run(ctx -> q.featureWindows(ip, w, ctx));
        CompletableFuture<RadarBaselines> base = runner.run(ctx -> q.radarBaselines(w, ctx));
        CompletableFuture<Radar> radar = fw.thenCombine(base, Radar::new);
        windowPane.bind(fw, rows -> {
            windowTable.getItems().setAll(rows);
            windowsTab.setText("Feature windows (" + Fx.count(rows.size()) + ")");
        }, r -> false, this::load);
        radarPane.bind(radar, this::showRadar, r -> r.windows().isEmpty(), this::load);
        CompletableFuture<?> hist = loadHistory();
        return CompletableFuture.allOf(det, sc, http, rec, tcp, fw, base, radar, hist);
    }

    private record Radar(List<FeatureWindow> windows, RadarBaselines baselines) {
    }

    private CompletableFuture<List<FeedbackEntry>> loadHistory() {
        Workspace ws = runner.workspace();
        CompletableFuture<List<FeedbackEntry>> f = runner.run(ctx -> ws.feedback().history(ip, ctx));
        historyPane.bind(f, rows -> historyTable.getItems().setAll(rows), r -> false, this::loadHistory);
        return f;
    }

    private Node build() {
        Label title = new Label(ip.display());
        title.getStyleClass().add("view-title");
        Button copy = new Button("Copy IP");
        copy.setOnAction(e -> Fx.copy(ip.display()));
        Button detections = new Button("Detections of this IP");
        detections.setOnAction(e -> runner.openDetections(DetectionFilter.NONE.withSearch(ip.display())));
        summary.getStyleClass().add("muted");
        HBox header = new HBox(12, title, summary, spacer(), copy, detections);
        header.setAlignment(Pos.CENTER_LEFT);

        VBox tcpPanel = panel("TCP/OS fingerprint", tcpPane);
        VBox recPanel = panel("Recurrence", recurrencePane);
        VBox classPanel = panel("Classification", buildForm());
        tcpPanel.setPrefWidth(430);
        recPanel.setPrefWidth(300);
        recPanel.setMinWidth(280);
        HBox.setHgrow(classPanel, Priority.ALWAYS);
        HBox row1 = new HBox(12, tcpPanel, recPanel, classPanel);

        windowBox.setPrefWidth(420);
        windowBox.setCellFactory(l -> new WindowCell());
        windowBox.setButtonCell(new WindowCell());
        windowBox.setOnAction(e -> redrawRadar());
        Label pick = new Label("Feature window");
        pick.getStyleClass().add("muted");
        HBox picker = new HBox(8, pick, windowBox);
        picker.setAlignment(Pos.CENTER_LEFT);
        radarHolder.setMinHeight(330);
        radarHolder.setPrefHeight(340);
        VBox radarPanel = panel("Behaviour radar vs human and datacenter/hosting baselines", picker, radarPane);
        Label scaleNote = new Label("Each axis is divided by the largest of the three values, so the polygons compare; hover for raw values.");
        scaleNote.getStyleClass().add("muted");
        scaleNote.setWrapText(true);
        radarPanel.getChildren().add(scaleNote);
        HBox.setHgrow(radarPanel, Priority.ALWAYS);
        buildFeatureTable();
        featureTable.setPrefHeight(330);
        VBox featurePanel = panel("Radar features of the selected window", featureTable);
        featurePanel.setPrefWidth(520);
        HBox row2 = new HBox(12, radarPanel, featurePanel);

        buildActivityTables();
        TabPane activity = new TabPane(detectionsTab, scoresTab, httpTab, windowsTab);
        activity.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        activity.setPrefHeight(300);
        activity.setMinHeight(260);
        VBox activityPanel = panel("Activity", activity);

        VBox body = new VBox(12, header, row1, row2, activityPanel);
        body.setPadding(new Insets(12, 16, 16, 16));
        body.getStyleClass().add("view");
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("view-scroll");
        return scroll;
    }

    private Node buildForm() {
        HBox choices = new HBox(6);
        for (Classification c : Classification.values()) {
            ToggleButton b = new ToggleButton(c.value());
            b.setUserData(c.value());
            b.setToggleGroup(classGroup);
            b.getStyleClass().addAll("class-choice", "class-" + c.value());
            choices.getChildren().add(b);
        }
        analystField.setPrefColumnCount(12);
        Label analystLabel = new Label("Analyst");
        analystLabel.getStyleClass().add("muted");
        choices.getChildren().addAll(spacer(), analystLabel, analystField);
        choices.setAlignment(Pos.CENTER_LEFT);
        commentArea.setPromptText("Why? (what you saw: TCP stack, paths, cadence…)");
        commentArea.setWrapText(true);
        commentArea.setPrefRowCount(3);
        commentArea.textProperty().addListener((o, a, b) -> updateCounter());
        updateCounter();
        saveButton.getStyleClass().add("accent");
        saveButton.setOnAction(e -> save());
        formStatus.setWrapText(true);
        formStatus.getStyleClass().add("form-status");
        HBox actions = new HBox(10, saveButton, counter, formStatus);
        actions.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(formStatus, Priority.ALWAYS);

        SimpleTables.text(historyTable, "When (UTC)", FeedbackEntry::createdAt, 135);
        SimpleTables.text(historyTable, "Verdict", FeedbackEntry::classification, 80);
        SimpleTables.text(historyTable, "Analyst", FeedbackEntry::analyst, 85);
        SimpleTables.text(historyTable, "State", e -> e.pending() ? "pending (outbox)" : "written (" + e.source() + ")", 120);
        SimpleTables.text(historyTable, "Comment", FeedbackEntry::comment, 320);
        historyTable.setPrefHeight(120);
        historyTable.getStyleClass().add("history-table");
        Label histTitle = new Label("History of this IP");
        histTitle.getStyleClass().add("muted");
        return new VBox(6, choices, commentArea, actions, histTitle, historyPane);
    }

    private void updateCounter() {
        int n = commentArea.getText() == null ? 0 : commentArea.getText().length();
        counter.setText(n + " / " + Classification.MAX_COMMENT);
        counter.getStyleClass().removeAll("counter", "counter-over");
        counter.getStyleClass().add(n > Classification.MAX_COMMENT ? "counter-over" : "counter");
    }

    /** Saves the form; on failure the form stays filled and the reason shows next to Save. */
    public CompletableFuture<FeedbackEntry> save() {
        String cls = classGroup.getSelectedToggle() == null ? "" : (String) classGroup.getSelectedToggle().getUserData();
        String comment = commentArea.getText() == null ? "" : commentArea.getText();
        String analyst = analystField.getText();
        String problem = FeedbackService.problem(cls, comment, analyst);
        if (problem != null) {
            status(problem, true);
            return CompletableFuture.failedFuture(new IllegalArgumentException(problem));
        }
        if (saving) return CompletableFuture.failedFuture(new IllegalStateException("already saving"));
        saving = true;
        saveButton.setDisable(true);
        status("Saving…", false);
        Workspace ws = runner.workspace();
        CompletableFuture<FeedbackEntry> f = runner.run(ctx -> ws.feedback().classify(ip, cls, comment, analyst, ctx));
        f.whenComplete((entry, err) -> Platform.runLater(() -> {
            saving = false;
            saveButton.setDisable(false);
            if (err != null) {
                status("Not saved: " + QueryScope.reason(err) + " (your text is kept; try again)", true);
                return;
            }
            commentArea.clear();
            classGroup.selectToggle(null);
            status(entry.pending() ? "Saved to the local outbox: pending until a live ClickHouse is connected."
                    : "Saved to soc_feedback.", false);
            historyTable.getItems().add(0, entry);
            historyPane.showContent();
        }));
        return f;
    }

    private void status(String text, boolean error) {
        formStatus.setText(text);
        formStatus.getStyleClass().remove("form-error");
        if (error) formStatus.getStyleClass().add("form-error");
    }

    public void fillForm(String classification, String comment) {
        for (var t : classGroup.getToggles()) if (classification.equals(t.getUserData())) classGroup.selectToggle(t);
        commentArea.setText(comment);
    }

    public String formStatusText() {
        return formStatus.getText();
    }

    public String commentText() {
        return commentArea.getText();
    }

    public TableView<FeedbackEntry> historyTable() {
        return historyTable;
    }

    public LoadPane historyPane() {
        return historyPane;
    }

    public LoadPane radarPane() {
        return radarPane;
    }

    public TableView<Detection> detectionTable() {
        return detectionTable;
    }

    public TableView<HttpLog> httpTable() {
        return httpTable;
    }

    public LoadPane detectionPane() {
        return detectionPane;
    }

    public LoadPane httpPane() {
        return httpPane;
    }

    public ComboBox<FeatureWindow> windowBox() {
        return windowBox;
    }

    private void showRecurrence(Optional<Recurrence> r) {
        recurrenceGrid.getChildren().clear();
        recurrenceGrid.setHgap(12);
        recurrenceGrid.setVgap(6);
        if (r.isEmpty()) return;
        Recurrence x = r.get();
        row(0, "Recurrence", Fx.count(x.recurrence()));
        row(1, "Days active", Fx.count(x.daysActive()));
        row(2, "Distinct hosts", Fx.count(x.distinctHosts()));
        row(3, "First seen", x.firstSeen() == null ? "" : Fx.MINUTE.format(x.firstSeen()) + " UTC");
        row(4, "Last seen", x.lastSeen() == null ? "" : Fx.MINUTE.format(x.lastSeen()) + " UTC");
    }

    private void row(int i, String name, String value) {
        Label n = new Label(name);
        n.getStyleClass().add("muted");
        n.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label v = new Label(value);
        v.getStyleClass().add("fact-value");
        v.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        recurrenceGrid.addRow(i, n, v);
    }

    private void showTcp(List<TcpFinding> findings) {
        tcpBox.getChildren().clear();
        if (findings.isEmpty()) return;
        TcpFinding main = findings.get(0);
        TcpVerdict v = main.verdict();
        if (v == null) {
            Label l = new Label("The SYN values are out of range: " + main.tuple().shape());
            l.setWrapText(true);
            tcpBox.getChildren().add(l);
            return;
        }
        Label os = new Label(v.os());
        os.getStyleClass().add("verdict-os");
        if (v.scanner()) os.getStyleClass().add("verdict-scanner");
        Label conf = new Label(String.format(Locale.ROOT, "confidence %d%%  ·  initial TTL %d, %d hops  ·  %s",
                Math.round(v.confidence() * 100), v.initialTtl(), v.hops(), v.path()));
        conf.getStyleClass().add("muted");
        conf.setWrapText(true);
        Label shape = new Label(main.tuple().shape() + "  (" + hits(main.tuple().hits()) + ")");
        tcpBox.getChildren().addAll(os, conf, shape);
        for (String reason : v.reasons()) {
            Label r = new Label("• " + reason);
            r.setWrapText(true);
            r.getStyleClass().add("verdict-reason");
            tcpBox.getChildren().add(r);
        }
        if (findings.size() > 1) {
            Label more = new Label("Other SYN shapes of this IP:");
            more.getStyleClass().add("muted");
            tcpBox.getChildren().add(more);
            for (TcpFinding f : findings.subList(1, Math.min(findings.size(), 5))) {
                Label l = new Label("• " + f.tuple().shape() + " → " + (f.verdict() == null ? "out of range" : f.verdict().os())
                        + " (" + hits(f.tuple().hits()) + ")");
                l.setWrapText(true);
                tcpBox.getChildren().add(l);
            }
        }
    }

    private void showRadar(Radar r) {
        baselines = r.baselines();
        windows = r.windows();
        windowBox.setOnAction(null); // the radar is drawn once below, not once more for this selection
        windowBox.getItems().setAll(windows);
        if (!windows.isEmpty()) windowBox.getSelectionModel().select(0); // the latest window (ordered by window_start)
        windowBox.setOnAction(e -> redrawRadar());
        redrawRadar();
    }

    private void redrawRadar() {
        FeatureWindow fw = windowBox.getValue();
        if (fw == null || baselines == null) return;
        List<RadarAxis> axes = IpAnalysis.radar(fw, baselines);
        featureTable.getItems().setAll(axes);
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String[] series = {"This IP (" + Fx.MINUTE.format(fw.windowStart()) + ")",
                "Human baseline (" + Fx.count(baselines.humanWindows()) + " windows)",
                "Datacenter/hosting baseline (" + Fx.count(baselines.datacenterWindows()) + " windows)"};
        for (RadarAxis a : axes) {
            String label = axisLabel(a.feature());
            data.addValue(a.ipScaled(), series[0], label);
            data.addValue(a.humanScaled(), series[1], label);
            data.addValue(a.datacenterScaled(), series[2], label);
        }
        ChartViewer viewer = Charts.viewer(Charts.radar(data, RADAR_PAINTS, (s, c) -> {
            RadarAxis a = axes.get(c);
            double raw = s == 0 ? a.ip() : s == 1 ? a.human() : a.datacenter();
            return String.format(Locale.ROOT, "%s — %s: %.4f (%.0f%% of the largest)", series[s], a.feature(), raw,
                    100 * raw / a.bound());
        }));
        viewer.setPrefSize(560, 340);
        radarHolder.getChildren().setAll(viewer);
    }

    static String hits(long n) {
        return Fx.count(n) + (n == 1 ? " hit" : " hits");
    }

    static String axisLabel(String feature) {
        return switch (feature) {
            case "hit_velocity" -> "velocity";
            case "fuzzing_index" -> "fuzzing";
            case "post_ratio" -> "POST ratio";
            case "asset_ratio" -> "asset ratio";
            case "direct_access_ratio" -> "direct access";
            case "temporal_entropy" -> "temporal entropy";
            case "path_diversity_ratio" -> "path diversity";
            case "modern_browser_score" -> "modern browser";
            default -> feature;
        };
    }

    private void buildFeatureTable() {
        SimpleTables.text(featureTable, "Feature", RadarAxis::feature, 165);
        SimpleTables.number(featureTable, "This IP", RadarAxis::ip, 90, 4);
        SimpleTables.number(featureTable, "Human avg", RadarAxis::human, 95, 4);
        SimpleTables.number(featureTable, "DC/hosting avg", RadarAxis::datacenter, 125, 4);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void buildActivityTables() {
        SimpleTables.text(detectionTable, "Detected at (UTC)", Detection::detectedAt, 140);
        TableColumn threat = SimpleTables.text(detectionTable, "Threat", Detection::threatLevel, 130);
        threat.setCellFactory(c -> new ThreatCell<>());
        SimpleTables.number(detectionTable, "Score", Detection::anomalyScore, 65, 3);
        SimpleTables.text(detectionTable, "Model", Detection::modelName, 110);
        SimpleTables.text(detectionTable, "Host", Detection::host, 150);
        SimpleTables.text(detectionTable, "JA4", Detection::ja4, 250);
        SimpleTables.number(detectionTable, "Hits", Detection::hits, 65, 0);
        SimpleTables.number(detectionTable, "Velocity", Detection::hitVelocity, 75, 3);
        SimpleTables.text(detectionTable, "Bot", Detection::botName, 100);
        SimpleTables.text(detectionTable, "ASN organisation", Detection::asnOrg, 170);
        SimpleTables.text(detectionTable, "Country", Detection::countryCode, 65);
        SimpleTables.text(detectionTable, "Campaign", Detection::campaignId, 110);

        SimpleTables.text(scoreTable, "Scored at (UTC)", Score::detectedAt, 140);
        SimpleTables.text(scoreTable, "Window (UTC)", Score::windowStart, 140);
        TableColumn st = SimpleTables.text(scoreTable, "Threat", Score::threatLevel, 130);
        st.setCellFactory(c -> new ThreatCell<>());
        SimpleTables.number(scoreTable, "Score", Score::anomalyScore, 65, 3);
        SimpleTables.number(scoreTable, "XGB prob.", Score::xgbProb, 75, 3);
        SimpleTables.number(scoreTable, "AE error", Score::aeReconError, 75, 3);
        SimpleTables.text(scoreTable, "Model", Score::modelName, 110);
        SimpleTables.text(scoreTable, "Host", Score::host, 150);
        SimpleTables.text(scoreTable, "JA4", Score::ja4, 250);
        SimpleTables.number(scoreTable, "Hits", Score::hits, 65, 0);
        SimpleTables.text(scoreTable, "Browser", Score::browserFamily, 90);

        SimpleTables.text(httpTable, "Time (UTC)", HttpLog::time, 140);
        SimpleTables.text(httpTable, "Method", HttpLog::method, 65);
        SimpleTables.text(httpTable, "Host", HttpLog::host, 150);
        SimpleTables.text(httpTable, "Path", HttpLog::path, 260);
        SimpleTables.text(httpTable, "HTTP", HttpLog::httpVersion, 75);
        SimpleTables.text(httpTable, "User agent", HttpLog::userAgent, 330);
        SimpleTables.text(httpTable, "JA4", HttpLog::ja4, 250);

        SimpleTables.ja4Menu(detectionTable, Detection::ja4, runner::lookUpJa4);
        SimpleTables.ja4Menu(scoreTable, Score::ja4, runner::lookUpJa4);
        SimpleTables.ja4Menu(httpTable, HttpLog::ja4, runner::lookUpJa4);
        SimpleTables.ja4Menu(windowTable, FeatureWindow::ja4, runner::lookUpJa4);

        SimpleTables.text(windowTable, "Window (UTC)", FeatureWindow::windowStart, 140);
        SimpleTables.text(windowTable, "Host", FeatureWindow::host, 150);
        SimpleTables.text(windowTable, "JA4", FeatureWindow::ja4, 250);
        SimpleTables.number(windowTable, "Hits", FeatureWindow::hits, 65, 0);
        SimpleTables.text(windowTable, "ASN label", FeatureWindow::asnLabel, 90);
        SimpleTables.text(windowTable, "ASN organisation", FeatureWindow::asnOrg, 170);
        SimpleTables.text(windowTable, "Bot", FeatureWindow::botName, 100);
        SimpleTables.text(windowTable, "Browser", FeatureWindow::browserFamily, 90);
        for (String f : IpQueries.RADAR_FEATURES) SimpleTables.number(windowTable, axisLabel(f), r -> r.feature(f), 95, 3);
        windowTable.setRowFactory(tv -> {
            javafx.scene.control.TableRow<FeatureWindow> row = new javafx.scene.control.TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) windowBox.getSelectionModel().select(row.getItem());
            });
            return row;
        });
    }

    private static VBox panel(String title, Node... content) {
        Label t = new Label(title);
        t.getStyleClass().add("panel-title");
        VBox box = new VBox(6, t);
        box.getChildren().addAll(content);
        box.getStyleClass().add("panel");
        for (Node n : content) if (n instanceof LoadPane) VBox.setVgrow(n, Priority.ALWAYS);
        return box;
    }

    private static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    private static final class WindowCell extends ListCell<FeatureWindow> {
        @Override
        protected void updateItem(FeatureWindow w, boolean empty) {
            super.updateItem(w, empty);
            setText(empty || w == null ? null : Fx.MINUTE.format(w.windowStart()) + " UTC  ·  " + w.host() + "  ·  "
                    + hits(w.hits()) + "  ·  " + w.ja4());
        }
    }

    /** Holds the chart viewer, replaced on each redraw. */
    private static final class StackPaneHolder extends javafx.scene.layout.StackPane {
    }

}
