package com.ja4.workstation.ui.cluster;

import com.ja4.workstation.domain.cluster.ClusterMemberRow;
import com.ja4.workstation.service.Workspace;
import com.ja4.workstation.service.cluster.ClusterService.ClusterResult;
import com.ja4.workstation.service.cluster.ClusterService.MemberPage;
import com.ja4.workstation.service.cluster.MemberOrder;
import com.ja4.workstation.service.query.QueryScope;
import com.ja4.workstation.ui.common.Fx;
import com.ja4.workstation.ui.common.LoadPane;
import com.ja4.workstation.ui.common.Loadable;
import com.ja4.workstation.ui.task.Task;
import com.ja4.workstation.ui.task.Tasks;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The selected cluster's member table: one page of its (IP, JA4) pairs in the chosen order (the
 * service sorts all of the cluster's pairs, so page 2 follows page 1 in that order), paging, and the
 * CSV export in the same order. Busiest first until a header asks for another column.
 */
public final class ClusterMembersModel {

    /** Member rows per page. */
    public static final int PAGE = 50;

    private final Supplier<Workspace> workspace;
    private final Supplier<ClusterResult> result;
    private final Supplier<Task> viewTask;
    private final Tasks tasks;

    private final Loadable<MemberPage> page = new Loadable<>();
    private final ObservableList<ClusterMemberRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<MemberOrder> order = new ReadOnlyObjectWrapper<>(MemberOrder.BUSIEST_FIRST);
    private final ReadOnlyStringWrapper pagerText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canPrevious = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canNext = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper exporting = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper exportStatus = new ReadOnlyStringWrapper("");
    private String clusterId;
    private int offset;

    ClusterMembersModel(Supplier<Workspace> workspace, Supplier<ClusterResult> result, Supplier<Task> viewTask, Tasks tasks) {
        this.workspace = workspace;
        this.result = result;
        this.viewTask = viewTask;
        this.tasks = tasks;
    }

    /** The shown page: loading, the rows, or the failure with Retry. */
    public Loadable<MemberPage> page() {
        return page;
    }

    public ObservableList<ClusterMemberRow> rows() {
        return rows;
    }

    /** The order of the table and of the export; busiest first by default. */
    public ReadOnlyObjectProperty<MemberOrder> orderProperty() {
        return order.getReadOnlyProperty();
    }

    public MemberOrder order() {
        return order.get();
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

    /** "Exported 312 pairs to …", "Export cancelled; no file written", the failure, or "". */
    public ReadOnlyStringProperty exportStatusProperty() {
        return exportStatus.getReadOnlyProperty();
    }

    /** The cluster whose members are shown, if any. */
    public Optional<String> clusterId() {
        return Optional.ofNullable(clusterId);
    }

    /** Shows the first page of another cluster (the order stays). */
    CompletableFuture<?> show(String id) {
        clusterId = id;
        return load(0);
    }

    /** Shows the current page again (the view came back). */
    CompletableFuture<?> reload() {
        return clusterId == null ? CompletableFuture.completedFuture(null) : load(offset);
    }

    /**
     * Sorts by a column of the whitelist ({@link MemberOrder.Column#fromId}); the service sorts every
     * pair of the cluster and the first page is shown. An unknown column id changes nothing.
     */
    public CompletableFuture<?> sortBy(String columnId, boolean descending) {
        Optional<MemberOrder.Column> column = MemberOrder.Column.fromId(columnId);
        if (column.isEmpty()) return CompletableFuture.completedFuture(null);
        return sortBy(new MemberOrder(column.get(), descending));
    }

    /** Sorts in this order (busiest first: {@link MemberOrder#BUSIEST_FIRST}). */
    public CompletableFuture<?> sortBy(MemberOrder newOrder) {
        if (newOrder.equals(order.get())) return CompletableFuture.completedFuture(null);
        order.set(newOrder);
        return clusterId == null ? CompletableFuture.completedFuture(null) : load(0);
    }

    public CompletableFuture<?> previous() {
        return clusterId == null ? CompletableFuture.completedFuture(null) : load(Math.max(0, offset - PAGE));
    }

    public CompletableFuture<?> next() {
        return clusterId == null ? CompletableFuture.completedFuture(null) : load(offset + PAGE);
    }

    private CompletableFuture<?> load(int from) {
        ClusterResult r = result.get();
        Workspace ws = workspace.get();
        String id = clusterId;
        if (r == null || ws == null || id == null) return CompletableFuture.completedFuture(null);
        offset = from;
        int total = r.run().memberCount(id);
        MemberOrder o = order.get();
        canPrevious.set(false);
        canNext.set(false);
        pagerText.set("loading…");
        Task t = viewTask.get();
        CompletableFuture<MemberPage> f = t.track(ws.clusters().members(r, id, o, from, PAGE, t.scope()));
        return t.track(page.load(f, p -> {
            rows.setAll(p.rows());
            pagerText.set(total == 0 ? "no pairs" : Fx.count(from + 1) + "–" + Fx.count(Math.min(total, from + PAGE))
                    + " of " + Fx.count(total) + " pairs");
            canPrevious.set(from > 0);
            canNext.set(from + PAGE < total);
        }, p -> p.rows().isEmpty(), p -> LoadPane.NO_DATA, () -> load(from)));
    }

    /** Exports every pair of the shown cluster in the table's order, in the background (status bar progress and cancel). */
    CompletableFuture<Long> export(Path target, String label) {
        ClusterResult r = result.get();
        Workspace ws = workspace.get();
        String id = clusterId;
        if (r == null || id == null || ws == null) return CompletableFuture.failedFuture(new IllegalStateException("no cluster selected"));
        Task task = tasks.start("Exporting " + label);
        int total = r.run().memberCount(id);
        exporting.set(true);
        exportStatus.set("Exporting " + Fx.count(total) + " pairs…");
        CompletableFuture<Long> f = task.track(ws.clusters().exportMembers(r, id, order.get(), target,
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

    /** No cluster selected (a new run). */
    void clear() {
        clusterId = null;
        rows.clear();
        pagerText.set("");
        canPrevious.set(false);
        canNext.set(false);
    }
}
