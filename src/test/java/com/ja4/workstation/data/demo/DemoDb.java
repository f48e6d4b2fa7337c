package com.ja4.workstation.data.demo;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** Read-only SQL on a demo snapshot, for assertions. */
final class DemoDb implements AutoCloseable {

    private final Connection conn;

    DemoDb(Path file) throws SQLException {
        Properties props = new Properties();
        props.setProperty("duckdb.read_only", "true");
        conn = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), props);
    }

    Connection connection() {
        return conn;
    }

    long scalar(String sql) throws SQLException {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    double real(String sql) throws SQLException {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getDouble(1);
        }
    }

    List<String> strings(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }

    @Override
    public void close() throws SQLException {
        conn.close();
    }
}
