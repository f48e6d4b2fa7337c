package com.ja4.workstation.service.analytics;

import com.ja4.workstation.data.analytics.BehaviorQueries;
import com.ja4.workstation.data.analytics.BehaviorQueries.BinCount;
import com.ja4.workstation.data.analytics.BehaviorQueries.FeatureRanges;
import com.ja4.workstation.data.warehouse.Warehouse;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.analytics.BehaviorFeature;
import com.ja4.workstation.domain.analytics.Bins;
import com.ja4.workstation.domain.analytics.SessionPoint;
import com.ja4.workstation.service.query.QueryScope;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The Behavior view: the heaviest sessions for the scatter, and the six histograms (one range
 * query, then the six binning queries in parallel).
 */
public final class BehaviorService {

    /** Sample sizes offered to the analyst; the first is the default (the predecessor's 500). */
    public static final List<Integer> SAMPLE_SIZES = List.of(500, 2_000, 5_000);

    private final BehaviorQueries queries;

    public BehaviorService(Warehouse warehouse) {
        this.queries = new BehaviorQueries(warehouse);
    }

    public CompletableFuture<List<SessionPoint>> heaviestSessions(TimeWindow w, int limit, QueryScope scope) {
        return scope.submit(ctx -> queries.heaviestSessions(w, limit, ctx));
    }

    /**
     * The scatter's points: the {@code limit} heaviest sessions, plus (when asked) up to
     * {@code limit} named-bot sessions not already among them. Both queries run in parallel.
     */
    public CompletableFuture<List<SessionPoint>> scatter(TimeWindow w, int limit, boolean withNamedBots, QueryScope scope) {
        var heavy = heaviestSessions(w, limit, scope);
        if (!withNamedBots) return heavy;
        var bots = scope.submit(ctx -> queries.namedBotSessions(w, limit, ctx));
        return heavy.thenCombine(bots, BehaviorService::merge);
    }

    static List<SessionPoint> merge(List<SessionPoint> heavy, List<SessionPoint> bots) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<SessionPoint> out = new ArrayList<>(heavy);
        heavy.forEach(p -> seen.add(key(p)));
        for (SessionPoint p : bots) if (seen.add(key(p))) out.add(p);
        return out;
    }

    private static String key(SessionPoint p) {
        return p.windowStart() + "|" + p.ip() + "|" + p.ja4() + "|" + p.host();
    }

    /** One future per histogram feature, all fed by one range query. */
    public Map<BehaviorFeature, CompletableFuture<Histogram>> histograms(TimeWindow w, QueryScope scope) {
        CompletableFuture<FeatureRanges> ranges = scope.submit(ctx -> queries.ranges(w, ctx));
        Map<BehaviorFeature, CompletableFuture<Histogram>> out = new EnumMap<>(BehaviorFeature.class);
        for (BehaviorFeature f : BehaviorFeature.HISTOGRAM) {
            out.put(f, ranges.thenCompose(r -> {
                double[] range = r.ranges().get(f);
                if (r.rows() == 0 || range == null) return CompletableFuture.completedFuture(new Histogram(f, Bins.covering(0, 1), new long[Bins.covering(0, 1).count()]));
                Bins bins = Bins.covering(range[0], range[1]);
                return scope.submit(ctx -> histogram(f, bins, queries.histogram(w, f, bins, ctx)));
            }));
        }
        return out;
    }

    static Histogram histogram(BehaviorFeature f, Bins bins, List<BinCount> sparse) {
        long[] counts = new long[bins.count()];
        for (BinCount b : sparse) counts[Math.max(0, Math.min(bins.count() - 1, b.bin()))] += b.count();
        return new Histogram(f, bins, counts);
    }

    /** Everything at once (tests, benchmark). */
    public BehaviorData loadAll(TimeWindow w, int limit, QueryScope scope) {
        var points = heaviestSessions(w, limit, scope);
        var hist = histograms(w, scope);
        List<Histogram> hs = new ArrayList<>();
        for (BehaviorFeature f : BehaviorFeature.HISTOGRAM) hs.add(hist.get(f).join());
        return new BehaviorData(points.join(), hs);
    }

    /** Counts per bin (all bins present, zero where empty). */
    public record Histogram(BehaviorFeature feature, Bins bins, long[] counts) {
        public long total() {
            long t = 0;
            for (long c : counts) t += c;
            return t;
        }
    }

    public record BehaviorData(List<SessionPoint> points, List<Histogram> histograms) {
    }
}
