package com.ja4.workstation.data.traffic;

import com.ja4.workstation.data.schema.Table;
import com.ja4.workstation.data.schema.WarehouseSchema;
import com.ja4.workstation.data.table.Predicates;
import com.ja4.workstation.data.table.TableSpec;
import com.ja4.workstation.data.warehouse.Dialect;
import com.ja4.workstation.data.warehouse.RowMapper;
import com.ja4.workstation.data.warehouse.Sql;
import com.ja4.workstation.domain.table.HttpLog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Query family of the Traffic table (http_logs, the logs database). The HTTP version filter
 * compares http_version (the predecessor's "status" filter compared it by mistake under that name).
 */
public final class TrafficTable implements TableSpec<HttpLog> {

    public static final TrafficTable INSTANCE = new TrafficTable();

    private static final List<String> PLAIN_SORT = List.of("time", "src_port", "method", "host", "path", "http_version",
            "header_user_agent", "ja4", "src_country_code");

    @Override
    public Table table() {
        return WarehouseSchema.HTTP_LOGS_TABLE;
    }

    @Override
    public String timeColumn() {
        return "time";
    }

    @Override
    public String selectList(Dialect d) {
        return "time, " + d.ipDisplay("src_ip") + " AS ip, src_port, method, host, path, http_version, header_user_agent, ja4, "
                + "src_country_code";
    }

    @Override
    public Map<String, String> sortColumns(Dialect d) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String c : PLAIN_SORT) m.put(c, c);
        m.put("src_ip", d.ipv4SortKey("src_ip"));
        return m;
    }

    /**
     * http_logs has no key column: (time, src_ip, src_port) identifies a request in practice; the
     * other columns make the order total even for duplicated log lines.
     */
    @Override
    public List<String> uniqueKey(Dialect d) {
        return List.of(d.ipv4SortKey("src_ip"), "src_port", "host", "path", "method", "http_version", "header_user_agent", "ja4");
    }

    @Override
    public String defaultSortKey() {
        return "time";
    }

    @Override
    public Map<String, String> facetColumns(Dialect d) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String c : List.of("method", "host", "http_version", "src_country_code")) m.put(c, c);
        return m;
    }

    /** IP (a whole address exactly), or path or user agent containing the text. */
    @Override
    public void appendSearch(Sql.Builder b, Dialect d, String text) {
        Predicates.search(b, d, text, "src_ip", Predicates.IpColumn.IPV4, List.of("path", "header_user_agent"));
    }

    @Override
    public RowMapper<HttpLog> mapper(Dialect d) {
        return rs -> new HttpLog(d.readTime(rs, "time"), rs.getString("ip"), rs.getInt("src_port"), rs.getString("method"),
                rs.getString("host"), rs.getString("path"), rs.getString("http_version"), rs.getString("header_user_agent"),
                rs.getString("ja4"), rs.getString("src_country_code"));
    }

    @Override
    public List<String> exportHeader() {
        return List.of("time", "src_ip", "src_port", "method", "host", "path", "http_version", "header_user_agent", "ja4",
                "src_country_code");
    }

    @Override
    public List<Object> exportValues(HttpLog r) {
        return List.of(r.time().toString(), r.ip(), r.srcPort(), r.method(), r.host(), r.path(), r.httpVersion(),
                r.userAgent(), r.ja4(), r.countryCode());
    }
}
