package com.ja4.workstation.ui.task;

import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The one way the UI runs work off the JavaFX thread: a view's load, a page, an export, a
 * clustering run, opening or connecting a source. Each piece of work is a {@link Task}, listed in
 * the status bar while it runs and cancelled from there (or by the view that owns it).
 *
 * <p>The habits come from desktop tools that do this well: as in JabRef's BackgroundTask and
 * TaskExecutor, work is started through one object that can be replaced in tests, and results
 * come back on the UI thread; as in MZmine's task controller, every running task has a name, a
 * progress and a cancel, and one list shows them all. A task's work runs on the service layer's
 * shared pool through its {@code QueryScope}, which also stops its queries on the server.
 */
public final class Tasks {

    private final ObservableList<Task> running = FXCollections.observableArrayList();
    private final ObservableList<Task> view = FXCollections.unmodifiableObservableList(running);
    private final Executor uiThread;

    /** Results and the task list are updated on the JavaFX thread. */
    public Tasks() {
        this(Tasks::onFxThread);
    }

    /** {@code uiThread}: where results and list changes are delivered (tests may run them in place). */
    public Tasks(Executor uiThread) {
        this.uiThread = uiThread;
    }

    /** The tasks running now, oldest first (the status bar's list). */
    public ObservableList<Task> running() {
        return view;
    }

    /** A new task; it is listed as soon as work is tracked or run through it. */
    public Task start(String name) {
        return new Task(name, this);
    }

    /** Cancels every running task (the status bar's Cancel). */
    public void cancelAll() {
        for (Task t : running.toArray(new Task[0])) t.cancel();
    }

    Executor uiThread() {
        return uiThread;
    }

    void listed(Task t, boolean on) {
        uiThread.execute(() -> {
            if (on && !running.contains(t)) running.add(t);
            else if (!on) running.remove(t);
        });
    }

    private static void onFxThread(Runnable r) {
        if (Platform.isFxApplicationThread()) r.run();
        else Platform.runLater(r);
    }
}
