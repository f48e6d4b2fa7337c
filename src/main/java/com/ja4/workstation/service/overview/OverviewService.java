package com.ja4.workstation.service.overview;

import com.ja4.workstation.data.overview.OverviewQueries;
import com.ja4.workstation.data.warehouse.Warehouse;
import com.ja4.workstation.domain.ThreatLevel;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.overview.HourCount;
import com.ja4.workstation.domain.overview.NamedCount;
import com.ja4.workstation.domain.overview.ThreatCount;
import com.ja4.workstation.domain.overview.TopIp;
import com.ja4.workstation.service.query.QueryScope;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The Overview's sections. Each returns a future so the view fills each panel as soon as its
 * query answers; all queries of one load go to the same scope and so run in parallel.
 */
public final class OverviewService {

    public static final int TOP_IPS = 15;

    private final OverviewQueries queries;

    public OverviewService(Warehouse warehouse) {
        this.queries = new OverviewQueries(warehouse);
    }

    public CompletableFuture<List<ThreatCount>> threatDistribution(TimeWindow w, QueryScope scope) {
        return scope.submit(ctx -> queries.threatDistribution(w, ctx));
    }

    /** KPIs from five queries; the threat distribution future is shared with its chart. */
    public CompletableFuture<Kpis> kpis(TimeWindow w, QueryScope scope, CompletableFuture<List<ThreatCount>> threats) {
        var detections = scope.submit(ctx -> queries.detectionCount(w, ctx));
        var scored = scope.submit(ctx -> queries.scoredCount(w, ctx));
        var traffic = scope.submit(ctx -> queries.trafficCount(w, ctx));
        var unique = scope.submit(ctx -> queries.uniqueDetectedIps(w, ctx));
        return CompletableFuture.allOf(detections, scored, traffic, unique, threats).thenApply(v -> {
            Map<String, Long> byLevel = new HashMap<>();
            threats.join().forEach(t -> byLevel.merge(t.threatLevel(), t.count(), Long::sum));
            return new Kpis(detections.join(), scored.join(), traffic.join(), unique.join(),
                    byLevel.getOrDefault(ThreatLevel.CRITICAL.name(), 0L), byLevel.getOrDefault(ThreatLevel.HIGH.name(), 0L),
                    byLevel.getOrDefault(ThreatLevel.LEGITIMATE_BROWSER.name(), 0L));
        });
    }

    public CompletableFuture<List<TopIp>> topIps(TimeWindow w, QueryScope scope) {
        return scope.submit(ctx -> queries.topIps(w, TOP_IPS, ctx));
    }

    /** One point per hour of the window, zero where nothing was detected. */
    public CompletableFuture<List<HourCount>> hourlyTimeline(TimeWindow w, QueryScope scope) {
        return scope.submit(ctx -> fillHours(w, queries.hourlyDetections(w, ctx)));
    }

    public CompletableFuture<List<NamedCount>> scoresPerModel(TimeWindow w, QueryScope scope) {
        return scope.submit(ctx -> queries.scoresPerModel(w, ctx));
    }

    public CompletableFuture<List<NamedCount>> browserFamilies(TimeWindow w, QueryScope scope) {
        return scope.submit(ctx -> queries.browserFamilies(w, ctx));
    }

    /** Everything at once (benchmark, render, tests); each section fails on its own. */
    public OverviewData loadAll(TimeWindow w, QueryScope scope) {
        var threats = threatDistribution(w, scope);
        var kpis = kpis(w, scope, threats);
        var top = topIps(w, scope);
        var timeline = hourlyTimeline(w, scope);
        var models = scoresPerModel(w, scope);
        var browsers = browserFamilies(w, scope);
        CompletableFuture.allOf(kpis, top, timeline, models, browsers).handle((v, e) -> null).join();
        return new OverviewData(kpis.join(), threats.join(), top.join(), timeline.join(), models.join(), browsers.join());
    }

    static List<HourCount> fillHours(TimeWindow w, List<HourCount> sparse) {
        Map<Instant, Long> byHour = new HashMap<>();
        sparse.forEach(h -> byHour.put(h.hour(), h.count()));
        List<HourCount> out = new ArrayList<>();
        Instant end = w.asOf();
        for (Instant h = w.from().truncatedTo(ChronoUnit.HOURS); h.isBefore(end); h = h.plus(1, ChronoUnit.HOURS)) {
            out.add(new HourCount(h, byHour.getOrDefault(h, 0L)));
        }
        return out;
    }

    public record OverviewData(Kpis kpis, List<ThreatCount> threats, List<TopIp> topIps, List<HourCount> timeline,
                               List<NamedCount> models, List<NamedCount> browsers) {
    }
}
