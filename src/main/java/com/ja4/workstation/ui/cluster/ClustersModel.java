package com.ja4.workstation.ui.cluster;

import com.ja4.workstation.analysis.cluster.ClusterProfile;
import com.ja4.workstation.analysis.cluster.ClusteringParameters;
import com.ja4.workstation.analysis.cluster.ClusteringRun;
import com.ja4.workstation.analysis.cluster.ClusteringStage;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.cluster.OsMismatchFigure;
import com.ja4.workstation.service.Workspace;
import com.ja4.workstation.service.cluster.ClusterService.ClusterResult;
import com.ja4.workstation.service.query.QueryScope;
import com.ja4.workstation.ui.common.Fx;
import com.ja4.workstation.ui.common.Loadable;
import com.ja4.workstation.ui.task.Task;
import com.ja4.workstation.ui.task.Tasks;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Clusters view's state and commands (DESIGN 3.14), without a widget: k and sample size, a
 * run with its stage and progress (cancellable; a cancel keeps the previous result), the result and
 * its window, the selected cluster, one page of its members, and the CSV export. Cluster ids are
 * only ever looked up in the run shown, so a later run with another k cannot change what a shown id
 * means.
 */
public final class ClustersModel {

    /** Which half of the main area is in front. */
    public enum Tab { CARDS, GRAPH, CHANGES }

    private final Supplier<Workspace> workspace;
    private final Supplier<TimeWindow> window;
    private final Supplier<Task> viewTask;
    private final Tasks tasks;

    private final IntegerProperty k = new SimpleIntegerProperty(ClusteringParameters.DEFAULT_K);
    private final IntegerProperty sampleSize = new SimpleIntegerProperty(ClusteringParameters.DEFAULT_SAMPLES);
    private final ObjectProperty<Tab> tab = new SimpleObjectProperty<>(Tab.CARDS);
    private final ObjectProperty<GraphGeometry.Layout> graphLayout = new SimpleObjectProperty<>(GraphGeometry.Layout.PCA);

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper stage = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper stageFailed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper runInfo = new ReadOnlyStringWrapper("");
    private final Loadable<ClusterResult> main = new Loadable<>();
    private final ReadOnlyObjectWrapper<ClusterResult> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ClusterProfile> selected = new ReadOnlyObjectWrapper<>();

    private final ClusterMembersModel members;
    private final ClusterComparisonModel comparison;
    private final Loadable<OsMismatchFigure> osMismatch = new Loadable<>();

    private Task run;
    private Task osTask;

    /**
     * @param viewTask the task of the view's current load (member pages run in it)
     * @param tasks    where runs and exports run (their own tasks: "Clustering…", "Exporting…")
     */
    public ClustersModel(Supplier<Workspace> workspace, Supplier<TimeWindow> window, Supplier<Task> viewTask, Tasks tasks) {
        this.workspace = workspace;
        this.window = window;
        this.viewTask = viewTask;
        this.tasks = tasks;
        this.members = new ClusterMembersModel(workspace, result::get, viewTask, tasks);
        this.comparison = new ClusterComparisonModel(workspace, result::get, running::get, tasks);
    }

    // ---- state ------------------------------------------------------------------------------

    /** Clusters asked for ({@link ClusteringParameters#MIN_K}–{@link ClusteringParameters#MAX_K}). */
    public IntegerProperty kProperty() {
        return k;
    }

    /** (IP, JA4) pairs clustered. */
    public IntegerProperty sampleSizeProperty() {
        return sampleSize;
    }

    public ObjectProperty<Tab> tabProperty() {
        return tab;
    }

    public ObjectProperty<GraphGeometry.Layout> graphLayoutProperty() {
        return graphLayout;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public boolean isRunning() {
        return running.get();
    }

    /** The run's progress in [0, 1]. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The stage under way ("k-means++…"), what a cancel or failure did, or "". */
    public ReadOnlyStringProperty stageProperty() {
        return stage.getReadOnlyProperty();
    }

    /** The stage line reports a failure. */
    public ReadOnlyBooleanProperty stageFailedProperty() {
        return stageFailed.getReadOnlyProperty();
    }

    /** "run … · 14 clusters · 3,000 pairs · … IPs · window · 1.2 s". */
    public ReadOnlyStringProperty runInfoProperty() {
        return runInfo.getReadOnlyProperty();
    }

    /** The main area: loading (first run), the result, "Run cancelled…" or the failure with Retry. */
    public Loadable<ClusterResult> main() {
        return main;
    }

    public ReadOnlyObjectProperty<ClusterResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** The run shown and its window; null before the first. */
    public ClusterResult result() {
        return result.get();
    }

    public ReadOnlyObjectProperty<ClusterProfile> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The cluster in the sidebar, if any. */
    public Optional<ClusterProfile> selected() {
        return Optional.ofNullable(selected.get());
    }

    /** The selected cluster's member table: page, order, paging, export. */
    public ClusterMembersModel members() {
        return members;
    }

    /** "Compare with…": the baseline, the changes, badges and outlines. */
    public ClusterComparisonModel comparison() {
        return comparison;
    }

    /**
     * The selected cluster's UA/stack mismatch figure (sidebar): loading, the figure, or the
     * failure with Retry. Looked up in the background for each selected cluster.
     */
    public Loadable<OsMismatchFigure> osMismatch() {
        return osMismatch;
    }

    // ---- commands ---------------------------------------------------------------------------

    /** The view is shown: a run for a new window (or the first), else the members again. */
    public void activate() {
        ClusterResult r = result.get();
        if (r == null || !r.window().equals(window.get())) run();
        else if (selected.get() != null) {
            members.reload();
            if (osMismatch.state() != Loadable.State.CONTENT) loadOsMismatch(selected.get());
        }
    }

    /** Runs k-means++ with the current k and sample size; a running run is cancelled first. */
    public CompletableFuture<Void> run() {
        return startRun(k.get(), sampleSize.get());
    }

    /** Cancels the running run; the previous result stays shown. */
    public void cancel() {
        if (run != null) run.cancel();
    }

    private CompletableFuture<Void> startRun(int clusters, int samples) {
        Workspace ws = workspace.get();
        TimeWindow w = window.get();
        if (ws == null || w == null) return CompletableFuture.completedFuture(null);
        if (run != null) run.cancel();
        Task task = tasks.start("Clustering (k = " + clusters + ", " + Fx.count(samples) + " pairs)");
        run = task;
        setRunning(true, "Starting…");
        if (result.get() == null) main.showLoading();
        CompletableFuture<ClusterResult> f = task.track(ws.clusters().run(w, clusters, samples,
                (s, fraction) -> progress(task, s, fraction), task.scope()));
        CompletableFuture<Void> shown = new CompletableFuture<>();
        f.whenComplete((r, e) -> Platform.runLater(() -> {
            try {
                finished(task, ws, r, e, clusters, samples);
            } finally {
                shown.complete(null);
            }
        }));
        viewTask.get().track(shown);
        return shown;
    }

    private void progress(Task task, ClusteringStage s, double fraction) {
        task.progress(fraction);
        Platform.runLater(() -> {
            if (run != task) return;
            progress.set(fraction);
            stage.set(s.label() + "…");
        });
    }

    private void finished(Task task, Workspace ws, ClusterResult r, Throwable e, int clusters, int samples) {
        if (run != task) return;  // superseded by a newer run
        run = null;
        if (ws != workspace.get()) {  // the analyst switched source meanwhile
            setRunning(false, "");
            return;
        }
        if (e == null) {
            setRunning(false, "");
            show(r);
            return;
        }
        if (task.isCancelled() || QueryScope.isCancellation(e)) {
            setRunning(false, result.get() == null ? "Run cancelled" : "Run cancelled — the previous result is still shown");
            if (result.get() == null) main.showEmpty("Run cancelled. Press Run to cluster this window.");
            return;
        }
        String reason = QueryScope.reason(e);
        setRunning(false, "Run failed: " + reason);
        stageFailed.set(true);
        main.showError("Clustering (k = " + clusters + ", " + Fx.count(samples) + " pairs) failed: " + reason,
                () -> startRun(clusters, samples));
    }

    private void setRunning(boolean on, String text) {
        running.set(on);
        progress.set(on ? 0 : 1);
        stageFailed.set(false);
        stage.set(text);
    }

    private void show(ClusterResult r) {
        runInfo.set(runInfo(r));
        selected.set(null);
        members.clear();
        result.set(r);
        main.show(r);
        viewTask.get().track(comparison.resultShown(r));
        r.run().clusters().stream().max(Comparator.comparingDouble(ClusterProfile::risk).thenComparingInt(ClusterProfile::ipCount))
                .ifPresent(p -> select(p.id()));
    }

    /**
     * "run … · 14 clusters · fitted on 3,000 pairs · assigned 21,204 pairs (20,000 IPs) · window · 1.2 s":
     * the same words as the cards, every count over the same pairs.
     */
    static String runInfo(ClusterResult r) {
        ClusteringRun c = r.run();
        return String.format(Locale.US, "run %s · %d clusters · fitted on %s pairs · assigned %s pairs (%s IPs) · %s → %s UTC (%s) · %.1f s",
                c.id(), c.clusters().size(), Fx.count(r.fittedPairs()), Fx.count(r.assignedPairs()),
                Fx.count(c.statistics().ipCount()), Fx.MINUTE.format(r.window().from()), Fx.MINUTE.format(r.window().asOf()),
                r.window().label(), c.statistics().totalMillis() / 1000.0);
    }

    /** Selects a cluster of the shown run (card, node): the sidebar, its first page of members, its OS mismatch figure. */
    public void select(String clusterId) {
        ClusterResult r = result.get();
        if (r == null) return;
        r.run().cluster(clusterId).ifPresent(c -> {
            selected.set(c);
            members.show(clusterId);
            loadOsMismatch(c);
        });
    }

    private void loadOsMismatch(ClusterProfile c) {
        ClusterResult r = result.get();
        Workspace ws = workspace.get();
        if (r == null || ws == null) return;
        if (osTask != null) osTask.cancel();
        Task t = tasks.start("OS mismatch of " + c.label());
        osTask = t;
        CompletableFuture<OsMismatchFigure> f = t.track(ws.clusters().osMismatch(r, c.id(), t.scope()));
        viewTask.get().track(osMismatch.load(f, fig -> fig.clients() == 0, fig -> "No clients", () -> loadOsMismatch(c))
                .handle((v, e) -> null));
    }

    /** A file name for the selected cluster's members: its label and the run id. */
    public String exportFileName() {
        ClusterProfile c = selected.get();
        return "cluster-" + c.label().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "")
                + "-" + result.get().run().id() + ".csv";
    }

    /** Exports the selected cluster's members in the table's order, in the background (status bar progress and cancel). */
    public CompletableFuture<Long> exportMembers(Path target) {
        ClusterProfile c = selected.get();
        if (c == null) return CompletableFuture.failedFuture(new IllegalStateException("no cluster selected"));
        return members.export(target, c.label());
    }
}
