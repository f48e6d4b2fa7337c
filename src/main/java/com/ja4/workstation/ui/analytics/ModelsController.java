package com.ja4.workstation.ui.analytics;

import com.ja4.workstation.ui.common.SafeText;
import com.ja4.workstation.domain.analytics.ModelScoring;
import com.ja4.workstation.service.analytics.ModelFile;
import com.ja4.workstation.service.analytics.ModelsService;
import com.ja4.workstation.service.analytics.ModelsService.ModelRow;
import com.ja4.workstation.service.query.QueryScope;
import com.ja4.workstation.ui.common.Charts;
import com.ja4.workstation.ui.common.Fx;
import com.ja4.workstation.ui.common.LoadPane;
import com.ja4.workstation.ui.shell.ViewController;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Models (DESIGN 3.12): the metadata file of each model (malformed files listed with their
 * error), every field of the selected one, and scoring over the 7 days before the as-of time.
 */
public final class ModelsController extends ViewController {

    @FXML private Label windowLabel;
    @FXML private Label folderLabel;
    @FXML private StackPane tableHost;
    @FXML private StackPane detailHost;
    @FXML private StackPane scoringHost;
    @FXML private Label detailTitle;

    private final TableView<ModelRow> table = new TableView<>();
    private final TableView<Map.Entry<String, String>> details = new TableView<>();
    private final DefaultCategoryDataset scoringData = new DefaultCategoryDataset();
    private LoadPane tablePane, scoringPane;

    @FXML
    private void initialize() {
        buildTable();
        buildDetails();
        tablePane = new LoadPane(table);
        tableHost.getChildren().add(tablePane);
        detailHost.getChildren().add(details);
        scoringPane = new LoadPane(Charts.viewer(Charts.bars(scoringData, "Scored windows", true, null)));
        scoringHost.getChildren().add(scoringPane);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> showDetails(row));
    }


    @Override
    protected void load(QueryScope scope) {
        ModelsService svc = workspace().models();
        var w7 = window().lastDays(ModelsService.DAYS);
        windowLabel.setText("scoring " + Fx.MINUTE.format(w7.from()) + " → " + Fx.MINUTE.format(w7.asOf()) + " UTC (7 days before the as-of time)");
        folderLabel.setText("Metadata folder: " + SafeText.cell(svc.folder().toAbsolutePath()));
        var files = svc.files(scope);
        var scoring = svc.scoring(window(), scope);
        // the table shows the files even when the scoring query fails (its error shows in the chart)
        var rows = files.thenCombine(scoring.handle((s, e) -> e == null ? s : List.<ModelScoring>of()), ModelsService::join);
        track(tablePane.bind(rows, r -> {
            table.getItems().setAll(r);
            if (!r.isEmpty()) table.getSelectionModel().select(0);
        }, List::isEmpty, this::activate));
        track(scoringPane.bind(scoring, this::showScoring, List::isEmpty, this::activate));
    }

    private void showScoring(List<ModelScoring> rows) {
        Charts.refill(scoringData, d -> {
            d.clear();
            rows.forEach(r -> d.addValue(r.scored(), "scored", r.modelName()));
        });
    }

    private void showDetails(ModelRow row) {
        details.getItems().clear();
        if (row == null) {
            detailTitle.setText("Select a model");
            return;
        }
        detailTitle.setText(SafeText.cell(row.name()) + row.file().map(f -> " — " + SafeText.cell(f.fileName())).orElse(" — no metadata file"));
        List<Map.Entry<String, String>> kv = new ArrayList<>();
        row.file().ifPresent(f -> {
            kv.add(Map.entry("file", f.file().toAbsolutePath().toString()));
            f.error().ifPresent(e -> kv.add(Map.entry("error", e)));
            kv.addAll(f.details().entrySet());
        });
        row.scoring().ifPresent(s -> {
            kv.add(Map.entry("scored (7 days)", Fx.count(s.scored())));
            kv.add(Map.entry("first seen", Fx.time(s.firstSeen()) + " UTC"));
            kv.add(Map.entry("last seen", Fx.time(s.lastSeen()) + " UTC"));
        });
        details.getItems().setAll(kv);
    }

    private void buildTable() {
        TableColumn<ModelRow, String> name = col("Model", ModelRow::name, 125);
        TableColumn<ModelRow, String> status = col("Status", r -> r.file().map(f -> f.error().map(e -> "⚠ " + e).orElse("ok"))
                .orElse("no metadata file"), 170);
        status.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("model-error", "model-missing");
                SafeText.show(this, empty ? null : item, true); // model files are files from elsewhere
                if (!empty && item != null && item.startsWith("⚠")) getStyleClass().add("model-error");
                if (!empty && "no metadata file".equals(item)) getStyleClass().add("model-missing");
            }
        });
        TableColumn<ModelRow, String> scored = col("Scored, 7 d", r -> Fx.count(r.scored()), 100);
        scored.getStyleClass().add("numeric");
        TableColumn<ModelRow, String> features = col("Features", r -> r.file().filter(ModelFile::ok).map(f -> String.valueOf(f.features().size())).orElse(""), 75);
        features.getStyleClass().add("numeric");
        table.getColumns().setAll(List.of(name,
                col("Algorithm", r -> file(r, ModelFile::algorithm), 170),
                col("Trained at", r -> file(r, ModelFile::trainedAt), 170),
                features,
                col("Metrics", r -> r.file().map(f -> f.metrics().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(" · "))).orElse(""), 240),
                scored,
                col("First seen", r -> r.scoring().map(s -> Fx.MINUTE.format(s.firstSeen())).orElse(""), 135),
                col("Last seen", r -> r.scoring().map(s -> Fx.MINUTE.format(s.lastSeen())).orElse(""), 135),
                status));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setFixedCellSize(28);
        table.setPrefHeight(28 * 7 + 32);
        table.setPlaceholder(new Label("No model files and no scoring"));
    }

    private void buildDetails() {
        TableColumn<Map.Entry<String, String>, String> k = new TableColumn<>("Field");
        k.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().getKey()));
        k.setPrefWidth(220);
        TableColumn<Map.Entry<String, String>, String> v = new TableColumn<>("Value");
        v.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().getValue()));
        v.setPrefWidth(600);
        v.setCellFactory(col -> tipCell());
        details.getColumns().setAll(List.of(k, v));
        details.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        details.setPrefHeight(420);
        details.setPlaceholder(new Label("Select a model"));
    }

    /** A text cell whose tooltip holds the whole value (metrics, algorithm and feature lists are long). */
    private static <S> TableCell<S, String> tipCell() {
        return new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                SafeText.show(this, empty ? null : item, true);
            }
        };
    }

    private static String file(ModelRow r, Function<ModelFile, String> f) {
        return r.file().map(f).orElse("");
    }

    private static TableColumn<ModelRow, String> col(String title, Function<ModelRow, String> value, double width) {
        TableColumn<ModelRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        c.setCellFactory(col -> tipCell());
        return c;
    }

    public LoadPane tablePane() {
        return tablePane;
    }

    public LoadPane scoringPane() {
        return scoringPane;
    }

    public TableView<ModelRow> table() {
        return table;
    }

    public TableView<Map.Entry<String, String>> details() {
        return details;
    }
}
