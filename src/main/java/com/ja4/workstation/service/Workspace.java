package com.ja4.workstation.service;

import com.ja4.workstation.data.detections.Detection;
import com.ja4.workstation.data.detections.DetectionFilter;
import com.ja4.workstation.data.detections.DetectionTable;
import com.ja4.workstation.data.snapshot.SnapshotManifest;
import com.ja4.workstation.data.table.PagedTable;
import com.ja4.workstation.data.warehouse.Warehouse;
import com.ja4.workstation.service.overview.OverviewService;
import com.ja4.workstation.service.cluster.ClusterService;
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
    private final PagedTable<Detection, DetectionFilter> detections;
    private final ClusterService clusters;

    public Workspace(Warehouse warehouse, Optional<SnapshotManifest> manifest) {
        this.warehouse = warehouse;
        this.manifest = manifest;
        this.overview = new OverviewService(warehouse);
        this.detections = new PagedTable<>(warehouse, DetectionTable.INSTANCE);
        this.clusters = new ClusterService(warehouse, new com.ja4.workstation.analysis.cluster.ClusteringService());
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

    public String describe() {
        return warehouse.describe();
    }

    public boolean isSnapshot() {
        return manifest.isPresent();
    }

    public OverviewService overview() {
        return overview;
    }

    public PagedTable<Detection, DetectionFilter> detections() {
        return detections;
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
