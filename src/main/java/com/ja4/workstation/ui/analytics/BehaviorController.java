package com.ja4.workstation.ui.analytics;

import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.analytics.BehaviorFeature;
import com.ja4.workstation.domain.analytics.SessionPoint;
import com.ja4.workstation.domain.table.TableFilter;
import com.ja4.workstation.service.analytics.BehaviorService;
import com.ja4.workstation.service.analytics.BehaviorService.Histogram;
import com.ja4.workstation.service.query.QueryScope;
import com.ja4.workstation.ui.common.Charts;
import com.ja4.workstation.ui.common.Fx;
import com.ja4.workstation.ui.common.LoadPane;
import com.ja4.workstation.ui.shell.ViewController;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.ChartMouseEventFX;
import org.jfree.chart.fx.interaction.ChartMouseListenerFX;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.DefaultIntervalXYDataset;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * Behavior (DESIGN 3.10): scatter of any two behaviour features over the heaviest sessions,
 * coloured by ASN label with named bots marked; click a point to open its IP; histograms of the
 * six main features.
 */
public final class BehaviorController extends ViewController {

    /** Series order and colours of the ASN labels; other labels get grey. */
    static final Map<String, Color> LABEL_COLOURS = new LinkedHashMap<>();
    static {
        LABEL_COLOURS.put("human", new Color(0x15, 0x80, 0x3d, 170));
        LABEL_COLOURS.put("isp", new Color(0x0d, 0x94, 0x88, 170));
        LABEL_COLOURS.put("mobile", new Color(0x25, 0x63, 0xeb, 170));
        LABEL_COLOURS.put("hosting", new Color(0xea, 0x58, 0x0c, 170));
        LABEL_COLOURS.put("datacenter", new Color(0xb9, 0x1c, 0x1c, 170));
    }
    static final String NAMED_BOT = "named bot";
    static final int ANTIALIAS_MAX_POINTS = 2_500;

    @FXML private Label windowLabel;
    @FXML private ComboBox<BehaviorFeature> xBox;
    @FXML private ComboBox<BehaviorFeature> yBox;
    @FXML private ComboBox<Integer> sizeBox;
    @FXML private CheckBox botsBox;
    @FXML private Label pointsLabel;
    @FXML private StackPane scatterHost;
    @FXML private GridPane histogramGrid;
    @FXML private CheckBox logBox;

    private DefaultXYDataset scatterData = new DefaultXYDataset();
    private final List<List<SessionPoint>> seriesPoints = new ArrayList<>();
    private List<SessionPoint> points = List.of();
    private JFreeChart scatterChart;
    private XYLineAndShapeRenderer renderer;
    private LoadPane scatterPane;
    private final Map<BehaviorFeature, DefaultIntervalXYDataset> histData = new EnumMap<>(BehaviorFeature.class);
    private final Map<BehaviorFeature, LoadPane> histPanes = new EnumMap<>(BehaviorFeature.class);
    private final Map<BehaviorFeature, org.jfree.chart.JFreeChart> histCharts = new EnumMap<>(BehaviorFeature.class);
    private final Map<BehaviorFeature, Histogram> shownHistograms = new EnumMap<>(BehaviorFeature.class);

    @FXML
    private void initialize() {
        xBox.getItems().setAll(BehaviorFeature.values());
        yBox.getItems().setAll(BehaviorFeature.values());
        xBox.setValue(BehaviorFeature.HIT_VELOCITY);
        yBox.setValue(BehaviorFeature.PATH_DIVERSITY_RATIO);
        sizeBox.getItems().setAll(BehaviorService.SAMPLE_SIZES);
        sizeBox.setValue(BehaviorService.SAMPLE_SIZES.get(0));
        sizeBox.setConverter(new javafx.util.StringConverter<>() {
            @Override public String toString(Integer n) { return n == null ? "" : Fx.count(n) + " heaviest"; }
            @Override public Integer fromString(String s) { return null; }
        });
        botsBox.setSelected(true);
        xBox.valueProperty().addListener((o, a, b) -> showScatter());
        yBox.valueProperty().addListener((o, a, b) -> showScatter());
        sizeBox.valueProperty().addListener((o, a, b) -> reloadScatter());
        botsBox.selectedProperty().addListener((o, a, b) -> reloadScatter());

        renderer = new XYLineAndShapeRenderer(false, true);
        scatterChart = Charts.scatter(scatterData, "", "", renderer);
        renderer.setDefaultToolTipGenerator((d, s, i) -> s < seriesPoints.size() && i < seriesPoints.get(s).size()
                ? tooltip(seriesPoints.get(s).get(i)) : null);
        ChartViewer viewer = Charts.viewer(scatterChart);
        viewer.addChartMouseListener(new ChartMouseListenerFX() {
            @Override
            public void chartMouseClicked(ChartMouseEventFX e) {
                if (e.getEntity() instanceof XYItemEntity item && item.getSeriesIndex() < seriesPoints.size()
                        && item.getItem() < seriesPoints.get(item.getSeriesIndex()).size()) {
                    openIp(seriesPoints.get(item.getSeriesIndex()).get(item.getItem()).ip());
                }
            }

            @Override
            public void chartMouseMoved(ChartMouseEventFX e) {
            }
        });
        scatterPane = new LoadPane(viewer);
        scatterHost.getChildren().add(scatterPane);

        logBox.setOnAction(e -> applyLogScale());
        int i = 0;
        for (BehaviorFeature f : BehaviorFeature.HISTOGRAM) {
            DefaultIntervalXYDataset data = new DefaultIntervalXYDataset();
            histData.put(f, data);
            ChartViewer v = Charts.viewer(Charts.histogram(data, f.label(), "Sessions"));
            histCharts.put(f, v.getChart());
            v.setPrefSize(380, 220);
            LoadPane p = new LoadPane(v);
            histPanes.put(f, p);
            StackPane host = new StackPane(p);
            host.getStyleClass().add("chart-host-small");
            Label title = new Label(f.label());
            title.getStyleClass().add("panel-title");
            VBox panel = new VBox(title, host);
            panel.getStyleClass().add("panel");
            histogramGrid.add(panel, i % 3, i / 3);
            i++;
        }
    }


    @Override
    protected void load(QueryScope scope) {
        TimeWindow w = window();
        windowLabel.setText(Fx.window(w));
        loadScatter(scope);
        BehaviorService svc = workspace().behavior();
        svc.histograms(w, scope).forEach((f, future) ->
                track(histPanes.get(f).bind(future, this::showHistogram, h -> h.total() == 0, this::activate)));
    }

    private void reloadScatter() {
        if (workspace() == null || window() == null) return;
        loadScatter(scope());
    }

    private void loadScatter(QueryScope scope) {
        var future = workspace().behavior().scatter(window(), sizeBox.getValue(), botsBox.isSelected(), scope);
        track(scatterPane.bind(future, p -> {
            points = p;
            showScatter();
        }, List::isEmpty, this::activate));
    }

    /** Rebuilds the series from the loaded points for the chosen axes (no query). */
    private void showScatter() {
        BehaviorFeature fx = xBox.getValue();
        BehaviorFeature fy = yBox.getValue();
        if (fx == null || fy == null) return;
        Map<String, List<SessionPoint>> bySeries = new LinkedHashMap<>();
        LABEL_COLOURS.keySet().forEach(k -> bySeries.put(k, new ArrayList<>()));
        for (SessionPoint p : points) {
            String key = p.isNamedBot() ? NAMED_BOT : (p.asnLabel().isBlank() ? "unknown" : p.asnLabel());
            bySeries.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
        }
        List<SessionPoint> bots = bySeries.remove(NAMED_BOT);
        if (bots != null) bySeries.put(NAMED_BOT, bots); // drawn last, on top
        bySeries.values().removeIf(List::isEmpty);

        // build the new dataset aside and swap it in with one redraw, so the point lookup of
        // tooltips and clicks never sees series from two different builds
        DefaultXYDataset data = new DefaultXYDataset();
        List<List<SessionPoint>> newPoints = new ArrayList<>();
        scatterChart.setNotify(false);
        int s = 0;
        for (var e : bySeries.entrySet()) {
            List<SessionPoint> ps = e.getValue();
            double[][] xy = new double[2][ps.size()];
            for (int i = 0; i < ps.size(); i++) {
                xy[0][i] = ps.get(i).value(fx);
                xy[1][i] = ps.get(i).value(fy);
            }
            newPoints.add(ps);
            style(s++, e.getKey());
            data.addSeries(e.getKey() + " (" + Fx.count(ps.size()) + ")", xy);
        }
        seriesPoints.clear();
        seriesPoints.addAll(newPoints);
        scatterData = data;
        XYPlot plot = scatterChart.getXYPlot();
        plot.getDomainAxis().setLabel(fx.label());
        plot.getRangeAxis().setLabel(fy.label());
        plot.setDataset(data);
        // measured (ScatterFluidityBenchmark): anti-aliased shapes double the redraw time past a few thousand points
        scatterChart.setAntiAlias(points.size() <= ANTIALIAS_MAX_POINTS);
        scatterChart.setNotify(true);
        long botCount = points.stream().filter(SessionPoint::isNamedBot).count();
        if (points.isEmpty()) pointsLabel.setText("");
        else pointsLabel.setText(Fx.count(points.size()) + " sessions (IP × JA4 × host × hour)" + (botCount > 0 ? ", " + Fx.count(botCount) + " of named bots" : "")
                + " — hover a point for its IP, click to open it");
    }

    private void style(int series, String key) {
        if (key.equals(NAMED_BOT)) {
            renderer.setSeriesPaint(series, Color.BLACK);
            renderer.setSeriesShape(series, diamond(5));
        } else {
            renderer.setSeriesPaint(series, LABEL_COLOURS.getOrDefault(key, new Color(0x6b, 0x72, 0x80, 170)));
            renderer.setSeriesShape(series, new Ellipse2D.Double(-3, -3, 6, 6));
        }
    }

    private static java.awt.Shape diamond(double r) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(0, -r);
        p.lineTo(r, 0);
        p.lineTo(0, r);
        p.lineTo(-r, 0);
        p.closePath();
        return p;
    }

    private String tooltip(SessionPoint p) {
        BehaviorFeature fx = xBox.getValue();
        BehaviorFeature fy = yBox.getValue();
        return p.ip() + (p.isNamedBot() ? "  [" + p.botName() + "]" : "") + "\n" + p.asnLabel() + " · " + Fx.count(p.hits()) + " hits · "
                + Fx.MINUTE.format(p.windowStart()) + " UTC\n" + fx.label() + " = " + Charts.trim(p.value(fx)) + "\n"
                + fy.label() + " = " + Charts.trim(p.value(fy)) + "\n" + p.host() + "\nclick to open this IP";
    }

    private void openIp(String ip) {
        com.ja4.workstation.domain.ClientIp.parse(ip).ifPresentOrElse(model()::openIp,
                () -> model().openDetections(TableFilter.of(TableFilter.SEARCH, ip)));
    }

    /** The count axes follow the Log scale box; the loaded histograms are redrawn, no query runs. */
    private void applyLogScale() {
        boolean log = logBox.isSelected();
        histCharts.values().forEach(c -> Charts.logCounts(c, log));
        shownHistograms.values().forEach(this::showHistogram);
    }

    private void showHistogram(Histogram h) {
        shownHistograms.put(h.feature(), h);
        boolean log = logBox.isSelected();
        int n = h.bins().count();
        double[][] d = new double[6][n];
        for (int i = 0; i < n; i++) {
            d[0][i] = (h.bins().lower(i) + h.bins().upper(i)) / 2;
            d[1][i] = h.bins().lower(i);
            d[2][i] = h.bins().upper(i);
            double count = log && h.counts()[i] == 0 ? Double.NaN : h.counts()[i]; // an empty bin has no bar on a log axis
            d[3][i] = count;
            d[4][i] = count;
            d[5][i] = count;
        }
        DefaultIntervalXYDataset data = histData.get(h.feature());
        data.addSeries(h.feature().label(), d); // the same key replaces the previous series
    }

    /** For tests: the points currently plotted, and the histogram panes. */
    public List<SessionPoint> points() {
        return points;
    }

    public int plottedItems() {
        int n = 0;
        for (int s = 0; s < scatterData.getSeriesCount(); s++) n += scatterData.getItemCount(s);
        return n;
    }

    public LoadPane scatterPane() {
        return scatterPane;
    }

    public CheckBox logScaleBox() {
        return logBox;
    }

    public org.jfree.chart.JFreeChart histogramChart(BehaviorFeature f) {
        return histCharts.get(f);
    }

    public Map<BehaviorFeature, LoadPane> histogramPanes() {
        return histPanes;
    }

    public DefaultIntervalXYDataset histogramData(BehaviorFeature f) {
        return histData.get(f);
    }

    public ComboBox<BehaviorFeature> xBox() {
        return xBox;
    }

    public JFreeChart scatterChart() {
        return scatterChart;
    }
}
