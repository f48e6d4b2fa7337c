package com.ja4.workstation.ui.shell;

import com.ja4.workstation.domain.WindowLength;
import com.ja4.workstation.domain.WindowPreset;
import com.ja4.workstation.service.Workspace;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
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
 * The shell's widgets bound to the {@link MainWindowModel}: navigation rail, global search, as-of
 * time and window selector, source indicator and menu, status bar with the running tasks and
 * Cancel. Which view is in front is the {@link ViewNavigator}'s.
 */
public final class MainWindowController {

    private static final double MESSAGE_WIDTH = 380;

    @FXML private TextField asOfField;
    @FXML private ComboBox<Duration> windowBox;
    @FXML private Label windowMessage;
    @FXML private Label sourceLabel;
    @FXML private VBox rail;
    @FXML private StackPane viewHost;
    @FXML private StatusBar statusBar;
    @FXML private TextField globalSearch;
    @FXML private Label searchMessage;
    @FXML private MenuItem exportItem;

    /** What the source buttons of the toolbar do (set by the shell). */
    public record SourceActions(Runnable connect, Runnable demo, Runnable export) {
        static final SourceActions NONE = new SourceActions(() -> { }, () -> { }, () -> { });
    }

    private SourceActions actions = SourceActions.NONE;
    private final Map<ViewId, ToggleButton> railButtons = new EnumMap<>(ViewId.class);
    private final ToggleGroup railGroup = new ToggleGroup();
    private final Label tasksLabel = new Label();
    private final ProgressBar tasksProgress = new ProgressBar();
    private final Button cancelTasks = new Button("Cancel");
    private MainWindowModel model;
    private ViewNavigator navigator;
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
        for (ViewId id : ViewId.values()) {
            ToggleButton b = new ToggleButton(id.glyph() + "  " + id.title());
            b.setToggleGroup(railGroup);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setAlignment(Pos.CENTER_LEFT);
            b.getStyleClass().add("rail-button");
            b.setOnAction(e -> navigator.show(id));
            railButtons.put(id, b);
            rail.getChildren().add(b);
        }
        tasksProgress.setPrefWidth(120);
        cancelTasks.getStyleClass().add("small");
        statusBar.getRightItems().addAll(tasksLabel, tasksProgress, cancelTasks);
    }

    public void init(AppModel app, Consumer<Path> snapshotOpener) {
        this.snapshotOpener = snapshotOpener;
        model = new MainWindowModel(app);
        navigator = new ViewNavigator(app, model, viewHost, id -> railButtons.get(id).setSelected(true));
        app.setNavigator(navigator::open);
        app.workspaceProperty().addListener((o, old, ws) -> onWorkspace(ws));
        app.windowProperty().addListener((o, old, w) -> navigator.windowChanged());

        statusBar.textProperty().bind(model.statusProperty());
        tasksLabel.textProperty().bind(model.tasksTextProperty());
        tasksProgress.progressProperty().bind(model.tasksProgressProperty());
        for (Node n : new Node[] {tasksLabel, tasksProgress, cancelTasks}) n.visibleProperty().bind(model.tasksVisibleProperty());
        cancelTasks.setOnAction(e -> app.tasks().cancelAll());

        sourceLabel.textProperty().bind(model.sourceTextProperty());
        model.sourceStyleProperty().addListener((o, a, style) -> {
            sourceLabel.getStyleClass().removeAll("source-live", "source-snapshot");
            sourceLabel.getStyleClass().add(style);
        });
        model.sourceDetailsProperty().addListener((o, a, d) -> sourceLabel.setTooltip(new Tooltip(d)));
        model.exportEnabledProperty().addListener((o, a, on) -> {
            exportItem.setDisable(!on);
            exportItem.setText(on ? "Export snapshot…" : "Export snapshot… (needs a live source)");
        });
        model.unavailableProperty().addListener((o, a, u) -> updateRail());

        bindSearch();
        bindWindow();
    }

    private void bindSearch() {
        globalSearch.setOnAction(e -> model.search(globalSearch.getText()));
        globalSearch.textProperty().addListener((o, a, b) -> model.clearSearchProblem());
        showSearchProblem("");
        model.searchProblemProperty().addListener((o, a, problem) -> showSearchProblem(problem));
    }

    private void showSearchProblem(String problem) {
        showProblem(globalSearch, searchMessage, problem, MainWindowModel.SEARCH_HINT);
    }

    private void bindWindow() {
        windowBox.valueProperty().bindBidirectional(model.lengthProperty());
        windowBox.getEditor().textProperty().bindBidirectional(model.windowTextProperty());
        showProblem(windowBox, windowMessage, "", MainWindowModel.WINDOW_HINT);
        model.windowProblemProperty().addListener((o, a, problem) -> showProblem(windowBox, windowMessage, problem,
                MainWindowModel.WINDOW_HINT));
        // Enter applies the typed length or says why not (the combo box would silently put the old one back)
        windowBox.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (!windowBox.isShowing() && e.getCode() == KeyCode.ENTER) { // not while choosing in the list
                e.consume();
                model.applyWindowText(windowBox.getEditor().getText());
            }
        });
        // Escape puts the current length back (on release: the press may close a popup such as the hover tooltip)
        windowBox.addEventFilter(KeyEvent.KEY_RELEASED, e -> {
            if (windowBox.isShowing()) return;
            if (e.getCode() == KeyCode.ENTER) {
                e.consume(); // handled on press
            } else if (e.getCode() == KeyCode.ESCAPE && windowBox.getStyleClass().contains("invalid")) {
                e.consume();
                model.restoreWindowText();
            }
        });
        // leaving the box: a good entry applies as with Enter, a bad one gives way to the current length
        windowBox.focusedProperty().addListener((o, had, has) -> {
            if (!has) model.leaveWindowText(windowBox.getEditor().getText());
        });
        model.asOfTextProperty().addListener((o, a, t) -> asOfField.setText(t));
        model.asOfInvalidProperty().addListener((o, a, bad) -> {
            asOfField.getStyleClass().remove("invalid");
            if (bad) asOfField.getStyleClass().add("invalid");
        });
        asOfField.setOnAction(e -> model.applyAsOf(asOfField.getText()));
    }

    /** A field refusing its entry: red border, the reason as tooltip and hung below the field; else the hint. */
    private static void showProblem(javafx.scene.control.Control field, Label message, String problem, String hint) {
        boolean bad = !problem.isEmpty();
        field.getStyleClass().remove("invalid");
        if (field.getTooltip() != null) field.getTooltip().hide();
        Tooltip tip = new Tooltip(bad ? problem : hint);
        if (bad) {
            field.getStyleClass().add("invalid");
            tip.setWrapText(true);
            tip.setMaxWidth(420);
        }
        field.setTooltip(tip);
        message.setText(problem);
        message.setVisible(bad);
        if (bad) hangBelow(field, message); // unmanaged: it has a size only once placed
    }

    /**
     * Places an unmanaged message just below its field, over the view (the toolbar is drawn on top),
     * so that showing it does not push the toolbar's other controls around; kept inside the window.
     */
    private static void hangBelow(Node field, Label message) {
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

    private void onWorkspace(Workspace ws) {
        if (ws == null) return;
        model.sourceChanged(ws);
        navigator.sourceChanged();
        if (!model.openWindowOf(ws)) navigator.reloadCurrent();
        navigator.showCurrent();
        model.opened(ws);
    }

    /** Views whose tables or columns the server lacks: greyed in the rail, the reason as tooltip. */
    private void updateRail() {
        railButtons.forEach((id, b) -> {
            var reason = model.unavailableReason(id);
            b.getStyleClass().remove("unavailable");
            if (reason.isPresent()) {
                b.getStyleClass().add("unavailable");
                b.setTooltip(new Tooltip("Not available on this server: " + reason.get()));
            } else {
                b.setTooltip(null);
            }
        });
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

    @FXML
    private void resetToLatest() {
        model.resetToLatest();
    }

    @FXML
    private void chooseSnapshot() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Open snapshot");
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Snapshots", "*.duckdb", "*.ja4snap"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File f = fc.showOpenDialog(viewHost.getScene().getWindow());
        if (f != null) snapshotOpener.accept(f.toPath());
    }

    // ---- what the shell and other views ask of the window ----------------------------------

    /** The window's state and commands. */
    public MainWindowModel model() {
        return model;
    }

    /** The global search (see {@link MainWindowModel#search}). */
    public void search(String text) {
        model.search(text);
    }

    public void show(ViewId id) {
        navigator.show(id);
    }

    public ViewId currentView() {
        return navigator.current();
    }

    /** A loaded view (null when it was never shown). */
    public LoadedView view(ViewId id) {
        return navigator.view(id);
    }

    /** Why the view cannot be used on the current source (tables or columns missing on the live server). */
    public Optional<String> unavailableReason(ViewId id) {
        return model.unavailableReason(id);
    }

    public void showStatus(String text) {
        model.statusProperty().set(text);
    }

    /** The status bar's message. */
    public String statusText() {
        return model.statusProperty().get();
    }

    /** A source failed to open: say why in place of the views, keep the shell usable. */
    public void showSourceError(String message) {
        navigator.showSourceError(message, this::chooseSnapshot);
        model.statusProperty().set(message);
    }

    /** The Feedback view shows the outbox's pending rows: reload it (now if in front, else on the next visit). */
    void refreshFeedback() {
        navigator.refreshFeedback();
    }
}
