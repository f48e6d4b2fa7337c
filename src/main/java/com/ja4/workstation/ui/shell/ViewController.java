package com.ja4.workstation.ui.shell;

import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.service.Workspace;
import com.ja4.workstation.service.query.QueryScope;
import com.ja4.workstation.ui.task.Task;
import java.util.concurrent.CompletableFuture;

/**
 * Base of every view controller: a view loads with the current workspace and time window, all
 * its queries run in one {@link Task} ("Loading NAME" in the status bar, in parallel), and leaving
 * the view cancels them.
 */
public abstract class ViewController {

    private AppModel model;
    private ViewId id;
    private Task task;

    /** Called once after FXML loading (by {@link ViewLoader}); subclasses wire their models in {@link #onInit()}. */
    public final void init(AppModel model, ViewId id) {
        this.model = model;
        this.id = id;
        onInit();
    }

    /** The model and id are set: bind what needs them. */
    protected void onInit() {
    }

    protected AppModel model() {
        return model;
    }

    protected Workspace workspace() {
        return model.workspace();
    }

    protected TimeWindow window() {
        return model.window();
    }

    public final ViewId id() {
        return id;
    }

    /** (Re)loads everything the view shows. */
    public final void activate() {
        deactivate();
        if (workspace() == null || window() == null) return;
        load(task().scope());
    }

    /** Cancels the view's running work. */
    public final void deactivate() {
        onDeactivate();
        if (task != null) task.cancel();
        task = null;
    }

    /**
     * Another view asks this one to show something ({@link ViewRequest}); called before the view is
     * shown. True when the view must reload to show it (a new filter); false when {@link #fulfil}
     * shows it. Views that take no request ignore it.
     */
    protected boolean prepare(ViewRequest request) {
        return false;
    }

    /** The view is in front: show what was asked for ({@code reloaded}: the view has just loaded everything). */
    protected void fulfil(ViewRequest request, boolean reloaded) {
    }

    /** Shows a request at once on a view that is already loaded (render --ip / --ja4). */
    public final void request(ViewRequest request) {
        boolean reload = prepare(request);
        if (reload) activate();
        fulfil(request, reload);
    }

    /** Called when the view is left or reloaded: cancel work the view runs outside its task. */
    protected void onDeactivate() {
    }

    /** Starts the view's queries; each future should be passed to {@link #track}. */
    protected abstract void load(QueryScope scope);

    /** The task of the current load (a new one after a cancel), for follow-up work (paging, retry). */
    protected Task task() {
        if (task == null || task.isCancelled()) task = model.tasks().start("Loading " + id.title());
        return task;
    }

    /** The scope of the current load, for follow-up queries. */
    protected QueryScope scope() {
        return task().scope();
    }

    protected <T> CompletableFuture<T> track(CompletableFuture<T> f) {
        return task().track(f);
    }

    /** Completes when every load started so far has finished (successfully or not). */
    public CompletableFuture<Void> idle() {
        Task t = task;
        return t == null ? CompletableFuture.completedFuture(null) : t.idle();
    }
}
