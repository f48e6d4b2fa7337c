package com.ja4.workstation.ui.scores;

import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.table.Score;
import com.ja4.workstation.domain.table.SortOrder;
import com.ja4.workstation.domain.table.TableFilter;
import com.ja4.workstation.service.query.QueryScope;
import com.ja4.workstation.ui.common.Fx;
import com.ja4.workstation.ui.common.table.ColumnDef;
import com.ja4.workstation.ui.common.table.ColumnDef.Kind;
import com.ja4.workstation.ui.common.table.Facets;
import com.ja4.workstation.ui.common.table.PagedTablePane;
import com.ja4.workstation.ui.shell.AppModel;
import com.ja4.workstation.ui.shell.ViewController;
import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;

/** Scores (DESIGN 3.3): ml_all_scores, every scored window, paged, sorted and filtered in the database. */
public final class ScoresController extends ViewController {


    @FXML private BorderPane root;
    @FXML private Label windowLabel;
    @FXML private ComboBox<String> threatBox;
    @FXML private TextField searchField;
    @FXML private ComboBox<String> asnBox;
    @FXML private ComboBox<String> countryBox;
    @FXML private TextField ja4Field;
    @FXML private ComboBox<String> browserBox;

    private PagedTablePane<Score, TableFilter> tablePane;
    private TableFilter filter = TableFilter.NONE;
    private boolean filling;

    @FXML
    private void initialize() {
        Facets.threatChoices(threatBox);
        threatBox.setOnAction(e -> {
            if (!filling) applyFilters();
        });
        tablePane = new PagedTablePane<>("scored windows", columns(), SortOrder.descending("detected_at"));
        root.setCenter(tablePane);
    }

    @Override
    protected void onInit() {
        AppModel model = model();
        tablePane.bind(() -> workspace().scores(), this::window, this::scope, model.tasks(), this::showFilter);
        tablePane.enableOpenIp(Score::ip, model::openIp);
        tablePane.enableLookUpJa4(Score::ja4, model::lookUpJa4);
    }


    @Override
    protected void load(QueryScope scope) {
        TimeWindow w = window();
        windowLabel.setText(Fx.window(w));
        track(tablePane.load(filter));
        var t = workspace().scores();
        track(Facets.fill(scope, w, t, "asn_org", asnBox));
        track(Facets.fill(scope, w, t, "country_code", countryBox));
        track(Facets.fill(scope, w, t, "browser_family", browserBox));
    }

    /** Sets the filter without querying; the next activation loads it (navigation from other views). */
    public void presetFilter(TableFilter f) {
        filter = f;
        fillFields(f);
    }

    /** Shows the view filtered on the given values (context menu, Clear). */
    public void showFilter(TableFilter f) {
        presetFilter(f);
        if (workspace() != null && window() != null) track(tablePane.load(filter));
    }

    public TableFilter filter() {
        return filter;
    }

    public PagedTablePane<Score, TableFilter> tablePane() {
        return tablePane;
    }

    private void fillFields(TableFilter f) {
        filling = true;
        Facets.showThreat(threatBox, f.get(TableFilter.THREAT));
        searchField.setText(f.get(TableFilter.SEARCH));
        asnBox.setValue(f.get(TableFilter.ASN_ORG));
        countryBox.setValue(f.get(TableFilter.COUNTRY));
        ja4Field.setText(f.get(TableFilter.JA4));
        browserBox.setValue(f.get(TableFilter.BROWSER));
        filling = false;
    }

    @FXML
    private void applyFilters() {
        TableFilter f = TableFilter.NONE.with(TableFilter.THREAT, Facets.threat(threatBox)).with(TableFilter.SEARCH, searchField.getText()).with(TableFilter.ASN_ORG, Facets.text(asnBox)).with(TableFilter.COUNTRY, Facets.text(countryBox)).with(TableFilter.JA4, ja4Field.getText()).with(TableFilter.BROWSER, Facets.text(browserBox));
        if (f.equals(filter) && tablePane.total() > 0) return;
        filter = f;
        if (workspace() != null) track(tablePane.load(filter));
    }

    @FXML
    private void clearFilters() {
        showFilter(TableFilter.NONE);
    }

    private static List<ColumnDef<Score, TableFilter>> columns() {
        return List.of(
                ColumnDef.of(Kind.TIME, "Scored at (UTC)", "detected_at", Score::detectedAt, 150),
                ColumnDef.of(Kind.TIME, "Window (UTC)", "window_start", Score::windowStart, 150),
                ColumnDef.text("IP", "src_ip", Score::ip, 150, (f, v) -> f.with(TableFilter.SEARCH, v)),
                new ColumnDef<>("Threat", "threat_level", Score::threatLevel, 165, Kind.THREAT, (f, v) -> f.with(TableFilter.THREAT, v)),
                ColumnDef.text("OS (TCP)", null, Score::os, 190, null),
                ColumnDef.of(Kind.DECIMAL, "Score", "anomaly_score", Score::anomalyScore, 70),
                ColumnDef.of(Kind.DECIMAL, "Raw score", "raw_anomaly_score", Score::rawAnomalyScore, 80),
                ColumnDef.of(Kind.DECIMAL, "XGB prob.", "xgb_prob", Score::xgbProb, 85),
                ColumnDef.of(Kind.DECIMAL, "AE error", "ae_recon_error", Score::aeReconError, 75),
                ColumnDef.text("Host", "host", Score::host, 150, (f, v) -> f.with(TableFilter.SEARCH, v)),
                ColumnDef.text("JA4", "ja4", Score::ja4, 260, (f, v) -> f.with(TableFilter.JA4, v)),
                ColumnDef.of(Kind.NUMBER, "Hits", "hits", Score::hits, 70),
                ColumnDef.of(Kind.DECIMAL, "Velocity", "hit_velocity", Score::hitVelocity, 80),
                ColumnDef.text("ASN organisation", "asn_org", Score::asnOrg, 180, (f, v) -> f.with(TableFilter.ASN_ORG, v)),
                ColumnDef.text("Country", "country_code", Score::countryCode, 70, (f, v) -> f.with(TableFilter.COUNTRY, v)),
                ColumnDef.text("Browser", "browser_family", Score::browserFamily, 90, (f, v) -> f.with(TableFilter.BROWSER, v)),
                ColumnDef.of(Kind.NUMBER, "Known browser", "is_known_browser", Score::isKnownBrowser, 100),
                ColumnDef.of(Kind.NUMBER, "Consistency", "browser_consistency_score", Score::browserConsistencyScore, 90),
                ColumnDef.text("Model", "model_name", Score::modelName, 110, null));
    }
}
