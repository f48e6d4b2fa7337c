package com.ja4.workstation.service.query;

import com.ja4.workstation.data.warehouse.QueryCancelledException;
import com.ja4.workstation.data.warehouse.QueryContext;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The work of one task (a view's load, an export, a clustering run): its queries run in parallel
 * on a shared pool and are all cancelled together when the view is left or the analyst presses
 * Cancel. Services take a scope and return futures; the UI gets its scopes from its task list
 * ({@code ui.task.Tasks}), so every piece of background work is listed and cancellable.
 */
public final class QueryScope {

    /**
     * Queries mostly wait on the server (ClickHouse over a VPN) rather than on this CPU, so the
     * pool is sized for a view's whole fan-out (the Overview sends nine queries at once).
     */
    private static final ExecutorService POOL = Executors.newFixedThreadPool(10, daemonThreads("query"));

    private final QueryContext context = QueryContext.create();
    private final Executor executor;

    private QueryScope(Executor executor) {
        this.executor = executor;
    }

    /** Queries submitted to this scope run concurrently. */
    public static QueryScope parallel() {
        return new QueryScope(POOL);
    }

    /** Queries run one after another on the calling thread (benchmark baseline, tests). */
    public static QueryScope sequential() {
        return new QueryScope(Runnable::run);
    }

    public QueryContext context() {
        return context;
    }

    public boolean isCancelled() {
        return context.isCancelled();
    }

    public void cancel() {
        context.cancel();
    }

    /**
     * Runs work that is not a query (opening a source, a clustering run) on the same pool; it
     * should poll {@link #isCancelled()} where it can stop. Failures reach the future as they are.
     */
    public <T> CompletableFuture<T> call(java.util.concurrent.Callable<T> work) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return work.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, executor);
    }

    public <T> CompletableFuture<T> submit(Call<T> call) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return call.run(context);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, executor);
    }

    /** The analyst-facing reason of a failed future: the warehouse message, never a stack trace. */
    public static String reason(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof java.util.concurrent.ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        if (c instanceof QueryCancelledException) return "Cancelled";
        String m = c.getMessage();
        String base = m == null || m.isBlank() ? c.getClass().getSimpleName() : m;
        return linkProblem(c).map(why -> why + " (" + firstLine(base) + ")").orElse(base);
    }

    /**
     * A live server that did not answer: the link dropped (connection reset or closed without an
     * answer, refused) or the time limit passed (client socket timeout, JDBC query timeout,
     * ClickHouse TIMEOUT_EXCEEDED). Said in the analyst's words; empty for other failures.
     */
    static java.util.Optional<String> linkProblem(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String n = c.getClass().getSimpleName();
            String m = c.getMessage() == null ? "" : c.getMessage();
            if (c instanceof java.net.SocketTimeoutException || c instanceof java.sql.SQLTimeoutException
                    || n.contains("Timeout") || m.contains("TIMEOUT_EXCEEDED") || m.contains("Code: 159")) {
                return java.util.Optional.of("The server did not answer within the query time limit: narrow the window"
                        + " or raise the profile's query timeout, then Retry");
            }
            if (c instanceof java.net.ConnectException || c instanceof java.net.NoRouteToHostException) {
                return java.util.Optional.of("The server cannot be reached (connection refused): check the link or VPN, then Retry");
            }
            if (c instanceof java.net.SocketException || c instanceof java.io.EOFException || n.contains("NoHttpResponse")
                    || n.contains("ConnectionClosed") || m.contains("failed to respond") || m.contains("Connection reset")) {
                return java.util.Optional.of("The connection to the server was lost before it answered: check the link or VPN, then Retry");
            }
        }
        return java.util.Optional.empty();
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String l = (nl > 0 ? s.substring(0, nl) : s).strip();
        return l.length() > 200 ? l.substring(0, 200) + "…" : l;
    }

    public static boolean isCancellation(Throwable t) {
        Throwable c = t;
        while (c != null) {
            if (c instanceof QueryCancelledException || c instanceof java.util.concurrent.CancellationException) return true;
            c = c.getCause();
        }
        return false;
    }

    static java.util.concurrent.ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @FunctionalInterface
    public interface Call<T> {
        /** Runs against the scope's query context; a failure (its message) reaches the future. */
        T run(QueryContext ctx) throws Exception;
    }
}
