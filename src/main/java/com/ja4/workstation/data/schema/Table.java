package com.ja4.workstation.data.schema;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One table (or view) of the warehouse.
 *
 * @param name      table name, identical in ClickHouse and in snapshots
 * @param logs      true when it lives in the logs database rather than the processing one
 * @param columns   columns in DDL order
 * @param orderBy   ClickHouse MergeTree sorting key
 * @param timeColumn column that the global time window filters on, if any
 */
public record Table(String name, boolean logs, List<Column> columns, String orderBy, Optional<String> timeColumn) {

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    public boolean hasColumn(String column) {
        return columns.stream().anyMatch(c -> c.name().equals(column));
    }

    public String duckDbDdl() {
        return "CREATE TABLE IF NOT EXISTS " + name + " ("
                + columns.stream().map(c -> c.name() + " " + c.type().duckDb()).collect(Collectors.joining(", "))
                + ")";
    }

    public String clickHouseDdl(String database) {
        return "CREATE TABLE IF NOT EXISTS `" + database + "`.`" + name + "` ("
                + columns.stream().map(c -> "`" + c.name() + "` " + c.type().clickHouse()).collect(Collectors.joining(", "))
                + ") ENGINE = MergeTree ORDER BY (" + orderBy + ")";
    }
}
