package com.ja4.workstation.testing;

import com.ja4.workstation.data.warehouse.ConnectionSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts the connections a workspace opens (one per query): proves that no query ran. */
public final class CountingSource implements ConnectionSource {
    private final ConnectionSource inner;
    public final AtomicInteger opened = new AtomicInteger();

    public CountingSource(ConnectionSource inner) {
        this.inner = inner;
    }

    @Override
    public Connection open() throws SQLException {
        opened.incrementAndGet();
        return inner.open();
    }

    @Override
    public String describe() {
        return inner.describe();
    }

    @Override
    public void close() {
        // the shared demo source is closed once, after all tests
    }
}
