package com.ja4.workstation.data.table;

import com.ja4.workstation.data.schema.Table;
import com.ja4.workstation.data.warehouse.Dialect;
import com.ja4.workstation.data.warehouse.RowMapper;
import com.ja4.workstation.data.warehouse.Sql;
import java.util.List;
import java.util.Map;

/**
 * What a paged analyst table (Detections, Scores, Traffic) needs from its query family: explicit
 * columns, the sort whitelist, the facet columns (which are also its exact-match filters), what its
 * free-text search matches, and how rows map.
 *
 * @param <R> the row record
 */
public interface TableSpec<R> {

    Table table();

    /** Column the global time window applies to. */
    String timeColumn();

    /** Explicit select list (never SELECT *). */
    String selectList(Dialect d);

    /** Sort whitelist: column key shown to the user -> SQL expression. */
    Map<String, String> sortColumns(Dialect d);

    String defaultSortKey();

    /**
     * Columns whose distinct values feed the filter choices, key -> SQL expression; a
     * {@code TableFilter} on one of these keys matches it exactly. The whitelist of filter keys.
     */
    Map<String, String> facetColumns(Dialect d);

    /** Appends " AND (...)" for the free-text search ({@code TableFilter.SEARCH}), every value bound. */
    void appendSearch(Sql.Builder sql, Dialect d, String text);

    RowMapper<R> mapper(Dialect d);

    /**
     * Expressions that, after the time column, make the order total (a unique row key). Without
     * them rows tied on the sort key come in any order: pages differ between engines and between
     * runs on a parallel ClickHouse, and paging skips or repeats rows.
     */
    default List<String> uniqueKey(Dialect d) {
        return List.of();
    }

    /** Column names of a CSV export, in order. */
    List<String> exportHeader();

    /** Values of one row for CSV export, in {@link #exportHeader()} order. */
    List<Object> exportValues(R row);
}
