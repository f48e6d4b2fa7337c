package com.ja4.workstation.ui.traffic;

import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.table.HttpLog;
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

/** Traffic (DESIGN 3.4): http_logs paged, sorted and filtered in the database. */
public final class TrafficController extends ViewController {

    private static final String ANY = "Any";

    @FXML private BorderPane root;
    @FXML private Label windowLabel;
    @FXML private ComboBox<String> methodBox;
    @FXML private ComboBox<String> hostBox;
    @FXML private ComboBox<String> versionBox;
    @FXML private TextField searchField;

    private PagedTablePane<HttpLog, TableFilter> tablePane;
    private TableFilter filter = TableFilter.NONE;
    private boolean filling;

    @FXML
    private void initialize() {
        for (ComboBox<String> b : List.of(methodBox, versionBox)) {
            b.getItems().setAll(ANY);
            b.setValue(ANY);
            b.setOnAction(e -> {
                if (!filling) applyFilters();
            });
        }
        tablePane = new PagedTablePane<>("requests", columns(), SortOrder.descending("time"));
        root.setCenter(tablePane);
    }

    @Override
    protected void onInit() {
        AppModel model = model();
        tablePane.bind(() -> workspace().traffic(), this::window, this::scope, model.tasks(), this::showFilter);
        tablePane.enableOpenIp(HttpLog::ip, model::openIp);
        tablePane.enableLookUpJa4(HttpLog::ja4, model::lookUpJa4);
    }


    @Override
    protected void load(QueryScope scope) {
        TimeWindow w = window();
        windowLabel.setText(Fx.window(w));
        track(tablePane.load(filter));
        var t = workspace().traffic();
        track(Facets.fill(scope, w, t, "host", hostBox));
        track(choices(scope, w, "method", methodBox));
        track(choices(scope, w, "http_version", versionBox));
    }

    /** A non-editable choice box: "Any" then the values in the window. */
    private java.util.concurrent.CompletableFuture<?> choices(QueryScope scope, TimeWindow w, String key, ComboBox<String> box) {
        return workspace().traffic().facet(w, key, 50, scope).whenComplete((values, err) -> {
            if (values != null) javafx.application.Platform.runLater(() -> {
                filling = true;
                String current = box.getValue();
                box.getItems().setAll(ANY);
                box.getItems().addAll(values);
                box.setValue(current == null ? ANY : current);
                filling = false;
            });
        }).handle((v, e) -> v);
    }

    public void showFilter(TableFilter f) {
        filter = f;
        fillFields(f);
        if (workspace() != null && window() != null) track(tablePane.load(filter));
    }

    public TableFilter filter() {
        return filter;
    }

    public PagedTablePane<HttpLog, TableFilter> tablePane() {
        return tablePane;
    }

    private void fillFields(TableFilter f) {
        filling = true;
        methodBox.setValue(f.get(TableFilter.METHOD).isEmpty() ? ANY : f.get(TableFilter.METHOD));
        versionBox.setValue(f.get(TableFilter.HTTP_VERSION).isEmpty() ? ANY : f.get(TableFilter.HTTP_VERSION));
        hostBox.setValue(f.get(TableFilter.HOST));
        searchField.setText(f.get(TableFilter.SEARCH));
        filling = false;
    }

    @FXML
    private void applyFilters() {
        TableFilter f = TableFilter.NONE.with(TableFilter.METHOD, any(methodBox.getValue())).with(TableFilter.HOST, Facets.text(hostBox)).with(TableFilter.HTTP_VERSION, any(versionBox.getValue())).with(TableFilter.SEARCH, searchField.getText());
        if (f.equals(filter) && tablePane.total() > 0) return;
        filter = f;
        if (workspace() != null) track(tablePane.load(filter));
    }

    private static String any(String v) {
        return v == null || ANY.equals(v) ? "" : v;
    }

    @FXML
    private void clearFilters() {
        showFilter(TableFilter.NONE);
    }

    private static List<ColumnDef<HttpLog, TableFilter>> columns() {
        return List.of(
                ColumnDef.of(Kind.TIME, "Time (UTC)", "time", HttpLog::time, 150),
                ColumnDef.text("IP", "src_ip", HttpLog::ip, 130, (f, v) -> f.with(TableFilter.SEARCH, v)),
                ColumnDef.of(Kind.TEXT, "Port", "src_port", HttpLog::srcPort, 60),
                ColumnDef.text("Method", "method", HttpLog::method, 70, (f, v) -> f.with(TableFilter.METHOD, v)),
                ColumnDef.text("Host", "host", HttpLog::host, 160, (f, v) -> f.with(TableFilter.HOST, v)),
                ColumnDef.text("Path", "path", HttpLog::path, 260, (f, v) -> f.with(TableFilter.SEARCH, v)),
                ColumnDef.text("HTTP version", "http_version", HttpLog::httpVersion, 95, (f, v) -> f.with(TableFilter.HTTP_VERSION, v)),
                ColumnDef.text("User agent", "header_user_agent", HttpLog::userAgent, 320, (f, v) -> f.with(TableFilter.SEARCH, v)),
                ColumnDef.text("JA4", "ja4", HttpLog::ja4, 250, null),
                ColumnDef.text("Country", "src_country_code", HttpLog::countryCode, 70, null));
    }
}
