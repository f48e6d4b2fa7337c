package com.ja4.workstation.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TablePosition;
import javafx.scene.control.TableView;

/**
 * What the keyboard does in a table, whoever built it: the row's action on Enter (the same as a
 * double-click: registered by the table's builder), paging on Page Up/Down (paged tables), and
 * copying the focused cell as it reads on screen. The shell's key handling calls these.
 */
public final class TableKeys {

    private static final String ROW_ACTION = "ja4.rowAction";
    private static final String PAGER = "ja4.pager";

    /** A paged table's pages: next and previous (each false when there is none). */
    public interface Pager {
        boolean next();

        boolean previous();
    }

    private TableKeys() {
    }

    /** Enter on a row runs {@code action} on it (as a double-click does). */
    public static <R> void setRowAction(TableView<R> table, Consumer<R> action) {
        table.getProperties().put(ROW_ACTION, action);
        keepFocusedRowSelectable(table);
    }

    /** As {@link #setRowAction}, unless the table already has a row action. */
    public static <R> void setRowActionIfNone(TableView<R> table, Consumer<R> action) {
        if (!table.getProperties().containsKey(ROW_ACTION)) setRowAction(table, action);
    }

    public static void setPager(TableView<?> table, Pager pager) {
        table.getProperties().put(PAGER, pager);
    }

    /** The table {@code n} is in (itself, a cell, a row), if any. */
    public static Optional<TableView<?>> tableOf(Node n) {
        for (Node p = n; p != null; p = p.getParent()) if (p instanceof TableView<?> t) return Optional.of(t);
        return Optional.empty();
    }

    /** Runs the row action on the focused (else selected) row; false when the table has none or no row is focused. */
    @SuppressWarnings("unchecked")
    public static <R> boolean openRow(TableView<R> table) {
        Object a = table.getProperties().get(ROW_ACTION);
        R row = focusedRow(table);
        if (!(a instanceof Consumer<?>) || row == null) return false;
        ((Consumer<R>) a).accept(row);
        return true;
    }

    /** Next page when the focus is on the last row (or {@code always}); false when it did not page. */
    public static boolean nextPage(TableView<?> table, boolean always) {
        if (!(table.getProperties().get(PAGER) instanceof Pager p)) return false;
        int focused = table.getFocusModel().getFocusedIndex();
        if (!always && focused < table.getItems().size() - 1) return false;
        return p.next();
    }

    /** Previous page when the focus is on the first row (or {@code always}). */
    public static boolean previousPage(TableView<?> table, boolean always) {
        if (!(table.getProperties().get(PAGER) instanceof Pager p)) return false;
        if (!always && table.getFocusModel().getFocusedIndex() > 0) return false;
        return p.previous();
    }

    /**
     * The focused cell as it reads on screen (a badge's or link's text included); the whole row,
     * tab-separated, where the table selects rows rather than cells. Empty when nothing is focused.
     */
    public static Optional<String> focusedText(TableView<?> table) {
        TablePosition<?, ?> pos = table.getFocusModel().getFocusedCell();
        int row = pos == null ? -1 : pos.getRow();
        if (row < 0 || row >= table.getItems().size()) return Optional.empty();
        if (pos.getTableColumn() != null) return Optional.of(cellText(table, row, pos.getTableColumn()));
        List<String> cells = new ArrayList<>();
        for (TableColumn<?, ?> c : table.getVisibleLeafColumns()) cells.add(cellText(table, row, c));
        return Optional.of(String.join("\t", cells));
    }

    /** Copies the focused cell (see {@link #focusedText}); false when nothing is focused. */
    public static boolean copyFocusedCell(TableView<?> table) {
        Optional<String> text = focusedText(table);
        text.ifPresent(Fx::copy);
        return text.isPresent();
    }

    private static String cellText(TableView<?> table, int row, TableColumn<?, ?> column) {
        for (Node n : table.lookupAll(".table-cell")) {
            if (n instanceof TableCell<?, ?> c && c.getTableColumn() == column && c.getIndex() == row && !c.isEmpty()) {
                if (c.getText() != null) return c.getText();
                if (c.getGraphic() instanceof Labeled l) return l.getText();
            }
        }
        Object v = column.getCellData(row);
        return v == null ? "" : v instanceof java.time.Instant i ? Fx.time(i) : v.toString();
    }

    @SuppressWarnings("unchecked")
    private static <R> R focusedRow(TableView<R> table) {
        int i = table.getFocusModel().getFocusedIndex();
        if (i >= 0 && i < table.getItems().size()) return table.getItems().get(i);
        return table.getSelectionModel().getSelectedItem();
    }

    /** Tabbing into a table with nothing selected selects its first row, so the arrows start from there. */
    public static void keepFocusedRowSelectable(TableView<?> table) {
        if (table.getProperties().containsKey("ja4.focusSelect")) return;
        table.getProperties().put("ja4.focusSelect", Boolean.TRUE);
        table.focusedProperty().addListener((o, was, is) -> {
            if (is && table.getSelectionModel().isEmpty() && !table.getItems().isEmpty()) {
                selectFirst(table);
            }
        });
    }

    /** The first row (its first cell where the table selects cells: the arrows then start from the left). */
    private static <R> void selectFirst(TableView<R> table) {
        if (table.getSelectionModel().isCellSelectionEnabled() && !table.getVisibleLeafColumns().isEmpty()) {
            TableColumn<R, ?> first = table.getVisibleLeafColumn(0);
            table.getSelectionModel().select(0, first);
            table.getFocusModel().focus(0, first);
        } else {
            table.getSelectionModel().select(0);
            table.getFocusModel().focus(0);
        }
    }
}
