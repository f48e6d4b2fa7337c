package com.ja4.workstation.ui.snapshot;

import com.ja4.workstation.domain.ThreatLevel;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.WindowPreset;
import com.ja4.workstation.service.Workspace;
import com.ja4.workstation.service.query.QueryScope;
import com.ja4.workstation.service.session.SessionService;
import com.ja4.workstation.service.session.SessionService.ExportedSnapshot;
import com.ja4.workstation.service.snapshot.SnapshotExporter;
import com.ja4.workstation.ui.common.Fx;
import com.ja4.workstation.ui.task.Task;
import com.ja4.workstation.ui.task.Tasks;
import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.controlsfx.control.CheckComboBox;

/**
 * Export snapshot… (live sources): the current window, optional hosts (comma list) and threat
 * levels, a target file; progress per table, Cancel. The exporter writes a hidden partial file and
 * moves it into place only when complete, so a cancelled or failed export leaves no file.
 */
public final class ExportSnapshotDialog {

    /** Outcome of one export run: the snapshot when written, else the reason (cancelled or failed). */
    public record Outcome(Path target, ExportedSnapshot snapshot, String problem, boolean cancelled) {
        public boolean ok() {
            return snapshot != null;
        }

        public long rows() {
            return snapshot == null ? 0 : snapshot.rows();
        }
    }

    private final Workspace ws;
    private final TimeWindow window;
    private final Tasks tasks;
    private final Consumer<String> status;

    final TextField target = new TextField();
    final TextField hosts = new TextField();
    final CheckComboBox<String> threats = new CheckComboBox<>();
    final Button browse = new Button("Choose…");
    final Button export = new Button("Export");
    final Button cancel = new Button("Cancel");
    final ProgressBar overall = new ProgressBar(0);
    final Label result = new Label();
    /** The progress row of one table: its bar and its "done / expected rows" text. */
    private record TableProgress(ProgressBar bar, Label text) {
        void show(double fraction, String label) {
            bar.setProgress(fraction);
            text.setText(label);
        }
    }

    private final Map<String, TableProgress> tableRows = new LinkedHashMap<>();
    private final VBox root;
    private Stage stage;
    private Task running;

    public ExportSnapshotDialog(Workspace ws, TimeWindow window, Tasks tasks, Consumer<String> status) {
        this.ws = ws;
        this.window = window;
        this.tasks = tasks;
        this.status = status;
        target.setId("target");
        target.setPromptText("snapshot file (.duckdb)");
        target.setPrefColumnCount(32);
        hosts.setId("hosts");
        hosts.setPromptText("all hosts, or e.g. shop.example.com, api.example.com");
        threats.setId("threats");
        threats.getItems().setAll(Arrays.stream(ThreatLevel.values()).map(Enum::name).toList());
        threats.setTitle("all threat levels");
        threats.getCheckModel().getCheckedItems().addListener((javafx.collections.ListChangeListener<String>) c ->
                threats.setTitle(threats.getCheckModel().getCheckedItems().isEmpty() ? "all threat levels"
                        : String.join(", ", threats.getCheckModel().getCheckedItems())));
        export.setId("export");
        cancel.setId("cancel");
        result.setId("result");
        result.setWrapText(true);
        result.setMaxWidth(560);
        result.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        overall.setMaxWidth(Double.MAX_VALUE);
        browse.setOnAction(e -> choose());
        export.setOnAction(e -> start());
        cancel.setOnAction(e -> cancelOrClose());

        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        int r = 0;
        g.addRow(r++, new Label("Source"), new Label(ws.session().describe()));
        g.addRow(r++, new Label("Window"), new Label(WindowPreset.labelOf(window.length()) + " up to "
                + Fx.MINUTE.format(window.asOf()) + " UTC (the window of the main window)"));
        g.addRow(r++, new Label("Hosts"), hosts);
        g.addRow(r++, new Label("Threat levels"), threats);
        g.addRow(r++, new Label("File"), new HBox(8, target, browse));
        GridPane progress = new GridPane();
        progress.setHgap(12);
        progress.setVgap(2);
        int i = 0;
        for (String t : SessionService.snapshotTables()) {
            Label l = new Label("waiting");
            l.getStyleClass().add("muted");
            ProgressBar bar = new ProgressBar(0);
            bar.setPrefWidth(180);
            tableRows.put(t, new TableProgress(bar, l));
            progress.addRow(i++, new Label(t), bar, l);
        }
        root = new VBox(10, g, new HBox(8, export, cancel), overall, progress, result);
        root.setPadding(new Insets(14));
    }

    public Parent content() {
        return root;
    }

    public Stage show(Window owner) {
        stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setTitle("Export snapshot");
        Scene scene = new Scene(root);
        com.ja4.workstation.ui.common.Theme.style(scene);
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> {
            if (running != null) running.cancel();
        });
        stage.show();
        return stage;
    }

    /** Fill of the progress bar of a table, 0..1 (tests). */
    double barOf(String table) {
        return tableRows.get(table).bar().getProgress();
    }

    /** Text of the progress row of a table (tests). */
    String progressOf(String table) {
        return tableRows.get(table).text().getText();
    }

    private void choose() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Export snapshot");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Snapshots", "*.duckdb"));
        fc.setInitialFileName("ja4-snapshot-" + Fx.MINUTE.format(window.asOf()).replace(' ', '_').replace(":", "") + ".duckdb");
        File f = fc.showSaveDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (f != null) target.setText(f.getPath());
    }

    private void cancelOrClose() {
        if (running != null) running.cancel();
        else if (stage != null) stage.close();
    }

    /** Hosts typed as a comma list, blanks dropped. */
    static List<String> hostList(String text) {
        if (text == null || text.isBlank()) return List.of();
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    /** Starts the export in the background; the future completes on the FX thread's side with the outcome. */
    public CompletableFuture<Outcome> start() {
        if (running != null) return CompletableFuture.failedFuture(new IllegalStateException("an export is running"));
        String t = target.getText() == null ? "" : target.getText().strip();
        if (t.isEmpty()) {
            fail("Choose the file to write.");
            return CompletableFuture.completedFuture(new Outcome(null, null, "no file chosen", false));
        }
        Path out = Path.of(t.endsWith(".duckdb") ? t : t + ".duckdb");
        SnapshotExporter.Filters filters = new SnapshotExporter.Filters(hostList(hosts.getText()),
                List.copyOf(threats.getCheckModel().getCheckedItems()));
        Task task = tasks.start("Exporting snapshot " + out.getFileName());
        running = task;
        export.setDisable(true);
        cancel.setText("Cancel");
        result.setStyle("");
        result.setText("Exporting to " + out + "…");
        tableRows.values().forEach(r -> r.show(0, "waiting"));
        overall.setProgress(0);
        List<String> names = SessionService.snapshotTables();
        SnapshotExporter.Listener listener = (table, done, expected) -> {
            int idx = names.indexOf(table);
            double frac = expected <= 0 ? 1 : Math.min(1, done / (double) expected);
            double all = (Math.max(idx, 0) + frac) / names.size();
            task.progress(all);
            Platform.runLater(() -> {
                overall.setProgress(all);
                TableProgress row = tableRows.get(table);
                if (row != null) row.show(frac, Fx.count(done) + " / " + Fx.count(expected) + " rows" + (frac >= 1 ? "  ✓" : ""));
            });
        };
        CompletableFuture<Outcome> shown = new CompletableFuture<>();
        task.track(ws.session().exportSnapshot(window, filters, out, listener, task.scope())).whenComplete((snap, err) ->
                Platform.runLater(() -> {
                    running = null;
                    export.setDisable(false);
                    cancel.setText("Close");
                    boolean cancelled = err != null && (task.isCancelled() || QueryScope.isCancellation(err));
                    Outcome outcome = err == null ? new Outcome(out, snap, null, false)
                            : new Outcome(out, null, cancelled ? "cancelled" : QueryScope.reason(err), cancelled);
                    if (outcome.ok()) {
                        String msg = "Snapshot written to " + out + ": " + Fx.count(outcome.rows()) + " rows in "
                                + snap.tables() + " tables.";
                        result.setText(msg);
                        result.setStyle("-fx-text-fill: #1a7f37;");
                        overall.setProgress(1);
                        status.accept(msg);
                    } else if (outcome.cancelled()) {
                        fail("Export cancelled; no file was written.");
                        status.accept("Snapshot export cancelled; no file was written.");
                    } else {
                        fail("Export failed: " + outcome.problem() + ". No file was written.");
                        status.accept("Snapshot export failed: " + outcome.problem());
                    }
                    shown.complete(outcome);
                }));
        return shown;
    }

    private void fail(String text) {
        result.setText(text);
        result.setStyle("-fx-text-fill: #cf222e;");
    }
}
