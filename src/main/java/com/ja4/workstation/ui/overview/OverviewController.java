package com.ja4.workstation.ui.overview;

import com.ja4.workstation.domain.ThreatLevel;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.overview.HourCount;
import com.ja4.workstation.domain.overview.NamedCount;
import com.ja4.workstation.domain.overview.ThreatCount;
import com.ja4.workstation.domain.overview.TopIp;
import com.ja4.workstation.domain.overview.TopIpRanking;
import com.ja4.workstation.domain.table.TableFilter;
import com.ja4.workstation.service.overview.Kpis;
import com.ja4.workstation.service.overview.OverviewService;
import com.ja4.workstation.service.query.QueryScope;
import com.ja4.workstation.service.preferences.UserPreferences;
import com.ja4.workstation.ui.common.Charts;
import com.ja4.workstation.ui.common.Fx;
import com.ja4.workstation.ui.common.LoadPane;
import com.ja4.workstation.ui.shell.ViewController;
import com.ja4.workstation.ui.table.Tables;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;
import org.jfree.chart.entity.CategoryItemEntity;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.ChartMouseEventFX;
import org.jfree.chart.fx.interaction.ChartMouseListenerFX;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.Hour;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

/** Overview (DESIGN 3.1): KPIs, threat distribution, hourly timeline, top IPs, models, browsers. */
public final class OverviewController extends ViewController {

    @FXML private Label windowLabel;
    @FXML private StackPane kpiHost;
    @FXML private StackPane threatHost;
    @FXML private StackPane timelineHost;
    @FXML private StackPane topIpsHost;
    @FXML private Label topIpsTitle;
    @FXML private ComboBox<TopIpRanking> rankingBox;
    @FXML private StackPane modelsHost;
    @FXML private StackPane browsersHost;

    private final DefaultCategoryDataset threatData = new DefaultCategoryDataset();
    private final TimeSeriesCollection timelineData = new TimeSeriesCollection();
    private final DefaultCategoryDataset modelData = new DefaultCategoryDataset();
    private final DefaultCategoryDataset browserData = new DefaultCategoryDataset();
    private final TableView<TopIp> topIps = new TableView<>();

    private KpiCard detections, scored, traffic, uniqueIps, critical, high, legit;
    private LoadPane kpiPane, threatPane, timelinePane, topPane, modelPane, browserPane;
    private TopIpsModel topIpsModel;

    @FXML
    private void initialize() {
        detections = new KpiCard("Detections", "kpi-detections", () -> model().openDetections(TableFilter.NONE));
        scored = new KpiCard("Scored windows", "kpi-neutral", null);
        traffic = new KpiCard("HTTP requests", "kpi-neutral", null);
        uniqueIps = new KpiCard("Unique detected IPs", "kpi-neutral", null);
        critical = new KpiCard("Critical", "kpi-critical", () -> openThreat(ThreatLevel.CRITICAL.name()));
        high = new KpiCard("High", "kpi-high", () -> openThreat(ThreatLevel.HIGH.name()));
        legit = new KpiCard("Legitimate browsers", "kpi-legit", null);
        FlowPane cards = new FlowPane(12, 12, detections, scored, traffic, uniqueIps, critical, high, legit);
        kpiPane = new LoadPane(cards);
        kpiHost.getChildren().add(kpiPane);

        ChartViewer threatChart = Charts.viewer(Charts.bars(threatData, "Scored windows", true,
                key -> Charts.awt(ThreatLevel.parse(key).map(ThreatLevel::colour).orElse("#6b7280"))));
        threatChart.addChartMouseListener(new ChartMouseListenerFX() {
            @Override
            public void chartMouseClicked(ChartMouseEventFX e) {
                if (e.getEntity() instanceof CategoryItemEntity item) openThreat(String.valueOf(item.getColumnKey()));
            }

            @Override
            public void chartMouseMoved(ChartMouseEventFX e) {
            }
        });
        threatPane = LoadPane.in(threatHost, threatChart);
        timelinePane = LoadPane.in(timelineHost, Charts.viewer(Charts.hourlyBars(timelineData, "Detections")));
        modelPane = LoadPane.in(modelsHost, Charts.viewer(Charts.bars(modelData, "Scored windows", true, null)));
        browserPane = LoadPane.in(browsersHost, Charts.viewer(Charts.bars(browserData, "Scored windows", true, null)));
        buildTopIpsTable();
        topPane = LoadPane.in(topIpsHost, topIps);
    }

    @Override
    protected void onInit() {
        topIpsModel = new TopIpsModel(UserPreferences.inDataDir(), this::workspace, this::window, this::task);
        topPane.show(topIpsModel.rows(), topIps.getItems()::setAll);
        rankingBox.getItems().setAll(TopIpRanking.values());
        rankingBox.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(TopIpRanking r) {
                return r == null ? "" : r.label();
            }

            @Override
            public TopIpRanking fromString(String s) {
                return null;
            }
        });
        rankingBox.valueProperty().bindBidirectional(topIpsModel.rankingProperty());
        topIpsTitle.textProperty().bind(topIpsModel.rankingProperty().map(TopIpsModel::title));
    }

    /** The top IPs and their ranking (remembered). */
    public TopIpsModel topIps() {
        return topIpsModel;
    }


    @Override
    protected void load(QueryScope scope) {
        TimeWindow w = window();
        windowLabel.setText(Fx.window(w));
        OverviewService svc = workspace().overview();
        CompletableFuture<List<ThreatCount>> threats = svc.threatDistribution(w, scope);
        track(threatPane.bind(threats, this::showThreats, List::isEmpty, this::activate));
        track(kpiPane.bind(svc.kpis(w, scope, threats), this::showKpis, k -> false, this::activate));
        track(timelinePane.bind(svc.hourlyTimeline(w, scope), this::showTimeline,
                l -> l.stream().allMatch(h -> h.count() == 0), this::activate));
        topIpsModel.load();
        track(modelPane.bind(svc.scoresPerModel(w, scope), l -> fill(modelData, l), List::isEmpty, this::activate));
        track(browserPane.bind(svc.browserFamilies(w, scope), l -> fill(browserData, l), List::isEmpty, this::activate));
    }

    private void showKpis(Kpis k) {
        detections.set(Fx.count(k.detections()));
        scored.set(Fx.count(k.scoredWindows()));
        traffic.set(Fx.count(k.traffic()));
        uniqueIps.set(Fx.count(k.uniqueIps()));
        critical.set(Fx.count(k.critical()));
        high.set(Fx.count(k.high()));
        legit.set(Fx.count(k.legitimateBrowsers()));
    }

    private void showThreats(List<ThreatCount> rows) {
        Charts.refill(threatData, d -> {
            d.clear();
            rows.forEach(r -> d.addValue(r.count(), "Scored windows", r.threatLevel()));
        });
    }

    private void showTimeline(List<HourCount> rows) {
        TimeSeries s = new TimeSeries("Detections");
        java.util.TimeZone utc = java.util.TimeZone.getTimeZone("UTC");
        rows.forEach(h -> s.addOrUpdate(new Hour(Date.from(h.hour()), utc, java.util.Locale.US), h.count()));
        Charts.refill(timelineData, d -> {
            d.removeAllSeries();
            d.addSeries(s);
        });
    }

    private static void fill(DefaultCategoryDataset data, List<NamedCount> rows) {
        Charts.refill(data, d -> {
            d.clear();
            rows.forEach(r -> d.addValue(r.count(), "count", r.name()));
        });
    }

    private void openThreat(String level) {
        model().openDetections(TableFilter.of(TableFilter.THREAT, level));
    }

    private void buildTopIpsTable() {
        TableColumn<TopIp, String> ip = Tables.link("IP", TopIp::ip,
                item -> com.ja4.workstation.domain.ClientIp.parse(item).ifPresent(model()::openIp), 230);
        TableColumn<TopIp, ThreatLevel> threat = Tables.threat("Worst threat", TopIp::worstThreat, 150);
        TableColumn<TopIp, String> n = Tables.column("Detections", t -> Fx.count(t.detections()), 100);
        n.getStyleClass().add("numeric");
        TableColumn<TopIp, String> score = Tables.column("Worst score", t -> Fx.decimal(t.worstScore(), 3), 100);
        score.getStyleClass().add("numeric");
        TableColumn<TopIp, String> asn = Tables.column("ASN", TopIp::asnOrg, 260);
        TableColumn<TopIp, String> country = Tables.column("Country", TopIp::countryCode, 80);
        for (TableColumn<TopIp, String> c : List.of(n, score, asn, country)) c.setSortable(false);
        topIps.getColumns().setAll(List.of(ip, threat, n, score, asn, country));
        topIps.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        topIps.setFixedCellSize(28);
        topIps.setPrefHeight(28 * OverviewService.TOP_IPS + 40); // rows + header, no scrollbar
        topIps.setPlaceholder(new Label(""));
        javafx.scene.control.MenuItem openIp = new javafx.scene.control.MenuItem("Open IP");
        openIp.setOnAction(e -> {
            TopIp t = topIps.getSelectionModel().getSelectedItem();
            if (t != null) com.ja4.workstation.domain.ClientIp.parse(t.ip()).ifPresent(model()::openIp);
        });
        javafx.scene.control.MenuItem detectionsOf = new javafx.scene.control.MenuItem("Detections of this IP");
        detectionsOf.setOnAction(e -> {
            TopIp t = topIps.getSelectionModel().getSelectedItem();
            if (t != null) model().openDetections(TableFilter.of(TableFilter.SEARCH, t.ip()));
        });
        topIps.setContextMenu(new javafx.scene.control.ContextMenu(openIp, detectionsOf));
    }



    /** The window line under the title ("2026-11-20 00:00 → 2026-11-20 12:00 UTC  (12 h)"). */
    public String windowLabelText() {
        return windowLabel.getText();
    }

    /** For tests and rendering: the KPI text shown for detections. */
    public String detectionsKpiText() {
        return detections.text();
    }

    public LoadPane threatPane() {
        return threatPane;
    }

    public LoadPane kpiPane() {
        return kpiPane;
    }
}
