package com.ja4.workstation.ui.shell;

import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.service.Workspace;
import com.ja4.workstation.service.query.QueryScope;
import com.ja4.workstation.ui.common.BackgroundTasks;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Base of every view controller: a view loads with the current workspace and time window, all
 * its queries run in one {@link QueryScope} (in parallel), and leaving the view cancels them.
 */
public abstract class ViewController {

    private AppModel model;
    private QueryScope scope;
    private BackgroundTasks.Entry task;
    private final List<CompletableFuture<?>> pending = new ArrayList<>();

    /** Called once after FXML loading. */
    public void init(AppModel model) {
        this.model = model;
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

    public abstract ViewId id();

    /** (Re)loads everything the view shows. */
    public final void activate() {
        deactivate();
        if (workspace() == null || window() == null) return;
        scope = QueryScope.parallel();
        QueryScope s = scope;
        task = model.tasks().start("Loading " + id().title(), s::cancel);
        pending.clear();
        load(s);
        BackgroundTasks.Entry t = task;
        idle().whenComplete((v, e) -> t.done());
    }

    /** Cancels the view's running queries. */
    public final void deactivate() {
        onDeactivate();
        if (scope != null) scope.cancel();
        if (task != null) task.done();
        scope = null;
        task = null;
    }

    /** Called when the view is left or reloaded: cancel work the view runs outside its scope. */
    protected void onDeactivate() {
    }

    /** Starts the view's queries; each future should be passed to {@link #track}. */
    protected abstract void load(QueryScope scope);

    /** The scope of the current load, for follow-up queries (paging, retry). */
    protected QueryScope scope() {
        if (scope == null || scope.isCancelled()) scope = QueryScope.parallel();
        return scope;
    }

    protected <T> CompletableFuture<T> track(CompletableFuture<T> f) {
        synchronized (pending) {
            pending.add(f);
        }
        return f;
    }

    /** Completes when every load started so far has finished (successfully or not). */
    public CompletableFuture<Void> idle() {
        CompletableFuture<?>[] all;
        synchronized (pending) {
            all = pending.toArray(new CompletableFuture<?>[0]);
        }
        return CompletableFuture.allOf(all).handle((v, e) -> null);
    }
}
