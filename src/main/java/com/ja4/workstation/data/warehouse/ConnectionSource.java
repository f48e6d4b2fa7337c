package com.ja4.workstation.data.warehouse;

import java.sql.Connection;
import java.sql.SQLException;

/** Where connections come from: a snapshot file or a ClickHouse profile. */
public interface ConnectionSource extends AutoCloseable {

    Connection open() throws SQLException;

    /** Short description for the source indicator, e.g. "Snapshot demo.duckdb". */
    String describe();

    @Override
    void close();
}
