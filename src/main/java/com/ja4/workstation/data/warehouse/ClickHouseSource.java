package com.ja4.workstation.data.warehouse;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Connections to a ClickHouse server through the official clickhouse-jdbc (jdbc-v2, HTTP).
 * Each {@link #open()} is a new driver connection; the driver pools the HTTP connections.
 */
public final class ClickHouseSource implements ConnectionSource {

    private final String url;
    private final Properties props;
    private final String description;

    /**
     * @param url               jdbc:clickhouse:http(s)://host:port
     * @param user              ClickHouse user
     * @param password          password (kept in memory only)
     * @param connectTimeoutMs  TCP connect limit
     * @param queryTimeoutSec   server-side max_execution_time (0 = none); the client side is Statement.setQueryTimeout
     * @param compression       LZ4 compression of responses and requests
     * @param caFile            PEM file of a private CA, or null
     */
    public ClickHouseSource(String url, String user, String password, long connectTimeoutMs, long queryTimeoutSec,
                            boolean compression, String caFile, String description) {
        this.url = url;
        this.description = description;
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password == null ? "" : password);
        p.setProperty("compress", Boolean.toString(compression));
        p.setProperty("decompress", Boolean.toString(compression));
        p.setProperty("connection_timeout", Long.toString(connectTimeoutMs));
        p.setProperty("connection_request_timeout", Long.toString(connectTimeoutMs));
        // a dead link must not hang a view forever: the socket read limit follows the query limit
        if (queryTimeoutSec > 0) {
            p.setProperty("socket_timeout", Long.toString((queryTimeoutSec + 30) * 1000));
            p.setProperty("clickhouse_setting_max_execution_time", Long.toString(queryTimeoutSec));
        }
        // the workstation reads and binds DateTime in UTC whatever the server's zone (see ClickHouseDialect)
        p.setProperty("use_server_time_zone", "false");
        p.setProperty("use_time_zone", "UTC");
        p.setProperty("client_retry_on_failures", "");
        p.setProperty("retry", "0");
        if (caFile != null && !caFile.isBlank()) p.setProperty("sslrootcert", caFile);
        this.props = p;
    }

    @Override
    public Connection open() throws SQLException {
        return DriverManager.getConnection(url, props);
    }

    public String url() {
        return url;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        // connections are closed per query
    }
}
