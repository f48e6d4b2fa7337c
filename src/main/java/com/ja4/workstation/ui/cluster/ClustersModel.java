package com.ja4.workstation.ui.cluster;

import com.ja4.workstation.analysis.cluster.ClusterProfile;
import com.ja4.workstation.analysis.cluster.ClusteringParameters;
import com.ja4.workstation.analysis.cluster.ClusteringRun;
import com.ja4.workstation.analysis.cluster.ClusteringStage;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.cluster.ClusterMemberRow;
import com.ja4.workstation.service.cluster.MemberOrder;
import com.ja4.workstation.service.Workspace;
import com.ja4.workstation.service.cluster.ClusterService.ClusterResult;
import com.ja4.workstation.service.cluster.ClusterService.MemberPage;
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

    /** Member rows per page. */
    public static final int PAGE = 50;

    /** Which half of the main area is in front. */
    public enum Tab { CARDS, GRAPH }

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

    private final Loadable<MemberPage> members = new Loadable<>();
    private final ObservableList<ClusterMemberRow> memberRows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper pagerText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canPrevious = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canNext = new ReadOnlyBooleanWrapper(false);
    private int memberOffset;

    private final ReadOnlyBooleanWrapper exporting = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper exportStatus = new ReadOnlyStringWrapper("");

    private Task run;

    /**
     * @param viewTask the task of the view's current load (member pages run in it)
     * @param tasks    where runs and exports run (their own tasks: "Clustering…", "Exporting…")
     */
    public ClustersModel(Supplier<Workspace> workspace, Supplier<TimeWindow> window, Supplier<Task> viewTask, Tasks tasks) {
        this.workspace = workspace;
        this.window = window;
        this.viewTask = viewTask;
        this.tasks = tasks;
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

    /** The selected cluster's page of members. */
    public Loadable<MemberPage> members() {
        return members;
    }

    public ObservableList<ClusterMemberRow> memberRows() {
        return memberRows;
    }

    /** "1–50 of 312 pairs", "loading…". */
    public ReadOnlyStringProperty pagerTextProperty() {
        return pagerText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canPreviousProperty() {
        return canPrevious.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canNextProperty() {
        return canNext.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty exportingProperty() {
        return exporting.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty exportStatusProperty() {
        return exportStatus.getReadOnlyProperty();
    }

    // ---- commands ---------------------------------------------------------------------------

    /** The view is shown: a run for a new window (or the first), else the members again. */
    public void activate() {
        ClusterResult r = result.get();
        if (r == null || !r.window().equals(window.get())) run();
        else if (selected.get() != null) loadMembers(selected.get().id(), memberOffset);
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
        ClusteringRun c = r.run();
        runInfo.set(String.format(Locale.US, "run %s · %d clusters · %s pairs · %s IPs · %s → %s UTC (%s) · %.1f s",
                c.id(), c.clusters().size(), Fx.count(c.statistics().sampledRows()), Fx.count(c.statistics().ipCount()),
                Fx.MINUTE.format(r.window().from()), Fx.MINUTE.format(r.window().asOf()), r.window().label(),
                c.statistics().totalMillis() / 1000.0));
        selected.set(null);
        result.set(r);
        main.show(r);
        c.clusters().stream().max(Comparator.comparingDouble(ClusterProfile::risk).thenComparingInt(ClusterProfile::ipCount))
                .ifPresent(p -> select(p.id()));
    }

    /** Selects a cluster of the shown run (card, node): the sidebar and its first page of members. */
    public void select(String clusterId) {
        ClusterResult r = result.get();
        if (r == null) return;
        r.run().cluster(clusterId).ifPresent(c -> {
            selected.set(c);
            loadMembers(clusterId, 0);
        });
    }

    public CompletableFuture<?> previousMembers() {
        return selected.get() == null ? CompletableFuture.completedFuture(null)
                : loadMembers(selected.get().id(), Math.max(0, memberOffset - PAGE));
    }

    public CompletableFuture<?> nextMembers() {
        return selected.get() == null ? CompletableFuture.completedFuture(null) : loadMembers(selected.get().id(), memberOffset + PAGE);
    }

    private CompletableFuture<?> loadMembers(String clusterId, int offset) {
        ClusterResult r = result.get();
        Workspace ws = workspace.get();
        if (r == null || ws == null) return CompletableFuture.completedFuture(null);
        memberOffset = offset;
        int total = r.run().memberCount(clusterId);
        canPrevious.set(false);
        canNext.set(false);
        pagerText.set("loading…");
        Task t = viewTask.get();
        CompletableFuture<MemberPage> page = t.track(ws.clusters().members(r, clusterId, MemberOrder.BUSIEST_FIRST, offset, PAGE, t.scope()));
        return t.track(members.load(page, p -> {
            memberRows.setAll(p.rows());
            pagerText.set(total == 0 ? "no pairs" : Fx.count(offset + 1) + "–" + Fx.count(Math.min(total, offset + PAGE))
                    + " of " + Fx.count(total) + " pairs");
            canPrevious.set(offset > 0);
            canNext.set(offset + PAGE < total);
        }, p -> p.rows().isEmpty(), p -> com.ja4.workstation.ui.common.LoadPane.NO_DATA, () -> loadMembers(clusterId, offset)));
    }

    /** A file name for the selected cluster's members: its label and the run id. */
    public String exportFileName() {
        ClusterProfile c = selected.get();
        return "cluster-" + c.label().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "")
                + "-" + result.get().run().id() + ".csv";
    }

    /** Exports the selected cluster's members in the background (status bar progress and cancel). */
    public CompletableFuture<Long> exportMembers(Path target) {
        ClusterResult r = result.get();
        ClusterProfile c = selected.get();
        Workspace ws = workspace.get();
        if (r == null || c == null || ws == null) return CompletableFuture.failedFuture(new IllegalStateException("no cluster selected"));
        Task task = tasks.start("Exporting " + c.label());
        int total = r.run().memberCount(c.id());
        exporting.set(true);
        exportStatus.set("Exporting " + Fx.count(total) + " pairs…");
        CompletableFuture<Long> f = task.track(ws.clusters().exportMembers(r, c.id(), MemberOrder.BUSIEST_FIRST, target,
                n -> task.progress(total == 0 ? 1 : n / (double) total), task.scope()));
        CompletableFuture<Long> shown = new CompletableFuture<>();
        f.whenComplete((n, e) -> Platform.runLater(() -> {
            exporting.set(false);
            if (e == null) exportStatus.set("Exported " + Fx.count(n) + " pairs to " + target);
            else if (QueryScope.isCancellation(e)) exportStatus.set("Export cancelled; no file written");
            else exportStatus.set("Export failed: " + QueryScope.reason(e));
            if (e == null) shown.complete(n);
            else shown.completeExceptionally(e);
        }));
        return shown;
    }
}
