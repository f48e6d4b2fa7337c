package com.ja4.workstation.service.table;

import com.ja4.workstation.data.table.PagedTable;
import com.ja4.workstation.data.warehouse.QueryContext;
import com.ja4.workstation.data.warehouse.WarehouseException;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.table.SortOrder;
import com.ja4.workstation.domain.table.TableFilter;
import com.ja4.workstation.service.export.CsvExporter;
import com.ja4.workstation.service.query.QueryScope;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * One analyst table (Detections, Scores, Traffic) paged, sorted, filtered and exported in the
 * database. The view calls the methods that take a {@link QueryScope} (they run on its pool and
 * stop with it); commands and tests may call the blocking ones.
 */
public final class TableService<R> {

    /** Page sizes the tables offer; never more than {@link PagedTable#MAX_PAGE_SIZE}. */
    public static final List<Integer> PAGE_SIZES = List.of(50, 100, 200, 500);

    private final PagedTable<R> table;

    public TableService(PagedTable<R> table) {
        this.table = table;
    }

    /** One page and, when asked, the total of the filtered result. */
    public record Page<R>(long total, List<R> rows) {
    }

    public CompletableFuture<Page<R>> page(TimeWindow w, TableFilter filter, SortOrder sort, long offset, int limit,
                                           long knownTotal, boolean withCount, QueryScope scope) {
        CompletableFuture<Long> count = withCount ? scope.submit(ctx -> table.count(w, filter, ctx))
                : CompletableFuture.completedFuture(knownTotal);
        CompletableFuture<List<R>> rows = scope.submit(ctx -> table.page(w, filter, sort, offset, limit, ctx));
        return count.thenCombine(rows, Page::new);
    }

    /** Most frequent values of a facet column (filter choices). */
    public CompletableFuture<List<String>> facet(TimeWindow w, String key, int limit, QueryScope scope) {
        return scope.submit(ctx -> table.facet(w, key, limit, ctx));
    }

    /**
     * Writes the whole filtered, sorted result to CSV (with the per-page values such as the OS);
     * the file appears only when complete.
     *
     * @param rowsWritten receives the number of rows written so far
     */
    public CompletableFuture<Long> exportCsv(TimeWindow w, TableFilter filter, SortOrder sort, Path file,
                                             LongConsumer rowsWritten, QueryScope scope) {
        return scope.submit(ctx -> {
            try {
                return CsvExporter.export(table, w, filter, sort, file, rowsWritten, ctx);
            } catch (IOException e) {
                throw new WarehouseException("Cannot write " + file + ": " + e.getMessage(), e);
            }
        });
    }

    // ---- blocking (commands, tests) ----------------------------------------------------------

    public long count(TimeWindow w, TableFilter filter, QueryContext ctx) throws WarehouseException {
        return table.count(w, filter, ctx);
    }

    public List<R> page(TimeWindow w, TableFilter filter, SortOrder sort, long offset, int limit, QueryContext ctx)
            throws WarehouseException {
        return table.page(w, filter, sort, offset, limit, ctx);
    }

    public List<String> facet(TimeWindow w, String key, int limit, QueryContext ctx) throws WarehouseException {
        return table.facet(w, key, limit, ctx);
    }

    /** Streams the whole filtered, sorted result as read (no per-page values). */
    public void forEach(TimeWindow w, TableFilter filter, SortOrder sort, Consumer<R> consumer, QueryContext ctx)
            throws WarehouseException {
        table.forEach(w, filter, sort, consumer, ctx);
    }

    /** The table of the data layer (CSV export, conformance tests). */
    public PagedTable<R> table() {
        return table;
    }
}
