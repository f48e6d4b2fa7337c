package com.ja4.workstation.ui.cluster;

import com.ja4.workstation.analysis.cluster.ClusterChange;
import com.ja4.workstation.analysis.cluster.MovedIp;
import com.ja4.workstation.analysis.cluster.RunChanges;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.service.Workspace;
import com.ja4.workstation.service.cluster.ClusterComparison;
import com.ja4.workstation.service.cluster.ClusterService;
import com.ja4.workstation.service.cluster.ClusterService.ClusterResult;
import com.ja4.workstation.service.cluster.RunBaseline;
import com.ja4.workstation.service.query.QueryScope;
import com.ja4.workstation.ui.common.Fx;
import com.ja4.workstation.ui.common.Loadable;
import com.ja4.workstation.ui.task.Task;
import com.ja4.workstation.ui.task.Tasks;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "Compare with…": the run shown compared with a baseline (the previous run, the window before, a
 * run file) in a background task with progress and cancel. Once chosen, the baseline stays: each
 * new run shown is compared with the same kind of baseline until the analyst picks "No comparison".
 * Holds what the cards (badges), the graph (outlines) and the Changes list show.
 */
public final class ClusterComparisonModel {

    private final Supplier<Workspace> workspace;
    private final Supplier<ClusterResult> result;
    private final BooleanSupplier runPending;
    private final Tasks tasks;

    private final ReadOnlyObjectWrapper<RunBaseline> baseline = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ClusterComparison> comparison = new ReadOnlyObjectWrapper<>();
    private final Loadable<ClusterComparison> changesPane = new Loadable<>();
    private final ObservableList<ClusterChange> changes = FXCollections.observableArrayList();
    private final ObservableList<MovedIp> moved = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canComparePrevious = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper windowBefore = new ReadOnlyStringWrapper("");
    private Task task;

    /** @param runPending true while a run is under way (a comparison then waits for its result) */
    ClusterComparisonModel(Supplier<Workspace> workspace, Supplier<ClusterResult> result, BooleanSupplier runPending, Tasks tasks) {
        this.workspace = workspace;
        this.result = result;
        this.runPending = runPending;
        this.tasks = tasks;
        changesPane.showEmpty(NONE);
    }

    static final String NONE = "No comparison. Use \"Compare with…\" to see what changed since the previous run,"
            + " the window before, or a run saved with cluster --out.";

    // ---- state ------------------------------------------------------------------------------

    /** What the runs are compared with; null for none. */
    public ReadOnlyObjectProperty<RunBaseline> baselineProperty() {
        return baseline.getReadOnlyProperty();
    }

    /** The comparison of the run shown; null when none (or still running). */
    public ReadOnlyObjectProperty<ClusterComparison> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    public Optional<ClusterComparison> comparison() {
        return Optional.ofNullable(comparison.get());
    }

    /** The Changes tab: no comparison, comparing, the changes, or the failure with Retry. */
    public Loadable<ClusterComparison> changesPane() {
        return changesPane;
    }

    /** New, grown, shrunk and vanished clusters, then those that only changed risk group. */
    public ObservableList<ClusterChange> changes() {
        return changes;
    }

    /** IPs that moved from a legitimate or suspect cluster into a bot cluster, riskiest destination first. */
    public ObservableList<MovedIp> movedToBots() {
        return moved;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public boolean isRunning() {
        return running.get();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** "Comparing with the window before: k-means++…", the summary of the changes, or the failure. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    /** True when this source has a run before the one shown. */
    public ReadOnlyBooleanProperty canComparePreviousProperty() {
        return canComparePrevious.getReadOnlyProperty();
    }

    /** The window before the run's, for the menu: "2026-11-19 00:00 → 2026-11-19 12:00 UTC". */
    public ReadOnlyStringProperty windowBeforeProperty() {
        return windowBefore.getReadOnlyProperty();
    }

    /** The change of a cluster of the run shown (a card badge, a node outline), if compared. */
    public Optional<ClusterChange> changeOf(String clusterId) {
        ClusterComparison c = comparison.get();
        return c == null ? Optional.empty() : c.changes().of(clusterId);
    }

    /** Clusters of the earlier run that no current cluster matches. */
    public List<ClusterChange> vanished() {
        ClusterComparison c = comparison.get();
        return c == null ? List.of() : c.changes().ofKind(ClusterChange.Kind.VANISHED);
    }

    // ---- commands ---------------------------------------------------------------------------

    /**
     * Compares the run shown with {@code with} (kept for later runs); while a run is under way the
     * comparison starts when its result is shown. The future completes once the outcome is shown.
     */
    public CompletableFuture<Void> compareWith(RunBaseline with) {
        baseline.set(with);
        if (result.get() == null || runPending.getAsBoolean()) {
            cancelTask();
            status.set("Compares with " + with.describe() + " when the run finishes");
            return CompletableFuture.completedFuture(null);
        }
        return start(with, result.get());
    }

    /** No comparison any more: badges, outlines and the Changes list go. */
    public void clear() {
        baseline.set(null);
        cancelTask();
        reset();
        status.set("");
        changesPane.showEmpty(NONE);
    }

    /** Cancels the comparison under way; the cards show no changes until the next comparison. */
    public void cancel() {
        if (task != null) task.cancel();  // finished(..) then says so
    }

    /** A run is shown: the menu's choices follow it, and a chosen baseline is compared with it. */
    CompletableFuture<Void> resultShown(ClusterResult r) {
        cancelTask();
        reset();
        Workspace ws = workspace.get();
        canComparePrevious.set(ws != null && ws.clusters().runBefore(r).isPresent());
        TimeWindow before = ClusterService.windowBefore(r.window());
        windowBefore.set(Fx.MINUTE.format(before.from()) + " → " + Fx.MINUTE.format(before.asOf()) + " UTC");
        if (baseline.get() == null) {
            status.set("");
            changesPane.showEmpty(NONE);
            return CompletableFuture.completedFuture(null);
        }
        return start(baseline.get(), r);
    }

    private CompletableFuture<Void> start(RunBaseline with, ClusterResult current) {
        Workspace ws = workspace.get();
        if (ws == null) return CompletableFuture.completedFuture(null);
        cancelTask();
        reset();
        Task t = tasks.start("Comparing with " + with.describe());
        task = t;
        running.set(true);
        failed.set(false);
        progress.set(0);
        status.set("Comparing with " + with.describe() + "…");
        changesPane.showLoading();
        CompletableFuture<ClusterComparison> f = ws.clusters().compare(current, with, (what, fraction) -> {
            t.progress(fraction);
            Platform.runLater(() -> {
                if (task != t) return;
                progress.set(fraction);
                status.set(what + "…");
            });
        }, t.scope());
        t.track(f);
        CompletableFuture<Void> shown = new CompletableFuture<>();
        f.whenComplete((c, e) -> Platform.runLater(() -> {
            try {
                finished(t, with, current, c, e);
            } finally {
                shown.complete(null);
            }
        }));
        return shown;
    }

    private void finished(Task t, RunBaseline with, ClusterResult current, ClusterComparison c, Throwable e) {
        if (task != t || current != result.get()) return;  // superseded by another comparison or run
        task = null;
        running.set(false);
        if (e == null) {
            show(c);
        } else if (t.isCancelled() || QueryScope.isCancellation(e)) {
            status.set("Comparison cancelled");
            changesPane.showEmpty("Comparison cancelled. Use \"Compare with…\" to try again.");
        } else {
            failed.set(true);
            String reason = QueryScope.reason(e);
            status.set("Comparison failed: " + reason);
            changesPane.showError("Comparing with " + with.describe() + " failed: " + reason, () -> compareWith(with));
        }
    }

    private void show(ClusterComparison c) {
        RunChanges rc = c.changes();
        List<ClusterChange> listed = new ArrayList<>();
        for (ClusterChange.Kind k : List.of(ClusterChange.Kind.NEW, ClusterChange.Kind.GROWN, ClusterChange.Kind.SHRUNK,
                ClusterChange.Kind.VANISHED)) {
            rc.ofKind(k).stream().sorted(Comparator.comparingInt((ClusterChange x) -> -Math.max(x.pairs(), x.earlierPairs())))
                    .forEach(listed::add);
        }
        rc.ofKind(ClusterChange.Kind.STABLE).stream().filter(ClusterChange::groupChanged).forEach(listed::add);
        changes.setAll(listed);
        moved.setAll(rc.movedToBots());
        comparison.set(c);  // after the lists: listeners of the comparison read them
        status.set(summary(c));
        changesPane.show(c);
    }

    /** "vs the window before (…): 2 new · 2 vanished · 4 grown · 1 shrunk · 18 IPs moved into bots". */
    static String summary(ClusterComparison c) {
        RunChanges rc = c.changes();
        String where = c.window().map(w -> Fx.MINUTE.format(w.from()) + " → " + Fx.MINUTE.format(w.asOf()) + " UTC, ").orElse("");
        return "vs " + c.baseline().describe() + " (" + where + "run " + c.earlier().id() + "): "
                + rc.count(ClusterChange.Kind.NEW) + " new · " + rc.count(ClusterChange.Kind.VANISHED) + " vanished · "
                + rc.count(ClusterChange.Kind.GROWN) + " grown · " + rc.count(ClusterChange.Kind.SHRUNK) + " shrunk · "
                + Fx.count(rc.movedToBots().size()) + (rc.movedToBots().size() == 1 ? " IP" : " IPs") + " moved into bots";
    }

    private void cancelTask() {
        if (task != null) task.cancel();
        task = null;
        running.set(false);
    }

    private void reset() {
        comparison.set(null);
        changes.clear();
        moved.clear();
        failed.set(false);
        progress.set(0);
    }
}
