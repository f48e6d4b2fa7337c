package com.ja4.workstation.ui.analytics;

import com.ja4.workstation.ui.common.Fx;
import com.ja4.workstation.ui.common.LoadPane;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;

/**
 * Small helpers for the analytics views' client-side sortable tables (a few hundred rows at
 * most, already aggregated in the database): typed columns so a header click sorts by number.
 */
final class Tables {

    private Tables() {
    }

    static <R> TableColumn<R, String> text(String title, Function<R, String> value, double width) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        c.setCellFactory(col -> new TableCell<>() {
            private Tooltip tip; // one per cell, reused: a new Tooltip (a popup control) on every update cost the JavaFX thread

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item);
                if (empty || item == null || item.isEmpty()) {
                    setTooltip(null);
                    return;
                }
                if (tip == null) tip = new Tooltip();
                tip.setText(item);
                setTooltip(tip);
            }
        });
        return c;
    }

    static <R> TableColumn<R, Long> count(String title, Function<R, Long> value, double width) {
        TableColumn<R, Long> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        c.getStyleClass().add("numeric");
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Long item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : Fx.count(item));
            }
        });
        return c;
    }

    static <R> TableColumn<R, Double> decimal(String title, Function<R, Double> value, int digits, double width) {
        TableColumn<R, Double> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        c.getStyleClass().add("numeric");
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Double item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : Double.isNaN(item) ? "–" : Fx.decimal(item, digits));
            }
        });
        return c;
    }

    /**
     * Double-click or the context menu's item runs {@code action} on the row; the menu also copies the
     * row. One menu for the table, on its non-empty rows (a menu per row cost a few ms per row on the
     * view's first frame); it acts on the row it was opened on, else on the selected row.
     */
    static <R> void rowAction(TableView<R> table, String label, Consumer<R> action, Function<R, String> copyText) {
        ContextMenu menu = new ContextMenu();
        MenuItem open = new MenuItem(label);
        open.setOnAction(e -> rowOf(menu, table).ifPresent(action));
        MenuItem copy = new MenuItem("Copy row");
        copy.setOnAction(e -> rowOf(menu, table).map(copyText).ifPresent(Fx::copy));
        menu.getItems().setAll(open, copy);
        table.setRowFactory(tv -> {
            TableRow<R> row = new TableRow<>();
            row.contextMenuProperty().bind(javafx.beans.binding.Bindings.when(row.emptyProperty())
                    .then((ContextMenu) null).otherwise(menu));
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) action.accept(row.getItem());
            });
            return row;
        });
    }

    @SuppressWarnings("unchecked")
    private static <R> java.util.Optional<R> rowOf(ContextMenu menu, TableView<R> table) {
        if (menu.getOwnerNode() instanceof TableRow<?> row && row.getTableView() == table && !row.isEmpty()) {
            return java.util.Optional.of((R) row.getItem());
        }
        return java.util.Optional.ofNullable(table.getSelectionModel().getSelectedItem());
    }

    static <R> void fixedHeight(TableView<R> table, int rows) {
        table.setFixedCellSize(26);
        table.setPrefHeight(26 * rows + 40);
        table.setPlaceholder(new Label(""));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    }

    /** Height follows the row count between {@code min} and {@code max} rows (scrolls beyond). */
    static <R> void fitRows(TableView<R> table, int min, int max) {
        fixedHeight(table, max);
        table.getItems().addListener((javafx.collections.ListChangeListener<R>) c ->
                table.setPrefHeight(26 * Math.max(min, Math.min(max, table.getItems().size())) + 46));
        table.setPrefHeight(26 * min + 40);
    }

    /** The decoded JA4 as sortable columns: protocol, TLS version, SNI, cipher and extension counts, ALPN. */
    static <R> java.util.List<TableColumn<R, ?>> ja4Parts(Function<R, com.ja4.workstation.analysis.ja4.Ja4> ja4) {
        Function<R, com.ja4.workstation.analysis.ja4.Ja4> j = ja4;
        TableColumn<R, String> tls = text("TLS", r -> j.apply(r).valid()
                ? com.ja4.workstation.analysis.ja4.Ja4.versionLabel(j.apply(r).tlsVersion()).orElse("?") : "malformed: " + j.apply(r).problem(), 70);
        TableColumn<R, Long> ciphers = count("Ciphers", r -> j.apply(r).valid() ? (long) j.apply(r).cipherCount() : null, 62);
        TableColumn<R, Long> ext = count("Ext.", r -> j.apply(r).valid() ? (long) j.apply(r).extensionCount() : null, 48);
        return java.util.List.of(
                text("Proto", r -> j.apply(r).valid() ? j.apply(r).protocolLabel() : "", 50), tls,
                text("SNI", r -> j.apply(r).valid() ? (j.apply(r).sniDomain() ? "domain" : "IP/none") : "", 65),
                ciphers, ext,
                text("ALPN", r -> j.apply(r).valid() ? ("00".equals(j.apply(r).alpn()) ? "none" : j.apply(r).alpn()) : "", 50));
    }

    static LoadPane host(StackPane host, Node content) {
        LoadPane p = new LoadPane(content);
        host.getChildren().add(p);
        return p;
    }
}
