package com.ja4.workstation.service.analytics;

import com.ja4.workstation.data.analytics.BrowserQueries;
import com.ja4.workstation.data.warehouse.Warehouse;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.analytics.FamilyJa4;
import com.ja4.workstation.domain.analytics.FamilyRow;
import com.ja4.workstation.service.query.QueryScope;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Browsers view: families, unknown sessions and top JA4s per family; the three queries run in parallel. */
public final class BrowsersService {

    public static final int TOP_JA4_PER_FAMILY = 5;

    private final BrowserQueries queries;

    public BrowsersService(Warehouse warehouse) {
        this.queries = new BrowserQueries(warehouse);
    }

    public CompletableFuture<List<FamilyRow>> families(TimeWindow w, QueryScope scope) {
        return scope.submit(ctx -> queries.families(w, ctx));
    }

    public CompletableFuture<Long> unknownSessions(TimeWindow w, QueryScope scope) {
        return scope.submit(ctx -> queries.unknownSessions(w, ctx));
    }

    public CompletableFuture<List<FamilyJa4>> topJa4PerFamily(TimeWindow w, QueryScope scope) {
        return scope.submit(ctx -> queries.topJa4PerFamily(w, TOP_JA4_PER_FAMILY, ctx));
    }
}
