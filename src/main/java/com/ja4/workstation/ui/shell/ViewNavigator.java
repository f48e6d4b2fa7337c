package com.ja4.workstation.ui.shell;

import com.ja4.workstation.ui.diagnostics.FxWatchdog;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Which view is in front: views load lazily (FXML on first use), reload when the source or the
 * window changed since they were last shown, and leaving a view cancels its work. A view whose
 * tables the live server lacks shows why instead of querying.
 */
public final class ViewNavigator {

    private final AppModel app;
    private final MainWindowModel model;
    private final StackPane host;
    private final Consumer<ViewId> railSelect;
    private final Map<ViewId, LoadedView> views = new EnumMap<>(ViewId.class);
    private final Set<ViewId> stale = EnumSet.noneOf(ViewId.class);
    private ViewId current;

    /** @param railSelect marks a view's rail button as the one in front */
    ViewNavigator(AppModel app, MainWindowModel model, StackPane host, Consumer<ViewId> railSelect) {
        this.app = app;
        this.model = model;
        this.host = host;
        this.railSelect = railSelect;
    }

    public ViewId current() {
        return current;
    }

    /** The view if it was loaded. */
    public LoadedView view(ViewId id) {
        return views.get(id);
    }

    public void show(ViewId id) {
        display(id);
    }

    /** Shows the view; true when it (re)loaded, false when it was shown as it was. */
    private boolean display(ViewId id) {
        FxWatchdog.viewShown(id.cliName());
        var reason = model.unavailableReason(id);
        if (reason.isPresent()) {
            if (current != null && current != id && views.get(current) != null) leave(views.get(current).controller());
            host.getChildren().setAll(unavailablePane(id, reason.get()));
            railSelect.accept(id);
            current = id;
            stale.add(id);
            return false;
        }
        if (current != null && current != id && model.unavailableReason(current).isPresent()) {
            current = null; // the placeholder was in front: nothing to deactivate
        }
        // classifications made elsewhere since the last visit: always show the latest
        if (id == ViewId.FEEDBACK && current != id) stale.add(id);
        if (current == id && !stale.contains(id)) return false;
        if (current != null && current != id) leave(views.get(current).controller());
        LoadedView v = load(id);
        host.getChildren().setAll(v.root());
        railSelect.accept(id);
        current = id;
        if (stale.remove(id) && app.workspace() != null) {
            v.controller().activate();
            return true;
        }
        return false;
    }

    /** Leaving cancels the view's work: if some had not finished, it reloads on return instead of showing "Loading…" forever. */
    private void leave(ViewController left) {
        if (!left.idle().isDone()) stale.add(current);
        left.deactivate();
    }

    private LoadedView load(ViewId id) {
        return views.computeIfAbsent(id, k -> {
            stale.add(k);
            return ViewLoader.load(k, app);
        });
    }

    /**
     * Shows a view with what another view asked for (a filter, a JA4, an IP): the view prepares it,
     * reloads if it must, and shows it once in front. An unavailable view only says why.
     */
    void open(ViewId id, ViewRequest request) {
        if (model.unavailableReason(id).isPresent()) {
            show(id);
            return;
        }
        ViewController c = load(id).controller();
        if (c.prepare(request)) stale.add(id);
        boolean reloaded = display(id);
        c.fulfil(request, reloaded);
    }

    /** The Feedback view shows the outbox's pending rows: reload it (now if in front, else on the next visit). */
    void refreshFeedback() {
        stale.add(ViewId.FEEDBACK);
        if (current == ViewId.FEEDBACK) {
            stale.remove(ViewId.FEEDBACK);
            if (app.workspace() != null && views.get(ViewId.FEEDBACK) != null) views.get(ViewId.FEEDBACK).controller().activate();
        }
    }

    /** Another source: every view stops and reloads when next shown. */
    void sourceChanged() {
        views.values().forEach(v -> v.controller().deactivate());
        stale.addAll(views.keySet());
    }

    /** After a source change: the view in front again (the overview at first), in place of a placeholder or error. */
    void showCurrent() {
        if (current == null) show(ViewId.OVERVIEW);
        else if (model.unavailableReason(current).isEmpty() && views.get(current) != null
                && !host.getChildren().contains(views.get(current).root())) {
            host.getChildren().setAll(views.get(current).root()); // a placeholder or source error was in front
        }
    }

    /** Another window: every view reloads, the one in front now. */
    void windowChanged() {
        stale.addAll(views.keySet());
        reloadCurrent();
    }

    void reloadCurrent() {
        if (current == null) return;
        if (model.unavailableReason(current).isPresent() || views.get(current) == null) {
            ViewId c = current; // a placeholder: show it again, or the view now that it is available
            current = null;
            show(c);
            return;
        }
        stale.remove(current);
        if (app.workspace() != null) views.get(current).controller().activate();
    }

    /**
     * A source failed to open: why (the file named, shown safely), in place of the views, with a
     * way to open another snapshot and, when a source is still open, back to its views.
     */
    void showSourceError(String message, Runnable openSnapshot) {
        boolean stillOpen = app.workspace() != null && current != null && views.get(current) != null;
        Label title = new Label(stillOpen ? "⚠  This file was not opened" : "⚠  No data source");
        title.getStyleClass().add("error-title");
        Label why = new Label(com.ja4.workstation.ui.common.SafeText.tip(message));
        why.setWrapText(true);
        why.setMaxWidth(600);
        why.getStyleClass().add("error-reason");
        why.setId("sourceError");
        Button open = new Button("Open snapshot…");
        open.setOnAction(e -> openSnapshot.run());
        javafx.scene.layout.HBox actions = new javafx.scene.layout.HBox(8, open);
        actions.setAlignment(Pos.CENTER);
        if (stillOpen) {
            Button back = new Button("Back to the current source");
            back.setId("backToSource");
            back.setOnAction(e -> host.getChildren().setAll(views.get(current).root()));
            actions.getChildren().add(0, back);
        }
        VBox box = new VBox(10, title, why, actions);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("error-state");
        host.getChildren().setAll(box);
    }

    /** What an unavailable view shows instead of querying. */
    private static VBox unavailablePane(ViewId id, String reason) {
        Label title = new Label("⚠  " + id.title() + " is not available on this server");
        title.getStyleClass().add("error-title");
        Label why = new Label(com.ja4.workstation.ui.common.SafeText.tip("The server lacks what this view reads: " + reason + "."));
        why.setWrapText(true);
        why.setMaxWidth(600);
        why.getStyleClass().add("error-reason");
        VBox box = new VBox(10, title, why);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().addAll("error-state", "unavailable-view");
        return box;
    }
}
