package com.ja4.workstation.service.analytics;

import com.ja4.workstation.data.analytics.Ja4ProfileQueries;
import com.ja4.workstation.data.warehouse.Warehouse;
import com.ja4.workstation.domain.Ja4;
import com.ja4.workstation.domain.ThreatLevel;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.analytics.Activity;
import com.ja4.workstation.domain.analytics.HostRow;
import com.ja4.workstation.domain.analytics.HttpActivity;
import com.ja4.workstation.domain.analytics.Ja4Source;
import com.ja4.workstation.domain.analytics.SeenWith;
import com.ja4.workstation.domain.analytics.ThreatLevelRow;
import com.ja4.workstation.service.profile.SchemaReport;
import com.ja4.workstation.service.query.QueryScope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * "Look up JA4": the JA4 decoded and its figures in the window. The profile's queries run in
 * parallel in the caller's scope; a table the live server lacks (or lacks a needed column of) is
 * left out with the reason instead of failing the whole profile.
 */
public final class Ja4ProfileService {

    public static final int TOP_HOSTS = 10;

    private final Ja4ProfileQueries queries;
    private final Map<Ja4Source, String> unavailable;

    public Ja4ProfileService(Warehouse warehouse) {
        this(warehouse, Map.of());
    }

    /** {@code unavailable}: source -> why it cannot be read on this server (see {@link #unavailableSources}). */
    public Ja4ProfileService(Warehouse warehouse, Map<Ja4Source, String> unavailable) {
        this.queries = new Ja4ProfileQueries(warehouse);
        this.unavailable = Map.copyOf(unavailable);
    }

    /** The sources a live server cannot serve: table missing, or a column the profile reads missing (e.g. http_logs.ja4). */
    public static Map<Ja4Source, String> unavailableSources(SchemaReport report) {
        Map<Ja4Source, String> out = new EnumMap<>(Ja4Source.class);
        for (Ja4Source s : Ja4Source.values()) {
            String t = Ja4ProfileQueries.table(s).name();
            if (report.missingTables().contains(t)) {
                out.put(s, "table " + t + " is missing");
                continue;
            }
            List<String> lacking = report.missingColumns().getOrDefault(t, List.of()).stream().filter(Ja4ProfileQueries.columns(s)::contains).toList();
            if (!lacking.isEmpty()) out.put(s, "table " + t + " lacks column(s) " + String.join(", ", lacking));
        }
        return out;
    }

    public Map<Ja4Source, String> unavailable() {
        return unavailable;
    }

    /** The profile of {@code ja4} (surrounding blanks ignored) in the window; a blank JA4 gives the empty profile without a query. */
    public CompletableFuture<Ja4Profile> profile(TimeWindow w, String ja4, QueryScope scope) {
        String j = ja4 == null ? "" : ja4.strip();
        Ja4 decoded = Ja4.parse(j);
        if (j.isEmpty()) return CompletableFuture.completedFuture(Ja4Profile.empty(j, decoded, w, unavailable));
        Set<Ja4Source> use = EnumSet.allOf(Ja4Source.class);
        use.removeAll(unavailable.keySet());
        CompletableFuture<Activity> det = activity(Ja4Source.DETECTIONS, use, w, j, scope);
        CompletableFuture<Activity> sc = activity(Ja4Source.SCORES, use, w, j, scope);
        CompletableFuture<Activity> ses = activity(Ja4Source.SESSIONS, use, w, j, scope);
        CompletableFuture<Optional<HttpActivity>> http = use.contains(Ja4Source.HTTP)
                ? scope.submit(ctx -> Optional.of(queries.http(w, j, ctx))) : CompletableFuture.completedFuture(Optional.empty());
        CompletableFuture<Long> ips = scope.submit(ctx -> queries.distinctIps(use, w, j, ctx));
        CompletableFuture<List<ThreatLevelRow>> threats = scope.submit(ctx -> queries.threats(use, w, j, ctx));
        CompletableFuture<List<SeenWith>> bots = scope.submit(ctx -> queries.bots(use, w, j, ctx));
        CompletableFuture<List<SeenWith>> browsers = scope.submit(ctx -> queries.browserFamilies(use, w, j, ctx));
        CompletableFuture<List<HostRow>> hosts = scope.submit(ctx -> queries.hosts(use, w, j, TOP_HOSTS, ctx));
        return CompletableFuture.allOf(det, sc, ses, http, ips, threats, bots, browsers, hosts).thenApply(v -> new Ja4Profile(j, decoded, w,
                det.join(), sc.join(), ses.join(), http.join(), ips.join(), threats.join(), bots.join(), browsers.join(), hosts.join(),
                unavailable));
    }

    private CompletableFuture<Activity> activity(Ja4Source s, Set<Ja4Source> use, TimeWindow w, String ja4, QueryScope scope) {
        return use.contains(s) ? scope.submit(ctx -> queries.activity(s, w, ja4, ctx)) : CompletableFuture.completedFuture(Activity.NONE);
    }

    /**
     * One JA4 in one window. {@code http} is empty when http_logs cannot be read on this server
     * ({@code unavailable} says why); figures of an unavailable source are zero.
     */
    public record Ja4Profile(String ja4, Ja4 decoded, TimeWindow window, Activity detections, Activity scores, Activity sessions,
                             Optional<HttpActivity> http, long distinctIps, List<ThreatLevelRow> threats, List<SeenWith> bots,
                             List<SeenWith> browsers, List<HostRow> hosts, Map<Ja4Source, String> unavailable) {

        static Ja4Profile empty(String ja4, Ja4 decoded, TimeWindow w, Map<Ja4Source, String> unavailable) {
            return new Ja4Profile(ja4, decoded, w, Activity.NONE, Activity.NONE, Activity.NONE,
                    unavailable.containsKey(Ja4Source.HTTP) ? Optional.empty() : Optional.of(HttpActivity.NONE), 0, List.of(), List.of(),
                    List.of(), List.of(), unavailable);
        }

        /** No row of any table holds the JA4 in the window. */
        public boolean isEmpty() {
            return detections.rows() == 0 && scores.rows() == 0 && sessions.rows() == 0
                    && http.map(h -> h.requests() == 0).orElse(true);
        }

        /** Earliest time the JA4 appears in any table, null when it does not. */
        public Instant firstSeen() {
            return times(true).stream().min(Instant::compareTo).orElse(null);
        }

        /** Latest time the JA4 appears in any table, null when it does not. */
        public Instant lastSeen() {
            return times(false).stream().max(Instant::compareTo).orElse(null);
        }

        private List<Instant> times(boolean first) {
            List<Instant> t = new ArrayList<>();
            for (Activity a : List.of(detections, scores, sessions)) t.add(first ? a.firstSeen() : a.lastSeen());
            http.ifPresent(h -> t.add(first ? h.firstSeen() : h.lastSeen()));
            t.removeIf(Objects::isNull);
            return t;
        }

        /** The most severe threat level among its detections and scored windows (by severity), if any. */
        public Optional<ThreatLevel> worstThreat() {
            return threats.stream().map(ThreatLevelRow::level).flatMap(Optional::stream)
                    .max(java.util.Comparator.comparingInt(ThreatLevel::severity));
        }
    }
}
