package com.ja4.workstation.ui.shell;

import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.WindowLength;
import com.ja4.workstation.domain.WindowPreset;
import com.ja4.workstation.service.Workspace;
import com.ja4.workstation.service.query.QueryScope;
import com.ja4.workstation.service.search.SearchService;
import com.ja4.workstation.service.search.SearchTarget;
import com.ja4.workstation.service.session.SourceDescription;
import com.ja4.workstation.ui.common.Fx;
import com.ja4.workstation.ui.task.Task;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;

/**
 * The main window's own state and commands, without a widget: the source indicator, the time
 * window (the length being typed in the selector, the reason a typed length is refused, the as-of
 * time), the global search and the reason it refuses an entry, the status line, the running-tasks
 * summary, and which view families the source cannot serve. Views and their switching are the
 * {@link ViewNavigator}'s; the shared state (workspace, window, tasks) is the {@link AppModel}'s.
 */
public final class MainWindowModel {

    /** The search box's tooltip while nothing is wrong. */
    public static final String SEARCH_HINT = "IP (v4 or v6) opens its drill-down; a JA4 or an ASN organisation or host opens Detections";
    /** The window selector's tooltip while nothing is wrong. */
    public static final String WINDOW_HINT = "Window length up to the as-of time: pick one or type 5m to 365d,"
            + " e.g. 90m, 12h, 2d, 2w, then Enter";

    private final AppModel app;

    private final ObjectProperty<Duration> length = new SimpleObjectProperty<>(WindowPreset.H24.length());
    private final StringProperty windowText = new SimpleStringProperty(WindowPreset.labelOf(WindowPreset.H24.length()));
    private final ReadOnlyStringWrapper windowProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper asOfText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper asOfInvalid = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper searchProblem = new ReadOnlyStringWrapper("");
    private final StringProperty status = new SimpleStringProperty("Ready");

    private final ReadOnlyStringWrapper sourceText = new ReadOnlyStringWrapper("No source");
    private final ReadOnlyStringWrapper sourceStyle = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper sourceDetails = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper exportEnabled = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyObjectWrapper<Map<String, String>> unavailable = new ReadOnlyObjectWrapper<>(Map.of());

    private final ReadOnlyStringWrapper tasksText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper tasksVisible = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper tasksProgress = new ReadOnlyDoubleWrapper(-1);

    public MainWindowModel(AppModel app) {
        this.app = app;
        length.addListener((o, old, l) -> {
            if (l != null && app.window() != null && !l.equals(app.window().length())) {
                app.windowProperty().set(app.window().withLength(l));
            }
        });
        windowText.addListener((o, a, b) -> windowProblem.set("")); // typing again clears the refusal
        app.windowProperty().addListener((o, old, w) -> {
            if (w == null) return;
            asOfText.set(Fx.MINUTE.format(w.asOf()));
            asOfInvalid.set(false);
            showLength(w.length());
        });
        app.tasks().running().addListener((ListChangeListener<Task>) c -> updateTasks());
    }

    // ---- source -----------------------------------------------------------------------------

    /** "● live: prod (host:8123)", "● snapshot (read-only): file". */
    public ReadOnlyStringProperty sourceTextProperty() {
        return sourceText.getReadOnlyProperty();
    }

    /** "source-live" (green) or "source-snapshot" (grey). */
    public ReadOnlyStringProperty sourceStyleProperty() {
        return sourceStyle.getReadOnlyProperty();
    }

    /** The indicator's tooltip: capture of a snapshot; profile, server and schema check of a live source. */
    public ReadOnlyStringProperty sourceDetailsProperty() {
        return sourceDetails.getReadOnlyProperty();
    }

    /** Export snapshot… applies (a live source). */
    public ReadOnlyBooleanProperty exportEnabledProperty() {
        return exportEnabled.getReadOnlyProperty();
    }

    /** View family -> why it cannot be used on this source (tables or columns missing on the server). */
    public ReadOnlyObjectProperty<Map<String, String>> unavailableProperty() {
        return unavailable.getReadOnlyProperty();
    }

    /** Why the view cannot be used on the current source, if it cannot. */
    public Optional<String> unavailableReason(ViewId id) {
        return id.unavailableReason(unavailable.get());
    }

    /** A source was opened: the indicator, the export item, the unavailable views. */
    void sourceChanged(Workspace ws) {
        SourceDescription d = ws.session().description();
        unavailable.set(ws.session().unavailableViews());
        exportEnabled.set(!d.snapshot());
        if (d.snapshot()) {
            sourceStyle.set("source-snapshot");
            sourceText.set("● snapshot (read-only): " + d.description());
            sourceDetails.set(d.capturedAsOf().map(t -> "Captured as of " + Fx.MINUTE.format(t) + " UTC, window "
                    + WindowPreset.labelOf(d.captureWindow().orElseThrow()) + "\n" + d.details()).orElse(d.description()));
        } else {
            sourceStyle.set("source-live");
            sourceText.set("● live: " + d.label());
            sourceDetails.set(d.details());
        }
    }

    /**
     * The window a newly opened source shows (its capture for a snapshot, the latest data with the
     * chosen length otherwise). False when it is the window already shown (nothing changed).
     */
    boolean openWindowOf(Workspace ws) {
        Duration current = app.window() != null ? app.window().length() : length.get() != null ? length.get() : WindowPreset.H24.length();
        TimeWindow w = ws.session().initialWindow(current);
        if (w.equals(app.window())) return false;
        app.windowProperty().set(w);
        return true;
    }

    /** "Opened …", and how many view families the server cannot serve. */
    void opened(Workspace ws) {
        int n = unavailable.get().size();
        status.set("Opened " + ws.session().describe() + (n == 0 ? "" : " (" + n + " view famil" + (n == 1 ? "y" : "ies")
                + " unavailable on this server)"));
    }

    // ---- status and tasks -------------------------------------------------------------------

    /** The status bar's message. */
    public StringProperty statusProperty() {
        return status;
    }

    /** "Loading Overview…", "3 tasks running (Loading Overview…)". */
    public ReadOnlyStringProperty tasksTextProperty() {
        return tasksText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty tasksVisibleProperty() {
        return tasksVisible.getReadOnlyProperty();
    }

    /** The progress of the oldest running task, -1 when unknown. */
    public ReadOnlyDoubleProperty tasksProgressProperty() {
        return tasksProgress.getReadOnlyProperty();
    }

    private void updateTasks() {
        var running = app.tasks().running();
        tasksVisible.set(!running.isEmpty());
        tasksProgress.unbind();
        if (running.isEmpty()) return;
        Task first = running.get(0);
        tasksText.set(running.size() == 1 ? first.nameProperty().get() + "…"
                : running.size() + " tasks running (" + first.nameProperty().get() + "…)");
        tasksProgress.bind(first.progressProperty());
    }

    // ---- time window ------------------------------------------------------------------------

    /** The window length applied (the selector's value): a preset or any length from 5 minutes to 365 days. */
    public ObjectProperty<Duration> lengthProperty() {
        return length;
    }

    /** What the selector's box holds: the applied length as it reads ("12 h"), or what is being typed. */
    public StringProperty windowTextProperty() {
        return windowText;
    }

    /** Why the typed length was refused (with "The window stays …"); "" when it was not. */
    public ReadOnlyStringProperty windowProblemProperty() {
        return windowProblem.getReadOnlyProperty();
    }

    /**
     * Enter in the selector: a valid length becomes the window of every view; anything else is
     * refused with the reason, runs no query and keeps the window.
     */
    public void applyWindowText(String text) {
        if (text == null || text.isBlank()) {
            showLength(length.get());
            return;
        }
        WindowLength in = WindowLength.parse(text);
        if (!in.isValid()) {
            String full = in.problem() + ". The window stays " + WindowPreset.labelOf(length.get()) + ".";
            windowProblem.set(full);
            status.set(full);
            return;
        }
        Duration l = in.length().orElseThrow();
        if (l.equals(length.get())) showLength(l); // the same length written otherwise: show it as the selector does
        else length.set(l); // the window follows, then the text
    }

    /** Leaving the selector: a good entry applies as with Enter, a bad one gives way to the current length. */
    public void leaveWindowText(String text) {
        if (text == null || text.equals(WindowPreset.labelOf(length.get()))) {
            windowProblem.set("");
            return;
        }
        WindowLength in = WindowLength.parse(text);
        if (in.isValid()) {
            applyWindowText(text);
        } else {
            showLength(length.get());
            if (!text.isBlank()) status.set(in.problem() + ". The window stays " + WindowPreset.labelOf(length.get()) + ".");
        }
    }

    /** Escape after a refused entry: the applied length again, no message. */
    public void restoreWindowText() {
        if (!windowProblem.get().isEmpty()) showLength(length.get());
    }

    private void showLength(Duration l) {
        length.set(l);
        windowText.set(l == null ? "" : WindowPreset.labelOf(l));
        windowProblem.set("");
    }

    /** The as-of field ("2026-11-20 12:00", UTC). */
    public ReadOnlyStringProperty asOfTextProperty() {
        return asOfText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty asOfInvalidProperty() {
        return asOfInvalid.getReadOnlyProperty();
    }

    /** A typed as-of time (UTC) moves the window; a malformed one is refused with the expected form. */
    public void applyAsOf(String text) {
        try {
            Instant t = LocalDateTime.parse(text.trim().replace(' ', 'T')).toInstant(ZoneOffset.UTC);
            asOfInvalid.set(false);
            if (app.window() != null) app.windowProperty().set(app.window().withAsOf(t));
        } catch (DateTimeParseException e) {
            asOfInvalid.set(true);
            status.set("As-of time must look like 2026-11-20 12:00 (UTC)");
        }
    }

    /** Latest: the window ends at the source's latest time (a snapshot's capture, now on a live source). */
    public void resetToLatest() {
        if (app.workspace() != null && app.window() != null) {
            app.windowProperty().set(app.window().withAsOf(app.workspace().session().latestAsOf()));
        }
    }

    // ---- search -----------------------------------------------------------------------------

    /** Why the typed search was refused or failed; "" when it was not. */
    public ReadOnlyStringProperty searchProblemProperty() {
        return searchProblem.getReadOnlyProperty();
    }

    public void clearSearchProblem() {
        searchProblem.set("");
    }

    /**
     * The global search: an IP opens its drill-down, a JA4 opens Detections filtered on it, other
     * text opens Detections on the ASN organisation (when it is one in the window) or else on host.
     * Something that looks like an IP but is malformed is refused at the box; no query runs.
     */
    public CompletableFuture<SearchTarget> search(String text) {
        var now = SearchService.immediate(text);
        if (now.isPresent()) {
            go(now.get());
            return CompletableFuture.completedFuture(now.get());
        }
        clearSearchProblem();
        Workspace ws = app.workspace();
        TimeWindow w = app.window();
        if (ws == null || w == null) return CompletableFuture.completedFuture(new SearchTarget.Nothing());
        Task task = app.tasks().start("Searching " + text.strip());
        return task.then(ws.search().resolve(text, w, task.scope()), this::go,
                err -> refuse("Search failed: " + QueryScope.reason(err)));
    }

    private void go(SearchTarget target) {
        if (target instanceof SearchTarget.Refused r) {
            refuse(r.reason());
            return;
        }
        clearSearchProblem();
        if (target instanceof SearchTarget.OpenIp o) app.openIp(o.ip());
        else if (target instanceof SearchTarget.OpenDetections d) app.openDetections(d.filter());
    }

    private void refuse(String reason) {
        searchProblem.set(reason);
        status.set(reason);
    }
}
