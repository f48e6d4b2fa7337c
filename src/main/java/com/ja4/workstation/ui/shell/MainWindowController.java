package com.ja4.workstation.ui.shell;

import com.ja4.workstation.data.detections.DetectionFilter;
import com.ja4.workstation.domain.ClientIp;
import com.ja4.workstation.domain.SearchInput;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.WindowLength;
import com.ja4.workstation.ui.ip.IpController;
import com.ja4.workstation.domain.WindowPreset;
import com.ja4.workstation.service.Workspace;
import com.ja4.workstation.ui.common.BackgroundTasks;
import com.ja4.workstation.ui.common.Fx;
import com.ja4.workstation.ui.detections.DetectionsController;
import com.ja4.workstation.ui.diagnostics.FxWatchdog;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.controlsfx.control.StatusBar;

/**
 * The shell: navigation rail, global time window, source indicator, status bar with running
 * tasks and cancel. Views load lazily and reload when the source or the window changes.
 */
public final class MainWindowController {

    @FXML private TextField asOfField;
    /** The window length: pick a preset or type one (12h, 90m, 2w); see {@link #applyWindowText}. */
    @FXML private ComboBox<Duration> windowBox;
    @FXML private Label windowMessage;
    @FXML private Label sourceLabel;
    @FXML private VBox rail;
    @FXML private StackPane viewHost;
    @FXML private StatusBar statusBar;
    @FXML private TextField globalSearch;
    @FXML private Label searchMessage;
    @FXML private Button connectButton;
    @FXML private javafx.scene.control.MenuItem demoItem;
    @FXML private javafx.scene.control.MenuItem exportItem;

    /** What the source buttons of the toolbar do (set by the shell). */
    public record SourceActions(Runnable connect, Runnable demo, Runnable export) {
        static final SourceActions NONE = new SourceActions(() -> { }, () -> { }, () -> { });
    }

    private SourceActions actions = SourceActions.NONE;
    /** View family -> reason it cannot be used on the current source (live schema check). */
    private Map<String, String> unavailable = Map.of();

    private final Map<ViewId, LoadedView> views = new EnumMap<>(ViewId.class);
    private final Set<ViewId> stale = EnumSet.noneOf(ViewId.class);
    private final Map<ViewId, ToggleButton> railButtons = new EnumMap<>(ViewId.class);
    private final ToggleGroup railGroup = new ToggleGroup();
    private final Label tasksLabel = new Label();
    private final ProgressBar tasksProgress = new ProgressBar();
    private final Button cancelTasks = new Button("Cancel");
    private AppModel model;
    private ViewId current;
    private Consumer<Path> snapshotOpener = p -> { };

    @FXML
    private void initialize() {
        windowBox.getItems().setAll(Arrays.stream(WindowPreset.values()).map(WindowPreset::length).toList());
        windowBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(Duration d) {
                return d == null ? "" : WindowPreset.labelOf(d);
            }

            /** Used by the combo box itself when it loses focus: a bad entry keeps the current length. */
            @Override
            public Duration fromString(String text) {
                return WindowLength.parse(text).length().orElse(windowBox.getValue());
            }
        });
        windowBox.setValue(WindowPreset.H24.length());
        clearWindowError();
        for (ViewId id : ViewId.values()) {
            ToggleButton b = new ToggleButton(id.glyph() + "  " + id.title());
            b.setToggleGroup(railGroup);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setAlignment(Pos.CENTER_LEFT);
            b.getStyleClass().add("rail-button");
            b.setOnAction(e -> show(id));
            railButtons.put(id, b);
            rail.getChildren().add(b);
        }
        tasksProgress.setPrefWidth(120);
        cancelTasks.getStyleClass().add("small");
        statusBar.getRightItems().addAll(tasksLabel, tasksProgress, cancelTasks);
        setTasksVisible(false);
    }

    public void init(AppModel model, Consumer<Path> snapshotOpener) {
        this.model = model;
        this.snapshotOpener = snapshotOpener;
        model.setDetectionsOpener(this::openDetections);
        model.setScoresOpener(this::openScores);
        model.setIpOpener(this::openIp);
        model.setJa4Opener(this::lookUpJa4);
        globalSearch.setOnAction(e -> search(globalSearch.getText()));
        globalSearch.textProperty().addListener((o, a, b) -> clearSearchError());
        cancelTasks.setOnAction(e -> model.tasks().cancelAll());
        model.tasks().running().addListener((ListChangeListener<BackgroundTasks.Entry>) c -> updateTasks());
        model.workspaceProperty().addListener((o, old, ws) -> onWorkspace(ws));
        model.windowProperty().addListener((o, old, w) -> onWindow(w));
        windowBox.valueProperty().addListener((o, old, length) -> {
            if (length != null && model.window() != null && !length.equals(model.window().length())) {
                model.windowProperty().set(model.window().withLength(length));
            }
        });
        // Enter applies the typed length or says why not (the combo box would silently put the old one back)
        windowBox.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (!windowBox.isShowing() && e.getCode() == KeyCode.ENTER) { // not while choosing in the list
                e.consume();
                applyWindowText(windowBox.getEditor().getText());
            }
        });
        // Escape puts the current length back (on release: the press may close a popup such as the hover tooltip)
        windowBox.addEventFilter(KeyEvent.KEY_RELEASED, e -> {
            if (windowBox.isShowing()) return;
            if (e.getCode() == KeyCode.ENTER) {
                e.consume(); // handled on press
            } else if (e.getCode() == KeyCode.ESCAPE && windowBox.getStyleClass().contains("invalid")) {
                e.consume();
                showWindowLength(windowBox.getValue());
            }
        });
        windowBox.getEditor().textProperty().addListener((o, a, b) -> clearWindowError());
        // leaving the box: a good entry applies as with Enter, a bad one gives way to the current length
        windowBox.focusedProperty().addListener((o, had, has) -> {
            if (!has) leaveWindowBox();
        });
        asOfField.setOnAction(e -> applyAsOf());
    }

    public void setActions(SourceActions a) {
        this.actions = a;
    }

    @FXML
    private void connect() {
        actions.connect().run();
    }

    @FXML
    private void openDemo() {
        actions.demo().run();
    }

    @FXML
    private void exportSnapshot() {
        actions.export().run();
    }

    /** Why the view cannot be used on the current source (tables or columns missing on the live server). */
    public java.util.Optional<String> unavailableReason(ViewId id) {
        return id.unavailableReason(unavailable);
    }

    /** The Feedback view shows the outbox's pending rows: reload it (now if in front, else on the next visit). */
    void refreshFeedback() {
        stale.add(ViewId.FEEDBACK);
        if (current == ViewId.FEEDBACK) {
            stale.remove(ViewId.FEEDBACK);
            if (model.workspace() != null && views.get(ViewId.FEEDBACK) != null) views.get(ViewId.FEEDBACK).controller().activate();
        }
    }

    public void show(ViewId id) {
        display(id);
    }

    /** Shows the view; true when it (re)loaded, false when it was shown as it was. */
    private boolean display(ViewId id) {
        FxWatchdog.viewShown(id.cliName());
        var reason = unavailableReason(id);
        if (reason.isPresent()) {
            if (current != null && current != id && views.get(current) != null) {
                ViewController left = views.get(current).controller();
                if (!left.idle().isDone()) stale.add(current);
                left.deactivate();
            }
            viewHost.getChildren().setAll(unavailablePane(id, reason.get()));
            railButtons.get(id).setSelected(true);
            current = id;
            stale.add(id);
            return false;
        }
        if (current != null && current != id && unavailableReason(current).isPresent()) {
            current = null; // the placeholder was in front: nothing to deactivate
        }
        // classifications made elsewhere since the last visit: always show the latest
        if (id == ViewId.FEEDBACK && current != id) stale.add(id);
        if (current == id && !stale.contains(id)) return false;
        if (current != null && current != id) {
            ViewController left = views.get(current).controller();
            // leaving cancels its queries: if some had not finished, reload on return instead of showing "Loading…" forever
            if (!left.idle().isDone()) stale.add(current);
            left.deactivate();
        }
        LoadedView v = views.computeIfAbsent(id, k -> {
            stale.add(k);
            return ViewLoader.load(k, model);
        });
        viewHost.getChildren().setAll(v.root());
        railButtons.get(id).setSelected(true);
        current = id;
        if (stale.remove(id) && model.workspace() != null) {
            v.controller().activate();
            return true;
        }
        return false;
    }

    public ViewId currentView() {
        return current;
    }

    public LoadedView view(ViewId id) {
        return views.get(id);
    }

    private void openDetections(DetectionFilter filter) {
        openFiltered(ViewId.DETECTIONS, c -> ((DetectionsController) c).presetFilter(filter));
    }

    private void openScores(com.ja4.workstation.data.scores.ScoreFilter filter) {
        openFiltered(ViewId.SCORES, c -> ((com.ja4.workstation.ui.scores.ScoresController) c).presetFilter(filter));
    }

    /** Shows a table view with a filter set from another view; it loads once shown. */
    private void openFiltered(ViewId id, java.util.function.Consumer<ViewController> preset) {
        if (unavailableReason(id).isPresent()) {
            show(id);
            return;
        }
        LoadedView v = views.computeIfAbsent(id, k -> ViewLoader.load(k, model));
        preset.accept(v.controller());
        stale.add(id);
        show(id);
    }

    /**
     * "Look up JA4": the Fingerprints view with this JA4's profile. A view that (re)loads on the way
     * loads the profile with everything else; one shown as it was loads only the profile.
     */
    public void lookUpJa4(String ja4) {
        if (unavailableReason(ViewId.FINGERPRINTS).isPresent()) {
            show(ViewId.FINGERPRINTS);
            return;
        }
        LoadedView v = views.computeIfAbsent(ViewId.FINGERPRINTS, k -> {
            stale.add(k);
            return ViewLoader.load(k, model);
        });
        com.ja4.workstation.ui.analytics.FingerprintsController c = (com.ja4.workstation.ui.analytics.FingerprintsController) v.controller();
        c.presetJa4(ja4);
        if (!display(ViewId.FINGERPRINTS) && model.workspace() != null) c.loadProfile();
    }

    /** Opens the IP drill-down with this client's tab in front. */
    public IpController openIp(ClientIp ip) {
        if (unavailableReason(ViewId.IP).isPresent()) {
            show(ViewId.IP);
            return null;
        }
        views.computeIfAbsent(ViewId.IP, k -> {
            stale.add(k);
            return ViewLoader.load(k, model);
        });
        show(ViewId.IP);
        IpController c = (IpController) views.get(ViewId.IP).controller();
        c.open(ip);
        return c;
    }

    /**
     * The global search: an IP opens its drill-down, a JA4 opens Detections filtered on it, other
     * text opens Detections on the ASN organisation (when it is one in the window) or else on host.
     * Something that looks like an IP but is malformed is refused at the box; no query runs.
     */
    public void search(String text) {
        SearchInput in = SearchInput.parse(text);
        switch (in.kind()) {
            case EMPTY -> clearSearchError();
            case INVALID_IP -> showSearchError(in.problem());
            case IP -> {
                clearSearchError();
                openIp(in.ip().orElseThrow());
            }
            case JA4 -> {
                clearSearchError();
                openDetections(new DetectionFilter("", "", "", "", in.text(), "", ""));
            }
            case TEXT -> {
                clearSearchError();
                var ws = model.workspace();
                var w = model.window();
                if (ws == null || w == null) return;
                var task = model.tasks().start("Searching " + in.text(), null);
                com.ja4.workstation.service.query.QueryScope.parallel().submit(ctx -> ws.ip().isKnownAsnOrg(in.text(), w, ctx))
                        .whenComplete((asn, err) -> javafx.application.Platform.runLater(() -> {
                            task.done();
                            if (err != null) {
                                showSearchError("Search failed: " + com.ja4.workstation.service.query.QueryScope.reason(err));
                            } else if (asn) {
                                openDetections(new DetectionFilter("", "", in.text(), "", "", "", ""));
                            } else {
                                openDetections(DetectionFilter.NONE.withSearch(in.text()));
                            }
                        }));
            }
        }
    }

    private void showSearchError(String message) {
        if (!globalSearch.getStyleClass().contains("invalid")) globalSearch.getStyleClass().add("invalid");
        Tooltip tip = new Tooltip(message);
        globalSearch.setTooltip(tip);
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        searchMessage.setText(message);
        searchMessage.setVisible(true);
        hangBelow(globalSearch, searchMessage); // unmanaged: it has a size only once placed
        statusBar.setText(message);
    }

    private void clearSearchError() {
        globalSearch.getStyleClass().remove("invalid");
        if (globalSearch.getTooltip() != null) globalSearch.getTooltip().hide();
        globalSearch.setTooltip(new Tooltip("IP (v4 or v6) opens its drill-down; a JA4 or an ASN organisation or host opens Detections"));
        searchMessage.setText("");
        searchMessage.setVisible(false);
    }

    public TextField globalSearch() {
        return globalSearch;
    }

    public Label searchMessage() {
        return searchMessage;
    }

    /** A source failed to open: say why in place of the views, keep the shell usable. */
    public void showSourceError(String message) {
        Label title = new Label("⚠  No data source");
        title.getStyleClass().add("error-title");
        Label why = new Label(message);
        why.setWrapText(true);
        why.setMaxWidth(600);
        why.getStyleClass().add("error-reason");
        Button open = new Button("Open snapshot…");
        open.setOnAction(e -> chooseSnapshot());
        VBox box = new VBox(10, title, why, open);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("error-state");
        viewHost.getChildren().setAll(box);
        statusBar.setText(message);
    }

    public void showStatus(String text) {
        statusBar.setText(text);
    }

    /** The status bar's message. */
    public String statusText() {
        return statusBar.getText();
    }

    /** The rail button of a view (tests). */
    public ToggleButton railButton(ViewId id) {
        return railButtons.get(id);
    }

    /** What the view area shows now. */
    public StackPane viewHost() {
        return viewHost;
    }

    private void onWorkspace(Workspace ws) {
        if (ws == null) return;
        showSource(ws);
        unavailable = ws.unavailableViews();
        updateRail();
        exportItem.setDisable(ws.isSnapshot());
        exportItem.setText(ws.isSnapshot() ? "Export snapshot… (needs a live source)" : "Export snapshot…");
        views.values().forEach(v -> v.controller().deactivate());
        stale.addAll(views.keySet());
        Duration length = model.window() != null ? model.window().length()
                : windowBox.getValue() != null ? windowBox.getValue() : WindowPreset.H24.length();
        TimeWindow w = ws.initialWindow(length);
        if (w.equals(model.window())) reloadCurrent();
        else model.windowProperty().set(w);
        if (current == null) show(ViewId.OVERVIEW);
        else if (unavailableReason(current).isEmpty() && views.get(current) != null
                && !viewHost.getChildren().contains(views.get(current).root())) {
            viewHost.getChildren().setAll(views.get(current).root()); // a placeholder or source error was in front
        }
        statusBar.setText("Opened " + ws.describe() + (unavailable.isEmpty() ? ""
                : " (" + unavailable.size() + " view famil" + (unavailable.size() == 1 ? "y" : "ies") + " unavailable on this server)"));
    }

    /** The source indicator: a live server (green, profile and host) is told apart from a read-only snapshot (grey). */
    private void showSource(Workspace ws) {
        sourceLabel.getStyleClass().removeAll("source-live", "source-snapshot");
        if (ws.isSnapshot()) {
            sourceLabel.getStyleClass().add("source-snapshot");
            sourceLabel.setText("● snapshot (read-only): " + ws.describe());
            sourceLabel.setTooltip(new Tooltip(ws.manifest().map(m -> "Captured as of " + Fx.MINUTE.format(m.asOf())
                    + " UTC, window " + com.ja4.workstation.domain.WindowPreset.labelOf(m.window()) + "\nSource: " + m.source()).orElse(ws.describe())));
        } else {
            sourceLabel.getStyleClass().add("source-live");
            String label = ws.live().map(l -> l.label()).orElse(ws.describe());
            sourceLabel.setText("● live: " + label);
            sourceLabel.setTooltip(new Tooltip(ws.live().map(l -> l.profile().describe() + "\nClickHouse " + l.serverVersion()
                    + "\n" + l.schema().describe()).orElse(ws.describe())));
        }
    }

    /** Views whose tables or columns the server lacks: greyed in the rail, the reason as tooltip. */
    private void updateRail() {
        railButtons.forEach((id, b) -> {
            var reason = unavailableReason(id);
            b.getStyleClass().remove("unavailable");
            if (reason.isPresent()) {
                b.getStyleClass().add("unavailable");
                b.setTooltip(new Tooltip("Not available on this server: " + reason.get()));
            } else {
                b.setTooltip(null);
            }
        });
    }

    /** Source menu: Demo data (tests fire it). */
    public javafx.scene.control.MenuItem demoItem() {
        return demoItem;
    }

    /** Source menu: Export snapshot… (enabled on a live source). */
    public javafx.scene.control.MenuItem exportItem() {
        return exportItem;
    }

    /** What an unavailable view shows instead of querying. */
    private VBox unavailablePane(ViewId id, String reason) {
        Label title = new Label("⚠  " + id.title() + " is not available on this server");
        title.getStyleClass().add("error-title");
        Label why = new Label("The server lacks what this view reads: " + reason + ".");
        why.setWrapText(true);
        why.setMaxWidth(600);
        why.getStyleClass().add("error-reason");
        VBox box = new VBox(10, title, why);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().addAll("error-state", "unavailable-view");
        return box;
    }

    private void onWindow(TimeWindow w) {
        asOfField.setText(Fx.MINUTE.format(w.asOf()));
        asOfField.getStyleClass().remove("invalid");
        showWindowLength(w.length());
        stale.addAll(views.keySet());
        reloadCurrent();
    }

    private void reloadCurrent() {
        if (current == null) return;
        if (unavailableReason(current).isPresent() || views.get(current) == null) {
            ViewId c = current; // a placeholder: show it again, or the view now that it is available
            current = null;
            show(c);
            return;
        }
        stale.remove(current);
        if (model.workspace() != null) views.get(current).controller().activate();
    }

    private void applyAsOf() {
        try {
            Instant t = LocalDateTime.parse(asOfField.getText().trim().replace(' ', 'T')).toInstant(ZoneOffset.UTC);
            asOfField.getStyleClass().remove("invalid");
            if (model.window() != null) model.windowProperty().set(model.window().withAsOf(t));
        } catch (DateTimeParseException e) {
            if (!asOfField.getStyleClass().contains("invalid")) asOfField.getStyleClass().add("invalid");
            statusBar.setText("As-of time must look like 2026-11-20 12:00 (UTC)");
        }
    }

    /**
     * What the analyst typed in the window selector: a valid length becomes the window of every
     * view; anything else is refused at the box with the reason, runs no query and keeps the window.
     */
    public void applyWindowText(String text) {
        if (text == null || text.isBlank()) {
            showWindowLength(windowBox.getValue());
            return;
        }
        WindowLength in = WindowLength.parse(text);
        if (!in.isValid()) {
            showWindowError(in.problem());
            return;
        }
        Duration length = in.length().orElseThrow();
        if (length.equals(windowBox.getValue())) showWindowLength(length); // same length, written otherwise: show it as the selector does
        else windowBox.setValue(length); // the value listener sets the window
    }

    private void leaveWindowBox() {
        String text = windowBox.getEditor().getText();
        if (text == null || text.equals(WindowPreset.labelOf(windowBox.getValue()))) {
            clearWindowError();
            return;
        }
        WindowLength in = WindowLength.parse(text);
        if (in.isValid()) {
            applyWindowText(text);
        } else {
            showWindowLength(windowBox.getValue());
            if (!text.isBlank()) statusBar.setText(in.problem() + ". The window stays " + WindowPreset.labelOf(windowBox.getValue()) + ".");
        }
    }

    /** The selector shows this length (a preset or a custom one) and no error. */
    private void showWindowLength(Duration length) {
        windowBox.setValue(length);
        windowBox.getEditor().setText(length == null ? "" : WindowPreset.labelOf(length));
        clearWindowError();
    }

    private void showWindowError(String message) {
        String full = message + ". The window stays " + WindowPreset.labelOf(windowBox.getValue()) + ".";
        if (!windowBox.getStyleClass().contains("invalid")) windowBox.getStyleClass().add("invalid");
        Tooltip tip = new Tooltip(full);
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        windowBox.setTooltip(tip);
        windowMessage.setText(full);
        windowMessage.setVisible(true);
        hangBelow(windowBox, windowMessage);
        statusBar.setText(full);
    }

    /**
     * Places an unmanaged message just below its field, over the view (the toolbar is drawn on top),
     * so that showing it does not push the toolbar's other controls around; kept inside the window.
     */
    private static void hangBelow(javafx.scene.Node field, Label message) {
        message.applyCss();
        double width = Math.min(MESSAGE_WIDTH, message.prefWidth(-1));
        double x = field.getLayoutX();
        if (field.getScene() != null) {
            double right = field.localToScene(0, 0).getX() + width;
            double overflow = right - (field.getScene().getWidth() - 8);
            if (overflow > 0) x -= overflow;
        }
        message.resize(width, message.prefHeight(width));
        message.relocate(x, field.getLayoutY() + field.getLayoutBounds().getHeight() + 4);
    }

    private static final double MESSAGE_WIDTH = 380;

    private void clearWindowError() {
        windowBox.getStyleClass().remove("invalid");
        if (windowBox.getTooltip() != null) windowBox.getTooltip().hide();
        windowBox.setTooltip(new Tooltip("Window length up to the as-of time: pick one or type 5m to 365d,"
                + " e.g. 90m, 12h, 2d, 2w, then Enter"));
        windowMessage.setText("");
        windowMessage.setVisible(false);
    }

    /** The window selector (tests). */
    public ComboBox<Duration> windowBox() {
        return windowBox;
    }

    /** The message under the window selector when a typed length is refused. */
    public Label windowMessage() {
        return windowMessage;
    }

    @FXML
    private void resetToLatest() {
        if (model.workspace() != null && model.window() != null) {
            model.windowProperty().set(model.window().withAsOf(model.workspace().latestAsOf()));
        }
    }

    @FXML
    private void chooseSnapshot() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Open snapshot");
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Snapshots", "*.duckdb", "*.ja4snap"),
                new FileChooser.ExtensionFilter("All files", "*"));
        java.io.File f = fc.showOpenDialog(viewHost.getScene().getWindow());
        if (f != null) snapshotOpener.accept(f.toPath());
    }

    private void updateTasks() {
        var running = model.tasks().running();
        setTasksVisible(!running.isEmpty());
        if (running.isEmpty()) return;
        BackgroundTasks.Entry first = running.get(0);
        tasksLabel.setText(running.size() == 1 ? first.nameProperty().get() + "…"
                : running.size() + " tasks running (" + first.nameProperty().get() + "…)");
        tasksProgress.progressProperty().bind(first.progressProperty());
    }

    private void setTasksVisible(boolean visible) {
        tasksLabel.setVisible(visible);
        tasksProgress.setVisible(visible);
        cancelTasks.setVisible(visible);
    }

    public Label sourceLabel() {
        return sourceLabel;
    }
}
