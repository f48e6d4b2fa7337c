package com.ja4.workstation.ui.table;

import com.ja4.workstation.domain.table.SortOrder;
import com.ja4.workstation.ui.common.Fx;
import com.ja4.workstation.ui.common.LoadPane;
import com.ja4.workstation.ui.common.ThreatCell;
import java.io.File;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
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
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;

/**
 * The widgets of a paged analyst table, bound to its {@link FilteredTableModel}: the table (a
 * header click sorts in the database), the pager, the context menu (open IP, look up JA4, filter by
 * the value, copy) and the CSV export with progress and cancel.
 */
public final class PagedTablePane<R> extends BorderPane {

    private final FilteredTableModel<R> model;
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

    /**
     * @param openIp  opens a row's client in the IP drill-down ("Open IP", double-click)
     * @param lookUp  looks a JA4 up in Fingerprints ("Look up JA4")
     */
    public PagedTablePane(FilteredTableModel<R> model, Consumer<com.ja4.workstation.domain.ClientIp> openIp, Consumer<String> lookUp) {
        this.model = model;
        getStyleClass().add("paged-table");
        buildColumns();
        table.getSelectionModel().setCellSelectionEnabled(true);
        table.setSortPolicy(t -> {
            requestSortFromHeader();
            return true;
        });
        table.setContextMenu(buildContextMenu(openIp, lookUp));
        table.setPlaceholder(new Label(""));
        table.setRowFactory(tv -> {
            TableRow<R> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) model.ipOf(row.getItem()).ifPresent(openIp);
            });
            return row;
        });
        table.setItems(model.rows());
        tablePane.show(model.loading(), page -> { });
        setCenter(tablePane);
        setBottom(buildPager());
        model.sortProperty().addListener((o, a, s) -> markSortedColumn(s));
        model.loading().statusProperty().addListener((o, a, s) -> {
            if (s.state() == com.ja4.workstation.ui.common.Loadable.State.CONTENT
                    || s.state() == com.ja4.workstation.ui.common.Loadable.State.EMPTY) {
                updatePager();
                markSortedColumn(model.sort());
            }
        });
    }

    private void buildColumns() {
        for (ColumnDef<R> def : model.definition().columns()) {
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

    /** A header click asks for a sort; the model applies it in the database (same column: other direction). */
    private void requestSortFromHeader() {
        if (table.getSortOrder().isEmpty()) return;
        TableColumn<R, ?> c = table.getSortOrder().get(0);
        ColumnDef<R> def = defOf(c);
        if (def == null || def.sortKey() == null) return;
        model.sortBy(def.sortKey(), c.getSortType() == TableColumn.SortType.ASCENDING);
    }

    private void markSortedColumn(SortOrder sort) {
        for (TableColumn<R, ?> c : table.getColumns()) {
            ColumnDef<R> def = defOf(c);
            c.getStyleClass().remove("sorted-column");
            if (def.sortKey() != null && def.sortKey().equals(sort.key())) c.getStyleClass().add("sorted-column");
        }
    }

    private void updatePager() {
        long page = model.pageProperty().get();
        long pages = model.pages();
        totalLabel.setText(model.totalTextProperty().get());
        pageLabel.setText(model.pageTextProperty().get());
        first.setDisable(page == 0);
        prev.setDisable(page == 0);
        next.setDisable(page >= pages - 1);
        last.setDisable(page >= pages - 1);
    }

    private ContextMenu buildContextMenu(Consumer<com.ja4.workstation.domain.ClientIp> openIp, Consumer<String> lookUp) {
        MenuItem openIpItem = new MenuItem("Open IP");
        openIpItem.setOnAction(e -> model.ipOf(table.getFocusModel().getFocusedItem()).ifPresent(openIp));
        MenuItem lookUpJa4 = new MenuItem("Look up JA4");
        lookUpJa4.setOnAction(e -> {
            String ja4 = model.ja4Of(table.getFocusModel().getFocusedItem());
            if (!ja4.isEmpty()) lookUp.accept(ja4);
        });
        MenuItem filterBy = new MenuItem("Filter by this value");
        MenuItem copyCell = new MenuItem("Copy cell");
        MenuItem copyRow = new MenuItem("Copy row");
        filterBy.setOnAction(e -> focused().ifPresent(fc -> model.filterBy(fc.def(), fc.row())));
        copyCell.setOnAction(e -> focused().ifPresent(fc -> Fx.copy(fc.def().textOf(fc.row()))));
        copyRow.setOnAction(e -> {
            R row = table.getFocusModel().getFocusedItem();
            if (row != null) Fx.copy(model.rowText(row));
        });
        ContextMenu menu = new ContextMenu(openIpItem, lookUpJa4, filterBy, new SeparatorMenuItem(), copyCell, copyRow);
        menu.setOnShowing(e -> {
            filterBy.setDisable(focused().map(fc -> fc.def().filterKey() == null || fc.def().textOf(fc.row()).isEmpty()).orElse(true));
            openIpItem.setDisable(table.getFocusModel().getFocusedItem() == null);
            lookUpJa4.setDisable(model.ja4Of(table.getFocusModel().getFocusedItem()).isEmpty());
        });
        return menu;
    }

    private Optional<FocusedCell<R>> focused() {
        TablePosition<R, ?> pos = table.getFocusModel().getFocusedCell();
        if (pos == null || pos.getRow() < 0 || pos.getTableColumn() == null) return Optional.empty();
        return Optional.of(new FocusedCell<>(defOf(pos.getTableColumn()), table.getItems().get(pos.getRow())));
    }

    @SuppressWarnings("unchecked")
    private ColumnDef<R> defOf(TableColumn<R, ?> c) {
        return (ColumnDef<R>) c.getUserData();
    }

    private HBox buildPager() {
        pageSize.getItems().setAll(FilteredTableModel.pageSizes());
        pageSize.setValue(model.pageSizeProperty().get());
        pageSize.setOnAction(e -> model.pageSizeProperty().set(pageSize.getValue()));
        first.setOnAction(e -> model.goTo(0));
        prev.setOnAction(e -> model.goTo(model.pageProperty().get() - 1));
        next.setOnAction(e -> model.goTo(model.pageProperty().get() + 1));
        last.setOnAction(e -> model.goTo(model.pages() - 1));
        for (Button b : List.of(first, prev, next, last)) b.getStyleClass().add("pager-button");
        totalLabel.getStyleClass().add("total-label");
        exportButton.setOnAction(e -> chooseExportFile());
        exportButton.disableProperty().bind(model.exportingProperty());
        exportProgress.visibleProperty().bind(model.exportingProperty());
        exportProgress.progressProperty().bind(model.exportProgressProperty());
        exportCancel.visibleProperty().bind(model.exportingProperty());
        exportCancel.setOnAction(e -> model.cancelExport());
        exportStatus.textProperty().bind(model.exportStatusProperty());
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
        String noun = model.definition().noun();
        FileChooser fc = new FileChooser();
        fc.setTitle("Export " + noun + " to CSV");
        fc.setInitialFileName(noun.replace(' ', '-') + ".csv");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File f = fc.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) model.exportTo(f.toPath());
    }

    private record FocusedCell<R>(ColumnDef<R> def, R row) {
    }

    /** Draws numbers right-aligned with grouping, decimals fixed, times in UTC. */
    private static final class FormattedCell<R> extends TableCell<R, Object> {
        private final ColumnDef.Kind kind;

        FormattedCell(ColumnDef.Kind kind) {
            this.kind = kind;
        }

        @Override
        protected void updateItem(Object item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : Tables.format(kind, item));
        }
    }
}
