package com.ja4.workstation.ui.common.table;

import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.table.SortOrder;
import com.ja4.workstation.domain.table.TableFilter;
import com.ja4.workstation.service.query.QueryScope;
import com.ja4.workstation.service.table.TableService;
import com.ja4.workstation.ui.common.Fx;
import com.ja4.workstation.ui.common.LoadPane;
import com.ja4.workstation.ui.common.ThreatCell;
import com.ja4.workstation.ui.task.Task;
import com.ja4.workstation.ui.task.Tasks;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TablePosition;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;

/**
 * A table paged, sorted and filtered in the database: header clicks re-query with a whitelisted
 * sort, page controls move through the total, the context menu filters or copies, and the whole
 * filtered result exports to CSV with progress and cancel.
 */
public final class PagedTablePane<R, F extends TableFilter> extends BorderPane {

    private final String noun;
    private final List<ColumnDef<R, F>> columns;
    private final TableView<R> table = new TableView<>();
    private final LoadPane tablePane = new LoadPane(table);
    private final Label totalLabel = new Label();
    private final Label pageLabel = new Label();
    private final Button first = new Button("«"), prev = new Button("‹"), next = new Button("›"), last = new Button("»");
    private final ComboBox<Integer> pageSize = new ComboBox<>();
    private final Button exportButton = new Button("Export CSV…");
    private final ProgressBar exportProgress = new ProgressBar(0);
    private final Button exportCancel = new Button("Cancel export");
    private final Label exportStatus = new Label();

    private Supplier<TableService<R>> tableSource;
    private Supplier<TimeWindow> window;
    private Supplier<QueryScope> scope;
    private Tasks tasks;
    private Consumer<F> onFilter;
    private java.util.function.Function<R, String> ipOf;
    private Consumer<com.ja4.workstation.domain.ClientIp> ipOpener;
    private java.util.function.Function<R, String> ja4Of;
    private Consumer<String> ja4LookUp;
    private F filter;
    private SortOrder sort;
    private long total;
    private long page;

    public PagedTablePane(String noun, List<ColumnDef<R, F>> columns, SortOrder defaultSort) {
        this.noun = noun;
        this.columns = columns;
        this.sort = defaultSort;
        getStyleClass().add("paged-table");
        buildColumns();
        table.getSelectionModel().setCellSelectionEnabled(true);
        table.setSortPolicy(t -> {
            requestSortFromHeader();
            return true;
        });
        table.setContextMenu(buildContextMenu());
        table.setPlaceholder(new Label(""));
        setCenter(tablePane);
        setBottom(buildPager());
    }

    /** Wires the pane to its data; {@code onFilter} receives a narrowed filter from the context menu. */
    public void bind(Supplier<TableService<R>> tableSource, Supplier<TimeWindow> window, Supplier<QueryScope> scope,
                     Tasks tasks, Consumer<F> onFilter) {
        this.tableSource = tableSource;
        this.window = window;
        this.scope = scope;
        this.tasks = tasks;
        this.onFilter = onFilter;
    }

    /** Adds "Open IP" (context menu, double-click) opening the row's client in the IP drill-down. */
    public void enableOpenIp(java.util.function.Function<R, String> ipOf, Consumer<com.ja4.workstation.domain.ClientIp> opener) {
        this.ipOf = ipOf;
        this.ipOpener = opener;
        table.setRowFactory(tv -> {
            javafx.scene.control.TableRow<R> row = new javafx.scene.control.TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) openIp(row.getItem());
            });
            return row;
        });
    }

    /** Adds "Look up JA4" to the context menu: the row's JA4 in the Fingerprints view; disabled on a row without one. */
    public void enableLookUpJa4(java.util.function.Function<R, String> ja4Of, Consumer<String> lookUp) {
        this.ja4Of = ja4Of;
        this.ja4LookUp = lookUp;
    }

    /** Looks up the JA4 of a row (when enabled and the row has one). */
    public void lookUpJa4(R row) {
        String ja4 = rowJa4(row);
        if (!ja4.isEmpty()) ja4LookUp.accept(ja4);
    }

    private String rowJa4(R row) {
        if (row == null || ja4Of == null || ja4LookUp == null) return "";
        String v = ja4Of.apply(row);
        return v == null ? "" : v.strip();
    }

    /** Opens the client of a row in the IP drill-down (when enabled). */
    public void openIp(R row) {
        if (row == null || ipOf == null || ipOpener == null) return;
        com.ja4.workstation.domain.ClientIp.parse(ipOf.apply(row)).ifPresent(ipOpener);
    }

    public TableView<R> table() {
        return table;
    }

    public LoadPane loadPane() {
        return tablePane;
    }

    public long total() {
        return total;
    }

    public SortOrder sort() {
        return sort;
    }

    /** Queries count and first page for a new filter. */
    public CompletableFuture<?> load(F newFilter) {
        this.filter = newFilter;
        this.page = 0;
        return reload(true);
    }

    private CompletableFuture<?> reload(boolean withCount) {
        TableService<R> t = tableSource.get();
        int size = pageSize.getValue();
        CompletableFuture<TableService.Page<R>> both = t.page(window.get(), filter, sort, page * size, size, total, withCount, scope.get());
        return tablePane.bind(both, this::show, r -> r.rows().isEmpty(), () -> reload(true));
    }

    private void show(TableService.Page<R> r) {
        total = r.total();
        table.getItems().setAll(r.rows());
        long pages = pages();
        totalLabel.setText(Fx.count(total) + " " + noun);
        pageLabel.setText("Page " + Fx.count(page + 1) + " of " + Fx.count(pages));
        first.setDisable(page == 0);
        prev.setDisable(page == 0);
        next.setDisable(page >= pages - 1);
        last.setDisable(page >= pages - 1);
        markSortedColumn();
    }

    private long pages() {
        return Math.max(1, (total + pageSize.getValue() - 1) / pageSize.getValue());
    }

    private void goTo(long p) {
        page = Math.max(0, Math.min(p, pages() - 1));
        reload(false);
    }

    private void buildColumns() {
        for (ColumnDef<R, F> def : columns) {
            TableColumn<R, Object> c = new TableColumn<>(def.title());
            c.setUserData(def);
            c.setPrefWidth(def.width());
            c.setSortable(def.sortKey() != null);
            c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(def.value().apply(cd.getValue())));
            c.setCellFactory(col -> def.kind() == ColumnDef.Kind.THREAT ? new ThreatCell<>() : new FormattedCell<>(def.kind()));
            if (def.kind() == ColumnDef.Kind.NUMBER || def.kind() == ColumnDef.Kind.DECIMAL) c.getStyleClass().add("numeric");
            table.getColumns().add(c);
        }
    }

    /** A header click asks for a sort; we apply it in the database, toggling direction on the same column. */
    private void requestSortFromHeader() {
        if (table.getSortOrder().isEmpty()) return;
        TableColumn<R, ?> c = table.getSortOrder().get(0);
        @SuppressWarnings("unchecked")
        ColumnDef<R, F> def = (ColumnDef<R, F>) c.getUserData();
        if (def == null || def.sortKey() == null) return;
        boolean asc = c.getSortType() == TableColumn.SortType.ASCENDING;
        SortOrder requested = new SortOrder(def.sortKey(), asc);
        if (requested.equals(sort)) return;
        sort = requested;
        page = 0;
        if (filter != null || tableSource != null) reload(false);
    }

    private void markSortedColumn() {
        for (TableColumn<R, ?> c : table.getColumns()) {
            @SuppressWarnings("unchecked")
            ColumnDef<R, F> def = (ColumnDef<R, F>) c.getUserData();
            c.getStyleClass().remove("sorted-column");
            if (def.sortKey() != null && def.sortKey().equals(sort.key())) c.getStyleClass().add("sorted-column");
        }
    }

    /** Sorts as if the analyst clicked the header of the column with this title. */
    public CompletableFuture<?> sortBy(String sortKey, boolean ascending) {
        sort = new SortOrder(sortKey, ascending);
        page = 0;
        return reload(false);
    }

    private ContextMenu buildContextMenu() {
        MenuItem openIp = new MenuItem("Open IP");
        openIp.setOnAction(e -> openIp(table.getFocusModel().getFocusedItem()));
        MenuItem lookUpJa4 = new MenuItem("Look up JA4");
        lookUpJa4.setOnAction(e -> lookUpJa4(table.getFocusModel().getFocusedItem()));
        MenuItem filterBy = new MenuItem("Filter by this value");
        MenuItem copyCell = new MenuItem("Copy cell");
        MenuItem copyRow = new MenuItem("Copy row");
        filterBy.setOnAction(e -> focused().ifPresent(fc -> {
            if (fc.def.filterBy() != null && onFilter != null) onFilter.accept(fc.def.filterBy().apply(filter, fc.text));
        }));
        copyCell.setOnAction(e -> focused().ifPresent(fc -> Fx.copy(fc.text)));
        copyRow.setOnAction(e -> {
            R row = table.getFocusModel().getFocusedItem();
            if (row != null) Fx.copy(rowText(row));
        });
        ContextMenu menu = new ContextMenu(openIp, lookUpJa4, filterBy, new SeparatorMenuItem(), copyCell, copyRow);
        menu.setOnShowing(e -> {
            filterBy.setDisable(focused().map(fc -> fc.def.filterBy() == null || fc.text.isEmpty()).orElse(true));
            openIp.setVisible(ipOf != null);
            openIp.setDisable(table.getFocusModel().getFocusedItem() == null);
            lookUpJa4.setVisible(ja4Of != null);
            lookUpJa4.setDisable(rowJa4(table.getFocusModel().getFocusedItem()).isEmpty());
        });
        return menu;
    }

    /** Tab-separated values of a row, in column order, as shown. */
    public String rowText(R row) {
        return columns.stream().map(d -> FormattedCell.format(d.kind(), d.value().apply(row))).collect(Collectors.joining("\t"));
    }

    private java.util.Optional<FocusedCell<R, F>> focused() {
        TablePosition<R, ?> pos = table.getFocusModel().getFocusedCell();
        if (pos == null || pos.getRow() < 0 || pos.getTableColumn() == null) return java.util.Optional.empty();
        R row = table.getItems().get(pos.getRow());
        @SuppressWarnings("unchecked")
        ColumnDef<R, F> def = (ColumnDef<R, F>) pos.getTableColumn().getUserData();
        return java.util.Optional.of(new FocusedCell<>(def, FormattedCell.format(def.kind(), def.value().apply(row))));
    }

    private HBox buildPager() {
        pageSize.getItems().setAll(50, 100, 200, 500);
        pageSize.setValue(100);
        pageSize.setOnAction(e -> {
            if (filter != null) {
                page = 0;
                reload(false);
            }
        });
        first.setOnAction(e -> goTo(0));
        prev.setOnAction(e -> goTo(page - 1));
        next.setOnAction(e -> goTo(page + 1));
        last.setOnAction(e -> goTo(pages() - 1));
        for (Button b : List.of(first, prev, next, last)) b.getStyleClass().add("pager-button");
        totalLabel.getStyleClass().add("total-label");
        exportButton.setOnAction(e -> chooseExportFile());
        exportProgress.setVisible(false);
        exportCancel.setVisible(false);
        exportProgress.setPrefWidth(160);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, totalLabel, spacer, exportStatus, exportProgress, exportCancel, exportButton,
                new Label("Rows per page"), pageSize, first, prev, pageLabel, next, last);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("pager");
        return bar;
    }

    private void chooseExportFile() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Export " + noun + " to CSV");
        fc.setInitialFileName(noun.replace(' ', '-') + ".csv");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        java.io.File f = fc.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) exportTo(f.toPath());
    }

    /** Exports the whole filtered result in the background; progress shows in the pager and status bar. */
    public CompletableFuture<Long> exportTo(Path file) {
        TableService<R> t = tableSource.get();
        TimeWindow w = window.get();
        F f = filter;
        SortOrder so = sort;
        long expected = Math.max(1, total);
        Task task = tasks.start("Exporting " + noun + " to " + file.getFileName());
        exportProgress.setProgress(0);
        exportProgress.setVisible(true);
        exportCancel.setVisible(true);
        exportCancel.setOnAction(e -> task.cancel());
        exportButton.setDisable(true);
        exportStatus.setText("Exporting…");
        CompletableFuture<Long> done = t.exportCsv(w, f, so, file, n -> {
            double p = Math.min(1.0, n / (double) expected);
            task.progress(p);
            Platform.runLater(() -> exportProgress.setProgress(p));
        }, task.scope());
        task.track(done).whenComplete((n, err) -> {
            Platform.runLater(() -> {
                exportProgress.setVisible(false);
                exportCancel.setVisible(false);
                exportButton.setDisable(false);
                if (err == null) exportStatus.setText("Exported " + Fx.count(n) + " rows to " + file.getFileName());
                else exportStatus.setText(QueryScope.isCancellation(err) ? "Export cancelled; no file written"
                        : "Export failed: " + QueryScope.reason(err));
            });
        });
        return done;
    }

    public String exportStatusText() {
        return exportStatus.getText();
    }

    private record FocusedCell<R, F>(ColumnDef<R, F> def, String text) {
    }

    /** Draws numbers right-aligned with grouping, decimals fixed, times in UTC. */
    static final class FormattedCell<R> extends TableCell<R, Object> {
        private final ColumnDef.Kind kind;

        FormattedCell(ColumnDef.Kind kind) {
            this.kind = kind;
        }

        @Override
        protected void updateItem(Object item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : format(kind, item));
        }

        static String format(ColumnDef.Kind kind, Object v) {
            if (v == null) return "";
            return switch (kind) {
                case NUMBER -> v instanceof Number n ? Fx.count(n.longValue()) : v.toString();
                case DECIMAL -> v instanceof Number n ? Fx.decimal(n.doubleValue(), 3) : v.toString();
                case TIME -> v instanceof Instant i ? Fx.time(i) : v.toString();
                default -> v.toString();
            };
        }
    }
}
