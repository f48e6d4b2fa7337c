package com.ja4.workstation.ui.common;

import com.ja4.workstation.service.query.QueryScope;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Shows one piece of data in one of four states: loading, content, empty ("No data in this
 * window") or error (reason + Retry). An error is never shown as an empty chart.
 */
public class LoadPane extends StackPane {

    public enum State { LOADING, CONTENT, EMPTY, ERROR }

    /** The empty state's usual text. */
    public static final String NO_DATA = "No data in this window";

    private final Node content;
    private final VBox overlay = new VBox(8);
    private final javafx.beans.property.ReadOnlyObjectWrapper<State> state = new javafx.beans.property.ReadOnlyObjectWrapper<>(State.LOADING);
    private String message = "";
    /** Bumped by each bind: a result that arrives after a newer bind is dropped (never shows stale data). */
    private long generation;

    /** A pane around {@code content}, placed in {@code host}. */
    public static LoadPane in(StackPane host, Node content) {
        LoadPane p = new LoadPane(content);
        host.getChildren().add(p);
        return p;
    }

    public LoadPane(Node content) {
        this.content = content;
        overlay.setAlignment(Pos.CENTER);
        overlay.getStyleClass().add("load-overlay");
        overlay.managedProperty().bind(overlay.visibleProperty()); // a hidden overlay takes no room
        getChildren().addAll(content, overlay);
        getStyleClass().add("load-pane");
        showLoading();
    }

    public State state() {
        return state.get();
    }

    /** The state, observable (e.g. to collapse a section while it only shows a message). */
    public javafx.beans.property.ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Text of the current empty or error state. */
    public String message() {
        return message;
    }

    public void showLoading() {
        state.set(State.LOADING);
        message = "";
        ProgressIndicator p = new ProgressIndicator();
        p.setMaxSize(36, 36);
        Label l = new Label("Loading…");
        l.getStyleClass().add("muted");
        overlay.getChildren().setAll(p, l);
        overlay.setVisible(true);
        content.setVisible(false);
    }

    public void showContent() {
        state.set(State.CONTENT);
        message = "";
        overlay.setVisible(false);
        content.setVisible(true);
    }

    public void showEmpty(String text) {
        state.set(State.EMPTY);
        message = text;
        Label l = new Label(text);
        l.getStyleClass().add("empty-state");
        overlay.getChildren().setAll(l);
        overlay.setVisible(true);
        content.setVisible(false);
    }

    public void showError(String reason, Runnable retry) {
        state.set(State.ERROR);
        message = reason;
        Label title = new Label("⚠  Query failed");
        title.getStyleClass().add("error-title");
        Label why = new Label(reason);
        why.setWrapText(true);
        why.getStyleClass().add("error-reason");
        why.setMaxWidth(520);
        overlay.getChildren().setAll(title, why);
        if (retry != null) {
            Button b = new Button("Retry");
            b.getStyleClass().add("retry-button");
            b.setOnAction(e -> retry.run());
            overlay.getChildren().add(b);
        }
        overlay.getStyleClass().add("error-state");
        overlay.setVisible(true);
        content.setVisible(false);
    }

    /**
     * Shows loading, then the result of the future on the FX thread: content, empty or error.
     * A cancelled load leaves the pane as it is (the view was left or reloaded); a load superseded by
     * a newer bind of this pane is dropped.
     */
    public <T> CompletableFuture<T> bind(CompletableFuture<T> future, Consumer<T> render, Predicate<T> isEmpty, Runnable retry) {
        return bind(future, render, isEmpty, v -> NO_DATA, retry);
    }

    /** As {@link #bind(CompletableFuture, Consumer, Predicate, Runnable)}, with the empty state's text made from the result. */
    public <T> CompletableFuture<T> bind(CompletableFuture<T> future, Consumer<T> render, Predicate<T> isEmpty,
                                         java.util.function.Function<T, String> emptyText, Runnable retry) {
        overlay.getStyleClass().remove("error-state");
        showLoading();
        long g = ++generation;
        return future.whenComplete((value, error) -> Platform.runLater(() -> {
            if (g != generation) return; // superseded by a newer load of this pane
            if (error != null) {
                if (!QueryScope.isCancellation(error)) showError(QueryScope.reason(error), retry);
                return;
            }
            render.accept(value);
            if (isEmpty.test(value)) showEmpty(emptyText.apply(value));
            else showContent();
        }));
    }

    /**
     * Shows a view model's {@link Loadable}: its state as it changes, {@code render} applied to the
     * value before content or empty is shown.
     */
    public <T> void show(Loadable<T> model, Consumer<T> render) {
        model.statusProperty().addListener((o, old, now) -> showStatus(now, render));
        showStatus(model.statusProperty().get(), render);
    }

    private <T> void showStatus(Loadable.Status<T> s, Consumer<T> render) {
        overlay.getStyleClass().remove("error-state");
        switch (s.state()) {
            case LOADING -> showLoading();
            case CONTENT -> {
                render.accept(s.value());
                showContent();
            }
            case EMPTY -> {
                render.accept(s.value());
                showEmpty(s.message());
            }
            case ERROR -> showError(s.message(), s.retry());
        }
    }
}
