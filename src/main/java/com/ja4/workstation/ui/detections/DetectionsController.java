package com.ja4.workstation.ui.detections;

import com.ja4.workstation.data.detections.DetectionFilter;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.table.Detection;
import com.ja4.workstation.domain.table.SortOrder;
import com.ja4.workstation.service.query.QueryScope;
import com.ja4.workstation.ui.common.Fx;
import com.ja4.workstation.ui.common.table.ColumnDef;
import com.ja4.workstation.ui.common.table.ColumnDef.Kind;
import com.ja4.workstation.ui.common.table.Facets;
import com.ja4.workstation.ui.common.table.PagedTablePane;
import com.ja4.workstation.ui.shell.ViewController;
import com.ja4.workstation.ui.shell.ViewId;
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

    private PagedTablePane<Detection, DetectionFilter> tablePane;
    private DetectionFilter filter = DetectionFilter.NONE;
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
    public void init(com.ja4.workstation.ui.shell.AppModel model) {
        super.init(model);
        tablePane.bind(() -> workspace().detections(), this::window, this::scope, model.tasks(), this::showFilter);
        tablePane.enableOpenIp(Detection::ip, model::openIp);
        tablePane.enableLookUpJa4(Detection::ja4, model::lookUpJa4);
    }

    @Override
    public ViewId id() {
        return ViewId.DETECTIONS;
    }

    @Override
    protected void load(QueryScope scope) {
        TimeWindow w = window();
        windowLabel.setText(Fx.window(w));
        track(tablePane.load(filter));
        loadFacets(scope, w);
    }

    /** Sets the filter without querying; the next activation loads it (navigation from other views). */
    public void presetFilter(DetectionFilter f) {
        filter = f;
        fillFields(f);
    }

    /** Shows the view filtered on the given values (context menu, Clear). */
    public void showFilter(DetectionFilter f) {
        presetFilter(f);
        if (workspace() != null && window() != null) track(tablePane.load(filter));
    }

    private void fillFields(DetectionFilter f) {
        filling = true;
        Facets.showThreat(threatBox, f.threatLevel());
        searchField.setText(f.search());
        asnBox.setValue(f.asnOrg());
        countryBox.setValue(f.countryCode());
        ja4Field.setText(f.ja4());
        botBox.setValue(f.botName());
        browserBox.setValue(f.browserFamily());
        filling = false;
    }

    public DetectionFilter filter() {
        return filter;
    }

    public PagedTablePane<Detection, DetectionFilter> tablePane() {
        return tablePane;
    }

    @FXML
    private void applyFilters() {
        DetectionFilter f = new DetectionFilter(Facets.threat(threatBox), searchField.getText(), Facets.text(asnBox),
                Facets.text(countryBox), ja4Field.getText(), Facets.text(botBox), Facets.text(browserBox));
        if (f.equals(filter) && tablePane.total() > 0) return;
        filter = f;
        if (workspace() != null) track(tablePane.load(filter));
    }

    @FXML
    private void clearFilters() {
        showFilter(DetectionFilter.NONE);
    }

    private void loadFacets(QueryScope scope, TimeWindow w) {
        var table = workspace().detections();
        track(Facets.fill(scope, w, table, "asn_org", asnBox));
        track(Facets.fill(scope, w, table, "country_code", countryBox));
        track(Facets.fill(scope, w, table, "bot_name", botBox));
        track(Facets.fill(scope, w, table, "browser_family", browserBox));
    }

    private static List<ColumnDef<Detection, DetectionFilter>> columns() {
        return List.of(
                ColumnDef.of(Kind.TIME, "Detected at (UTC)", "detected_at", Detection::detectedAt, 150),
                ColumnDef.text("IP", "src_ip", Detection::ip, 150, DetectionFilter::withSearch),
                new ColumnDef<>("Threat", "threat_level", Detection::threatLevel, 165, Kind.THREAT, DetectionFilter::withThreatLevel),
                ColumnDef.text("OS (TCP)", null, Detection::os, 190, null),
                ColumnDef.of(Kind.DECIMAL, "Score", "anomaly_score", Detection::anomalyScore, 70),
                ColumnDef.text("Host", "host", Detection::host, 150, DetectionFilter::withSearch),
                ColumnDef.text("JA4", "ja4", Detection::ja4, 260,
                        (f, v) -> new DetectionFilter(f.threatLevel(), f.search(), f.asnOrg(), f.countryCode(), v, f.botName(), f.browserFamily())),
                ColumnDef.of(Kind.NUMBER, "Hits", "hits", Detection::hits, 70),
                ColumnDef.of(Kind.DECIMAL, "Velocity", "hit_velocity", Detection::hitVelocity, 80),
                ColumnDef.of(Kind.DECIMAL, "Fuzzing", "fuzzing_index", Detection::fuzzingIndex, 75),
                ColumnDef.of(Kind.DECIMAL, "POST ratio", "post_ratio", Detection::postRatio, 80),
                ColumnDef.of(Kind.NUMBER, "Recurrence", "recurrence", Detection::recurrence, 85),
                ColumnDef.text("ASN organisation", "asn_org", Detection::asnOrg, 180,
                        (f, v) -> new DetectionFilter(f.threatLevel(), f.search(), v, f.countryCode(), f.ja4(), f.botName(), f.browserFamily())),
                ColumnDef.text("Country", "country_code", Detection::countryCode, 70,
                        (f, v) -> new DetectionFilter(f.threatLevel(), f.search(), f.asnOrg(), v, f.ja4(), f.botName(), f.browserFamily())),
                ColumnDef.text("Bot", "bot_name", Detection::botName, 100,
                        (f, v) -> new DetectionFilter(f.threatLevel(), f.search(), f.asnOrg(), f.countryCode(), f.ja4(), v, f.browserFamily())),
                ColumnDef.text("Browser", "browser_family", Detection::browserFamily, 90,
                        (f, v) -> new DetectionFilter(f.threatLevel(), f.search(), f.asnOrg(), f.countryCode(), f.ja4(), f.botName(), v)),
                ColumnDef.text("Model", "model_name", Detection::modelName, 110, null),
                ColumnDef.text("Campaign", "campaign_id", Detection::campaignId, 100, null));
    }
}
