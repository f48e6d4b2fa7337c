package com.ja4.workstation.ui.detail;

import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.table.Detection;
import com.ja4.workstation.domain.table.Score;
import com.ja4.workstation.service.Workspace;
import com.ja4.workstation.service.detail.RowDetail;
import com.ja4.workstation.service.query.QueryScope;
import com.ja4.workstation.ui.common.Loadable;
import com.ja4.workstation.ui.task.Task;
import com.ja4.workstation.ui.task.Tasks;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The detail pane of a table (Detections, Scores, the IP drill-down's detections and scores),
 * without a widget: the selected row, whether the analyst wants the pane, and the row's detail
 * loaded in the background (its own task, so moving down a table cancels the previous row's
 * queries). The pane is visible while a row is selected and the analyst has not closed it.
 *
 * @param <R> the table's row
 */
public final class DetailModel<R> {

    /** Loads the detail of a row. */
    @FunctionalInterface
    public interface Source<R> {
        CompletableFuture<Optional<RowDetail>> load(Workspace ws, R row, TimeWindow w, QueryScope scope);
    }

    public static final Source<Detection> DETECTIONS = (ws, r, w, s) -> ws.detail().detection(r, w, s);
    public static final Source<Score> SCORES = (ws, r, w, s) -> ws.detail().score(r, w, s);
    /** A detection or a scored window (the IP drill-down: one pane for both tables). */
    public static final Source<Object> DETECTION_OR_SCORE = (ws, r, w, s) -> r instanceof Detection d ? DETECTIONS.load(ws, d, w, s)
            : SCORES.load(ws, (Score) r, w, s);

    /** The empty state's text: the row was in the page but the source no longer holds it. */
    public static final String GONE = "This row is no longer in the source.";

    private final Source<R> source;
    private final Supplier<Workspace> workspace;
    private final Supplier<TimeWindow> window;
    private final Supplier<Task> viewTask;
    private final Tasks tasks;
    private final ObjectProperty<R> selected = new SimpleObjectProperty<>();
    private final BooleanProperty wanted = new SimpleBooleanProperty(true);
    private final BooleanBinding visible = Bindings.createBooleanBinding(() -> wanted.get() && selected.get() != null, wanted, selected);
    private final Loadable<Optional<RowDetail>> detail = new Loadable<>();
    private Task running;
    private R loaded;

    /**
     * @param viewTask the view's task: a detail load is also tracked there, so the view is idle only
     *                 once its detail is shown (render, tests)
     * @param tasks    where each row's load runs as its own task
     */
    public DetailModel(Source<R> source, Supplier<Workspace> workspace, Supplier<TimeWindow> window, Supplier<Task> viewTask,
                       Tasks tasks) {
        this.source = source;
        this.workspace = workspace;
        this.window = window;
        this.viewTask = viewTask;
        this.tasks = tasks;
        wanted.addListener((o, a, on) -> {
            if (on) loadIfNeeded();
            else cancel();
        });
    }

    /** The row whose detail is shown (null: none selected). */
    public ObjectProperty<R> selectedProperty() {
        return selected;
    }

    public R selected() {
        return selected.get();
    }

    /** The analyst wants the pane (the Details toggle; closing the pane clears it). */
    public BooleanProperty wantedProperty() {
        return wanted;
    }

    /** The pane shows: a row is selected and the analyst wants the pane. */
    public BooleanBinding visibleProperty() {
        return visible;
    }

    /** The detail of the selected row: loading, content, empty ({@link #GONE}) or the error with Retry. */
    public Loadable<Optional<RowDetail>> detail() {
        return detail;
    }

    /** Shows a row's detail (null: none); returns when it is shown (at once when the pane is closed). */
    public CompletableFuture<?> select(R row) {
        selected.set(row);
        if (row == null) {
            cancel();
            loaded = null;
            return CompletableFuture.completedFuture(null);
        }
        return loadIfNeeded();
    }

    /** Hides the pane until the analyst asks for it again. */
    public void close() {
        wanted.set(false);
    }

    private CompletableFuture<?> loadIfNeeded() {
        R row = selected.get();
        if (!wanted.get() || row == null || row.equals(loaded) && detail.state() != Loadable.State.ERROR) {
            return CompletableFuture.completedFuture(null);
        }
        return load(row);
    }

    private CompletableFuture<?> load(R row) {
        cancel();
        loaded = row;
        Task t = tasks.start("Loading the row's detail");
        running = t;
        CompletableFuture<Optional<RowDetail>> f = t.track(source.load(workspace.get(), row, window.get(), t.scope()));
        CompletableFuture<Optional<RowDetail>> shown = detail.load(f, Optional::isEmpty, d -> GONE, () -> load(row));
        Task view = viewTask.get();
        return view == null ? shown : view.track(shown.handle((v, e) -> v));
    }

    private void cancel() {
        if (running != null) running.cancel();
        running = null;
        loaded = null; // whatever was shown is reloaded when asked again
    }
}
