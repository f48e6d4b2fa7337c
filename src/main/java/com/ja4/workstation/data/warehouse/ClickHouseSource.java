package com.ja4.workstation.data.warehouse;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.query.QueryResponse;
import com.clickhouse.client.api.query.QuerySettings;
import com.clickhouse.data.ClickHouseFormat;
import com.clickhouse.jdbc.ConnectionImpl;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Connections to a ClickHouse server through the official clickhouse-jdbc (jdbc-v2, HTTP).
 * Each {@link #open()} is a new driver connection; the driver pools the HTTP connections.
 */
public final class ClickHouseSource implements ConnectionSource {

    private static final java.util.concurrent.ExecutorService REQUESTS = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "clickhouse-bulk-request");
        t.setDaemon(true);
        return t;
    });

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

    /**
     * Runs a query through the driver's own client (client-v2, the one under clickhouse-jdbc) with
     * the result as Parquet written by the server, and copies the bytes to {@code out}: no value is
     * decoded in Java. Values are bound on the server. Cancelling the context kills the query on
     * the server and aborts the transfer.
     */
    long extractParquet(ServerSideParams query, OutputStream out, QueryContext ctx, Duration queryTimeout)
            throws SQLException, QueryCancelledException {
        try (Connection c = open()) {
            Client client = c.unwrap(ConnectionImpl.class).getClient();
            String queryId = UUID.randomUUID().toString(); // generated here, so safe to inline in KILL
            // no extra setting: a user with readonly=2 may run it (strings may arrive as binary;
            // the reader takes binary as text)
            QuerySettings settings = new QuerySettings().setFormat(ClickHouseFormat.Parquet).setQueryId(queryId);
            AtomicReference<QueryResponse> response = new AtomicReference<>();
            QueryContext.Canceller canceller = () -> {
                // on a connection of its own: the extracting thread closes its one as soon as it sees the cancel
                try (Connection k = open();
                     var kill = k.unwrap(ConnectionImpl.class).getClient()
                             .execute("KILL QUERY WHERE query_id = '" + queryId + "' ASYNC").get(10, TimeUnit.SECONDS)) {
                    // the server stops the query; closing the response below frees a blocked read
                } finally {
                    QueryResponse r = response.get();
                    if (r != null) r.close();
                }
            };
            ctx.register(canceller);
            try {
                // client-v2 runs a request on the calling thread: it gets its own, so that a cancel
                // returns at once while KILL QUERY and the closing connection end the request
                var pending = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try {
                        return client.query(query.text(), query.values(), settings).get();
                    } catch (ExecutionException e) {
                        throw new java.util.concurrent.CompletionException(e.getCause() == null ? e : e.getCause());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new java.util.concurrent.CompletionException(e);
                    }
                }, REQUESTS);
                QueryResponse r = awaitResponse(pending, ctx, queryTimeout);
                response.set(r);
                try (r) {
                    InputStream in = r.getInputStream();
                    byte[] buf = new byte[1 << 16];
                    long total = 0;
                    for (int k; (k = in.read(buf)) >= 0; ) {
                        if (ctx.isCancelled()) throw new QueryCancelledException();
                        out.write(buf, 0, k);
                        total += k;
                    }
                    return total;
                }
            } catch (QueryCancelledException e) {
                throw e;
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                throw new SQLException(cause.getMessage() == null ? cause.toString() : cause.getMessage(), cause);
            } catch (TimeoutException e) {
                throw new SQLException("The query took longer than its limit of " + queryTimeout.toSeconds() + " s", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted", e);
            } catch (IOException e) {
                throw new SQLException(e.getMessage(), e);
            } catch (SQLException | RuntimeException e) {
                throw e;
            } catch (Exception e) { // QueryResponse.close
                throw new SQLException(e.getMessage(), e);
            } finally {
                ctx.unregister(canceller);
            }
        }
    }

    /** Waits for the server's answer, giving up at once when the context is cancelled. */
    private static QueryResponse awaitResponse(java.util.concurrent.CompletableFuture<QueryResponse> pending, QueryContext ctx,
                                               Duration queryTimeout) throws Exception {
        long deadline = queryTimeout.isZero() ? Long.MAX_VALUE : System.nanoTime() + queryTimeout.plusSeconds(30).toNanos();
        while (true) {
            try {
                return pending.get(200, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (ctx.isCancelled()) {
                    pending.whenComplete((r, err) -> { // the answer may still come: release its connection
                        if (r != null) {
                            try {
                                r.close();
                            } catch (Exception ignored) {
                                // nothing more to free
                            }
                        }
                    });
                    throw new QueryCancelledException();
                }
                if (System.nanoTime() > deadline) throw e;
            }
        }
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
