package com.ja4.workstation.ui.table;

import com.ja4.workstation.domain.ClientIp;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.table.SortOrder;
import com.ja4.workstation.domain.table.TableFilter;
import com.ja4.workstation.service.Workspace;
import com.ja4.workstation.service.query.QueryScope;
import com.ja4.workstation.service.table.TableService;
import com.ja4.workstation.ui.common.Fx;
import com.ja4.workstation.ui.common.Loadable;
import com.ja4.workstation.ui.task.Task;
import com.ja4.workstation.ui.task.Tasks;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The state and commands of an analyst table view (Detections, Scores, Traffic), without a
 * widget: the filter being typed (one property per filter of the bar) and the one applied, the
 * sort, the page and total, the rows, the filter choices of the window, and the CSV export. The
 * controller binds controls to it; tests drive it directly.
 */
public final class FilteredTableModel<R> {

    /** Choices listed for a facet filter (most frequent first). */
    public static final int FACET_LIMIT = 300;
    /** Choices of a one-of-a-few filter (method, HTTP version). */
    public static final int CHOICE_LIMIT = 50;

    private final TableDefinition<R> def;
    private final Supplier<Workspace> workspace;
    private final Supplier<TimeWindow> window;
    private final Supplier<Task> task;
    private final Tasks tasks;

    private final ReadOnlyObjectWrapper<TableFilter> filter = new ReadOnlyObjectWrapper<>(TableFilter.NONE);
    private final Map<String, StringProperty> draft = new LinkedHashMap<>();
    private final Map<String, ObservableList<String>> choices = new LinkedHashMap<>();
    private final ReadOnlyObjectWrapper<SortOrder> sort;
    private final IntegerProperty pageSize = new SimpleIntegerProperty(100);
    private final ReadOnlyObjectWrapper<Long> page = new ReadOnlyObjectWrapper<>(0L);
    private final ReadOnlyObjectWrapper<Long> total = new ReadOnlyObjectWrapper<>(0L);
    private final ObservableList<R> rows = FXCollections.observableArrayList();
    private final Loadable<TableService.Page<R>> load = new Loadable<>();
    private final ReadOnlyStringWrapper totalText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper pageText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper exporting = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper exportProgress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper exportStatus = new ReadOnlyStringWrapper("");
    private Task exportTask;
    private static final String LOADED_EMPTY = com.ja4.workstation.ui.common.LoadPane.NO_DATA;

    /**
     * @param task the task of the view's current load (queries of a load and its pages run in it)
     * @param tasks where an export runs (its own task: it outlives leaving the view)
     */
    public FilteredTableModel(TableDefinition<R> def, Supplier<Workspace> workspace, Supplier<TimeWindow> window,
                              Supplier<Task> task, Tasks tasks) {
        this.def = def;
        this.workspace = workspace;
        this.window = window;
        this.task = task;
        this.tasks = tasks;
        this.sort = new ReadOnlyObjectWrapper<>(def.defaultSort());
        for (FilterDef f : def.filters()) {
            draft.put(f.key(), new SimpleStringProperty(""));
            if (f.hasFacet()) choices.put(f.key(), FXCollections.observableArrayList());
        }
        pageSize.addListener((o, a, b) -> {
            if (!a.equals(b) && workspace.get() != null) {
                page.set(0L);
                reload(false);
            }
        });
    }

    public TableDefinition<R> definition() {
        return def;
    }

    // ---- state ------------------------------------------------------------------------------

    /** The filter the rows answer to. */
    public ReadOnlyObjectProperty<TableFilter> filterProperty() {
        return filter.getReadOnlyProperty();
    }

    public TableFilter filter() {
        return filter.get();
    }

    /** What the filter bar holds for a key ("" = any), before Apply. */
    public StringProperty draft(String key) {
        StringProperty p = draft.get(key);
        if (p == null) throw new IllegalArgumentException("no filter " + key + " in " + def.title());
        return p;
    }

    /** The window's values of a facet filter, most frequent first (empty until loaded). */
    public ObservableList<String> choices(String key) {
        ObservableList<String> c = choices.get(key);
        if (c == null) throw new IllegalArgumentException("no choices for " + key + " in " + def.title());
        return c;
    }

    public ReadOnlyObjectProperty<SortOrder> sortProperty() {
        return sort.getReadOnlyProperty();
    }

    public SortOrder sort() {
        return sort.get();
    }

    public IntegerProperty pageSizeProperty() {
        return pageSize;
    }

    public ReadOnlyObjectProperty<Long> pageProperty() {
        return page.getReadOnlyProperty();
    }

    /** Rows of the filtered result (all pages). */
    public ReadOnlyObjectProperty<Long> totalProperty() {
        return total.getReadOnlyProperty();
    }

    public long total() {
        return total.get();
    }

    public long pages() {
        return Math.max(1, (total.get() + pageSize.get() - 1) / pageSize.get());
    }

    /** The rows of the current page. */
    public ObservableList<R> rows() {
        return rows;
    }

    /** Loading, content, empty or the error of the current page. */
    public Loadable<TableService.Page<R>> loading() {
        return load;
    }

    /** "3,244 detections". */
    public ReadOnlyStringProperty totalTextProperty() {
        return totalText.getReadOnlyProperty();
    }

    /** "Page 1 of 33". */
    public ReadOnlyStringProperty pageTextProperty() {
        return pageText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty exportingProperty() {
        return exporting.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty exportProgressProperty() {
        return exportProgress.getReadOnlyProperty();
    }

    /** What the last export did ("Exported 3,244 rows to detections.csv", "Export cancelled; no file written"). */
    public ReadOnlyStringProperty exportStatusProperty() {
        return exportStatus.getReadOnlyProperty();
    }

    // ---- commands ---------------------------------------------------------------------------

    /** Count and first page for the applied filter (the view's load). */
    public CompletableFuture<?> load() {
        page.set(0L);
        return reload(true);
    }

    /** Sets the filter and the bar without querying: the next load shows it (navigation from another view). */
    public void presetFilter(TableFilter f) {
        filter.set(f);
        draft.forEach((key, p) -> p.set(f.get(key)));
    }

    /** Shows the rows of this filter (context menu, navigation while shown, Clear). */
    public CompletableFuture<?> showFilter(TableFilter f) {
        presetFilter(f);
        return workspace.get() == null || window.get() == null ? CompletableFuture.completedFuture(null) : load();
    }

    /** Applies what the bar holds; nothing when it is the filter already shown. */
    public CompletableFuture<?> apply() {
        TableFilter f = TableFilter.NONE;
        for (var e : draft.entrySet()) f = f.with(e.getKey(), e.getValue().get());
        if (f.equals(filter.get()) && total.get() > 0) return CompletableFuture.completedFuture(null);
        filter.set(f);
        return workspace.get() == null ? CompletableFuture.completedFuture(null) : load();
    }

    public CompletableFuture<?> clear() {
        return showFilter(TableFilter.NONE);
    }

    /** "Filter by this value": the column's filter set to the row's value, when the column has one. */
    public Optional<CompletableFuture<?>> filterBy(ColumnDef<R> column, R row) {
        String text = column.textOf(row);
        if (column.filterKey() == null || text.isEmpty()) return Optional.empty();
        return Optional.of(showFilter(filter.get().with(column.filterKey(), text)));
    }

    /** Sorts in the database by a whitelisted key (a header click); the first page again. */
    public CompletableFuture<?> sortBy(String key, boolean ascending) {
        SortOrder s = new SortOrder(key, ascending);
        if (s.equals(sort.get())) return CompletableFuture.completedFuture(null);
        sort.set(s);
        page.set(0L);
        return reload(false);
    }

    public CompletableFuture<?> goTo(long p) {
        page.set(Math.max(0, Math.min(p, pages() - 1)));
        return reload(false);
    }

    /** The window's choices of every facet filter; a failed facet only leaves its list empty. */
    public CompletableFuture<?> loadFacets() {
        TableService<R> svc = def.service().apply(workspace.get());
        TimeWindow w = window.get();
        Task t = task.get();
        CompletableFuture<?>[] all = def.filters().stream().filter(FilterDef::hasFacet).map(f -> {
            int limit = f.control() == FilterDef.Control.CHOICE ? CHOICE_LIMIT : FACET_LIMIT;
            return t.track(svc.facet(w, f.key(), limit, t.scope()))
                    .thenAccept(values -> Platform.runLater(() -> choices.get(f.key()).setAll(values)))
                    .handle((v, e) -> v);
        }).toArray(CompletableFuture<?>[]::new);
        return CompletableFuture.allOf(all);
    }

    /** The client of a row, for "Open IP" (empty when the text is not an address). */
    public Optional<ClientIp> ipOf(R row) {
        return row == null ? Optional.empty() : ClientIp.parse(def.ipOf().apply(row));
    }

    /** The JA4 of a row, "" when it has none. */
    public String ja4Of(R row) {
        String v = row == null ? null : def.ja4Of().apply(row);
        return v == null ? "" : v.strip();
    }

    /** Tab-separated values of a row, in column order, as shown ("Copy row"). */
    public String rowText(R row) {
        return String.join("\t", def.columns().stream().map(c -> c.textOf(row)).toList());
    }

    /** Exports the whole filtered, sorted result in the background (its own task: progress, Cancel). */
    public CompletableFuture<Long> exportTo(Path file) {
        TableService<R> svc = def.service().apply(workspace.get());
        long expected = Math.max(1, total.get());
        Task t = tasks.start("Exporting " + def.noun() + " to " + file.getFileName());
        exportTask = t;
        exportProgress.set(0);
        exporting.set(true);
        exportStatus.set("Exporting…");
        CompletableFuture<Long> done = t.track(svc.exportCsv(window.get(), filter.get(), sort.get(), file, n -> {
            double p = Math.min(1.0, n / (double) expected);
            t.progress(p);
            Platform.runLater(() -> exportProgress.set(p));
        }, t.scope()));
        CompletableFuture<Long> shown = new CompletableFuture<>();
        done.whenComplete((n, err) -> Platform.runLater(() -> {
            exporting.set(false);
            if (err == null) exportStatus.set("Exported " + Fx.count(n) + " rows to " + file.getFileName());
            else exportStatus.set(QueryScope.isCancellation(err) ? "Export cancelled; no file written"
                    : "Export failed: " + QueryScope.reason(err));
            if (err == null) shown.complete(n);
            else shown.completeExceptionally(err);
        }));
        return shown;
    }

    public void cancelExport() {
        if (exportTask != null) exportTask.cancel();
    }

    private CompletableFuture<?> reload(boolean withCount) {
        TableService<R> svc = def.service().apply(workspace.get());
        Task t = task.get();
        int size = pageSize.get();
        long p = page.get();
        CompletableFuture<TableService.Page<R>> result = t.track(svc.page(window.get(), filter.get(), sort.get(), p * size, size,
                total.get(), withCount, t.scope()));
        return t.track(load.load(result, r -> show(r, p), r -> r.rows().isEmpty(), r -> LOADED_EMPTY, () -> reload(true)));
    }

    private void show(TableService.Page<R> r, long p) {
        total.set(r.total());
        rows.setAll(r.rows());
        totalText.set(Fx.count(r.total()) + " " + def.noun());
        pageText.set("Page " + Fx.count(p + 1) + " of " + Fx.count(pages()));
    }

    /** The view's usual page sizes. */
    public static List<Integer> pageSizes() {
        return TableService.PAGE_SIZES;
    }
}
