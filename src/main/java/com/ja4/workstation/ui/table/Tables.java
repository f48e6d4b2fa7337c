package com.ja4.workstation.ui.table;

import com.ja4.workstation.domain.Ja4;
import com.ja4.workstation.domain.ThreatLevel;
import com.ja4.workstation.ui.common.Fx;
import com.ja4.workstation.ui.common.SafeText;
import com.ja4.workstation.ui.common.TableKeys;
import com.ja4.workstation.ui.common.ThreatCell;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

/**
 * The one table helper of the views: columns from functions (text, counts, decimals, times,
 * threat badges, links), row actions and JA4 menus, heights, and the cell formatting the paged
 * tables share. Small tables are sorted on the client (a few hundred rows, already aggregated).
 * Every cell shows its value through {@link SafeText} (bounded, invisible characters as markers);
 * copy and the row actions get the raw value.
 */
public final class Tables {

    private Tables() {
    }

    /** An empty read-only table with this placeholder; columns keep their widths (no squeezing). */
    public static <R> TableView<R> table(String placeholder) {
        TableView<R> t = new TableView<>();
        t.setPlaceholder(new Label(placeholder));
        t.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        return t;
    }

    // ---- columns added to a table: the cell shows the value formatted (times UTC, counts grouped) ----

    public static <R> TableColumn<R, Object> text(TableView<R> t, String title, Function<R, Object> value, double width) {
        return add(t, title, value, width, false, 0);
    }

    public static <R> TableColumn<R, Object> number(TableView<R> t, String title, Function<R, Object> value, double width, int decimals) {
        return add(t, title, value, width, true, decimals);
    }

    private static <R> TableColumn<R, Object> add(TableView<R> t, String title, Function<R, Object> value, double width,
                                                  boolean numeric, int decimals) {
        TableColumn<R, Object> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setMaxWidth(maxWidth(width));
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Object item, boolean empty) {
                super.updateItem(item, empty);
                SafeText.show(this, empty || item == null ? null : format(item, decimals));
            }
        });
        if (numeric) c.getStyleClass().add("numeric");
        t.getColumns().add(c);
        return c;
    }

    // ---- typed columns: a header click sorts by the value (number, not text) ----

    /** Text with the value as tooltip (the column may be narrower than its values). */
    public static <R> TableColumn<R, String> text(String title, Function<R, String> value, double width) {
        TableColumn<R, String> c = column(title, value, width);
        c.setCellFactory(col -> safeCell(true));
        return c;
    }

    /** Plain text (a tooltip only when the value is cut or shows markers). */
    public static <R> TableColumn<R, String> column(String title, Function<R, String> value, double width) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        c.setMaxWidth(maxWidth(width));
        c.setCellFactory(col -> safeCell(false));
        return c;
    }

    /**
     * The widest a text column may grow: JavaFX sizes a column left at its default width to its
     * first rows' text, and a 200-character value would push the other columns out of a table.
     */
    public static double maxWidth(double width) {
        return Math.max(3 * width, 520);
    }

    /** A cell showing its text through {@link SafeText}; {@code tipAlways}: the value as tooltip even when shown whole. */
    public static <R> TableCell<R, String> safeCell(boolean tipAlways) {
        return SafeText.tableCell(tipAlways);
    }

    /** A count, grouped ("12,345"), right-aligned. */
    public static <R> TableColumn<R, Long> count(String title, Function<R, Long> value, double width) {
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

    /** A decimal with fixed digits, right-aligned; NaN shows "–". */
    public static <R> TableColumn<R, Double> decimal(String title, Function<R, Double> value, int digits, double width) {
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

    /** A column whose text is a link (an IP that opens its drill-down, say). */
    public static <R> TableColumn<R, String> link(String title, Function<R, String> value, Consumer<String> onClick, double width) {
        TableColumn<R, String> c = column(title, value, width);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                Hyperlink link = new Hyperlink(SafeText.cell(item));
                link.setOnAction(e -> onClick.accept(item));
                setGraphic(link);
            }
        });
        // Enter on a row follows its link (unless the table has a row action of its own)
        c.tableViewProperty().addListener((o, a, t) -> {
            if (t != null) TableKeys.setRowActionIfNone(t, r -> onClick.accept(value.apply(r)));
        });
        return c;
    }

    /** A threat-level column drawn as the coloured badge. */
    public static <R> TableColumn<R, ThreatLevel> threat(String title, Function<R, ThreatLevel> value, double width) {
        TableColumn<R, ThreatLevel> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setCellFactory(col -> new ThreatCell<>());
        c.setPrefWidth(width);
        return c;
    }

    /** The decoded JA4 as sortable columns: protocol, TLS version, SNI, cipher and extension counts, ALPN. */
    public static <R> List<TableColumn<R, ?>> ja4Parts(Function<R, Ja4> ja4) {
        TableColumn<R, String> tls = text("TLS", r -> ja4.apply(r).valid()
                ? Ja4.versionLabel(ja4.apply(r).tlsVersion()).orElse("?") : "malformed: " + ja4.apply(r).problem(), 70);
        TableColumn<R, Long> ciphers = count("Ciphers", r -> ja4.apply(r).valid() ? (long) ja4.apply(r).cipherCount() : null, 62);
        TableColumn<R, Long> ext = count("Ext.", r -> ja4.apply(r).valid() ? (long) ja4.apply(r).extensionCount() : null, 48);
        return List.of(
                text("Proto", r -> ja4.apply(r).valid() ? ja4.apply(r).protocolLabel() : "", 50), tls,
                text("SNI", r -> ja4.apply(r).valid() ? (ja4.apply(r).sniDomain() ? "domain" : "IP/none") : "", 65),
                ciphers, ext,
                text("ALPN", r -> ja4.apply(r).valid() ? ("00".equals(ja4.apply(r).alpn()) ? "none" : ja4.apply(r).alpn()) : "", 50));
    }

    // ---- rows ----

    /**
     * Double-click, Enter or the context menu's item runs {@code action} on the row; the menu also copies the
     * row. One menu for the table, on its non-empty rows (a menu per row cost a few ms per row on the
     * view's first frame); it acts on the row it was opened on, else on the selected row.
     */
    public static <R> void rowAction(TableView<R> table, String label, Consumer<R> action, Function<R, String> copyText) {
        TableKeys.setRowAction(table, action);
        ContextMenu menu = new ContextMenu();
        MenuItem open = new MenuItem(label);
        open.setOnAction(e -> rowOf(menu, table).ifPresent(action));
        MenuItem copy = new MenuItem("Copy row");
        copy.setOnAction(e -> rowOf(menu, table).map(copyText).ifPresent(Fx::copy));
        menu.getItems().setAll(open, copy);
        table.setRowFactory(tv -> {
            TableRow<R> row = new TableRow<>();
            row.contextMenuProperty().bind(Bindings.when(row.emptyProperty()).then((ContextMenu) null).otherwise(menu));
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

    /** Double-click or Enter on a row runs {@code action} on it. */
    public static <R> void onDoubleClick(TableView<R> table, Consumer<R> action) {
        TableKeys.setRowAction(table, action);
        table.setRowFactory(tv -> {
            TableRow<R> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) action.accept(row.getItem());
            });
            return row;
        });
    }

    /**
     * A context menu on a table whose rows carry a JA4: "Look up JA4" (the row's JA4 in the
     * Fingerprints view) and "Copy JA4", both disabled on a row without one.
     */
    public static <R> void ja4Menu(TableView<R> t, Function<R, String> ja4Of, Consumer<String> lookUp) {
        MenuItem look = new MenuItem("Look up JA4");
        MenuItem copy = new MenuItem("Copy JA4");
        Supplier<String> ja4 = () -> {
            R row = t.getFocusModel().getFocusedItem();
            if (row == null) row = t.getSelectionModel().getSelectedItem();
            String v = row == null ? null : ja4Of.apply(row);
            return v == null ? "" : v.strip();
        };
        look.setOnAction(e -> {
            if (!ja4.get().isEmpty()) lookUp.accept(ja4.get());
        });
        copy.setOnAction(e -> {
            if (!ja4.get().isEmpty()) Fx.copy(ja4.get());
        });
        ContextMenu menu = new ContextMenu(look, copy);
        menu.setOnShowing(e -> {
            boolean none = ja4.get().isEmpty();
            look.setDisable(none);
            copy.setDisable(none);
        });
        t.setContextMenu(menu);
    }

    // ---- heights ----

    public static <R> void fixedHeight(TableView<R> table, int rows) {
        table.setFixedCellSize(26);
        table.setPrefHeight(26 * rows + 40);
        table.setPlaceholder(new Label(""));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    }

    /** Height follows the row count between {@code min} and {@code max} rows (scrolls beyond). */
    public static <R> void fitRows(TableView<R> table, int min, int max) {
        fixedHeight(table, max);
        table.getItems().addListener((ListChangeListener<R>) c ->
                table.setPrefHeight(26 * Math.max(min, Math.min(max, table.getItems().size())) + 46));
        table.setPrefHeight(26 * min + 40);
    }


    // ---- formatting ----

    /** A cell value as shown: times in UTC, counts grouped, decimals with {@code decimals} digits. */
    public static String format(Object v, int decimals) {
        if (v instanceof Instant i) return Fx.time(i);
        if (v instanceof Double d) return Fx.decimal(d, decimals);
        if (v instanceof Float f) return Fx.decimal(f, decimals);
        if (v instanceof Long || v instanceof Integer) return Fx.count(((Number) v).longValue());
        return v.toString();
    }

    /** A paged table's cell as shown, by the column's kind. */
    public static String format(ColumnDef.Kind kind, Object v) {
        if (v == null) return "";
        return switch (kind) {
            case NUMBER -> v instanceof Number n ? Fx.count(n.longValue()) : v.toString();
            case DECIMAL -> v instanceof Number n ? Fx.decimal(n.doubleValue(), 3) : v.toString();
            case TIME -> v instanceof Instant i ? Fx.time(i) : v.toString();
            default -> v.toString();
        };
    }
}
