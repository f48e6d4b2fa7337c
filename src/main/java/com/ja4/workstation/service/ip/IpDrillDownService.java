package com.ja4.workstation.service.ip;

import com.ja4.workstation.data.detections.DetectionTable;
import com.ja4.workstation.data.ip.IpQueries;
import com.ja4.workstation.data.table.PagedTable;
import com.ja4.workstation.data.warehouse.Warehouse;
import com.ja4.workstation.domain.ClientIp;
import com.ja4.workstation.domain.ThreatLevel;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.ip.FeatureWindow;
import com.ja4.workstation.domain.ip.RadarBaselines;
import com.ja4.workstation.domain.ip.Recurrence;
import com.ja4.workstation.domain.table.Detection;
import com.ja4.workstation.domain.table.HttpLog;
import com.ja4.workstation.domain.table.Score;
import com.ja4.workstation.domain.table.SortOrder;
import com.ja4.workstation.domain.table.TableFilter;
import com.ja4.workstation.service.ip.IpAnalysis.TcpFinding;
import com.ja4.workstation.service.os.OsLookup;
import com.ja4.workstation.service.query.QueryScope;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The IP drill-down (DESIGN 3.5): one client's detections, scores, HTTP requests, hourly feature
 * windows, recurrence, TCP/OS verdicts and radar against the baselines of the window; and, with no
 * IP open, the worst IPs of the window to start from. Every section is its own future so a tab
 * fills each panel as soon as its query answers.
 */
public final class IpDrillDownService {

    /** HTTP requests shown per IP (the latest). */
    public static final int HTTP_LIMIT = 200;
    /** IPs in the start list of the drill-down. */
    public static final int WORST_IPS = 25;
    /** Detections read to find the worst IPs: the most severe first, one row per IP kept. */
    static final int WORST_SCAN = 400;
    /** The radar's axes, in order (the predecessor's). */
    public static final List<String> RADAR_FEATURES = IpQueries.RADAR_FEATURES;

    private final Warehouse warehouse;
    private final IpQueries queries;
    private final PagedTable<Detection> detections;

    public IpDrillDownService(Warehouse warehouse) {
        this.warehouse = warehouse;
        this.queries = new IpQueries(warehouse);
        this.detections = new PagedTable<>(warehouse, DetectionTable.INSTANCE);
    }

    public CompletableFuture<List<Detection>> detections(ClientIp ip, TimeWindow w, QueryScope scope) {
        return scope.submit(ctx -> queries.detections(ip, w, ctx));
    }

    public CompletableFuture<List<Score>> scores(ClientIp ip, TimeWindow w, QueryScope scope) {
        return scope.submit(ctx -> queries.scores(ip, w, ctx));
    }

    /** The latest {@link #HTTP_LIMIT} requests; none for a real IPv6 client (http_logs records IPv4 clients). */
    public CompletableFuture<List<HttpLog>> httpLogs(ClientIp ip, TimeWindow w, QueryScope scope) {
        return scope.submit(ctx -> queries.httpLogs(ip, w, HTTP_LIMIT, ctx));
    }

    /** The client's history over every day it was seen (not only the window). */
    public CompletableFuture<Optional<Recurrence>> recurrence(ClientIp ip, QueryScope scope) {
        return scope.submit(ctx -> queries.recurrence(ip, ctx));
    }

    /** Each distinct SYN shape of the client with what the fingerprinter says, most hits first. */
    public CompletableFuture<List<TcpFinding>> tcp(ClientIp ip, TimeWindow w, QueryScope scope) {
        return scope.submit(ctx -> IpAnalysis.tcp(queries.tcpTuples(ip, w, ctx)));
    }

    /** The client's hourly feature windows, latest first: the first is the radar's default. */
    public CompletableFuture<List<FeatureWindow>> featureWindows(ClientIp ip, TimeWindow w, QueryScope scope) {
        return scope.submit(ctx -> queries.featureWindows(ip, w, ctx));
    }

    /** Average radar features of the human and datacenter/hosting windows of the time window. */
    public CompletableFuture<RadarBaselines> radarBaselines(TimeWindow w, QueryScope scope) {
        return scope.submit(ctx -> queries.radarBaselines(w, ctx));
    }

    /** The radar of one feature window against the baselines, each axis on a shared 0-1 scale. */
    public List<RadarAxis> radar(FeatureWindow window, RadarBaselines baselines) {
        return IpAnalysis.radar(window, baselines);
    }

    /**
     * The worst IPs of the window, one row each (its most severe detection): by severity, then
     * score, with the TCP/OS verdict.
     */
    public CompletableFuture<List<Detection>> worstIps(TimeWindow w, QueryScope scope) {
        return scope.submit(ctx -> {
            Map<String, Detection> byIp = new LinkedHashMap<>();
            for (Detection d : detections.page(w, TableFilter.NONE, SortOrder.descending("threat_level"), 0, WORST_SCAN, ctx)) {
                byIp.putIfAbsent(d.ip(), d);
                if (byIp.size() == WORST_IPS) break;
            }
            List<Detection> rows = new ArrayList<>(byIp.values());
            rows.sort(Comparator.comparingInt((Detection d) -> ThreatLevel.parse(d.threatLevel())
                            .map(ThreatLevel::severity).orElse(0)).reversed()
                    .thenComparing(Detection::anomalyScore, Comparator.reverseOrder()));
            return OsLookup.enricher(warehouse, Detection::ip, Detection::withOs).enrich(w, rows, ctx);
        });
    }
}
