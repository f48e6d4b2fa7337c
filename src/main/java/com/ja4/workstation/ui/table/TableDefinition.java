package com.ja4.workstation.ui.table;

import com.ja4.workstation.domain.table.SortOrder;
import com.ja4.workstation.service.Workspace;
import com.ja4.workstation.service.table.TableService;
import java.util.List;
import java.util.function.Function;

/**
 * Everything one analyst table view shows: its title, its filter bar and its columns, in order.
 * Adding a filter or a column to Detections, Scores or Traffic is one line in
 * {@link TableDefinitions}; a filter key must be the table's search or one of its facet columns
 * (the data layer's whitelist).
 *
 * @param title      the view title
 * @param subtitle   a muted line after the window, or null
 * @param noun       what a row is, plural ("detections"): the total, the CSV file name
 * @param defaultSort the sort the view opens with
 * @param filters    the filter bar, in order (Apply and Clear follow)
 * @param columns    the columns, in order
 * @param service    the workspace's service for this table
 * @param ipOf       the row's client IP ("Open IP", double-click)
 * @param ja4Of      the row's JA4 ("Look up JA4")
 */
public record TableDefinition<R>(String title, String subtitle, String noun, SortOrder defaultSort, List<FilterDef> filters,
                                 List<ColumnDef<R>> columns, Function<Workspace, TableService<R>> service,
                                 Function<R, String> ipOf, Function<R, String> ja4Of) {
}
