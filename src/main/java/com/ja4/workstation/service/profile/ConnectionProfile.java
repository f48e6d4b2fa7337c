package com.ja4.workstation.service.profile;

import com.ja4.workstation.data.warehouse.DatabaseNames;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How to reach one ClickHouse: everything but the password, which is never stored in plain text
 * (see {@link PasswordSource}).
 *
 * @param name            profile name (letters, digits, '-', '_'), also the key of its password variable
 * @param host            server host name or address
 * @param port            HTTP(S) port (8123 / 8443 usually)
 * @param https           TLS on
 * @param caFile          optional PEM file of the CA that signed the server certificate
 * @param user            ClickHouse user
 * @param databases       processing and logs databases (validated identifiers)
 * @param modelsFolder    optional folder of model metadata JSON files
 * @param connectTimeout  TCP connect time limit
 * @param queryTimeout    per-query time limit (client side and server max_execution_time)
 * @param compression     compress responses (LZ4) over slow links
 */
public record ConnectionProfile(String name, String host, int port, boolean https, Optional<Path> caFile, String user,
                                DatabaseNames databases, Optional<Path> modelsFolder, Duration connectTimeout,
                                Duration queryTimeout, boolean compression) {

    private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$");
    private static final Pattern HOST = Pattern.compile("^[A-Za-z0-9]([A-Za-z0-9.-]{0,252})$|^\\[?[0-9A-Fa-f:.]+\\]?$");

    public ConnectionProfile {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Profile name must be letters, digits, '-' or '_' (got '" + name + "')");
        }
        if (host == null || host.isBlank() || !HOST.matcher(host.strip()).matches()) {
            throw new IllegalArgumentException("Host '" + host + "' is not a host name or an IP address");
        }
        host = host.strip();
        if (port < 1 || port > 65535) throw new IllegalArgumentException("Port must be 1-65535, got " + port);
        if (user == null || user.isBlank()) throw new IllegalArgumentException("User is required");
        if (databases == null) databases = DatabaseNames.DEFAULT;
        caFile = caFile == null ? Optional.empty() : caFile;
        modelsFolder = modelsFolder == null ? Optional.empty() : modelsFolder;
        if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()) connectTimeout = Duration.ofSeconds(10);
        if (queryTimeout == null || queryTimeout.isNegative()) queryTimeout = Duration.ofMinutes(2);
    }

    /** A profile from the connection form's fields (the databases by name; validated as identifiers). */
    public static ConnectionProfile of(String name, String host, int port, boolean https, Optional<Path> caFile, String user,
                                       String processingDatabase, String logsDatabase, Optional<Path> modelsFolder,
                                       Duration connectTimeout, Duration queryTimeout, boolean compression) {
        return new ConnectionProfile(name, host, port, https, caFile, user, new DatabaseNames(processingDatabase, logsDatabase),
                modelsFolder, connectTimeout, queryTimeout, compression);
    }

    public String processingDatabase() {
        return databases.processing();
    }

    public String logsDatabase() {
        return databases.logs();
    }

    /** A profile with the usual defaults (HTTP 8123, user default, mabase_prod, 10 s connect, 2 min queries). */
    public static ConnectionProfile of(String name, String host, int port) {
        return new ConnectionProfile(name, host, port, false, Optional.empty(), "default", DatabaseNames.DEFAULT,
                Optional.empty(), Duration.ofSeconds(10), Duration.ofMinutes(2), false);
    }

    public ConnectionProfile withUser(String u) {
        return new ConnectionProfile(name, host, port, https, caFile, u, databases, modelsFolder, connectTimeout, queryTimeout, compression);
    }

    public ConnectionProfile withHostPort(String h, int p) {
        return new ConnectionProfile(name, h, p, https, caFile, user, databases, modelsFolder, connectTimeout, queryTimeout, compression);
    }

    public ConnectionProfile withQueryTimeout(Duration t) {
        return new ConnectionProfile(name, host, port, https, caFile, user, databases, modelsFolder, connectTimeout, t, compression);
    }

    public ConnectionProfile withDatabases(DatabaseNames dbs) {
        return new ConnectionProfile(name, host, port, https, caFile, user, dbs, modelsFolder, connectTimeout, queryTimeout, compression);
    }

    /** The JDBC URL (no credentials in it). */
    public String jdbcUrl() {
        return "jdbc:clickhouse:" + httpUrl();
    }

    /** The server's HTTP(S) interface, {@code http(s)://host:port} (no credentials in it). */
    public String httpUrl() {
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return (https ? "https" : "http") + "://" + h + ":" + port;
    }

    public String describe() {
        return "ClickHouse " + name + " (" + user + "@" + host + ":" + port + ")";
    }
}
