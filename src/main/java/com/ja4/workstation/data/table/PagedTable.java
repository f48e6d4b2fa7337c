package com.ja4.workstation.data.table;

import com.ja4.workstation.data.warehouse.Dialect;
import com.ja4.workstation.data.warehouse.QueryContext;
import com.ja4.workstation.data.warehouse.RowMapper;
import com.ja4.workstation.data.warehouse.Sql;
import com.ja4.workstation.data.warehouse.Warehouse;
import com.ja4.workstation.data.warehouse.WarehouseException;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.table.SortOrder;
import com.ja4.workstation.domain.table.TableFilter;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Paging, sorting, counting, facets and streaming export of one analyst table, all done in the
 * database. Sort keys, facet columns and filter keys outside the spec's whitelist are refused.
 */
public final class PagedTable<R> {

    public static final int MAX_PAGE_SIZE = 1000;

    private final Warehouse wh;
    private final Dialect d;
    private final TableSpec<R> spec;
    private final PageEnricher<R> enricher;

    /** A table whose pages are shown as read. */
    public PagedTable(Warehouse warehouse, TableSpec<R> spec) {
        this(warehouse, spec, PageEnricher.none());
    }

    /** A table whose pages get per-page values (the OS column) from {@code enricher}. */
    public PagedTable(Warehouse warehouse, TableSpec<R> spec, PageEnricher<R> enricher) {
        this.wh = warehouse;
        this.d = warehouse.dialect();
        this.spec = spec;
        this.enricher = enricher;
    }

    public TableSpec<R> spec() {
        return spec;
    }

    public long count(TimeWindow w, TableFilter filter, QueryContext ctx) throws WarehouseException {
        return wh.count(filtered("SELECT count(*) FROM " + wh.table(spec.table()), w, filter).build(), ctx);
    }

    public List<R> page(TimeWindow w, TableFilter filter, SortOrder sort, long offset, int limit, QueryContext ctx) throws WarehouseException {
        if (limit < 1 || limit > MAX_PAGE_SIZE) throw new IllegalArgumentException("page size must be 1-" + MAX_PAGE_SIZE);
        if (offset < 0) throw new IllegalArgumentException("offset must not be negative");
        Sql sql = ordered(w, filter, sort).sql(" LIMIT ? OFFSET ?", limit, offset).build();
        return enricher.enrich(w, wh.query(sql, spec.mapper(d), ctx), ctx);
    }

    /**
     * Streams the whole filtered, sorted result with the per-page values of the
     * {@link PageEnricher} (the OS column) added, looked up once per batch of rows.
     */
    public void forEachEnriched(TimeWindow w, TableFilter filter, SortOrder sort, Consumer<R> consumer, QueryContext ctx) throws WarehouseException {
        List<R> batch = new java.util.ArrayList<>(MAX_PAGE_SIZE);
        RowMapper<R> mapper = spec.mapper(d);
        wh.stream(ordered(w, filter, sort).build(), rs -> {
            batch.add(mapper.map(rs));
            if (batch.size() < MAX_PAGE_SIZE) return;
            try {
                emit(w, batch, consumer, ctx);
            } catch (WarehouseException e) { // the lookup's failure ends the stream with its own message
                throw new java.sql.SQLException(e.getMessage(), e);
            }
        }, ctx);
        emit(w, batch, consumer, ctx);
    }

    private void emit(TimeWindow w, List<R> batch, Consumer<R> consumer, QueryContext ctx) throws WarehouseException {
        if (batch.isEmpty()) return;
        enricher.enrich(w, batch, ctx).forEach(consumer);
        batch.clear();
    }

    /** Streams the whole filtered, sorted result (for CSV export). */
    public void forEach(TimeWindow w, TableFilter filter, SortOrder sort, Consumer<R> consumer, QueryContext ctx) throws WarehouseException {
        RowMapper<R> mapper = spec.mapper(d);
        wh.stream(ordered(w, filter, sort).build(), rs -> consumer.accept(mapper.map(rs)), ctx);
    }

    /** Most frequent values of a facet column in the window (for filter choices). */
    public List<String> facet(TimeWindow w, String facetKey, int limit, QueryContext ctx) throws WarehouseException {
        String expr = spec.facetColumns(d).get(facetKey);
        if (expr == null) throw new IllegalArgumentException("not a filterable column: " + facetKey);
        Sql sql = Sql.builder().sql("SELECT " + expr + " AS v, count(*) AS n FROM " + wh.table(spec.table()))
                .sql(" WHERE " + spec.timeColumn() + " >= ").time(d, w.from())
                .sql(" AND " + spec.timeColumn() + " < ").time(d, w.asOf())
                .sql(" AND " + expr + " <> '' GROUP BY " + expr + " ORDER BY n DESC, v LIMIT ?", limit).build();
        return wh.query(sql, rs -> rs.getString("v"), ctx);
    }

    /** The requested sort if its key is whitelisted, else the default sort (newest first). */
    SortOrder effectiveSort(SortOrder sort) {
        return sort != null && spec.sortColumns(d).containsKey(sort.key()) ? sort : SortOrder.descending(spec.defaultSortKey());
    }

    private Sql.Builder ordered(TimeWindow w, TableFilter filter, SortOrder requested) {
        SortOrder sort = effectiveSort(requested);
        String expr = spec.sortColumns(d).get(sort.key());
        boolean asc = sort.ascending();
        // the time column as tie-breaker keeps pages stable while paging
        String tie = expr.equals(spec.timeColumn()) ? "" : ", " + spec.timeColumn() + " DESC";
        for (String k : spec.uniqueKey(d)) {
            if (!k.equals(expr)) tie += ", " + k + " ASC";
        }
        return filtered("SELECT " + spec.selectList(d) + " FROM " + wh.table(spec.table()), w, filter)
                .sql(" ORDER BY " + expr + (asc ? " ASC" : " DESC") + tie);
    }

    private Sql.Builder filtered(String select, TimeWindow w, TableFilter filter) {
        Sql.Builder b = Sql.builder().sql(select)
                .sql(" WHERE " + spec.timeColumn() + " >= ").time(d, w.from())
                .sql(" AND " + spec.timeColumn() + " < ").time(d, w.asOf());
        if (filter == null) return b;
        Map<String, String> exact = spec.facetColumns(d);
        filter.values().forEach((key, value) -> {
            if (key.equals(TableFilter.SEARCH)) {
                spec.appendSearch(b, d, value);
            } else if (exact.containsKey(key)) {
                Predicates.equalsIfSet(b, exact.get(key), value);
            } else {
                throw new IllegalArgumentException("not a filter of " + spec.table().name() + ": " + key);
            }
        });
        return b;
    }
}
