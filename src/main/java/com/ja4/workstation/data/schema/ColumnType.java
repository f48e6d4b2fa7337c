package com.ja4.workstation.data.schema;

/** Logical column types of the production ClickHouse schema, with their DuckDB snapshot equivalent. */
public enum ColumnType {
    DATETIME("DateTime", "TIMESTAMP"),
    IPV4("IPv4", "VARCHAR"),
    IPV6("IPv6", "VARCHAR"),
    STRING("String", "VARCHAR"),
    LOW_CARDINALITY("LowCardinality(String)", "VARCHAR"),
    UINT8("UInt8", "SMALLINT"),
    UINT16("UInt16", "INTEGER"),
    UINT32("UInt32", "BIGINT"),
    UINT64("UInt64", "BIGINT"),
    FLOAT64("Float64", "DOUBLE");

    private final String clickHouse;
    private final String duckDb;

    ColumnType(String clickHouse, String duckDb) {
        this.clickHouse = clickHouse;
        this.duckDb = duckDb;
    }

    public String clickHouse() {
        return clickHouse;
    }

    /**
     * DuckDB type in snapshots. IP columns hold ClickHouse's toString() text
     * (IPv4 clients as ::ffff:a.b.c.d in IPv6 columns) because DuckDB's inet extension
     * is not bundled and must work offline. Unsigned ints widen to signed types.
     */
    public String duckDb() {
        return duckDb;
    }
}
