package com.ja4.workstation.ui.common;

import com.ja4.workstation.service.query.QueryScope;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * One piece of a view model's data in one of four states: loading, content, empty or error (with
 * the reason and a retry). Plain state a test can read; a {@link LoadPane} shows it. Results arrive
 * on the JavaFX thread; a result superseded by a newer load is dropped, a cancelled load leaves the
 * state as it is (the view was left or reloaded).
 */
public final class Loadable<T> {

    public enum State { LOADING, CONTENT, EMPTY, ERROR }

    /** The state with what it carries: the value (content, empty) or the message (empty, error). */
    public record Status<T>(State state, T value, String message, Runnable retry) {
    }

    private final ReadOnlyObjectWrapper<Status<T>> status = new ReadOnlyObjectWrapper<>(new Status<>(State.LOADING, null, "", null));
    private long generation;

    /** The current status, observable (the pane that shows it listens). */
    public ReadOnlyObjectProperty<Status<T>> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public State state() {
        return status.get().state();
    }

    /** The last value shown (content or empty), null before. */
    public T value() {
        return status.get().value();
    }

    /** The text of the empty or error state. */
    public String message() {
        return status.get().message();
    }

    /** Retries a failed load (the error state's button). */
    public void retry() {
        Runnable r = status.get().retry();
        if (r != null) r.run();
    }

    public void showLoading() {
        generation++;
        status.set(new Status<>(State.LOADING, value(), "", null));
    }

    /** Content now (a value the model already has). */
    public void show(T value) {
        generation++;
        status.set(new Status<>(State.CONTENT, value, "", null));
    }

    public void showEmpty(String text) {
        generation++;
        status.set(new Status<>(State.EMPTY, value(), text, null));
    }

    public void showError(String reason, Runnable retry) {
        generation++;
        status.set(new Status<>(State.ERROR, value(), reason, retry));
    }

    /**
     * Loading now, then the outcome of {@code future}: content, empty ("No data in this window" or
     * {@code emptyText}) or the error with its reason and {@code retry}. The returned future completes
     * once the state is set, so a caller (a test) can wait for what the analyst sees.
     */
    public CompletableFuture<T> load(CompletableFuture<T> future, Predicate<T> isEmpty, Function<T, String> emptyText,
                                     Runnable retry) {
        return load(future, v -> { }, isEmpty, emptyText, retry);
    }

    /**
     * As {@link #load(CompletableFuture, Predicate, Function, Runnable)}; {@code apply} takes the
     * value into the model on the JavaFX thread just before the state changes (not when superseded).
     */
    public CompletableFuture<T> load(CompletableFuture<T> future, java.util.function.Consumer<T> apply, Predicate<T> isEmpty,
                                     Function<T, String> emptyText, Runnable retry) {
        showLoading();
        long g = generation;
        CompletableFuture<T> shown = new CompletableFuture<>();
        future.whenComplete((v, e) -> onFx(() -> {
            try {
                if (g != generation) return; // superseded by a newer load
                if (e != null) {
                    if (!QueryScope.isCancellation(e)) status.set(new Status<>(State.ERROR, value(), QueryScope.reason(e), retry));
                } else {
                    apply.accept(v);
                    boolean empty = isEmpty.test(v);
                    status.set(new Status<>(empty ? State.EMPTY : State.CONTENT, v, empty ? emptyText.apply(v) : "", null));
                }
            } finally {
                if (e != null) shown.completeExceptionally(e);
                else shown.complete(v);
            }
        }));
        return shown;
    }

    /** As {@link #load(CompletableFuture, Predicate, Function, Runnable)} with the usual empty text. */
    public CompletableFuture<T> load(CompletableFuture<T> future, Predicate<T> isEmpty, Runnable retry) {
        return load(future, isEmpty, v -> LoadPane.NO_DATA, retry);
    }

    private static void onFx(Runnable r) {
        if (Platform.isFxApplicationThread()) r.run();
        else Platform.runLater(r);
    }
}
