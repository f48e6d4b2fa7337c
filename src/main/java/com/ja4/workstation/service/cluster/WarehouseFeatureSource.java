package com.ja4.workstation.service.cluster;

import com.ja4.workstation.analysis.cluster.CancellationCheck;
import com.ja4.workstation.analysis.cluster.ClusteringCancelledException;
import com.ja4.workstation.analysis.cluster.FeatureSource;
import com.ja4.workstation.analysis.cluster.FeatureSourceException;
import com.ja4.workstation.data.cluster.ClusterFeatureQueries;
import com.ja4.workstation.domain.cluster.FeatureRow;
import com.ja4.workstation.data.warehouse.QueryCancelledException;
import com.ja4.workstation.data.warehouse.QueryContext;
import com.ja4.workstation.data.warehouse.WarehouseException;
import com.ja4.workstation.domain.TimeWindow;
import java.util.List;

/** Every (IP, JA4) pair of a time window from the warehouse (live ClickHouse or a snapshot). */
public final class WarehouseFeatureSource implements FeatureSource {

    private static final long CANCEL_POLL_MS = 100;

    private final ClusterFeatureQueries queries;
    private final TimeWindow window;

    public WarehouseFeatureSource(ClusterFeatureQueries queries, TimeWindow window) {
        this.queries = queries;
        this.window = window;
    }

    @Override
    public List<FeatureRow> load(int sampleSize, CancellationCheck cancel) throws FeatureSourceException {
        cancel.throwIfCancelled();
        QueryContext ctx = QueryContext.create();
        // The cancel check is polled, the query context is pushed: a watcher bridges the two so
        // that a cancel reaches the server while a slow query runs.
        Thread watcher = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    if (cancel.isCancelled()) {
                        ctx.cancel();
                        return;
                    }
                    Thread.sleep(CANCEL_POLL_MS);
                }
            } catch (InterruptedException done) {
                Thread.currentThread().interrupt();
            }
        }, "cluster-query-cancel");
        watcher.setDaemon(true);
        watcher.start();
        try {
            return queries.allPairs(window, ctx);
        } catch (QueryCancelledException e) {
            throw new ClusteringCancelledException();
        } catch (WarehouseException e) {
            throw new FeatureSourceException("Cannot read clustering features: " + e.getMessage(), e);
        } finally {
            watcher.interrupt();
        }
    }
}
