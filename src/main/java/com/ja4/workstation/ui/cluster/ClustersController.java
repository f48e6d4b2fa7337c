package com.ja4.workstation.ui.cluster;

import com.ja4.workstation.analysis.cluster.CancellationCheck;
import com.ja4.workstation.analysis.cluster.ClusterProfile;
import com.ja4.workstation.analysis.cluster.ClusteringCancelledException;
import com.ja4.workstation.analysis.cluster.ClusteringParameters;
import com.ja4.workstation.analysis.cluster.ClusteringRun;
import com.ja4.workstation.analysis.cluster.ClusteringStage;
import com.ja4.workstation.analysis.cluster.Feature;
import com.ja4.workstation.analysis.cluster.FeatureSourceException;
import com.ja4.workstation.analysis.cluster.RiskGroup;
import com.ja4.workstation.data.cluster.ClusterMemberRow;
import com.ja4.workstation.data.detections.DetectionFilter;
import com.ja4.workstation.data.warehouse.QueryContext;
import com.ja4.workstation.domain.ThreatLevel;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.service.Workspace;
import com.ja4.workstation.service.cluster.ClusterService;
import com.ja4.workstation.service.cluster.ClusterService.ClusterResult;
import com.ja4.workstation.service.cluster.ClusterService.MemberPage;
import com.ja4.workstation.service.query.QueryScope;
import com.ja4.workstation.ui.common.BackgroundTasks;
import com.ja4.workstation.ui.common.Fx;
import com.ja4.workstation.ui.common.SimpleTables;
import com.ja4.workstation.ui.common.LoadPane;
import com.ja4.workstation.ui.shell.ViewController;
import com.ja4.workstation.ui.shell.ViewId;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.SpiderWebPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Clusters (DESIGN 3.14): k and sample size, a run off the JavaFX thread with per-stage progress
 * and cancel, a card grid grouped by risk, a relation graph, and a sidebar with the selected
 * cluster's radar, metrics, members (paged, bound parameters) and CSV export.
 *
 * <p>The view holds the {@link ClusterResult} it shows: cluster ids are only ever looked up in
 * that run, so a later run with another k cannot change what a shown id means.
 */
public final class ClustersController extends ViewController {

    static final int PAGE = 50;
    private static final ExecutorService RUNNER = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "clustering");
        t.setDaemon(true);
        return t;
    });
    /** TCP-stack features: shown as the stack verdict, not as a card's top features (always high). */
    private static final List<Feature> STACK = List.of(Feature.INITIAL_TTL, Feature.MSS, Feature.WINDOW_SCALE, Feature.TCP_WINDOW);

    @FXML private Label runInfo;
    @FXML private Spinner<Integer> kSpinner;
    @FXML private Spinner<Integer> sampleSpinner;
    @FXML private Button runButton;
    @FXML private Button cancelButton;
    @FXML private ProgressBar progressBar;
    @FXML private Label stageLabel;
    @FXML private SplitPane split;
    @FXML private StackPane mainHost;
    @FXML private StackPane sideHost;

    private final VBox grid = new VBox(14);
    private final Map<String, VBox> cards = new HashMap<>();
    private final Map<RiskGroup, FlowPane> sections = new HashMap<>();
    private final ClusterGraphCanvas graph = new ClusterGraphCanvas();
    private final TabPane tabs = new TabPane();
    private LoadPane mainPane;

    private final Label sideTitle = new Label();
    private final Label sideBadge = new Label();
    private final Label sideStack = new Label();
    private final DefaultCategoryDataset radarData = new DefaultCategoryDataset();
    private final GridPane metrics = new GridPane();
    private final TableView<ClusterMemberRow> members = new TableView<>();
    private final Label pagerLabel = new Label();
    private final Button prevPage = new Button("◀");
    private final Button nextPage = new Button("▶");
    private final Button exportButton = new Button("Export members to CSV…");
    private final Label exportStatus = new Label();
    private LoadPane membersPane;
    private VBox sideContent;
    private final Label sideEmpty = new Label("Select a cluster (card or node) to see its profile and members.");
    private SpiderWebPlot radarPlot;

    private ClusterResult result;
    private RunHandle running;
    private String selectedId;
    private int memberOffset;

    /** A run under way: its cancel flag and its status-bar entry. */
    private static final class RunHandle {
        final AtomicBoolean cancelled = new AtomicBoolean();
        BackgroundTasks.Entry task;

        void cancel() {
            cancelled.set(true);
            if (task != null) task.done();
        }
    }

    @FXML
    private void initialize() {
        kSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(
                ClusteringParameters.MIN_K, ClusteringParameters.MAX_K, ClusteringParameters.DEFAULT_K));
        sampleSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(
                ClusteringParameters.MIN_SAMPLES, ClusteringParameters.MAX_SAMPLES, ClusteringParameters.DEFAULT_SAMPLES, 500));
        kSpinner.setTooltip(new Tooltip("Number of clusters, " + ClusteringParameters.MIN_K + "–" + ClusteringParameters.MAX_K));
        sampleSpinner.setTooltip(new Tooltip("(IP, JA4) pairs clustered, " + ClusteringParameters.MIN_SAMPLES + "–"
                + ClusteringParameters.MAX_SAMPLES + "; anomalous pairs are sampled first"));
        cancelButton.setDisable(true);
        progressBar.setVisible(false);

        buildGrid();
        ScrollPane gridScroll = new ScrollPane(grid);
        gridScroll.setFitToWidth(true);
        gridScroll.getStyleClass().add("view-scroll");
        Tab gridTab = new Tab("Cards by risk", gridScroll);
        BorderPane graphPane = new BorderPane(graph);
        graphPane.setTop(graphToolbar());
        Tab graphTab = new Tab("Relation graph", graphPane);
        tabs.getTabs().setAll(gridTab, graphTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        graph.setOnSelect(this::select);
        mainPane = new LoadPane(tabs);
        mainHost.getChildren().add(mainPane);

        buildSidebar();
        SplitPane.setResizableWithParent(sideHost, false);
    }

    @Override
    public ViewId id() {
        return ViewId.CLUSTERS;
    }

    @Override
    protected void load(QueryScope scope) {
        if (result == null || !result.window().equals(window())) {
            startRun(kSpinner.getValue(), sampleSpinner.getValue());
        } else if (selectedId != null) {
            loadMembers(selectedId, memberOffset);
        }
    }

    // ---- run -------------------------------------------------------------------------------

    @FXML
    void runClicked() {
        kSpinner.increment(0);  // commit typed text
        sampleSpinner.increment(0);
        startRun(kSpinner.getValue(), sampleSpinner.getValue());
    }

    @FXML
    void cancelClicked() {
        if (running != null) running.cancel();
    }

    private void startRun(int k, int sampleSize) {
        Workspace ws = workspace();
        TimeWindow w = window();
        if (ws == null || w == null) return;
        if (running != null) running.cancel();
        RunHandle handle = new RunHandle();
        running = handle;
        handle.task = model().tasks().start("Clustering (k = " + k + ", " + Fx.count(sampleSize) + " pairs)", handle::cancel);
        CancellationCheck check = handle.cancelled::get;
        setRunning(true, "Starting…");
        if (result == null) mainPane.showLoading();
        CompletableFuture<ClusterResult> run = CompletableFuture.supplyAsync(() -> {
            try {
                return ws.clusters().run(w, k, sampleSize, (stage, fraction) -> progress(handle, stage, fraction), check);
            } catch (FeatureSourceException e) {
                throw new CompletionException(e);
            }
        }, RUNNER);
        CompletableFuture<Void> shown = new CompletableFuture<>();
        run.whenComplete((r, e) -> Platform.runLater(() -> {
            try {
                finished(handle, ws, r, e, k, sampleSize);
            } finally {
                shown.complete(null);
            }
        }));
        track(shown);
    }

    private void progress(RunHandle handle, ClusteringStage stage, double fraction) {
        handle.task.progress(fraction);
        Platform.runLater(() -> {
            if (running != handle) return;
            progressBar.setProgress(fraction);
            stageLabel.setText(stage.label() + "…");
        });
    }

    private void finished(RunHandle handle, Workspace ws, ClusterResult r, Throwable e, int k, int sampleSize) {
        handle.task.done();
        if (running != handle) return;  // superseded by a newer run
        running = null;
        if (ws != workspace()) {        // the analyst switched source meanwhile
            setRunning(false, "");
            return;
        }
        if (e == null) {
            setRunning(false, "");
            show(r);
            return;
        }
        if (handle.cancelled.get() || isCancellation(e)) {
            setRunning(false, result == null ? "Run cancelled" : "Run cancelled — the previous result is still shown");
            if (result == null) mainPane.showEmpty("Run cancelled. Press Run to cluster this window.");
            return;
        }
        String reason = QueryScope.reason(e);
        setRunning(false, "");
        stageLabel.setText("Run failed: " + reason);
        stageLabel.getStyleClass().add("error-text");
        mainPane.showError("Clustering (k = " + k + ", " + Fx.count(sampleSize) + " pairs) failed: " + reason,
                () -> startRun(k, sampleSize));
    }

    private static boolean isCancellation(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ClusteringCancelledException) return true;
        }
        return QueryScope.isCancellation(t);
    }

    private void setRunning(boolean on, String text) {
        runButton.setDisable(on);
        cancelButton.setDisable(!on);
        progressBar.setVisible(on);
        progressBar.setProgress(on ? 0 : 1);
        stageLabel.getStyleClass().remove("error-text");
        stageLabel.setText(text);
    }

    private void show(ClusterResult r) {
        result = r;
        ClusteringRun run = r.run();
        runInfo.setText(String.format(Locale.US, "run %s · %d clusters · %s pairs · %s IPs · %s → %s UTC (%s) · %.1f s",
                run.id(), run.clusters().size(), Fx.count(run.statistics().sampledRows()), Fx.count(run.statistics().ipCount()),
                Fx.MINUTE.format(r.window().from()), Fx.MINUTE.format(r.window().asOf()), r.window().label(),
                run.statistics().totalMillis() / 1000.0));
        fillGrid(run);
        graph.setRun(run.clusters(), run.edges());
        mainPane.showContent();
        selectedId = null;
        run.clusters().stream().max(Comparator.comparingDouble(ClusterProfile::risk)
                        .thenComparingInt(ClusterProfile::ipCount))
                .ifPresentOrElse(c -> select(c.id()), this::clearSidebar);
    }

    // ---- card grid -------------------------------------------------------------------------

    private void buildGrid() {
        grid.setPadding(new Insets(12));
        grid.getStyleClass().add("view");
        for (RiskGroup g : RiskGroup.values()) {
            Label title = new Label(g.label());
            title.getStyleClass().add("cluster-section-title");
            title.setId("section-" + g.name().toLowerCase(Locale.ROOT));
            FlowPane flow = new FlowPane(10, 10);
            flow.getStyleClass().add("cluster-section");
            flow.setUserData(title);
            sections.put(g, flow);
            grid.getChildren().addAll(title, flow);
        }
    }

    private void fillGrid(ClusteringRun run) {
        cards.clear();
        for (RiskGroup g : RiskGroup.values()) {
            FlowPane flow = sections.get(g);
            List<ClusterProfile> in = run.clustersIn(g).stream()
                    .sorted(Comparator.comparingDouble(ClusterProfile::risk).reversed()).toList();
            int ips = in.stream().mapToInt(ClusterProfile::ipCount).sum();
            ((Label) flow.getUserData()).setText(g.label() + "  —  " + in.size() + (in.size() == 1 ? " cluster · " : " clusters · ")
                    + Fx.count(ips) + " IPs");
            List<Node> nodes = new ArrayList<>();
            for (ClusterProfile c : in) {
                VBox card = card(c);
                cards.put(c.id(), card);
                nodes.add(card);
            }
            if (nodes.isEmpty()) {
                Label none = new Label("No cluster in this group");
                none.getStyleClass().add("muted");
                nodes.add(none);
            }
            flow.getChildren().setAll(nodes);
        }
    }

    private VBox card(ClusterProfile c) {
        Label title = new Label(c.label());
        title.getStyleClass().add("cluster-card-title");
        title.setWrapText(true);
        title.setMaxWidth(200);
        Label badge = riskBadge(c);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(6, title, spacer, badge);
        head.setAlignment(Pos.TOP_LEFT);

        Label counts = new Label(Fx.count(c.ipCount()) + " IPs · " + Fx.count(c.hitCount()) + " hits · "
                + Fx.count(c.pairCount()) + " pairs");
        counts.getStyleClass().add("metric-value");
        Label stack = new Label(c.stack().family() + (c.dominantThreat() == null ? "" : " · dominant threat " + c.dominantThreat()));
        stack.getStyleClass().add("muted");

        GridPane bars = new GridPane();
        bars.setHgap(6);
        bars.setVgap(2);
        int row = 0;
        for (Feature f : topFeatures(c, 4)) {
            Label name = new Label(f.label());
            name.getStyleClass().add("mini-bar-label");
            name.setMinWidth(118);
            name.setMaxWidth(118);
            double v = c.centroid().get(f.ordinal());
            Label value = new Label(Fx.decimal(v, 2));
            value.getStyleClass().add("mini-bar-label");
            bars.addRow(row++, name, bar(v, 96, 7, c.colour()), value);
        }
        Label where = new Label(place(c));
        where.getStyleClass().add("muted");
        where.setMaxWidth(256);

        VBox card = new VBox(5, head, bar(c.risk(), 256, 6, c.colour()), counts, stack, bars, where);
        card.getStyleClass().add("cluster-card");
        card.setStyle("-fx-border-color: #e2e8f0 #e2e8f0 #e2e8f0 " + c.colour() + ";");
        card.setPrefWidth(282);
        card.setMaxWidth(282);
        card.setUserData(c.id());
        card.setOnMouseClicked(e -> select(c.id()));
        Tooltip.install(card, new Tooltip(c.stack().label()));
        return card;
    }

    /** The highest behavioural features of the centroid (the TCP stack is named by its verdict). */
    static List<Feature> topFeatures(ClusterProfile c, int n) {
        return Feature.all().stream().filter(f -> !STACK.contains(f))
                .sorted(Comparator.comparingDouble((Feature f) -> c.centroid().get(f.ordinal())).reversed()
                        .thenComparing(Feature::ordinal))
                .limit(n).toList();
    }

    private static String place(ClusterProfile c) {
        String countries = c.topCountries().stream().filter(s -> !s.isBlank()).limit(4).reduce((a, b) -> a + ", " + b).orElse("—");
        String asns = c.topAsnOrgs().stream().filter(s -> !s.isBlank()).limit(2).reduce((a, b) -> a + ", " + b).orElse("—");
        return "Countries " + countries + "\nASN " + asns;
    }

    private static Label riskBadge(ClusterProfile c) {
        Label badge = new Label("risk " + ClusterGraphCanvas.riskText(c.risk()));
        badge.getStyleClass().add("risk-badge");
        badge.setStyle("-fx-background-color: " + c.colour() + ";");
        badge.setMinWidth(Region.USE_PREF_SIZE);
        return badge;
    }

    private static StackPane bar(double value, double width, double height, String colour) {
        Region track = new Region();
        track.getStyleClass().add("bar-track");
        track.setPrefSize(width, height);
        track.setMaxSize(width, height);
        Region fill = new Region();
        fill.setStyle("-fx-background-color: " + colour + "; -fx-background-radius: 3;");
        double w = Math.max(0, Math.min(1, value)) * width;
        fill.setPrefSize(w, height);
        fill.setMaxSize(w, height);
        StackPane p = new StackPane(track, fill);
        StackPane.setAlignment(fill, Pos.CENTER_LEFT);
        p.setAlignment(Pos.CENTER_LEFT);
        p.setMaxSize(width, height);
        p.setMinSize(width, height);
        return p;
    }

    // ---- graph -----------------------------------------------------------------------------

    private HBox graphToolbar() {
        ToggleButton columns = new ToggleButton("Columns by risk");
        columns.setTooltip(new Tooltip("Place nodes in Bots / Suspects / Legitimate columns instead of by PCA"));
        Label hint = new Label();
        columns.setOnAction(e -> {
            graph.setLayout(columns.isSelected() ? GraphGeometry.Layout.RISK_COLUMNS : GraphGeometry.Layout.PCA);
            hint.setText(hint(graph.layoutMode()));
        });
        columns.setId("columnsToggle");
        Button fit = new Button("Fit");
        fit.setOnAction(e -> graph.fit());
        hint.setText(hint(graph.layoutMode()));
        hint.getStyleClass().add("muted");
        HBox bar = new HBox(8, columns, fit, hint);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));
        return bar;
    }

    private static String hint(GraphGeometry.Layout layout) {
        return layout == GraphGeometry.Layout.PCA
                ? "Nodes placed by PCA of the centroids: near means similar behaviour."
                : "Nodes in columns by risk group, riskiest at the top.";
    }

    // ---- sidebar ---------------------------------------------------------------------------

    private void buildSidebar() {
        sideTitle.getStyleClass().add("cluster-title");
        sideTitle.setWrapText(true);
        sideTitle.setId("clusterTitle");
        sideBadge.getStyleClass().add("risk-badge");
        sideBadge.setMinWidth(Region.USE_PREF_SIZE);
        sideStack.getStyleClass().add("muted");
        sideStack.setWrapText(true);
        sideStack.setMinHeight(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(8, sideTitle, spacer, sideBadge);
        head.setAlignment(Pos.TOP_LEFT);

        radarPlot = new SpiderWebPlot(radarData);
        radarPlot.setMaxValue(1.0);
        radarPlot.setLabelFont(new java.awt.Font("DejaVu Sans", java.awt.Font.PLAIN, 9));
        radarPlot.setLabelPaint(new java.awt.Color(0x47, 0x55, 0x69));
        radarPlot.setOutlineVisible(false);
        radarPlot.setBackgroundPaint(java.awt.Color.WHITE);
        radarPlot.setWebFilled(true);
        radarPlot.setInteriorGap(0.14);
        radarPlot.setAxisLinePaint(new java.awt.Color(0xE2, 0xE8, 0xF0));
        radarPlot.setToolTipGenerator((dataset, series, category) -> {
            Feature f = Feature.all().get(category);
            return dataset.getRowKey(series) + " — " + f.label() + ": " + Fx.decimal(dataset.getValue(series, category).doubleValue(), 3)
                    + radarRaw(series, f);
        });
        JFreeChart radar = new JFreeChart(null, null, radarPlot, true);
        radar.setBackgroundPaint(java.awt.Color.WHITE);
        LegendTitle legend = radar.getLegend();
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setItemFont(new java.awt.Font("DejaVu Sans", java.awt.Font.PLAIN, 10));
        legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        ChartViewer radarViewer = new ChartViewer(radar);
        radarViewer.setPrefSize(400, 300);
        radarViewer.setMinHeight(280);

        metrics.setHgap(8);
        metrics.setVgap(3);
        ColumnConstraints k1 = new ColumnConstraints(92);
        ColumnConstraints v1 = new ColumnConstraints(60, 120, Double.MAX_VALUE);
        v1.setHgrow(Priority.ALWAYS);
        ColumnConstraints k2 = new ColumnConstraints(92);
        ColumnConstraints v2 = new ColumnConstraints(60, 120, Double.MAX_VALUE);
        v2.setHgrow(Priority.ALWAYS);
        metrics.getColumnConstraints().setAll(k1, v1, k2, v2);

        buildMembersTable();
        membersPane = new LoadPane(members);
        prevPage.setOnAction(e -> {
            if (selectedId != null) loadMembers(selectedId, Math.max(0, memberOffset - PAGE));
        });
        nextPage.setOnAction(e -> {
            if (selectedId != null) loadMembers(selectedId, memberOffset + PAGE);
        });
        prevPage.getStyleClass().add("small");
        nextPage.getStyleClass().add("small");
        pagerLabel.getStyleClass().add("muted");
        Label membersTitle = new Label("Members — (IP, JA4) pairs, busiest first; click an IP to open its drill-down");
        membersTitle.getStyleClass().add("panel-title");
        membersTitle.setWrapText(true);
        membersTitle.setMinHeight(Region.USE_PREF_SIZE);
        exportButton.setOnAction(e -> exportSelected());
        exportStatus.getStyleClass().add("muted");
        exportStatus.setWrapText(true);

        Label radarTitle = new Label("Centroid (normalised 0–1) against the run's mean; hover for values");
        radarTitle.getStyleClass().add("panel-title");
        radarTitle.setWrapText(true);
        Label metricsTitle = new Label("Metrics (raw means over the cluster's pairs)");
        metricsTitle.getStyleClass().add("panel-title");

        // profile (radar, metrics) scrolls on top; members, pager and export stay visible below
        VBox profile = new VBox(8, radarTitle, radarViewer, metricsTitle, metrics);
        profile.setPadding(new Insets(0, 12, 8, 12));
        ScrollPane profileScroll = new ScrollPane(profile);
        profileScroll.setFitToWidth(true);
        profileScroll.getStyleClass().add("cluster-sidebar");
        VBox.setVgrow(membersPane, Priority.ALWAYS);
        Region exportSpacer = new Region();
        HBox.setHgrow(exportSpacer, Priority.ALWAYS);
        HBox pagerRow = new HBox(6, prevPage, pagerLabel, nextPage, exportSpacer, exportButton);
        pagerRow.setAlignment(Pos.CENTER_LEFT);
        VBox membersBox = new VBox(6, membersTitle, pagerRow, membersPane, exportStatus);
        membersBox.setPadding(new Insets(8, 12, 12, 12));
        SplitPane body = new SplitPane(profileScroll, membersBox);
        body.setOrientation(javafx.geometry.Orientation.VERTICAL);
        body.setDividerPositions(0.56);
        VBox.setVgrow(body, Priority.ALWAYS);
        VBox top = new VBox(4, head, sideStack);
        top.setPadding(new Insets(12, 12, 6, 12));
        sideContent = new VBox(top, body);
        sideContent.getStyleClass().add("cluster-sidebar");
        sideHost.getChildren().setAll(sideContent, sideEmpty);
        clearSidebar();
    }

    /** Radar axis names short enough not to be clipped at the plot's edge. */
    static String shortLabel(Feature f) {
        return switch (f) {
            case INITIAL_TTL -> "TTL";
            case WINDOW_SCALE -> "Scale";
            case TCP_WINDOW -> "Window";
            case HEADER_ORDER_CONFIDENCE -> "Hdr order";
            case BROWSER_SCORE -> "Browser";
            case TEMPORAL_ENTROPY -> "Entropy";
            case ANOMALY_SCORE -> "Anomaly";
            case DIRECT_ACCESS -> "Direct";
            case H2_EFFICIENCY -> "H2 eff.";
            case ALPN_MISMATCH -> "ALPN mism.";
            case ALPN_MISSING -> "No ALPN";
            case UA_CH_MISMATCH -> "UA-CH mism.";
            case JA4_DIVERSITY -> "JA4 div.";
            case UA_ROTATION -> "UA rotation";
            default -> f.label();
        };
    }

    private String radarRaw(int series, Feature f) {
        if (series != 0 || selectedId == null || result == null) return "";
        return result.run().cluster(selectedId).map(c -> " (raw mean " + Fx.decimal(c.rawMean(f), 2) + ")").orElse("");
    }

    private void clearSidebar() {
        sideContent.setVisible(false);
        sideEmpty.setVisible(true);
    }

    /** Selects a cluster of the shown run: card, node and sidebar. */
    public void select(String clusterId) {
        if (result == null) return;
        ClusterProfile c = result.run().cluster(clusterId).orElse(null);
        if (c == null) return;
        selectedId = clusterId;
        cards.forEach((id, card) -> {
            card.getStyleClass().remove("selected");
            if (id.equals(clusterId)) card.getStyleClass().add("selected");
        });
        graph.select(clusterId);
        fillSidebar(c);
        loadMembers(clusterId, 0);
    }

    private void fillSidebar(ClusterProfile c) {
        sideContent.setVisible(true);
        sideEmpty.setVisible(false);
        sideTitle.setText(c.label());
        sideBadge.setText(c.group().label() + " · risk " + ClusterGraphCanvas.riskText(c.risk()));
        sideBadge.setStyle("-fx-background-color: " + c.colour() + ";");
        sideStack.setText("TCP stack: " + c.stack().label() + (c.stack().scanner() ? "  — raw-packet scanner" : ""));

        double[] mean = runMean(result.run());
        com.ja4.workstation.ui.common.Charts.refill(radarData, d -> {
            d.clear();
            for (Feature f : Feature.all()) d.addValue(c.centroid().get(f.ordinal()), "This cluster", shortLabel(f));
            for (Feature f : Feature.all()) d.addValue(mean[f.ordinal()], "Run mean (weighted by pairs)", shortLabel(f));
        });
        radarPlot.setSeriesPaint(0, java.awt.Color.decode(c.colour()));
        radarPlot.setSeriesPaint(1, new java.awt.Color(0x94, 0xA3, 0xB8));

        metrics.getChildren().clear();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"IPs", Fx.count(c.ipCount())});
        rows.add(new String[] {"Pairs", Fx.count(c.pairCount())});
        rows.add(new String[] {"Hits", Fx.count(c.hitCount())});
        rows.add(new String[] {"Dominant threat", c.dominantThreat() == null ? "none detected" : c.dominantThreat().name()});
        rows.add(new String[] {"Group", c.group().label()});
        rows.add(new String[] {"Risk", Fx.decimal(c.risk(), 3)});
        for (Feature f : Feature.all()) rows.add(new String[] {f.label(), raw(c, f)});
        for (int i = 0; i < rows.size(); i++) {
            Label k = new Label(rows.get(i)[0]);
            k.getStyleClass().add("metric-key");
            k.setWrapText(true);
            Label v = new Label(rows.get(i)[1]);
            v.getStyleClass().add("metric-value");
            metrics.add(k, (i % 2) * 2, i / 2);
            metrics.add(v, (i % 2) * 2 + 1, i / 2);
        }
        int r = (rows.size() + 1) / 2;
        r = wide(r, "Top countries", String.join(", ", c.topCountries()));
        r = wide(r, "Top ASNs", String.join(", ", c.topAsnOrgs()));
        r = wide(r, "Sample IPs", String.join(", ", c.sampleIps()));
        wide(r, "Sample UA", c.sampleUserAgent().isBlank() ? "—" : c.sampleUserAgent());
    }

    private int wide(int row, String key, String value) {
        Label k = new Label(key);
        k.getStyleClass().add("metric-key");
        Label v = new Label(value.isBlank() ? "—" : value);
        v.getStyleClass().add("metric-value");
        v.setWrapText(true);
        metrics.add(k, 0, row);
        metrics.add(v, 1, row, 3, 1);
        return row + 1;
    }

    private static String raw(ClusterProfile c, Feature f) {
        double v = c.rawMean(f);
        return switch (f) {
            case INITIAL_TTL -> Fx.decimal(v, 1) + " (initial " + Feature.initialTtl(v) + ")";
            case MSS, TCP_WINDOW -> Fx.count(Math.round(v));
            case WINDOW_SCALE, JA4_DIVERSITY, VELOCITY -> Fx.decimal(v, 2);
            default -> Fx.decimal(v, 3);
        };
    }

    static double[] runMean(ClusteringRun run) {
        double[] mean = new double[Feature.COUNT];
        double total = 0;
        for (ClusterProfile c : run.clusters()) {
            for (int i = 0; i < Feature.COUNT; i++) mean[i] += c.centroid().get(i) * c.pairCount();
            total += c.pairCount();
        }
        if (total > 0) for (int i = 0; i < Feature.COUNT; i++) mean[i] /= total;
        return mean;
    }

    // ---- members ---------------------------------------------------------------------------

    private void buildMembersTable() {
        TableColumn<ClusterMemberRow, String> ip = SimpleTables.link("IP", ClusterMemberRow::ip, this::openIp, 130);
        TableColumn<ClusterMemberRow, ThreatLevel> threat = SimpleTables.threat("Threat", ClusterMemberRow::threat, 90);
        members.getColumns().setAll(List.of(ip, column("Hits", r -> Fx.count(r.hits()), 60), threat,
                column("Score", r -> Fx.decimal(r.anomalyScore(), 2), 58), column("JA4", ClusterMemberRow::ja4, 140),
                column("Country", ClusterMemberRow::country, 60), column("ASN", ClusterMemberRow::asnOrg, 140),
                column("TTL/MSS/scale/win", r -> r.ttl() + " / " + r.mss() + " / " + r.scale() + " / " + r.window(), 140)));
        members.getColumns().forEach(c -> c.setSortable(false));
        members.setFixedCellSize(26);
        members.setPrefHeight(26 * 10 + 32);
        members.setMinHeight(26 * 5 + 32);
        members.setPlaceholder(new Label("No member rows in this window"));
        members.setId("membersTable");
    }

    private static TableColumn<ClusterMemberRow, String> column(String title, Function<ClusterMemberRow, String> value, double width) {
        TableColumn<ClusterMemberRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private void loadMembers(String clusterId, int offset) {
        ClusterResult r = result;
        Workspace ws = workspace();
        if (r == null || ws == null) return;
        memberOffset = offset;
        int total = r.run().memberCount(clusterId);
        prevPage.setDisable(true);
        nextPage.setDisable(true);
        pagerLabel.setText("loading…");
        CompletableFuture<MemberPage> page = scope().submit(ctx -> ws.clusters().members(r, clusterId, offset, PAGE, ctx));
        track(membersPane.bind(page, p -> {
            if (!clusterId.equals(selectedId) || r != result) return;  // another cluster or run meanwhile
            members.getItems().setAll(p.rows());
            members.scrollTo(0);
            pagerLabel.setText(total == 0 ? "no pairs" : Fx.count(offset + 1) + "–" + Fx.count(Math.min(total, offset + PAGE))
                    + " of " + Fx.count(total) + " pairs");
            prevPage.setDisable(offset == 0);
            nextPage.setDisable(offset + PAGE >= total);
        }, p -> p.rows().isEmpty(), () -> loadMembers(clusterId, offset)));
    }

    private void openIp(String ip) {
        com.ja4.workstation.domain.ClientIp.parse(ip).ifPresentOrElse(model()::openIp,
                () -> model().openDetections(DetectionFilter.NONE.withSearch(ip)));
    }

    private void exportSelected() {
        ClusterResult r = result;
        String id = selectedId;
        Workspace ws = workspace();
        if (r == null || id == null || ws == null) return;
        ClusterProfile c = r.run().cluster(id).orElseThrow();
        FileChooser fc = new FileChooser();
        fc.setTitle("Export the members of " + c.label());
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        fc.setInitialFileName("cluster-" + c.label().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "") + "-" + r.run().id() + ".csv");
        File f = fc.showSaveDialog(sideHost.getScene().getWindow());
        if (f != null) export(r, c, f.toPath(), ws);
    }

    /** Exports a cluster's members in the background (status bar progress and cancel). */
    CompletableFuture<Long> export(ClusterResult r, ClusterProfile c, Path target, Workspace ws) {
        QueryContext ctx = QueryContext.create();
        BackgroundTasks.Entry task = model().tasks().start("Exporting " + c.label(), ctx::cancel);
        int total = r.run().memberCount(c.id());
        exportButton.setDisable(true);
        exportStatus.setText("Exporting " + Fx.count(total) + " pairs…");
        CompletableFuture<Long> f = CompletableFuture.supplyAsync(() -> {
            try {
                return ws.clusters().exportMembers(r, c.id(), target, n -> task.progress(total == 0 ? 1 : n / (double) total), ctx);
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, RUNNER);
        f.whenComplete((n, e) -> Platform.runLater(() -> {
            task.done();
            exportButton.setDisable(false);
            if (e == null) exportStatus.setText("Exported " + Fx.count(n) + " pairs to " + target);
            else if (QueryScope.isCancellation(e)) exportStatus.setText("Export cancelled; no file written");
            else exportStatus.setText("Export failed: " + QueryScope.reason(e));
        }));
        return f;
    }

    // ---- for tests and rendering -----------------------------------------------------------

    public ClusterResult result() {
        return result;
    }

    public boolean isRunning() {
        return running != null;
    }

    public String selectedId() {
        return selectedId;
    }

    public ClusterGraphCanvas graph() {
        return graph;
    }

    public TabPane tabs() {
        return tabs;
    }

    public LoadPane mainPane() {
        return mainPane;
    }

    public LoadPane membersPane() {
        return membersPane;
    }

    public TableView<ClusterMemberRow> membersTable() {
        return members;
    }

    public String sidebarTitle() {
        return sideTitle.getText();
    }

    /** Cards shown per risk group, in grid order. */
    public Map<RiskGroup, Integer> cardCounts() {
        Map<RiskGroup, Integer> m = new java.util.EnumMap<>(RiskGroup.class);
        sections.forEach((g, flow) -> m.put(g, (int) flow.getChildren().stream().filter(n -> n.getStyleClass().contains("cluster-card")).count()));
        return m;
    }

    public int sectionCount() {
        return sections.size();
    }

    public Button runButton() {
        return runButton;
    }

    public Button cancelButton() {
        return cancelButton;
    }
}
