package com.ja4.workstation.ui.table;

import java.util.function.Function;

/**
 * A column of a paged analyst table.
 *
 * @param title     header text
 * @param sortKey   key in the table's sort whitelist (data layer), or null when the column does not sort
 * @param value     cell value (String, Number, Instant)
 * @param width     preferred width
 * @param kind      how the cell is drawn
 * @param filterKey the {@code TableFilter} key "Filter by this value" sets to the cell's text, or null
 */
public record ColumnDef<R>(String title, String sortKey, Function<R, Object> value, double width, Kind kind, String filterKey) {

    public enum Kind { TEXT, NUMBER, DECIMAL, TIME, THREAT }

    public static <R> ColumnDef<R> text(String title, String sortKey, Function<R, Object> value, double width, String filterKey) {
        return new ColumnDef<>(title, sortKey, value, width, Kind.TEXT, filterKey);
    }

    public static <R> ColumnDef<R> of(Kind kind, String title, String sortKey, Function<R, Object> value, double width) {
        return new ColumnDef<>(title, sortKey, value, width, kind, null);
    }

    /** The cell's text as shown (copy, filter by value, copy row). */
    public String textOf(R row) {
        return Tables.format(kind, value.apply(row));
    }
}
