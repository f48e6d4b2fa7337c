package com.ja4.workstation.ui.detections;

import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.table.Detection;
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

/** Detections (DESIGN 3.2): ml_detected_anomalies paged, sorted and filtered in the database. */
public final class DetectionsController extends ViewController {

    @FXML private BorderPane root;
    @FXML private Label windowLabel;
    @FXML private ComboBox<String> threatBox;
    @FXML private TextField searchField;
    @FXML private ComboBox<String> asnBox;
    @FXML private ComboBox<String> countryBox;
    @FXML private TextField ja4Field;
    @FXML private ComboBox<String> botBox;
    @FXML private ComboBox<String> browserBox;

    private PagedTablePane<Detection, TableFilter> tablePane;
    private TableFilter filter = TableFilter.NONE;
    private boolean filling;

    @FXML
    private void initialize() {
        Facets.threatChoices(threatBox);
        threatBox.setOnAction(e -> {
            if (!filling) applyFilters();
        });
        tablePane = new PagedTablePane<>("detections", columns(), SortOrder.descending("detected_at"));
        root.setCenter(tablePane);
    }

    @Override
    protected void onInit() {
        AppModel model = model();
        tablePane.bind(() -> workspace().detections(), this::window, this::scope, model.tasks(), this::showFilter);
        tablePane.enableOpenIp(Detection::ip, model::openIp);
        tablePane.enableLookUpJa4(Detection::ja4, model::lookUpJa4);
    }


    @Override
    protected void load(QueryScope scope) {
        TimeWindow w = window();
        windowLabel.setText(Fx.window(w));
        track(tablePane.load(filter));
        loadFacets(scope, w);
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

    private void fillFields(TableFilter f) {
        filling = true;
        Facets.showThreat(threatBox, f.get(TableFilter.THREAT));
        searchField.setText(f.get(TableFilter.SEARCH));
        asnBox.setValue(f.get(TableFilter.ASN_ORG));
        countryBox.setValue(f.get(TableFilter.COUNTRY));
        ja4Field.setText(f.get(TableFilter.JA4));
        botBox.setValue(f.get(TableFilter.BOT));
        browserBox.setValue(f.get(TableFilter.BROWSER));
        filling = false;
    }

    public TableFilter filter() {
        return filter;
    }

    public PagedTablePane<Detection, TableFilter> tablePane() {
        return tablePane;
    }

    @FXML
    private void applyFilters() {
        TableFilter f = TableFilter.NONE.with(TableFilter.THREAT, Facets.threat(threatBox)).with(TableFilter.SEARCH, searchField.getText()).with(TableFilter.ASN_ORG, Facets.text(asnBox)).with(TableFilter.COUNTRY, Facets.text(countryBox)).with(TableFilter.JA4, ja4Field.getText()).with(TableFilter.BOT, Facets.text(botBox)).with(TableFilter.BROWSER, Facets.text(browserBox));
        if (f.equals(filter) && tablePane.total() > 0) return;
        filter = f;
        if (workspace() != null) track(tablePane.load(filter));
    }

    @FXML
    private void clearFilters() {
        showFilter(TableFilter.NONE);
    }

    private void loadFacets(QueryScope scope, TimeWindow w) {
        var table = workspace().detections();
        track(Facets.fill(scope, w, table, "asn_org", asnBox));
        track(Facets.fill(scope, w, table, "country_code", countryBox));
        track(Facets.fill(scope, w, table, "bot_name", botBox));
        track(Facets.fill(scope, w, table, "browser_family", browserBox));
    }

    private static List<ColumnDef<Detection, TableFilter>> columns() {
        return List.of(
                ColumnDef.of(Kind.TIME, "Detected at (UTC)", "detected_at", Detection::detectedAt, 150),
                ColumnDef.text("IP", "src_ip", Detection::ip, 150, (f, v) -> f.with(TableFilter.SEARCH, v)),
                new ColumnDef<>("Threat", "threat_level", Detection::threatLevel, 165, Kind.THREAT, (f, v) -> f.with(TableFilter.THREAT, v)),
                ColumnDef.text("OS (TCP)", null, Detection::os, 190, null),
                ColumnDef.of(Kind.DECIMAL, "Score", "anomaly_score", Detection::anomalyScore, 70),
                ColumnDef.text("Host", "host", Detection::host, 150, (f, v) -> f.with(TableFilter.SEARCH, v)),
                ColumnDef.text("JA4", "ja4", Detection::ja4, 260, (f, v) -> f.with(TableFilter.JA4, v)),
                ColumnDef.of(Kind.NUMBER, "Hits", "hits", Detection::hits, 70),
                ColumnDef.of(Kind.DECIMAL, "Velocity", "hit_velocity", Detection::hitVelocity, 80),
                ColumnDef.of(Kind.DECIMAL, "Fuzzing", "fuzzing_index", Detection::fuzzingIndex, 75),
                ColumnDef.of(Kind.DECIMAL, "POST ratio", "post_ratio", Detection::postRatio, 80),
                ColumnDef.of(Kind.NUMBER, "Recurrence", "recurrence", Detection::recurrence, 85),
                ColumnDef.text("ASN organisation", "asn_org", Detection::asnOrg, 180, (f, v) -> f.with(TableFilter.ASN_ORG, v)),
                ColumnDef.text("Country", "country_code", Detection::countryCode, 70, (f, v) -> f.with(TableFilter.COUNTRY, v)),
                ColumnDef.text("Bot", "bot_name", Detection::botName, 100, (f, v) -> f.with(TableFilter.BOT, v)),
                ColumnDef.text("Browser", "browser_family", Detection::browserFamily, 90, (f, v) -> f.with(TableFilter.BROWSER, v)),
                ColumnDef.text("Model", "model_name", Detection::modelName, 110, null),
                ColumnDef.text("Campaign", "campaign_id", Detection::campaignId, 100, null));
    }
}
