package com.ja4.workstation.data.warehouse;

import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Cancellation scope for the queries of one view or task. Cancelling it stops every statement
 * running under it (Statement.cancel reaches the server) and refuses new ones.
 */
public final class QueryContext {

    /** Stops one running query, on the server too; called at most once, from any thread. */
    @FunctionalInterface
    interface Canceller {
        void cancel() throws Exception;
    }

    private final Set<Canceller> running = ConcurrentHashMap.newKeySet();
    private final Set<QueryContext> children = ConcurrentHashMap.newKeySet();
    private volatile boolean cancelled;

    public static QueryContext create() {
        return new QueryContext();
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /**
     * Marks the context cancelled at once and stops its running queries on a background thread:
     * stopping one may mean a round trip to the server (KILL QUERY), which must never hold the
     * caller, often the JavaFX thread, on a slow or dropped link.
     */
    public void cancel() {
        cancelled = true;
        children.forEach(QueryContext::cancel);
        List<Canceller> now = List.copyOf(running);
        if (now.isEmpty()) return;
        Thread t = new Thread(() -> {
            for (Canceller c : now) {
                try {
                    c.cancel();
                } catch (Exception ignored) {
                    // the query may have finished between the check and the cancel
                }
            }
        }, "query-cancel");
        t.setDaemon(true);
        t.start();
    }

    /** Registers a running JDBC statement; returns the handle to pass to {@link #unregister}. */
    Canceller register(Statement s) throws QueryCancelledException {
        Canceller c = s::cancel;
        register(c);
        return c;
    }

    void register(Canceller c) throws QueryCancelledException {
        running.add(c);
        if (cancelled) {
            running.remove(c);
            throw new QueryCancelledException();
        }
    }

    void unregister(Canceller c) {
        running.remove(c);
    }

    /**
     * Makes {@code child} cancelled whenever this context is, until the returned handle is closed:
     * work started on behalf of this context on another thread stops with it.
     */
    public Link propagateTo(QueryContext child) {
        children.add(child);
        if (cancelled) child.cancel();
        return () -> children.remove(child);
    }

    /** Handle of {@link #propagateTo}; closing it ends the link. */
    public interface Link extends AutoCloseable {
        @Override
        void close();
    }

    public void throwIfCancelled() throws QueryCancelledException {
        if (cancelled) throw new QueryCancelledException();
    }
}
