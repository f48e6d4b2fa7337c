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
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Bulk read of a ClickHouse query as Parquet encoded by the server, through the client (client-v2)
 * under clickhouse-jdbc: same credentials, TLS and limits as the profile's JDBC connections.
 */
final class ClickHouseParquetReader {

    private static final ExecutorService REQUESTS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "clickhouse-bulk-request");
        t.setDaemon(true);
        return t;
    });

    private final ClickHouseSource source;

    ClickHouseParquetReader(ClickHouseSource source) {
        this.source = source;
    }

    /**
     * Runs a query through the driver's own client (client-v2, the one under clickhouse-jdbc) with
     * the result as Parquet written by the server, and copies the bytes to {@code out}: no value is
     * decoded in Java. Values are bound on the server. Cancelling the context kills the query on
     * the server and aborts the transfer.
     */
    long extract(ServerSideParams query, OutputStream out, QueryContext ctx, Duration queryTimeout)
            throws SQLException, QueryCancelledException {
        try (Connection c = source.open()) {
            Client client = c.unwrap(ConnectionImpl.class).getClient();
            String queryId = UUID.randomUUID().toString(); // generated here, so safe to inline in KILL
            // no extra setting: a user with readonly=2 may run it (strings may arrive as binary;
            // the reader takes binary as text)
            QuerySettings settings = new QuerySettings().setFormat(ClickHouseFormat.Parquet).setQueryId(queryId);
            AtomicReference<QueryResponse> response = new AtomicReference<>();
            QueryContext.Canceller canceller = () -> {
                // on a connection of its own: the extracting thread closes its one as soon as it sees the cancel
                try (Connection k = source.open();
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
                var pending = CompletableFuture.supplyAsync(() -> {
                    try {
                        return client.query(query.text(), query.values(), settings).get();
                    } catch (ExecutionException e) {
                        throw new CompletionException(e.getCause() == null ? e : e.getCause());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new CompletionException(e);
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
    private static QueryResponse awaitResponse(CompletableFuture<QueryResponse> pending, QueryContext ctx,
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
}
