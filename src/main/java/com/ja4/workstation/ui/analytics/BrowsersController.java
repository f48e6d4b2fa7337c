package com.ja4.workstation.ui.analytics;

import com.ja4.workstation.domain.Ja4;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.analytics.FamilyJa4;
import com.ja4.workstation.domain.analytics.FamilyRow;
import com.ja4.workstation.domain.table.TableFilter;
import com.ja4.workstation.service.analytics.BrowsersService;
import com.ja4.workstation.service.query.QueryScope;
import com.ja4.workstation.ui.common.Charts;
import com.ja4.workstation.ui.common.Fx;
import com.ja4.workstation.ui.common.LoadPane;
import com.ja4.workstation.ui.overview.KpiCard;
import com.ja4.workstation.ui.shell.ViewController;
import com.ja4.workstation.ui.table.Tables;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Browsers (DESIGN 3.9): sessions, unique IPs and hits per browser family (chart + table),
 * sessions with neither a browser family nor a bot name, and the top 5 JA4s of each family.
 */
public final class BrowsersController extends ViewController {

    @FXML private Label windowLabel;
    @FXML private StackPane kpiHost;
    @FXML private StackPane chartHost;
    @FXML private StackPane familiesHost;
    @FXML private StackPane topJa4Host;

    private final DefaultCategoryDataset familyData = new DefaultCategoryDataset();
    private final TableView<FamilyRow> families = new TableView<>();
    private final TableView<FamilyJa4> topJa4 = new TableView<>();
    private KpiCard familyCard, knownCard, unknownCard;
    private LoadPane kpiPane, chartPane, familiesPane, topJa4Pane;

    @FXML
    private void initialize() {
        familyCard = new KpiCard("Browser families", "kpi-neutral", null);
        knownCard = new KpiCard("Sessions with a browser family", "kpi-legit", null);
        unknownCard = new KpiCard("Unknown sessions (no family, no bot name)", "kpi-high", null);
        kpiPane = LoadPane.in(kpiHost, new FlowPane(12, 12, familyCard, knownCard, unknownCard));

        org.jfree.chart.fx.ChartViewer chart = Charts.viewer(Charts.seriesBars(familyData, "Count", false, true, null));
        chart.addChartMouseListener(new org.jfree.chart.fx.interaction.ChartMouseListenerFX() {
            @Override
            public void chartMouseClicked(org.jfree.chart.fx.interaction.ChartMouseEventFX e) {
                if (e.getEntity() instanceof org.jfree.chart.entity.CategoryItemEntity item) openFamily(String.valueOf(item.getColumnKey()));
            }

            @Override
            public void chartMouseMoved(org.jfree.chart.fx.interaction.ChartMouseEventFX e) {
            }
        });
        chartPane = LoadPane.in(chartHost, chart);

        families.getColumns().setAll(List.of(
                Tables.text("Browser family", FamilyRow::family, 200),
                Tables.count("Sessions", FamilyRow::sessions, 100),
                Tables.count("Unique IPs", FamilyRow::uniqueIps, 100),
                Tables.count("Hits", FamilyRow::hits, 100)));
        Tables.rowAction(families, "Open scored windows of this family", r -> openFamily(r.family()),
                r -> String.join("\t", r.family(), String.valueOf(r.sessions()), String.valueOf(r.uniqueIps()), String.valueOf(r.hits())));
        Tables.fitRows(families, 4, 10);
        familiesPane = LoadPane.in(familiesHost, families);

        topJa4.getColumns().setAll(List.of(
                Tables.text("Browser family", FamilyJa4::family, 150),
                Tables.count("Rank", r -> (long) r.rank(), 60),
                Tables.text("JA4", FamilyJa4::ja4, 300),
                Tables.text("Decoded", r -> Ja4.parse(r.ja4()).summary(), 330),
                Tables.count("Sessions", FamilyJa4::sessions, 100)));
        Tables.rowAction(topJa4, "Open detections with this JA4", r -> model().openDetections(TableFilter.of(TableFilter.JA4, r.ja4())),
                r -> String.join("\t", r.family(), String.valueOf(r.rank()), r.ja4(), String.valueOf(r.sessions())));
        Tables.fitRows(topJa4, 4, 20);
        topJa4Pane = LoadPane.in(topJa4Host, topJa4);
    }


    @Override
    protected void load(QueryScope scope) {
        TimeWindow w = window();
        windowLabel.setText(Fx.window(w));
        BrowsersService svc = workspace().analytics().browsers();
        CompletableFuture<List<FamilyRow>> fams = svc.families(w, scope);
        CompletableFuture<Long> unknown = svc.unknownSessions(w, scope);
        track(chartPane.bind(fams, this::showChart, List::isEmpty, this::activate));
        track(familiesPane.bind(fams, families.getItems()::setAll, List::isEmpty, this::activate));
        track(topJa4Pane.bind(svc.topJa4PerFamily(w, scope), topJa4.getItems()::setAll, List::isEmpty, this::activate));
        track(kpiPane.bind(fams.thenCombine(unknown, Kpis::new), this::showKpis, k -> k.families().isEmpty() && k.unknown() == 0,
                this::activate));
    }

    private record Kpis(List<FamilyRow> families, long unknown) {
    }

    private void showKpis(Kpis k) {
        familyCard.set(Fx.count(k.families().size()));
        knownCard.set(Fx.count(k.families().stream().mapToLong(FamilyRow::sessions).sum()));
        unknownCard.set(Fx.count(k.unknown()));
    }

    private void showChart(List<FamilyRow> rows) {
        Charts.refill(familyData, d -> {
            d.clear();
            for (FamilyRow r : rows) {
                d.addValue(r.sessions(), "Sessions", r.family());
                d.addValue(r.uniqueIps(), "Unique IPs", r.family());
            }
        });
    }

    /** Opens Scores filtered on a browser family (a bar or a row of the families table). */
    void openFamily(String family) {
        model().openScores(TableFilter.of(TableFilter.BROWSER, family));
    }

    public TableView<FamilyRow> familiesTable() {
        return families;
    }

    // for tests
    public LoadPane chartPane() {
        return chartPane;
    }

    public LoadPane kpiPane() {
        return kpiPane;
    }

    public LoadPane topJa4Pane() {
        return topJa4Pane;
    }

    public DefaultCategoryDataset familyData() {
        return familyData;
    }

    public String unknownText() {
        return unknownCard.text();
    }
}
