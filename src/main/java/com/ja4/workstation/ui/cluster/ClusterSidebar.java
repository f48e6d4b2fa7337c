package com.ja4.workstation.ui.cluster;

import com.ja4.workstation.analysis.cluster.ClusterProfile;
import com.ja4.workstation.analysis.cluster.ClusteringRun;
import com.ja4.workstation.analysis.cluster.Feature;
import com.ja4.workstation.analysis.cluster.ClusterChange;
import com.ja4.workstation.domain.cluster.OsMismatchFigure;
import com.ja4.workstation.ui.common.Loadable;
import com.ja4.workstation.ui.common.Charts;
import com.ja4.workstation.ui.common.Fx;
import com.ja4.workstation.ui.common.SafeText;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The selected cluster, beside the grid and graph: name, risk and TCP stack, its centroid's radar
 * against the run's mean, its metrics, and one page of its members with the CSV export. Shows the
 * {@link ClustersModel}'s selection.
 */
final class ClusterSidebar {

    private final ClustersModel model;
    private final Label title = new Label();
    private final Label badge = new Label();
    private final Label stack = new Label();
    private final DefaultCategoryDataset radarData = new DefaultCategoryDataset();
    private final JFreeChart radar;
    private final GridPane metrics = new GridPane();
    private final Label osLine = new Label();
    private final Label changeLine = new Label();
    private final VBox content;
    private final Label empty = new Label("Select a cluster (card or node) to see its profile and members.");

    /**
     * @param openIp opens an IP of the members table (its drill-down)
     * @param export asks where to write the selected cluster's members
     */
    ClusterSidebar(ClustersModel model, Consumer<String> openIp, Runnable export) {
        this.model = model;
        title.getStyleClass().add("cluster-title");
        title.setWrapText(true);
        title.setId("clusterTitle");
        badge.getStyleClass().add("risk-badge");
        badge.setMinWidth(Region.USE_PREF_SIZE);
        stack.getStyleClass().add("muted");
        stack.setWrapText(true);
        stack.setMinHeight(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(8, title, spacer, badge);
        head.setAlignment(Pos.TOP_LEFT);

        radar = Charts.radar(radarData, List.of(), this::radarTip, Charts.RadarStyle.COMPACT);
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

        ClusterMembersPane membersBox = new ClusterMembersPane(model.members(), openIp, export);
        osLine.getStyleClass().add("os-mismatch-line");
        osLine.setWrapText(true);
        osLine.setMinHeight(Region.USE_PREF_SIZE);
        osLine.setId("osMismatch");
        model.osMismatch().statusProperty().addListener((o, a, st) -> showOsMismatch(st));
        changeLine.setWrapText(true);
        changeLine.setMinHeight(Region.USE_PREF_SIZE);
        changeLine.setId("clusterChange");
        model.comparison().comparisonProperty().addListener((o, a, c) -> showChange(model.selected().orElse(null)));

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
        SplitPane body = new SplitPane(profileScroll, membersBox);
        body.setOrientation(Orientation.VERTICAL);
        body.setDividerPositions(0.56);
        VBox.setVgrow(body, Priority.ALWAYS);
        VBox top = new VBox(4, head, stack, changeLine, osLine);
        top.setPadding(new Insets(12, 12, 6, 12));
        content = new VBox(top, body);
        content.getStyleClass().add("cluster-sidebar");
        model.selectedProperty().addListener((o, a, c) -> show(c));
        show(model.selected().orElse(null));
    }

    /** Placed in the view's side area. */
    void placeIn(StackPane host) {
        host.getChildren().setAll(content, empty);
    }

    private void show(ClusterProfile c) {
        content.setVisible(c != null);
        empty.setVisible(c == null);
        if (c == null) return;
        title.setText(SafeText.cell(c.label()));
        badge.setText(c.group().label() + " · risk " + ClusterGraphCanvas.riskText(c.risk()));
        badge.setStyle(com.ja4.workstation.ui.common.Theme.badgeStyle(c.colour()));
        stack.setText("TCP stack: " + c.stack().label() + (c.stack().scanner() ? "  — raw-packet scanner" : ""));
        showChange(c);
        showOsMismatch(model.osMismatch().statusProperty().get());

        double[] mean = runMean(model.result().run());
        Charts.refill(radarData, d -> {
            d.clear();
            for (Feature f : Feature.all()) d.addValue(c.centroid().get(f.ordinal()), "This cluster", shortLabel(f));
            for (Feature f : Feature.all()) d.addValue(mean[f.ordinal()], "Run mean (weighted by pairs)", shortLabel(f));
        });
        Charts.paintRadarSeries(radar, 0, Color.decode(c.colour()));
        Charts.paintRadarSeries(radar, 1, Charts.awt(com.ja4.workstation.ui.common.Theme.palette().neutral()));

        metrics.getChildren().clear();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"IPs", Fx.count(c.ipCount())});
        rows.add(new String[] {"Pairs assigned", Fx.count(c.pairCount())});
        rows.add(new String[] {"Fitted on", Fx.count(c.fittedPairs()) + " pairs"});
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
        // values from the data: each shown safely (bounded, markers for invisible characters)
        r = wide(r, "Top countries", safeList(c.topCountries()));
        r = wide(r, "Top ASNs", safeList(c.topAsnOrgs()));
        r = wide(r, "Sample IPs", safeList(c.sampleIps()));
        wide(r, "Sample UA", c.sampleUserAgent().isBlank() ? "—" : SafeText.cell(c.sampleUserAgent()));
    }

    private static String safeList(List<String> values) {
        return String.join(", ", values.stream().map(SafeText::cell).toList());
    }

    /** "OS mismatch: 97 % of 95 clients …" for the selected cluster, from the model's lookup. */
    private void showOsMismatch(Loadable.Status<OsMismatchFigure> st) {
        osLine.getStyleClass().removeAll("error-text", "os-mismatch-high");
        switch (st.state()) {
            case LOADING -> osLine.setText("OS mismatch (User-Agent vs TCP stack): checking the cluster's clients…");
            case ERROR -> {
                osLine.setText("OS mismatch: lookup failed — " + st.message());
                osLine.getStyleClass().add("error-text");
            }
            case EMPTY -> osLine.setText("OS mismatch: no clients");
            case CONTENT -> {
                OsMismatchFigure f = st.value();
                osLine.setText(osMismatchText(f));
                if (f.comparable() > 0 && f.share() >= 0.5) osLine.getStyleClass().add("os-mismatch-high");
            }
        }
    }

    /** The sidebar's sentence for a figure. */
    static String osMismatchText(OsMismatchFigure f) {
        if (f.comparable() == 0) {
            return "OS mismatch: — (no client whose User-Agent names an OS and whose TCP stack verdict is confident; "
                    + Fx.count(f.clients()) + " IPs)";
        }
        return "OS mismatch: " + Fx.decimal(100 * f.share(), 1) + " % — the User-Agent's OS contradicts the TCP stack for "
                + Fx.count(f.mismatched()) + " of " + Fx.count(f.comparable()) + " clients where both are known ("
                + Fx.count(f.clients()) + " IPs)";
    }

    private void showChange(ClusterProfile c) {
        ClusterComparisonModel cm = model.comparison();
        java.util.Optional<ClusterChange> change = c == null ? java.util.Optional.empty() : cm.changeOf(c.id());
        changeLine.setVisible(change.isPresent());
        changeLine.setManaged(change.isPresent());
        changeLine.getStyleClass().setAll("label", "cluster-change-line");
        change.ifPresent(ch -> {
            changeLine.setText(ChangeText.sentence(ch, cm.comparison().orElseThrow().baseline().describe()));
            changeLine.getStyleClass().add(ChangeText.styleClass(ch.kind()));
        });
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

    private String radarTip(int series, int category) {
        Feature f = Feature.all().get(category);
        String raw = series != 0 ? "" : model.selected().map(c -> " (raw mean " + Fx.decimal(c.rawMean(f), 2) + ")").orElse("");
        return radarData.getRowKey(series) + " — " + f.label() + ": " + Fx.decimal(radarData.getValue(series, category).doubleValue(), 3)
                + raw;
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

    private static String raw(ClusterProfile c, Feature f) {
        double v = c.rawMean(f);
        return switch (f) {
            case INITIAL_TTL -> Fx.decimal(v, 1) + " (initial " + Feature.initialTtl(v) + ")";
            case MSS, TCP_WINDOW -> Fx.count(Math.round(v));
            case WINDOW_SCALE, JA4_DIVERSITY, VELOCITY -> Fx.decimal(v, 2);
            default -> Fx.decimal(v, 3);
        };
    }

    /** The run's mean centroid, each cluster weighted by its pairs. */
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
}
