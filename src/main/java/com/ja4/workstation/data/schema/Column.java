package com.ja4.workstation.data.schema;

public record Column(String name, ColumnType type) {
    public static Column of(String name, ColumnType type) {
        return new Column(name, type);
    }
}
