package com.ja4.workstation.ui.cluster;

import com.ja4.workstation.service.cluster.RunBaseline;
import java.io.File;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * "Compare with…" under the run controls: a menu (the previous run, the window before, a run file,
 * no comparison), the comparison's progress and Cancel, and its outcome in one line.
 */
final class ComparisonBar extends HBox {

    /** @param window the window a file chooser belongs to */
    ComparisonBar(ClusterComparisonModel model, Supplier<Window> window) {
        super(8);
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("comparison-bar");

        MenuItem previous = new MenuItem("The previous run of this source");
        previous.setId("comparePrevious");
        previous.disableProperty().bind(model.canComparePreviousProperty().not());
        previous.setOnAction(e -> model.compareWith(RunBaseline.PREVIOUS_RUN));
        MenuItem before = new MenuItem();
        before.setId("compareWindowBefore");
        before.textProperty().bind(model.windowBeforeProperty().map(w -> w.isEmpty() ? "The window before"
                : "The window before (" + w + ")"));
        before.setOnAction(e -> model.compareWith(RunBaseline.WINDOW_BEFORE));
        MenuItem file = new MenuItem("A run file (JSON from cluster --out)…");
        file.setId("compareFile");
        file.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setTitle("Compare with a clustering run");
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Clustering run (JSON)", "*.json"));
            File f = fc.showOpenDialog(window.get());
            if (f != null) model.compareWith(new RunBaseline.RunFile(f.toPath()));
        });
        MenuItem none = new MenuItem("No comparison");
        none.setId("compareNone");
        none.disableProperty().bind(model.baselineProperty().isNull());
        none.setOnAction(e -> model.clear());
        MenuButton menu = new MenuButton("Compare with…", null, previous, before, file, new SeparatorMenuItem(), none);
        menu.setId("compareMenu");
        menu.setTooltip(new Tooltip("Show what changed since an earlier run: new, vanished, grown and shrunk clusters, and IPs"
                + " that moved into bots (cards, graph outlines, the Changes tab)"));

        ProgressBar progress = new ProgressBar();
        progress.setPrefWidth(120);
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.runningProperty());
        progress.managedProperty().bind(model.runningProperty());
        Button cancel = new Button("Cancel comparison");
        cancel.getStyleClass().add("small");
        cancel.visibleProperty().bind(model.runningProperty());
        cancel.managedProperty().bind(model.runningProperty());
        cancel.setOnAction(e -> model.cancel());
        Label status = new Label();
        status.setId("comparisonStatus");
        status.textProperty().bind(model.statusProperty());
        status.getStyleClass().add("comparison-status");
        model.failedProperty().addListener((o, a, failed) -> {
            status.getStyleClass().remove("error-text");
            if (failed) status.getStyleClass().add("error-text");
        });
        getChildren().setAll(menu, progress, cancel, status);
    }
}
