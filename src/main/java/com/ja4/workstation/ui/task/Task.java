package com.ja4.workstation.ui.task;

import com.ja4.workstation.service.query.QueryScope;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One piece of background work started by the UI (see {@link Tasks}): its {@link #scope()} is
 * handed to services, whose futures are {@link #track tracked}; the task is listed in the status bar
 * while any of them runs, and {@link #cancel()} stops them all (queries included).
 */
public final class Task {

    private final Tasks owner;
    private final ReadOnlyStringWrapper name;
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final QueryScope scope = QueryScope.parallel();
    private final List<CompletableFuture<?>> tracked = new ArrayList<>();
    private int active;

    Task(String name, Tasks owner) {
        this.name = new ReadOnlyStringWrapper(name);
        this.owner = owner;
    }

    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    /** Progress in [0, 1], or -1 when unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Reports progress, from any thread. */
    public void progress(double fraction) {
        owner.uiThread().execute(() -> progress.set(fraction));
    }

    /** Where the task's work runs: pass it to services (their futures stop when the task is cancelled). */
    public QueryScope scope() {
        return scope;
    }

    public boolean isCancelled() {
        return scope.isCancelled();
    }

    /** Keeps the task listed until {@code f} completes; returns {@code f}. */
    public <T> CompletableFuture<T> track(CompletableFuture<T> f) {
        synchronized (tracked) {
            tracked.add(f);
            active++;
        }
        owner.listed(this, !isCancelled());
        f.whenComplete((v, e) -> {
            boolean idle;
            synchronized (tracked) {
                idle = --active == 0;
            }
            if (idle) owner.listed(this, false);
        });
        return f;
    }

    /** Runs work that is not a service call (opening a source, connecting) on the pool, tracked. */
    public <T> CompletableFuture<T> run(Callable<T> work) {
        return track(scope.call(work));
    }

    /**
     * Delivers the outcome of {@code f} on the UI thread: the value, or the failure; nothing when
     * the task was cancelled (whoever cancelled it knows). Returns a future completed after the
     * callback ran, so callers (and tests) can wait for the UI to show it.
     */
    public <T> CompletableFuture<T> then(CompletableFuture<T> f, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        CompletableFuture<T> shown = new CompletableFuture<>();
        track(f).whenComplete((v, e) -> owner.uiThread().execute(() -> {
            try {
                if (e == null) onSuccess.accept(v);
                else if (!isCancelled() && !QueryScope.isCancellation(e)) onFailure.accept(e);
            } finally {
                if (e == null) shown.complete(v);
                else shown.completeExceptionally(e);
            }
        }));
        return shown;
    }

    /** Completes when everything tracked so far has finished (successfully or not). */
    public CompletableFuture<Void> idle() {
        CompletableFuture<?>[] all;
        synchronized (tracked) {
            all = tracked.toArray(new CompletableFuture<?>[0]);
        }
        return CompletableFuture.allOf(all).handle((v, e) -> null);
    }

    /** Stops the task's work (running queries are killed on the server) and removes it from the list. */
    public void cancel() {
        scope.cancel();
        owner.listed(this, false);
    }
}
