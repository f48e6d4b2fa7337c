package com.ja4.workstation.ui.common;

import java.time.Instant;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** Small read-only tables (drill-down sections): columns from functions, numbers right-aligned, times in UTC. */
public final class SimpleTables {

    private SimpleTables() {
    }

    public static <R> TableView<R> table(String placeholder) {
        TableView<R> t = new TableView<>();
        t.setPlaceholder(new Label(placeholder));
        t.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        return t;
    }

    /** A column whose text is a link (an IP that opens its drill-down, say). */
    public static <R> TableColumn<R, String> link(String title, Function<R, String> value, java.util.function.Consumer<String> onClick,
                                                 double width) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                javafx.scene.control.Hyperlink link = new javafx.scene.control.Hyperlink(item);
                link.setOnAction(e -> onClick.accept(item));
                setGraphic(link);
            }
        });
        c.setPrefWidth(width);
        return c;
    }

    /** A threat-level column drawn as the coloured badge. */
    public static <R> TableColumn<R, com.ja4.workstation.domain.ThreatLevel> threat(String title,
            Function<R, com.ja4.workstation.domain.ThreatLevel> value, double width) {
        TableColumn<R, com.ja4.workstation.domain.ThreatLevel> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setCellFactory(col -> new ThreatCell<>());
        c.setPrefWidth(width);
        return c;
    }

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
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Object item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : format(item, decimals));
            }
        });
        if (numeric) c.getStyleClass().add("numeric");
        t.getColumns().add(c);
        return c;
    }

    /**
     * A context menu on a table whose rows carry a JA4: "Look up JA4" (the row's JA4 in the
     * Fingerprints view) and "Copy JA4", both disabled on a row without one.
     */
    public static <R> void ja4Menu(TableView<R> t, Function<R, String> ja4Of, java.util.function.Consumer<String> lookUp) {
        javafx.scene.control.MenuItem look = new javafx.scene.control.MenuItem("Look up JA4");
        javafx.scene.control.MenuItem copy = new javafx.scene.control.MenuItem("Copy JA4");
        java.util.function.Supplier<String> ja4 = () -> {
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
        javafx.scene.control.ContextMenu menu = new javafx.scene.control.ContextMenu(look, copy);
        menu.setOnShowing(e -> {
            boolean none = ja4.get().isEmpty();
            look.setDisable(none);
            copy.setDisable(none);
        });
        t.setContextMenu(menu);
    }

    public static String format(Object v, int decimals) {
        if (v instanceof Instant i) return Fx.time(i);
        if (v instanceof Double d) return Fx.decimal(d, decimals);
        if (v instanceof Float f) return Fx.decimal(f, decimals);
        if (v instanceof Long || v instanceof Integer) return Fx.count(((Number) v).longValue());
        return v.toString();
    }
}
