package com.ja4.workstation.service;

import com.ja4.workstation.data.detections.DetectionTable;
import com.ja4.workstation.data.feedback.Outbox;
import com.ja4.workstation.data.ip.IpQueries;
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
import com.ja4.workstation.service.analytics.ModelsService;
import com.ja4.workstation.service.cluster.ClusterService;
import com.ja4.workstation.service.feedback.FeedbackService;
import com.ja4.workstation.service.overview.OverviewService;
import java.time.Instant;
import java.util.Optional;

/**
 * An opened data source and the services bound to it. Replaced as a whole when the analyst
 * switches source, so no view keeps talking to an old one.
 */
public final class Workspace implements AutoCloseable {

    private final Warehouse warehouse;
    private final Optional<SnapshotManifest> manifest;
    private final OverviewService overview;
    private final PagedTable<Detection> detections;
    private final Analytics analytics;
    private final BehaviorService behavior;
    private final HeatmapService heatmap;
    private final ModelsService models;
    private final PagedTable<Score> scores;
    private final PagedTable<HttpLog> traffic;
    private final IpQueries ip;
    private volatile Outbox outbox;
    private final FeedbackService feedback;
    private final ClusterService clusters;
    private final Optional<com.ja4.workstation.service.profile.LiveSource> live;

    public Workspace(Warehouse warehouse, Optional<SnapshotManifest> manifest) {
        this(warehouse, manifest, null);
    }

    /** {@code outbox} null: the per-user outbox in the data folder, opened on first use. */
    public Workspace(Warehouse warehouse, Optional<SnapshotManifest> manifest, Outbox outbox) {
        this(warehouse, manifest, outbox, Optional.empty());
    }

    /** A live ClickHouse workspace: {@code live} holds its profile and the schema check made on connect. */
    public Workspace(Warehouse warehouse, Optional<SnapshotManifest> manifest, Outbox outbox,
                     Optional<com.ja4.workstation.service.profile.LiveSource> live) {
        this.live = live == null ? Optional.empty() : live;
        this.warehouse = warehouse;
        this.manifest = manifest;
        this.outbox = outbox;
        this.overview = new OverviewService(warehouse);
        this.detections = new PagedTable<>(warehouse, DetectionTable.INSTANCE,
                com.ja4.workstation.service.os.OsLookup.enricher(warehouse, Detection::ip, Detection::withOs));
        this.analytics = Analytics.of(warehouse, this.live.map(l -> com.ja4.workstation.service.analytics.Ja4ProfileService
                .unavailableSources(l.schema())).orElse(java.util.Map.of()));
        this.behavior = new BehaviorService(warehouse);
        this.heatmap = new HeatmapService(warehouse);
        this.models = new ModelsService(warehouse);
        this.scores = new PagedTable<>(warehouse, ScoreTable.INSTANCE,
                com.ja4.workstation.service.os.OsLookup.enricher(warehouse, Score::ip, Score::withOs));
        this.traffic = new PagedTable<>(warehouse, TrafficTable.INSTANCE);
        this.ip = new IpQueries(warehouse);
        this.feedback = new FeedbackService(warehouse, manifest.isPresent(), this::outbox);
        this.clusters = new ClusterService(warehouse, new com.ja4.workstation.analysis.cluster.ClusteringService());
    }

    /** Where classifications made on a snapshot wait for a live source. */
    public Outbox outbox() {
        Outbox o = outbox;
        if (o == null) {
            synchronized (this) {
                if (outbox == null) outbox = Outbox.at(AppPaths.outboxFile());
                o = outbox;
            }
        }
        return o;
    }

    /** Uses another outbox file (tests). */
    public void useOutbox(Outbox o) {
        this.outbox = o;
    }

    public PagedTable<Score> scores() {
        return scores;
    }

    public PagedTable<HttpLog> traffic() {
        return traffic;
    }

    public IpQueries ip() {
        return ip;
    }

    public FeedbackService feedback() {
        return feedback;
    }

    public Warehouse warehouse() {
        return warehouse;
    }

    public Optional<SnapshotManifest> manifest() {
        return manifest;
    }

    /** A snapshot is reviewed as of its capture; a live source as of now. */
    public Instant latestAsOf() {
        return manifest.map(SnapshotManifest::asOf).orElseGet(Instant::now);
    }

    /**
     * The window the views open on: a snapshot's capture (its as-of and window length, a custom
     * length included), else the latest data with the length the analyst had chosen.
     */
    public com.ja4.workstation.domain.TimeWindow initialWindow(java.time.Duration currentLength) {
        java.time.Duration length = manifest.map(SnapshotManifest::window)
                .filter(d -> !d.isNegative() && !d.isZero()).orElse(currentLength);
        return new com.ja4.workstation.domain.TimeWindow(latestAsOf(), length);
    }

    public String describe() {
        return warehouse.describe();
    }

    public boolean isSnapshot() {
        return manifest.isPresent();
    }

    /** Profile and schema check when this is a live ClickHouse opened through a profile. */
    public Optional<com.ja4.workstation.service.profile.LiveSource> live() {
        return live;
    }

    /** View family (see {@code SchemaReport.VIEW_TABLES}) -> why it cannot be used here; empty when all work. */
    public java.util.Map<String, String> unavailableViews() {
        return live.map(com.ja4.workstation.service.profile.LiveSource::unavailableViews).orElse(java.util.Map.of());
    }

    public OverviewService overview() {
        return overview;
    }

    public PagedTable<Detection> detections() {
        return detections;
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

    /** Clustering runs, cluster members and their export (Clusters view). */
    public ClusterService clusters() {
        return clusters;
    }

    @Override
    public void close() {
        warehouse.close();
    }
}
