package com.ja4.workstation.ui.analytics;

import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.analytics.ViewTotals;
import com.ja4.workstation.service.analytics.FeaturesService;
import com.ja4.workstation.service.analytics.FeaturesService.FeatureComparison;
import com.ja4.workstation.service.analytics.FeaturesService.Importance;
import com.ja4.workstation.service.analytics.FeaturesService.ProfileRow;
import com.ja4.workstation.service.query.QueryScope;
import com.ja4.workstation.ui.common.Charts;
import com.ja4.workstation.ui.common.Fx;
import com.ja4.workstation.ui.common.LoadPane;
import com.ja4.workstation.ui.overview.KpiCard;
import com.ja4.workstation.ui.shell.ViewController;
import com.ja4.workstation.ui.table.Tables;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;
import org.jfree.chart.JFreeChart;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Features (DESIGN 3.6): human vs bot profiles (each feature scaled to the larger of the two
 * averages, raw values in tooltips), standardised feature importance (|Cohen's d|), and the
 * totals of the two 1 h feature views.
 */
public final class FeaturesController extends ViewController {

    static final String HUMAN = "Human";
    static final String BOT = "Bot (datacenter + hosting)";

    @FXML private Label windowLabel;
    @FXML private StackPane kpiHost;
    @FXML private StackPane profileHost;
    @FXML private StackPane importanceHost;
    @FXML private Label importanceNote;
    @FXML private StackPane totalsHost;

    private final DefaultCategoryDataset profileData = new DefaultCategoryDataset();
    private final DefaultCategoryDataset importanceData = new DefaultCategoryDataset();
    private final TableView<TotalsRow> totals = new TableView<>();
    private final Map<String, ProfileRow> rawProfile = new HashMap<>();
    private final Map<String, Importance> rawImportance = new HashMap<>();
    private KpiCard humanCard, botCard, aiCard, thesisCard;
    private LoadPane kpiPane, profilePane, importancePane, totalsPane;

    @FXML
    private void initialize() {
        humanCard = new KpiCard("Human windows", "kpi-legit", null);
        botCard = new KpiCard("Bot windows (datacenter, hosting)", "kpi-high", null);
        aiCard = new KpiCard("view_ai_features_1h rows", "kpi-neutral", null);
        thesisCard = new KpiCard("view_thesis_features_1h rows", "kpi-neutral", null);
        kpiPane = LoadPane.in(kpiHost, new FlowPane(12, 12, humanCard, botCard, aiCard, thesisCard));

        JFreeChart profile = Charts.seriesBars(profileData, "Share of the larger average (1 = larger of human / bot)", false, false,
                (data, row, col) -> profileTip(String.valueOf(data.getRowKey(row)), String.valueOf(data.getColumnKey(col))));
        profilePane = LoadPane.in(profileHost, Charts.viewer(profile));

        JFreeChart importance = Charts.seriesBars(importanceData, "|Cohen's d| (bot vs human, pooled SD)", false, false,
                (data, row, col) -> importanceTip(String.valueOf(data.getColumnKey(col))));
        importance.removeLegend();
        importancePane = LoadPane.in(importanceHost, Charts.viewer(importance));

        totals.getColumns().setAll(List.of(
                Tables.text("Feature", TotalsRow::feature, 220),
                numeric(Tables.text("view_ai_features_1h", TotalsRow::ai, 200)),
                numeric(Tables.text("view_thesis_features_1h", TotalsRow::thesis, 200))));
        Tables.fixedHeight(totals, FeaturesService.PROFILE_FEATURES.size() + 2);
        totalsPane = LoadPane.in(totalsHost, totals);
    }


    @Override
    protected void load(QueryScope scope) {
        TimeWindow w = window();
        windowLabel.setText(Fx.window(w));
        FeaturesService svc = workspace().analytics().features();
        CompletableFuture<FeatureComparison> comparison = svc.comparison(w, scope);
        CompletableFuture<List<ViewTotals>> viewTotals = svc.totals(w, scope);
        track(profilePane.bind(comparison, this::showProfile, FeatureComparison::isEmpty, this::activate));
        track(importancePane.bind(comparison, this::showImportance, c -> c.importance().isEmpty(), this::activate));
        track(totalsPane.bind(viewTotals, this::showTotals, l -> l.stream().allMatch(t -> t.windows() == 0), this::activate));
        CompletableFuture<Object[]> kpis = comparison.thenCombine(viewTotals, (c, t) -> new Object[] {c, t});
        track(kpiPane.bind(kpis, this::showKpis, k -> false, this::activate));
    }

    @SuppressWarnings("unchecked")
    private void showKpis(Object[] k) {
        FeatureComparison c = (FeatureComparison) k[0];
        List<ViewTotals> t = (List<ViewTotals>) k[1];
        humanCard.set(Fx.count(c.humanWindows()));
        botCard.set(Fx.count(c.botWindows()));
        aiCard.set(Fx.count(t.get(0).windows()));
        thesisCard.set(Fx.count(t.get(1).windows()));
    }

    private void showProfile(FeatureComparison c) {
        rawProfile.clear();
        c.profile().forEach(p -> rawProfile.put(p.feature(), p));
        Charts.refill(profileData, d -> {
            d.clear();
            for (ProfileRow p : c.profile()) {
                d.addValue(scaled(p.human(), p.scale()), HUMAN, p.feature());
                d.addValue(scaled(p.bot(), p.scale()), BOT, p.feature());
            }
        });
    }

    private static Double scaled(double v, double scale) {
        return Double.isNaN(v) ? null : v / scale;
    }

    private String profileTip(String group, String feature) {
        ProfileRow p = rawProfile.get(feature);
        if (p == null) return feature;
        double v = group.equals(HUMAN) ? p.human() : p.bot();
        return group + ", " + feature + ": average " + Fx.decimal(v, 4) + "  (human " + Fx.decimal(p.human(), 4)
                + ", bot " + Fx.decimal(p.bot(), 4) + ")";
    }

    private void showImportance(FeatureComparison c) {
        rawImportance.clear();
        c.importance().forEach(i -> rawImportance.put(i.feature(), i));
        Charts.refill(importanceData, d -> {
            d.clear();
            for (Importance i : c.importance()) d.addValue(i.effectSize(), "|d|", i.feature());
        });
        importanceNote.setText("Importance = |mean(bot) − mean(human)| / pooled SD (Cohen's d), so features on different"
                + " scales compare; the predecessor ranked raw variances. 0.2 small, 0.5 medium, 0.8 large."
                + (c.undefinedImportance().isEmpty() ? "" : " Undefined (no spread): " + String.join(", ", c.undefinedImportance()) + "."));
    }

    private String importanceTip(String feature) {
        Importance i = rawImportance.get(feature);
        if (i == null) return feature;
        return feature + ": |d| = " + Fx.decimal(i.effectSize(), 3) + "  (human mean " + Fx.decimal(i.humanMean(), 4)
                + ", bot mean " + Fx.decimal(i.botMean(), 4) + ")";
    }

    private void showTotals(List<ViewTotals> t) {
        List<TotalsRow> rows = new ArrayList<>();
        rows.add(new TotalsRow("windows (rows)", Fx.count(t.get(0).windows()), Fx.count(t.get(1).windows())));
        for (String f : FeaturesService.PROFILE_FEATURES) {
            rows.add(new TotalsRow("avg " + f, avg(t.get(0), f), avg(t.get(1), f)));
        }
        totals.getItems().setAll(rows);
    }

    private static String avg(ViewTotals t, String feature) {
        Double v = t.averages().get(feature);
        return v == null || v.isNaN() ? "–" : Fx.decimal(v, 3);
    }

    private static <R> javafx.scene.control.TableColumn<R, String> numeric(javafx.scene.control.TableColumn<R, String> c) {
        c.getStyleClass().add("numeric");
        return c;
    }

    record TotalsRow(String feature, String ai, String thesis) {
    }

    // for tests
    public LoadPane profilePane() {
        return profilePane;
    }

    public LoadPane importancePane() {
        return importancePane;
    }

    public LoadPane totalsPane() {
        return totalsPane;
    }

    public DefaultCategoryDataset profileData() {
        return profileData;
    }

    public DefaultCategoryDataset importanceData() {
        return importanceData;
    }
}
