package com.ja4.workstation.service.analytics;

import com.ja4.workstation.data.analytics.FingerprintQueries;
import com.ja4.workstation.data.warehouse.Warehouse;
import com.ja4.workstation.domain.Ja4;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.analytics.BotJa4;
import com.ja4.workstation.domain.analytics.Ja4Stat;
import com.ja4.workstation.service.query.QueryScope;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Fingerprints view: JA4 statistics (decoded) and JA4s used by named bots; both queries in parallel. */
public final class FingerprintsService {

    public static final int TOP_JA4 = 100;

    private final FingerprintQueries queries;

    public FingerprintsService(Warehouse warehouse) {
        this.queries = new FingerprintQueries(warehouse);
    }

    public CompletableFuture<List<Ja4Row>> ja4Stats(TimeWindow w, QueryScope scope) {
        return scope.submit(ctx -> queries.ja4Stats(w, TOP_JA4, ctx).stream().map(s -> new Ja4Row(s, Ja4.parse(s.ja4()))).toList());
    }

    public CompletableFuture<List<BotJa4Row>> botJa4s(TimeWindow w, QueryScope scope) {
        return scope.submit(ctx -> queries.botJa4s(w, ctx).stream().map(b -> new BotJa4Row(b, Ja4.parse(b.ja4()))).toList());
    }

    public record Ja4Row(Ja4Stat stat, Ja4 decoded) {
    }

    public record BotJa4Row(BotJa4 bot, Ja4 decoded) {
    }
}
