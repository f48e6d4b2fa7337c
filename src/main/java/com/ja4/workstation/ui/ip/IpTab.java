package com.ja4.workstation.ui.ip;

import com.ja4.workstation.domain.ClientIp;
import com.ja4.workstation.domain.ip.FeatureWindow;
import com.ja4.workstation.domain.ip.RadarBaselines;
import com.ja4.workstation.domain.table.Detection;
import com.ja4.workstation.domain.table.HttpLog;
import com.ja4.workstation.domain.table.Score;
import com.ja4.workstation.domain.table.TableFilter;
import com.ja4.workstation.service.ip.IpDrillDownService;
import com.ja4.workstation.service.ip.RadarAxis;
import com.ja4.workstation.ui.common.Charts;
import com.ja4.workstation.ui.common.Fx;
import com.ja4.workstation.ui.common.LoadPane;
import com.ja4.workstation.ui.common.Loadable;
import java.awt.Color;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
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
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * One IP in the drill-down, shown: the TCP/OS verdict, recurrence and classification form on top,
 * the behaviour radar with its raw features, and the IP's activity (detections, scores, HTTP logs,
 * feature windows). The state lives in its {@link IpTabModel}; each section shows its own load.
 */
public final class IpTab extends Tab {

    /** Where the tab's links lead. */
    public record Navigation(Consumer<TableFilter> openDetections, Consumer<String> lookUpJa4) {
    }

    private static final List<java.awt.Paint> RADAR_PAINTS = List.of(new Color(0xDC, 0x26, 0x26), new Color(0x16, 0xA3, 0x4A),
            new Color(0x47, 0x55, 0x69));

    private final IpTabModel model;
    private final StackPane radarHolder = new StackPane();
    private final TableView<RadarAxis> featureTable = IpActivityTables.radarFeatures();

    public IpTab(IpTabModel model, Navigation nav) {
        super(model.ip().display());
        this.model = model;
        setClosable(true);
        getStyleClass().add("ip-tab");
        setContent(build(nav));
        model.axesProperty().addListener((o, a, axes) -> redrawRadar(axes));
    }

    public IpTabModel model() {
        return model;
    }

    public ClientIp ip() {
        return model.ip();
    }

    private Node build(Navigation nav) {
        ClientIp ip = model.ip();
        Label title = new Label(ip.display());
        title.getStyleClass().add("view-title");
        Button copy = new Button("Copy IP");
        copy.setOnAction(e -> Fx.copy(ip.display()));
        Button detections = new Button("Detections of this IP");
        detections.setOnAction(e -> nav.openDetections().accept(TableFilter.of(TableFilter.SEARCH, ip.display())));
        Label summary = new Label();
        summary.textProperty().bind(model.summaryProperty());
        summary.getStyleClass().add("muted");
        HBox header = new HBox(12, title, summary, spacer(), copy, detections);
        header.setAlignment(Pos.CENTER_LEFT);

        VBox tcpBox = new VBox(4);
        LoadPane tcpPane = new LoadPane(tcpBox);
        tcpPane.show(model.tcp(), findings -> IpFacts.showTcp(tcpBox, findings));
        GridPane recurrenceGrid = new GridPane();
        LoadPane recurrencePane = new LoadPane(recurrenceGrid);
        recurrencePane.show(model.recurrence(), r -> IpFacts.showRecurrence(recurrenceGrid, r));
        VBox tcpPanel = panel("TCP/OS fingerprint", tcpPane);
        VBox recPanel = panel("Recurrence", recurrencePane);
        VBox classPanel = panel("Classification", new ClassificationForm(model));
        tcpPanel.setPrefWidth(430);
        recPanel.setPrefWidth(300);
        recPanel.setMinWidth(280);
        HBox.setHgrow(classPanel, Priority.ALWAYS);
        HBox row1 = new HBox(12, tcpPanel, recPanel, classPanel);

        ComboBox<FeatureWindow> windowBox = new ComboBox<>(model.radarWindows());
        windowBox.setPrefWidth(420);
        windowBox.setCellFactory(l -> new WindowCell());
        windowBox.setButtonCell(new WindowCell());
        windowBox.valueProperty().bindBidirectional(model.selectedWindowProperty());
        Label pick = new Label("Feature window");
        pick.getStyleClass().add("muted");
        HBox picker = new HBox(8, pick, windowBox);
        picker.setAlignment(Pos.CENTER_LEFT);
        radarHolder.setMinHeight(330);
        radarHolder.setPrefHeight(340);
        LoadPane radarPane = new LoadPane(radarHolder);
        radarPane.show(model.radar(), r -> { });
        VBox radarPanel = panel("Behaviour radar vs human and datacenter/hosting baselines", picker, radarPane);
        Label scaleNote = new Label("Each axis is divided by the largest of the three values, so the polygons compare; hover for raw values.");
        scaleNote.getStyleClass().add("muted");
        scaleNote.setWrapText(true);
        radarPanel.getChildren().add(scaleNote);
        HBox.setHgrow(radarPanel, Priority.ALWAYS);
        featureTable.setPrefHeight(330);
        VBox featurePanel = panel("Radar features of the selected window", featureTable);
        featurePanel.setPrefWidth(520);
        HBox row2 = new HBox(12, radarPanel, featurePanel);

        VBox activityPanel = panel("Activity", activity(nav));

        VBox body = new VBox(12, header, row1, row2, activityPanel);
        body.setPadding(new Insets(12, 16, 16, 16));
        body.getStyleClass().add("view");
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("view-scroll");
        return scroll;
    }

    /** The IP's detections, scores, HTTP logs and feature windows, each tab titled with its count. */
    private TabPane activity(Navigation nav) {
        TableView<Detection> detections = IpActivityTables.detections(nav.lookUpJa4());
        TableView<Score> scores = IpActivityTables.scores(nav.lookUpJa4());
        TableView<HttpLog> http = IpActivityTables.http(nav.lookUpJa4());
        TableView<FeatureWindow> windows = IpActivityTables.featureWindows(nav.lookUpJa4(), model.selectedWindowProperty()::set);
        Tab detectionsTab = new Tab("Detections");
        Tab scoresTab = new Tab("Scores");
        Tab httpTab = new Tab("HTTP logs");
        Tab windowsTab = new Tab("Feature windows");
        detectionsTab.setContent(shown(model.detections(), detections, n -> detectionsTab.setText("Detections (" + Fx.count(n) + ")")));
        scoresTab.setContent(shown(model.scores(), scores, n -> scoresTab.setText("Scores (" + Fx.count(n) + ")")));
        httpTab.setContent(shown(model.http(), http, n -> {
            httpTab.setText("HTTP logs (" + (n >= IpDrillDownService.HTTP_LIMIT ? "latest " : "") + Fx.count(n) + ")");
            if (!model.ip().v4()) http.setPlaceholder(new Label("http_logs records IPv4 clients only: none for an IPv6 client"));
        }));
        windowsTab.setContent(shown(model.featureWindows(), windows, n -> windowsTab.setText("Feature windows (" + Fx.count(n) + ")")));
        TabPane activity = new TabPane(detectionsTab, scoresTab, httpTab, windowsTab);
        activity.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        activity.setPrefHeight(300);
        activity.setMinHeight(260);
        return activity;
    }

    /** A table showing a section's rows in its load pane; {@code counted} gets the row count of each result. */
    private static <R> LoadPane shown(Loadable<List<R>> section, TableView<R> table, IntConsumer counted) {
        LoadPane pane = new LoadPane(table);
        pane.show(section, rows -> {
            table.getItems().setAll(rows);
            counted.accept(rows.size());
        });
        return pane;
    }

    private void redrawRadar(List<RadarAxis> axes) {
        FeatureWindow fw = model.selectedWindowProperty().get();
        RadarBaselines baselines = model.baselinesProperty().get();
        if (fw == null || baselines == null) return;
        featureTable.getItems().setAll(axes);
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String[] series = {"This IP (" + Fx.MINUTE.format(fw.windowStart()) + ")",
                "Human baseline (" + Fx.count(baselines.humanWindows()) + " windows)",
                "Datacenter/hosting baseline (" + Fx.count(baselines.datacenterWindows()) + " windows)"};
        for (RadarAxis a : axes) {
            String label = IpFacts.axisLabel(a.feature());
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
                    + IpFacts.hits(w.hits()) + "  ·  " + w.ja4());
        }
    }
}
