package com.ja4.workstation.data.warehouse;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** What a live ClickHouse says about itself: version, time zone, and the columns of our databases. */
public final class ServerCatalogQueries {

    private final Warehouse wh;

    public ServerCatalogQueries(Warehouse warehouse) {
        this.wh = warehouse;
    }

    public record ServerInfo(String version, String timeZone) {
    }

    public ServerInfo info(QueryContext ctx) throws WarehouseException {
        return wh.first(Sql.of("SELECT version() AS v, timezone() AS tz"),
                rs -> new ServerInfo(rs.getString("v"), rs.getString("tz")), ctx)
                .orElseThrow(() -> new WarehouseException("The server did not say its version"));
    }

    /** Column names per "database.table" in the processing and logs databases (bound values). */
    public Map<String, Set<String>> columns(DatabaseNames dbs, QueryContext ctx) throws WarehouseException {
        Map<String, Set<String>> present = new HashMap<>();
        wh.stream(Sql.of("SELECT database, table, name FROM system.columns WHERE database IN (?, ?)", dbs.processing(), dbs.logs()),
                rs -> present.computeIfAbsent(rs.getString(1) + "." + rs.getString(2), k -> new HashSet<>()).add(rs.getString(3)), ctx);
        return present;
    }
}
