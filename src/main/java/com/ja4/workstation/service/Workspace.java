package com.ja4.workstation.service;

import com.ja4.workstation.analysis.cluster.ClusteringEngine;
import com.ja4.workstation.data.detections.DetectionTable;
import com.ja4.workstation.data.feedback.Outbox;
import com.ja4.workstation.data.scores.ScoreTable;
import com.ja4.workstation.data.snapshot.SnapshotManifest;
import com.ja4.workstation.data.table.PagedTable;
import com.ja4.workstation.data.traffic.TrafficTable;
import com.ja4.workstation.data.warehouse.Warehouse;
import com.ja4.workstation.domain.table.Detection;
import com.ja4.workstation.domain.table.HttpLog;
import com.ja4.workstation.domain.table.Score;
import com.ja4.workstation.service.analytics.Analytics;
import com.ja4.workstation.service.analytics.BehaviorService;
import com.ja4.workstation.service.analytics.HeatmapService;
import com.ja4.workstation.service.analytics.Ja4ProfileService;
import com.ja4.workstation.service.analytics.ModelsService;
import com.ja4.workstation.service.cluster.ClusterService;
import com.ja4.workstation.service.feedback.FeedbackService;
import com.ja4.workstation.service.ip.IpDrillDownService;
import com.ja4.workstation.service.os.OsLookup;
import com.ja4.workstation.service.overview.OverviewService;
import com.ja4.workstation.service.profile.LiveSource;
import com.ja4.workstation.service.search.SearchService;
import com.ja4.workstation.service.session.SessionService;
import com.ja4.workstation.service.table.TableService;
import java.util.Map;
import java.util.Optional;

/**
 * An opened data source and the services bound to it: one per view family, plus the session
 * (what the source is, its time, export and outbox sync). Replaced as a whole when the analyst
 * switches source, so no view keeps talking to an old one. Add a new service here.
 */
public final class Workspace implements AutoCloseable {

    private final SessionService session;
    private final OverviewService overview;
    private final TableService<Detection> detections;
    private final TableService<Score> scores;
    private final TableService<HttpLog> traffic;
    private final IpDrillDownService ip;
    private final SearchService search;
    private final Analytics analytics;
    private final BehaviorService behavior;
    private final HeatmapService heatmap;
    private final ModelsService models;
    private final FeedbackService feedback;
    private final ClusterService clusters;

    public Workspace(Warehouse warehouse, Optional<SnapshotManifest> manifest) {
        this(warehouse, manifest, null);
    }

    /** {@code outbox} null: the per-user outbox in the data folder, opened on first use. */
    public Workspace(Warehouse warehouse, Optional<SnapshotManifest> manifest, Outbox outbox) {
        this(warehouse, manifest, outbox, Optional.empty());
    }

    /** A live ClickHouse workspace: {@code live} holds its profile and the schema check made on connect. */
    public Workspace(Warehouse warehouse, Optional<SnapshotManifest> manifest, Outbox outbox, Optional<LiveSource> live) {
        Optional<LiveSource> source = live == null ? Optional.empty() : live;
        this.session = new SessionService(warehouse, manifest, source, outbox);
        this.overview = new OverviewService(warehouse);
        this.detections = new TableService<>(new PagedTable<>(warehouse, DetectionTable.INSTANCE,
                OsLookup.enricher(warehouse, Detection::ip, Detection::withOs)));
        this.scores = new TableService<>(new PagedTable<>(warehouse, ScoreTable.INSTANCE,
                OsLookup.enricher(warehouse, Score::ip, Score::withOs)));
        this.traffic = new TableService<>(new PagedTable<>(warehouse, TrafficTable.INSTANCE));
        this.ip = new IpDrillDownService(warehouse);
        this.search = new SearchService(warehouse);
        this.analytics = Analytics.of(warehouse, source.map(l -> Ja4ProfileService.unavailableSources(l.schema())).orElse(Map.of()));
        this.behavior = new BehaviorService(warehouse);
        this.heatmap = new HeatmapService(warehouse);
        this.models = new ModelsService(warehouse);
        this.feedback = new FeedbackService(warehouse, manifest.isPresent(), session::outbox);
        this.clusters = new ClusterService(warehouse, new ClusteringEngine());
    }

    /** The opened source: live or snapshot, its time, unavailable views, snapshot export, outbox sync. */
    public SessionService session() {
        return session;
    }

    public OverviewService overview() {
        return overview;
    }

    /** Detections (ml_detected_anomalies) paged, sorted, filtered and exported in the database. */
    public TableService<Detection> detections() {
        return detections;
    }

    /** Scores (ml_all_scores, every scored window). */
    public TableService<Score> scores() {
        return scores;
    }

    /** Traffic (http_logs). */
    public TableService<HttpLog> traffic() {
        return traffic;
    }

    /** The IP drill-down: one client's sections, and the worst IPs to start from. */
    public IpDrillDownService ip() {
        return ip;
    }

    /** What a string typed in the global search box means. */
    public SearchService search() {
        return search;
    }

    /** Features, Geo, Fingerprints and Browsers views, and the JA4 profile. */
    public Analytics analytics() {
        return analytics;
    }

    public BehaviorService behavior() {
        return behavior;
    }

    public HeatmapService heatmap() {
        return heatmap;
    }

    public ModelsService models() {
        return models;
    }

    /** Analyst classifications (soc_feedback on a live source, the outbox on a snapshot). */
    public FeedbackService feedback() {
        return feedback;
    }

    /** Clustering runs, cluster members and their export (Clusters view). */
    public ClusterService clusters() {
        return clusters;
    }

    @Override
    public void close() {
        session.warehouse().close();
    }
}
