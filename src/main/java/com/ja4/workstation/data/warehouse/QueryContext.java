package com.ja4.workstation.data.warehouse;

import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Cancellation scope for the queries of one view or task. Cancelling it stops every statement
 * running under it (Statement.cancel reaches the server) and refuses new ones.
 */
public final class QueryContext {
    private final Set<Statement> running = ConcurrentHashMap.newKeySet();
    private volatile boolean cancelled;

    public static QueryContext create() {
        return new QueryContext();
    }

    public boolean isCancelled() {
        return cancelled;
    }

    public void cancel() {
        cancelled = true;
        for (Statement s : running) {
            try {
                s.cancel();
            } catch (Exception ignored) {
                // the statement may have finished between the check and the cancel
            }
        }
    }

    void register(Statement s) throws QueryCancelledException {
        running.add(s);
        if (cancelled) {
            running.remove(s);
            throw new QueryCancelledException();
        }
    }

    void unregister(Statement s) {
        running.remove(s);
    }

    public void throwIfCancelled() throws QueryCancelledException {
        if (cancelled) throw new QueryCancelledException();
    }
}
