package com.ja4.workstation.service.profile;

import com.ja4.workstation.data.schema.Table;
import com.ja4.workstation.data.schema.WarehouseSchema;
import com.ja4.workstation.data.warehouse.ClickHouseDialect;
import com.ja4.workstation.data.warehouse.ClickHouseVersion;
import com.ja4.workstation.data.warehouse.ClickHouseSource;
import com.ja4.workstation.data.warehouse.DatabaseNames;
import com.ja4.workstation.data.warehouse.QueryContext;
import com.ja4.workstation.data.warehouse.ServerCatalogQueries;
import com.ja4.workstation.data.warehouse.Warehouse;
import com.ja4.workstation.data.warehouse.WarehouseException;
import com.ja4.workstation.service.Workspace;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLException;

/**
 * Live ClickHouse: tests a profile (server version, schema check) with messages an analyst can act
 * on, and opens a {@link Workspace} over it.
 */
public final class LiveConnector {

    /** Outcome of "Test connection". */
    public record ConnectionCheck(boolean ok, String message, String serverVersion, String serverTimezone,
                                  Optional<SchemaReport> schema) {
    }

    private LiveConnector() {
    }

    public static ClickHouseSource source(ConnectionProfile p, String password) {
        return new ClickHouseSource(p.jdbcUrl(), p.user(), password, p.connectTimeout().toMillis(),
                p.queryTimeout().toSeconds(), p.compression(), p.caFile().map(Object::toString).orElse(null), p.describe());
    }

    public static Warehouse warehouse(ConnectionProfile p, String password) {
        return new Warehouse(source(p, password), ClickHouseDialect.INSTANCE, p.databases(), p.queryTimeout());
    }

    /**
     * Server version and schema, or the reason the server cannot be used. Never throws. The version
     * is read first over plain HTTP ({@link ClickHouseVersion}), before the driver: a server older
     * than {@link ClickHouseVersion#MINIMUM} is refused with both versions named.
     */
    public static ConnectionCheck test(ConnectionProfile p, String password) {
        ClickHouseVersion version;
        try {
            version = ClickHouseVersion.read(p.httpUrl(), p.user(), password, p.connectTimeout(), p.caFile());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ConnectionCheck(false, "Test interrupted", "", "", Optional.empty());
        } catch (WarehouseException | java.io.IOException | RuntimeException e) {
            return new ConnectionCheck(false, explain(e, p), "", "", Optional.empty());
        }
        if (version.isOlderThan(ClickHouseVersion.MINIMUM)) {
            return new ConnectionCheck(false, tooOld(version, p), version.text(), "", Optional.empty());
        }
        try (Warehouse wh = warehouse(p, password)) {
            QueryContext ctx = QueryContext.create();
            var info = new ServerCatalogQueries(wh).info(ctx);
            SchemaReport schema = schema(wh, p.databases(), ctx);
            String msg = "Connected to ClickHouse " + info.version() + " (server time zone " + info.timeZone() + "). " + schema.describe();
            return new ConnectionCheck(true, msg, info.version(), info.timeZone(), Optional.of(schema));
        } catch (WarehouseException | RuntimeException e) {
            return new ConnectionCheck(false, explain(e, p), "", "", Optional.empty());
        }
    }

    /** Tests the profile and opens a workspace over it; the exception carries the analyst-facing reason. */
    public static Workspace connect(ConnectionProfile p, String password) throws WarehouseException {
        ConnectionCheck check = test(p, password);
        if (!check.ok()) throw new WarehouseException(check.message());
        LiveSource live = new LiveSource(p, check.schema().orElseThrow(), check.serverVersion());
        return new Workspace(warehouse(p, password), Optional.empty(), null, Optional.of(live));
    }

    /** Which tables and columns of {@link WarehouseSchema} the server lacks, from system.columns (databases bound). */
    public static SchemaReport schema(Warehouse wh, DatabaseNames dbs, QueryContext ctx) throws WarehouseException {
        Map<String, Set<String>> present = new ServerCatalogQueries(wh).columns(dbs, ctx);
        List<String> missingTables = new ArrayList<>();
        Map<String, List<String>> missingColumns = new LinkedHashMap<>();
        for (Table t : WarehouseSchema.TABLES) {
            Set<String> cols = present.get(dbs.of(t) + "." + t.name());
            if (cols == null) {
                missingTables.add(t.name());
                continue;
            }
            List<String> missing = t.columnNames().stream().filter(c -> !cols.contains(c)).toList();
            if (!missing.isEmpty()) missingColumns.put(t.name(), missing);
        }
        return new SchemaReport(List.copyOf(missingTables), Map.copyOf(missingColumns));
    }

    /** A server older than the oldest supported release, with both versions named. */
    static String tooOld(ClickHouseVersion version, ConnectionProfile p) {
        return "ClickHouse " + version + " at " + p.host() + ":" + p.port() + " is too old: the workstation needs ClickHouse "
                + ClickHouseVersion.MINIMUM + " or newer (its queries use window functions, typed query parameters and Parquet"
                + " output). Ask for the server to be upgraded, or work from a snapshot exported elsewhere.";
    }

    /** The reason in the analyst's words: unknown host, refused port, wrong password, timeout, TLS. */
    public static String explain(Throwable e, ConnectionProfile p) {
        String where = p.host() + ":" + p.port();
        for (Throwable t = e; t != null; t = t.getCause()) {
            // the JDK's HTTP client reports an unknown name as a ConnectException caused by UnresolvedAddressException
            if (t instanceof UnknownHostException || t instanceof java.nio.channels.UnresolvedAddressException) {
                return "Unknown host '" + p.host() + "': the name does not resolve. Check the host name, DNS or VPN.";
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return "Connection refused by " + where + ": nothing accepts connections on port " + p.port()
                        + " (ClickHouse HTTP is usually 8123, HTTPS 8443), or the server is down.";
            }
            if (t instanceof SocketTimeoutException || t.getClass().getSimpleName().contains("Timeout")) {
                return "No answer from " + where + " in time: a firewall, the VPN or the port may be wrong.";
            }
            if (t instanceof SSLException) {
                return "TLS with " + where + " failed: " + firstLine(t.getMessage()) + ". Check HTTPS, the port and the CA file.";
            }
            String m = t.getMessage() == null ? "" : t.getMessage();
            if (m.contains("Code: 516") || m.contains("AUTHENTICATION_FAILED") || m.contains("Authentication failed")
                    || m.contains("Code: 192") || m.contains("Code: 193") || m.startsWith("HTTP 401")) {
                return "Authentication failed for user '" + p.user() + "' on " + where + ": wrong password or unknown user.";
            }
        }
        return "ClickHouse at " + where + " cannot be used: " + firstLine(e.getMessage());
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return (nl > 0 ? s.substring(0, nl) : s).strip();
    }
}
