package com.ja4.workstation.service.watch;

import com.ja4.workstation.data.warehouse.Warehouse;
import com.ja4.workstation.data.watch.WatchQueries;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.watch.WatchDelta;
import com.ja4.workstation.service.query.QueryScope;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.concurrent.CompletableFuture;

/** The live watch's look at a refreshed window (both queries in parallel on the scope). */
public final class WatchService {

    private final WatchQueries queries;

    public WatchService(Warehouse warehouse) {
        this.queries = new WatchQueries(warehouse);
    }

    /** Detections since {@code since} (the previous refresh's as-of) and the CRITICAL IPs of {@code w}. */
    public CompletableFuture<WatchDelta> delta(Instant since, TimeWindow w, QueryScope scope) {
        CompletableFuture<Long> count = scope.submit(ctx -> queries.newDetections(since, w, ctx));
        CompletableFuture<java.util.List<String>> critical = scope.submit(ctx -> queries.criticalIps(w, ctx));
        return count.thenCombine(critical, (n, ips) -> new WatchDelta(n, new LinkedHashSet<>(ips)));
    }
}
