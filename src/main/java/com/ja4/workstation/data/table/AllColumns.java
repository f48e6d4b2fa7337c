package com.ja4.workstation.data.table;

import com.ja4.workstation.data.schema.Column;
import com.ja4.workstation.data.schema.ColumnType;
import com.ja4.workstation.data.schema.Table;
import com.ja4.workstation.data.warehouse.Dialect;
import com.ja4.workstation.data.warehouse.RowMapper;
import com.ja4.workstation.data.warehouse.Sql;
import com.ja4.workstation.domain.table.FullRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every column of an analyst table's rows, with the same filters, search, sorts and row key as the
 * table itself (it wraps the table's spec): the detail pane reads one row of it by key, the
 * "all columns" CSV export streams it. Columns come from {@code WarehouseSchema}, never
 * {@code SELECT *}; the client address is read as shown (a.b.c.d for an IPv4 client).
 *
 * @param base  the table's own spec
 * @param extra columns added after the table's own by the service (the OS verdict, a score's
 *              feature window), exported in this order, blank when a row has no value
 */
public record AllColumns<R>(TableSpec<R> base, List<String> extra) implements TableSpec<FullRow> {

    public AllColumns {
        extra = List.copyOf(extra);
    }

    /** The table's own columns, in DDL order. */
    public List<String> tableColumns() {
        return base.table().columnNames();
    }

    @Override
    public Table table() {
        return base.table();
    }

    @Override
    public String timeColumn() {
        return base.timeColumn();
    }

    @Override
    public String selectList(Dialect d) {
        return base.table().columns().stream().map(c -> select(d, c)).collect(Collectors.joining(", "));
    }

    private static String select(Dialect d, Column c) {
        return isIp(c) ? d.ipDisplay(c.name()) + " AS " + shown(c) : c.name();
    }

    private static boolean isIp(Column c) {
        return c.type() == ColumnType.IPV6 || c.type() == ColumnType.IPV4;
    }

    /**
     * The alias of an address as shown: not the column's own name, since ClickHouse resolves a
     * name in WHERE and ORDER BY to a select alias first (src_ip would then be the shown text).
     */
    private static String shown(Column c) {
        return c.name() + "_shown";
    }

    @Override
    public Map<String, String> sortColumns(Dialect d) {
        return base.sortColumns(d);
    }

    @Override
    public String defaultSortKey() {
        return base.defaultSortKey();
    }

    @Override
    public Map<String, String> facetColumns(Dialect d) {
        return base.facetColumns(d);
    }

    @Override
    public Map<String, String> containsColumns(Dialect d) {
        return base.containsColumns(d);
    }

    @Override
    public String ipColumn() {
        return base.ipColumn();
    }

    @Override
    public Predicates.IpColumn ipColumnKind() {
        return base.ipColumnKind();
    }

    @Override
    public void appendSearch(Sql.Builder sql, Dialect d, String text) {
        base.appendSearch(sql, d, text);
    }

    @Override
    public List<String> uniqueKey(Dialect d) {
        return base.uniqueKey(d);
    }

    @Override
    public RowMapper<FullRow> mapper(Dialect d) {
        List<Column> columns = base.table().columns();
        return rs -> {
            Map<String, Object> m = new LinkedHashMap<>();
            for (Column c : columns) {
                String n = c.name();
                if (isIp(c)) {
                    String s = rs.getString(shown(c));
                    m.put(n, s == null ? "" : s);
                    continue;
                }
                m.put(n, switch (c.type()) {
                    case DATETIME -> d.readTime(rs, n);
                    case FLOAT64 -> rs.getDouble(n);
                    case UINT8, UINT16, UINT32, UINT64 -> rs.getLong(n);
                    default -> {
                        String s = rs.getString(n);
                        yield s == null ? "" : s;
                    }
                });
            }
            return new FullRow(m);
        };
    }

    @Override
    public List<String> exportHeader() {
        List<String> h = new ArrayList<>(tableColumns());
        h.addAll(extra);
        return h;
    }

    @Override
    public List<Object> exportValues(FullRow r) {
        List<Object> v = new ArrayList<>();
        for (String c : exportHeader()) {
            Object o = r.get(c);
            v.add(o == null ? "" : o instanceof java.time.Instant t ? t.toString() : o);
        }
        return v;
    }
}
