package com.ja4.workstation.ui.analytics;

import com.ja4.workstation.service.analytics.HeatmapService;
import com.ja4.workstation.service.analytics.HeatmapService.Grid;
import com.ja4.workstation.service.query.QueryScope;
import com.ja4.workstation.ui.common.Fx;
import com.ja4.workstation.ui.common.LoadPane;
import com.ja4.workstation.ui.shell.ViewController;
import java.io.File;
import java.io.IOException;
import javafx.embed.swing.SwingFXUtils;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
import javax.imageio.ImageIO;

/** Heatmap (DESIGN 3.11): HTTP requests by day of week x hour over the 7 days before the as-of time. */
public final class HeatmapController extends ViewController {

    @FXML private Label windowLabel;
    @FXML private Label totalLabel;
    @FXML private Label hoverLabel;
    @FXML private Button exportButton;
    @FXML private StackPane heatmapHost;

    private final HeatmapCanvas heatmap = new HeatmapCanvas();
    private LoadPane pane;
    private Grid grid;

    @FXML
    private void initialize() {
        pane = new LoadPane(heatmap);
        heatmapHost.getChildren().add(pane);
        hoverLabel.textProperty().bind(heatmap.hoverTextProperty());
        exportButton.setOnAction(e -> exportPng());
        exportButton.disableProperty().bind(heatmap.visibleProperty().not());
    }


    @Override
    protected void load(QueryScope scope) {
        var w = window().lastDays(HeatmapService.DAYS);
        windowLabel.setText(Fx.MINUTE.format(w.from()) + " → " + Fx.MINUTE.format(w.asOf()) + " UTC  (7 days before the as-of time)");
        totalLabel.setText("");
        track(pane.bind(workspace().heatmap().grid(window(), scope), g -> {
            grid = g;
            heatmap.setCounts(g.counts());
            totalLabel.setText(g.total() == 0 ? "" : Fx.count(g.total()) + " requests, busiest hour " + Fx.count(g.max()));
        }, g -> g.total() == 0, this::activate));
    }

    private void exportPng() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Export heatmap as PNG");
        fc.setInitialFileName("heatmap.png");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        File f = fc.showSaveDialog(heatmapHost.getScene().getWindow());
        if (f == null) return;
        try {
            writePng(f);
        } catch (IOException ex) {
            new Alert(Alert.AlertType.ERROR, "Cannot write " + f + ": " + ex.getMessage()).show();
        }
    }

    /** Writes the heatmap (grid, labels and legend) as it is drawn. */
    public void writePng(File f) throws IOException {
        var image = heatmap.snapshot(null, null);
        if (!ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", f)) throw new IOException("no PNG writer");
    }

    public LoadPane pane() {
        return pane;
    }

    public HeatmapCanvas heatmap() {
        return heatmap;
    }

    public Grid grid() {
        return grid;
    }
}
