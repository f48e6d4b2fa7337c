package com.ja4.workstation.ui.common.table;

import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A column of a paged analyst table.
 *
 * @param title    header text
 * @param sortKey  key in the query family's sort whitelist, or null when the column does not sort
 * @param value    cell value (String, Number, Instant)
 * @param width    preferred width
 * @param kind     how the cell is drawn
 * @param filterBy how "Filter by this value" narrows the filter, or null when it does not apply
 */
public record ColumnDef<R, F>(String title, String sortKey, Function<R, Object> value, double width, Kind kind,
                              BiFunction<F, String, F> filterBy) {

    public enum Kind { TEXT, NUMBER, DECIMAL, TIME, THREAT }

    public static <R, F> ColumnDef<R, F> text(String title, String sortKey, Function<R, Object> value, double width,
                                              BiFunction<F, String, F> filterBy) {
        return new ColumnDef<>(title, sortKey, value, width, Kind.TEXT, filterBy);
    }

    public static <R, F> ColumnDef<R, F> of(Kind kind, String title, String sortKey, Function<R, Object> value, double width) {
        return new ColumnDef<>(title, sortKey, value, width, kind, null);
    }
}
