package com.ja4.workstation.ui.cluster;

import com.ja4.workstation.analysis.cluster.ClusteringParameters;
import com.ja4.workstation.domain.ClientIp;
import com.ja4.workstation.domain.table.TableFilter;
import com.ja4.workstation.service.query.QueryScope;
import com.ja4.workstation.ui.common.LoadPane;
import com.ja4.workstation.ui.shell.ViewController;
import java.io.File;
import javafx.fxml.FXML;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;

/**
 * Clusters (DESIGN 3.14): binds the {@link ClustersModel} to k and sample size, Run and Cancel
 * with the stage and progress, the card grid ({@link ClusterCards}) and relation graph
 * ({@link ClusterGraphCanvas}) of the run, and the selected cluster's sidebar
 * ({@link ClusterSidebar}).
 */
public final class ClustersController extends ViewController {

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

    private ClustersModel clusters;

    @Override
    protected void onInit() {
        ClustersModel m = new ClustersModel(this::workspace, this::window, this::task, model().tasks());
        clusters = m;
        kSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(
                ClusteringParameters.MIN_K, ClusteringParameters.MAX_K, ClusteringParameters.DEFAULT_K));
        sampleSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(
                ClusteringParameters.MIN_SAMPLES, ClusteringParameters.MAX_SAMPLES, ClusteringParameters.DEFAULT_SAMPLES, 500));
        kSpinner.setTooltip(new Tooltip("Number of clusters, " + ClusteringParameters.MIN_K + "–" + ClusteringParameters.MAX_K));
        sampleSpinner.setTooltip(new Tooltip("(IP, JA4) pairs clustered, " + ClusteringParameters.MIN_SAMPLES + "–"
                + ClusteringParameters.MAX_SAMPLES + "; anomalous pairs are sampled first"));
        kSpinner.getValueFactory().valueProperty().addListener((o, a, v) -> m.kProperty().set(v));
        sampleSpinner.getValueFactory().valueProperty().addListener((o, a, v) -> m.sampleSizeProperty().set(v));

        runButton.disableProperty().bind(m.runningProperty());
        cancelButton.disableProperty().bind(m.runningProperty().not());
        progressBar.visibleProperty().bind(m.runningProperty());
        progressBar.progressProperty().bind(m.progressProperty());
        stageLabel.textProperty().bind(m.stageProperty());
        m.stageFailedProperty().addListener((o, a, failed) -> {
            stageLabel.getStyleClass().remove("error-text");
            if (failed) stageLabel.getStyleClass().add("error-text");
        });
        runInfo.textProperty().bind(m.runInfoProperty());

        ClusterCards cards = new ClusterCards(m::select);
        ScrollPane cardsScroll = new ScrollPane(cards);
        cardsScroll.setFitToWidth(true);
        cardsScroll.getStyleClass().add("view-scroll");
        ClusterGraphCanvas graph = new ClusterGraphCanvas();
        graph.setOnSelect(m::select);
        BorderPane graphPane = new BorderPane(graph);
        graphPane.setTop(graphToolbar(graph, m));
        TabPane tabs = new TabPane(new Tab("Cards by risk", cardsScroll), new Tab("Relation graph", graphPane));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getSelectionModel().select(m.tabProperty().get().ordinal());
        m.tabProperty().addListener((o, a, t) -> tabs.getSelectionModel().select(t.ordinal()));
        tabs.getSelectionModel().selectedIndexProperty().addListener((o, a, i) -> m.tabProperty().set(ClustersModel.Tab.values()[i.intValue()]));
        LoadPane.in(mainHost, tabs).show(m.main(), r -> {
            cards.show(r.run());
            graph.setRun(r.run().clusters(), r.run().edges());
        });
        m.selectedProperty().addListener((o, a, c) -> {
            cards.select(c == null ? null : c.id());
            if (c != null) graph.select(c.id());
        });

        new ClusterSidebar(m, this::openIp, this::exportSelected).placeIn(sideHost);
        SplitPane.setResizableWithParent(sideHost, false);
    }

    private static HBox graphToolbar(ClusterGraphCanvas graph, ClustersModel m) {
        ToggleButton columns = new ToggleButton("Columns by risk");
        columns.setTooltip(new Tooltip("Place nodes in Bots / Suspects / Legitimate columns instead of by PCA"));
        columns.setId("columnsToggle");
        Label hint = new Label(hint(m.graphLayoutProperty().get()));
        hint.getStyleClass().add("muted");
        columns.setOnAction(e -> m.graphLayoutProperty().set(columns.isSelected() ? GraphGeometry.Layout.RISK_COLUMNS
                : GraphGeometry.Layout.PCA));
        m.graphLayoutProperty().addListener((o, a, layout) -> {
            columns.setSelected(layout == GraphGeometry.Layout.RISK_COLUMNS);
            graph.setLayout(layout);
            hint.setText(hint(layout));
        });
        Button fit = new Button("Fit");
        fit.setOnAction(e -> graph.fit());
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

    @Override
    protected void load(QueryScope scope) {
        clusters.activate();
    }

    @FXML
    void runClicked() {
        kSpinner.increment(0);  // commit typed text
        sampleSpinner.increment(0);
        clusters.run();
    }

    @FXML
    void cancelClicked() {
        clusters.cancel();
    }

    private void openIp(String ip) {
        ClientIp.parse(ip).ifPresentOrElse(model()::openIp, () -> model().openDetections(TableFilter.of(TableFilter.SEARCH, ip)));
    }

    private void exportSelected() {
        if (clusters.selected().isEmpty()) return;
        FileChooser fc = new FileChooser();
        fc.setTitle("Export the members of " + clusters.selected().get().label());
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        fc.setInitialFileName(clusters.exportFileName());
        File f = fc.showSaveDialog(sideHost.getScene().getWindow());
        if (f != null) clusters.exportMembers(f.toPath());
    }

    /** The view's state and commands. */
    public ClustersModel clusters() {
        return clusters;
    }
}
