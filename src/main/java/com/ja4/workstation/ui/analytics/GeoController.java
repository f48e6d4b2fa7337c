package com.ja4.workstation.ui.analytics;

import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.analytics.AsnRow;
import com.ja4.workstation.domain.analytics.CountryLabel;
import com.ja4.workstation.domain.analytics.CountryRow;
import com.ja4.workstation.domain.table.TableFilter;
import com.ja4.workstation.service.analytics.GeoService;
import com.ja4.workstation.service.analytics.GeoService.CountryBreakdown;
import com.ja4.workstation.service.query.QueryScope;
import com.ja4.workstation.ui.common.Charts;
import com.ja4.workstation.ui.common.Fx;
import com.ja4.workstation.ui.common.LoadPane;
import com.ja4.workstation.ui.shell.ViewController;
import com.ja4.workstation.ui.table.Tables;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import org.jfree.chart.entity.CategoryItemEntity;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.ChartMouseEventFX;
import org.jfree.chart.fx.interaction.ChartMouseListenerFX;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Geo (DESIGN 3.7): sessions and hits per country stacked by ASN label (top countries and an
 * "Others" bucket; a click opens the country's detections), every country with its counts, and
 * the top 50 ASNs.
 */
public final class GeoController extends ViewController {

    @FXML private Label windowLabel;
    @FXML private Label countriesNote;
    @FXML private StackPane sessionsHost;
    @FXML private StackPane hitsHost;
    @FXML private StackPane asnHost;
    @FXML private StackPane countryHost;

    private final DefaultCategoryDataset sessionsData = new DefaultCategoryDataset();
    private final DefaultCategoryDataset hitsData = new DefaultCategoryDataset();
    private final TableView<AsnRow> asns = new TableView<>();
    private final TableView<CountryRow> countryRows = new TableView<>();
    private LoadPane sessionsPane, hitsPane, asnPane, countryPane;

    @FXML
    private void initialize() {
        sessionsPane = LoadPane.in(sessionsHost, countryChart(sessionsData, "Sessions (1 h windows)"));
        hitsPane = LoadPane.in(hitsHost, countryChart(hitsData, "Hits"));
        asns.getColumns().setAll(List.of(
                Tables.text("ASN organisation", AsnRow::asnOrg, 300),
                Tables.text("ASN label", AsnRow::asnLabel, 110),
                Tables.text("Country", AsnRow::countryCode, 80),
                Tables.count("Sessions", AsnRow::sessions, 100),
                Tables.count("Unique IPs", AsnRow::uniqueIps, 100),
                Tables.count("Hits", AsnRow::hits, 110),
                Tables.decimal("Avg velocity (hits/s)", AsnRow::avgVelocity, 3, 150),
                Tables.decimal("Avg fuzzing", AsnRow::avgFuzzing, 3, 110)));
        Tables.rowAction(asns, "Open detections of this ASN", a -> model().openDetections(TableFilter.of(TableFilter.ASN_ORG, a.asnOrg())),
                a -> String.join("\t", a.asnOrg(), a.asnLabel(), a.countryCode(), String.valueOf(a.sessions()),
                        String.valueOf(a.uniqueIps()), String.valueOf(a.hits()), String.valueOf(a.avgVelocity()), String.valueOf(a.avgFuzzing())));
        asns.setFixedCellSize(26);
        asns.setPrefHeight(26 * 16 + 32);
        asns.setPlaceholder(new Label(""));
        asns.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        asnPane = LoadPane.in(asnHost, asns);
        countryRows.getColumns().setAll(List.of(
                Tables.text("Country", CountryRow::countryCode, 120),
                Tables.count("Sessions", CountryRow::sessions, 120),
                Tables.count("Hits", CountryRow::hits, 120),
                Tables.count("Unique IPs", CountryRow::uniqueIps, 120),
                Tables.count("Detections", CountryRow::detections, 120)));
        Tables.rowAction(countryRows, "Open detections of this country", c -> openCountry(c.countryCode()),
                c -> String.join("\t", c.countryCode(), String.valueOf(c.sessions()), String.valueOf(c.hits()),
                        String.valueOf(c.uniqueIps()), String.valueOf(c.detections())));
        Tables.fitRows(countryRows, 3, 400); // every country, no inner scroll: the view scrolls
        countryPane = LoadPane.in(countryHost, countryRows);
    }

    private ChartViewer countryChart(DefaultCategoryDataset data, String valueLabel) {
        ChartViewer v = Charts.viewer(Charts.seriesBars(data, valueLabel, true, true, null));
        v.addChartMouseListener(new ChartMouseListenerFX() {
            @Override
            public void chartMouseClicked(ChartMouseEventFX e) {
                if (e.getEntity() instanceof CategoryItemEntity item) openCountry(String.valueOf(item.getColumnKey()));
            }

            @Override
            public void chartMouseMoved(ChartMouseEventFX e) {
            }
        });
        return v;
    }

    /** Opens Detections filtered on a country; the "Others" bucket is not a country. */
    void openCountry(String country) {
        if (!GeoService.OTHERS.equals(country)) model().openDetections(TableFilter.of(TableFilter.COUNTRY, country));
    }


    @Override
    protected void load(QueryScope scope) {
        TimeWindow w = window();
        windowLabel.setText(Fx.window(w));
        GeoService svc = workspace().analytics().geo();
        CompletableFuture<CountryBreakdown> countries = svc.countries(w, scope);
        track(sessionsPane.bind(countries, b -> fill(sessionsData, b, true), CountryBreakdown::isEmpty, this::activate));
        track(hitsPane.bind(countries, b -> fill(hitsData, b, false), CountryBreakdown::isEmpty, this::activate));
        track(asnPane.bind(svc.topAsns(w, scope), asns.getItems()::setAll, List::isEmpty, this::activate));
        track(countryPane.bind(svc.countryTable(w, scope), countryRows.getItems()::setAll, List::isEmpty, this::activate));
    }

    private void fill(DefaultCategoryDataset data, CountryBreakdown b, boolean sessions) {
        Charts.refill(data, d -> {
            d.clear();
            // every (label, country) cell exists so stacks line up; zero where a label is absent
            for (String label : b.labels()) for (String c : b.countries()) d.addValue(0, label, c);
            for (CountryLabel cell : b.cells()) d.setValue(sessions ? cell.sessions() : cell.hits(), cell.asnLabel(), cell.countryCode());
        });
        int others = b.countryCount() - (int) b.countries().stream().filter(c -> !c.equals(GeoService.OTHERS)).count();
        countriesNote.setText(b.countryCount() + " countries; the top " + (b.countryCount() - others) + " by sessions"
                + (others > 0 ? ", the other " + others + " summed in \"Others\"" : "") + ". Click a bar to open its detections.");
    }

    // for tests
    public LoadPane sessionsPane() {
        return sessionsPane;
    }

    public LoadPane asnPane() {
        return asnPane;
    }

    public DefaultCategoryDataset sessionsData() {
        return sessionsData;
    }

    public DefaultCategoryDataset hitsData() {
        return hitsData;
    }

    public TableView<AsnRow> asnTable() {
        return asns;
    }

}
