package com.ja4.workstation.ui.analytics;

import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.table.TableFilter;
import com.ja4.workstation.service.analytics.FingerprintsService;
import com.ja4.workstation.service.analytics.FingerprintsService.BotJa4Row;
import com.ja4.workstation.service.analytics.FingerprintsService.Ja4Row;
import com.ja4.workstation.service.query.QueryScope;
import com.ja4.workstation.ui.common.Charts;
import com.ja4.workstation.ui.common.Fx;
import com.ja4.workstation.ui.common.LoadPane;
import com.ja4.workstation.ui.shell.ViewController;
import com.ja4.workstation.ui.shell.ViewRequest;
import com.ja4.workstation.ui.table.Tables;
import com.ja4.workstation.ui.task.Task;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import javafx.animation.PauseTransition;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;
import org.jfree.chart.entity.CategoryItemEntity;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.ChartMouseEventFX;
import org.jfree.chart.fx.interaction.ChartMouseListenerFX;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Fingerprints (DESIGN 3.8): JA4 statistics by ASN label with each JA4 decoded next to its raw
 * text, the top JA4s as a chart, and the JA4s used by named bots. Above them, the profile of one
 * JA4 ({@link Ja4ProfilePane}): chosen by "Look up JA4" in another view, by selecting a row or a
 * bar here, or pasted; it opens that JA4's detections.
 */
public final class FingerprintsController extends ViewController {

    static final int CHART_JA4S = 12;

    @FXML private Label windowLabel;
    @FXML private StackPane chartHost;
    @FXML private StackPane statsHost;
    @FXML private StackPane botsHost;
    @FXML private StackPane profileHost;
    @FXML private TextField ja4Field;

    private final DefaultCategoryDataset topData = new DefaultCategoryDataset();
    private final TableView<Ja4Row> stats = new TableView<>();
    private final TableView<BotJa4Row> bots = new TableView<>();
    private LoadPane chartPane, statsPane, botsPane;
    private final Ja4ProfilePane profile = new Ja4ProfilePane(this::openJa4, this::closeProfile);
    /** The JA4 whose profile is shown; empty for none. */
    private String selectedJa4 = "";
    /** The profile's own task: a newer look-up cancels the previous one (arrow keys through the table). */
    private Task profileTask;
    /** Selection in the tables settles before a look-up runs. */
    private final PauseTransition selectionSettles = new PauseTransition(Duration.millis(200));
    private String pendingSelection = "";

    @FXML
    private void initialize() {
        ChartViewer chart = Charts.viewer(Charts.seriesBars(topData, "Sessions (1 h windows)", true, true, null));
        chart.addChartMouseListener(new ChartMouseListenerFX() {
            @Override
            public void chartMouseClicked(ChartMouseEventFX e) {
                if (e.getEntity() instanceof CategoryItemEntity item) lookUp(String.valueOf(item.getColumnKey()));
            }

            @Override
            public void chartMouseMoved(ChartMouseEventFX e) {
            }
        });
        chartPane = LoadPane.in(chartHost, chart);

        stats.getColumns().add(Tables.text("JA4", r -> r.stat().ja4(), 290));
        stats.getColumns().addAll(Tables.ja4Parts(Ja4Row::decoded));
        stats.getColumns().addAll(List.of(
                Tables.text("ASN label", r -> r.stat().asnLabel(), 95),
                Tables.count("Sessions", r -> r.stat().sessions(), 85),
                Tables.count("IPs", r -> r.stat().uniqueIps(), 70),
                Tables.count("Hits", r -> r.stat().hits(), 85),
                Tables.decimal("Velocity", r -> r.stat().avgVelocity(), 3, 80),
                Tables.decimal("Fuzzing", r -> r.stat().avgFuzzing(), 3, 80),
                Tables.decimal("Browser score", r -> r.stat().avgBrowserScore(), 3, 100)));
        Tables.rowAction(stats, "Open detections with this JA4", r -> openJa4(r.stat().ja4()),
                r -> String.join("\t", r.stat().ja4(), r.decoded().summary(), r.stat().asnLabel(), String.valueOf(r.stat().sessions()),
                        String.valueOf(r.stat().uniqueIps()), String.valueOf(r.stat().hits()), String.valueOf(r.stat().avgVelocity()),
                        String.valueOf(r.stat().avgFuzzing()), String.valueOf(r.stat().avgBrowserScore())));
        Tables.fixedHeight(stats, 14);
        statsPane = LoadPane.in(statsHost, stats);

        bots.getColumns().setAll(List.of(
                Tables.text("Bot name", r -> r.bot().botName(), 180),
                Tables.text("JA4", r -> r.bot().ja4(), 300),
                Tables.text("Decoded", r -> r.decoded().summary(), 330),
                Tables.count("Sessions", r -> r.bot().sessions(), 90),
                Tables.count("IPs", r -> r.bot().uniqueIps(), 80)));
        Tables.rowAction(bots, "Open detections with this JA4", r -> openJa4(r.bot().ja4()),
                r -> String.join("\t", r.bot().botName(), r.bot().ja4(), r.decoded().summary(), String.valueOf(r.bot().sessions()),
                        String.valueOf(r.bot().uniqueIps())));
        Tables.fitRows(bots, 2, 10);
        botsPane = LoadPane.in(botsHost, bots);

        profileHost.getChildren().add(profile);
        selectionSettles.setOnFinished(e -> lookUp(pendingSelection));
        stats.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> {
            if (r != null) selected(r.stat().ja4());
        });
        bots.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> {
            if (r != null) selected(r.bot().ja4());
        });
    }

    private void selected(String ja4) {
        pendingSelection = ja4;
        selectionSettles.playFromStart();
    }

    /** "Look up JA4" from another view: the profile loads with the view, or alone when the view was shown as it was. */
    @Override
    protected boolean prepare(ViewRequest request) {
        if (request instanceof ViewRequest.Ja4 j) presetJa4(j.ja4());
        return false;
    }

    @Override
    protected void fulfil(ViewRequest request, boolean reloaded) {
        if (request instanceof ViewRequest.Ja4 && !reloaded && workspace() != null) loadProfile();
    }

    /** Sets the JA4 to profile without querying: the next load shows it ("Look up JA4" from another view). */
    public void presetJa4(String ja4) {
        selectedJa4 = ja4 == null ? "" : ja4.strip();
    }

    /** Shows this JA4's profile now (selection, chart, pasted text). */
    public void lookUp(String ja4) {
        String j = ja4 == null ? "" : ja4.strip();
        if (j.isEmpty() || (j.equals(selectedJa4) && profile.isOpen() && profile.ja4().equals(j)
                && profile.figuresPane().state() != LoadPane.State.ERROR)) {
            return;
        }
        presetJa4(j);
        loadProfile();
    }

    /** (Re)loads the profile of the selected JA4 in the current window; clears the pane when there is none. */
    public void loadProfile() {
        if (profileTask != null) profileTask.cancel();
        profileTask = null;
        if (selectedJa4.isEmpty() || workspace() == null || window() == null) {
            profile.clear();
            return;
        }
        String ja4 = selectedJa4;
        Task task = model().tasks().start("Looking up JA4 " + ja4);
        profileTask = task;
        var f = task.track(workspace().analytics().ja4Profile().profile(window(), ja4, task.scope()));
        track(profile.show(ja4, f, this::loadProfile));
    }

    @FXML
    private void lookUpTyped() {
        lookUp(ja4Field.getText());
    }

    private void closeProfile() {
        presetJa4("");
        stats.getSelectionModel().clearSelection();
        bots.getSelectionModel().clearSelection();
        loadProfile();
    }

    @Override
    protected void onDeactivate() {
        selectionSettles.stop();
        if (profileTask != null) profileTask.cancel();
    }

    void openJa4(String ja4) {
        model().openDetections(TableFilter.of(TableFilter.JA4, ja4));
    }


    @Override
    protected void load(QueryScope scope) {
        TimeWindow w = window();
        windowLabel.setText(Fx.window(w));
        FingerprintsService svc = workspace().analytics().fingerprints();
        CompletableFuture<List<Ja4Row>> rows = svc.ja4Stats(w, scope);
        track(chartPane.bind(rows, this::showTop, List::isEmpty, this::activate));
        track(statsPane.bind(rows, stats.getItems()::setAll, List::isEmpty, this::activate));
        track(botsPane.bind(svc.botJa4s(w, scope), bots.getItems()::setAll, List::isEmpty, this::activate));
        loadProfile();
    }

    /** The JA4s with most sessions (all labels), stacked by ASN label. */
    private void showTop(List<Ja4Row> rows) {
        Map<String, Long> perJa4 = new LinkedHashMap<>();
        rows.forEach(r -> perJa4.merge(r.stat().ja4(), r.stat().sessions(), Long::sum));
        List<String> top = perJa4.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(CHART_JA4S).map(Map.Entry::getKey).toList();
        TreeSet<String> labels = new TreeSet<>();
        rows.stream().filter(r -> top.contains(r.stat().ja4())).forEach(r -> labels.add(r.stat().asnLabel()));
        Charts.refill(topData, d -> {
            d.clear();
            for (String l : labels) for (String j : top) d.addValue(0, l, j);
            rows.stream().filter(r -> top.contains(r.stat().ja4()))
                    .forEach(r -> d.setValue(r.stat().sessions(), r.stat().asnLabel(), r.stat().ja4()));
        });
    }

    // for tests
    public LoadPane chartPane() {
        return chartPane;
    }

    public LoadPane statsPane() {
        return statsPane;
    }

    public LoadPane botsPane() {
        return botsPane;
    }

    public DefaultCategoryDataset topData() {
        return topData;
    }

    public TableView<Ja4Row> statsTable() {
        return stats;
    }

    public TableView<BotJa4Row> botsTable() {
        return bots;
    }

    public Ja4ProfilePane profilePane() {
        return profile;
    }
}
