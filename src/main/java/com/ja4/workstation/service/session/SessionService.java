package com.ja4.workstation.service.session;

import com.ja4.workstation.data.feedback.Outbox;
import com.ja4.workstation.data.schema.Table;
import com.ja4.workstation.data.schema.WarehouseSchema;
import com.ja4.workstation.data.snapshot.SnapshotManifest;
import com.ja4.workstation.data.warehouse.ClickHouseDialect;
import com.ja4.workstation.data.warehouse.Warehouse;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.service.AppPaths;
import com.ja4.workstation.service.feedback.OutboxPending;
import com.ja4.workstation.service.feedback.OutboxSync;
import com.ja4.workstation.service.profile.LiveSource;
import com.ja4.workstation.service.query.QueryScope;
import com.ja4.workstation.service.snapshot.SnapshotExporter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The opened source as a whole: what it is (a live ClickHouse or a read-only snapshot), the time
 * the views look at, which views it cannot serve, and what applies only to a live source: the
 * snapshot export and the sync of classifications waiting in the outbox.
 */
public final class SessionService {

    private final Warehouse warehouse;
    private final Optional<SnapshotManifest> manifest;
    private final Optional<LiveSource> live;
    private volatile Outbox outbox;

    /** {@code outbox} null: the per-user outbox in the data folder, opened on first use. */
    public SessionService(Warehouse warehouse, Optional<SnapshotManifest> manifest, Optional<LiveSource> live, Outbox outbox) {
        this.warehouse = warehouse;
        this.manifest = manifest;
        this.live = live;
        this.outbox = outbox;
    }

    /** A live ClickHouse: classifications are written to it, its window can be exported, the outbox syncs to it. */
    public boolean isLive() {
        return warehouse.dialect() instanceof ClickHouseDialect;
    }

    /** A read-only snapshot, reviewed as of its capture. */
    public boolean isSnapshot() {
        return manifest.isPresent();
    }

    public String describe() {
        return warehouse.describe();
    }

    /** What the source indicator shows. */
    public SourceDescription description() {
        String details;
        if (manifest.isPresent()) {
            details = "Source: " + manifest.get().source();
        } else {
            details = live.map(l -> l.profile().describe() + "\nClickHouse " + l.serverVersion() + "\n" + l.schema().describe())
                    .orElse(describe());
        }
        return new SourceDescription(isLive(), isSnapshot(), describe(), live.map(LiveSource::label).orElse(describe()), details,
                manifest.map(SnapshotManifest::asOf), manifest.map(SnapshotManifest::window));
    }

    /** A snapshot is reviewed as of its capture; a live source as of now. */
    public Instant latestAsOf() {
        return manifest.map(SnapshotManifest::asOf).orElseGet(Instant::now);
    }

    /**
     * The window the views open on: a snapshot's capture (its as-of and window length, a custom
     * length included), else the latest data with the length the analyst had chosen.
     */
    public TimeWindow initialWindow(Duration currentLength) {
        Duration length = manifest.map(SnapshotManifest::window).filter(d -> !d.isNegative() && !d.isZero()).orElse(currentLength);
        return new TimeWindow(latestAsOf(), length);
    }

    /** View family (see {@code SchemaReport.VIEW_TABLES}) -> why it cannot be used here; empty when all work. */
    public Map<String, String> unavailableViews() {
        return live.map(LiveSource::unavailableViews).orElse(Map.of());
    }

    /** Profile and schema check when this is a live ClickHouse opened through a profile. */
    public Optional<LiveSource> live() {
        return live;
    }

    public Optional<SnapshotManifest> manifest() {
        return manifest;
    }

    /** The warehouse behind the services (services, commands and data-level tests; views never). */
    public Warehouse warehouse() {
        return warehouse;
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

    /** Uses another outbox (tests). */
    public void useOutbox(Outbox o) {
        this.outbox = o;
    }

    /** Uses the outbox in this file instead of the data folder's (tests, a second profile). */
    public void useOutboxFile(Path file) {
        useOutbox(Outbox.at(file));
    }

    /** The tables a snapshot holds, in export order (one progress row each). */
    public static List<String> snapshotTables() {
        return WarehouseSchema.TABLES.stream().map(Table::name).toList();
    }

    /** A snapshot written: where, and how many rows in how many tables. */
    public record ExportedSnapshot(Path file, long rows, int tables) {
    }

    /**
     * Writes the window (optionally only some hosts and threat levels) to a snapshot file; the file
     * appears only when complete, so a cancelled or failed export leaves none. Offered on live
     * sources (a snapshot is already one); it reads any warehouse.
     */
    public CompletableFuture<ExportedSnapshot> exportSnapshot(TimeWindow window, SnapshotExporter.Filters filters, Path target,
                                                              SnapshotExporter.Listener progress, QueryScope scope) {
        return scope.submit(ctx -> {
            SnapshotManifest m = new SnapshotExporter(warehouse).export(window, filters, describe(), target, progress, ctx);
            return new ExportedSnapshot(target, m.rowCounts().values().stream().mapToLong(Long::longValue).sum(), m.rowCounts().size());
        });
    }

    /**
     * Writes the outbox's pending classifications to soc_feedback of this live source, each exactly
     * once; empty when there was nothing to write (or the source is not live).
     */
    public CompletableFuture<Optional<OutboxSync.Result>> syncOutbox(QueryScope scope) {
        if (!isLive()) return CompletableFuture.completedFuture(Optional.empty());
        return scope.submit(ctx -> {
            OutboxPending pending = new OutboxPending(outbox());
            try {
                if (pending.pending().isEmpty()) return Optional.empty();
            } catch (IOException e) {
                return Optional.of(new OutboxSync.Result(0, 0, -1, Optional.of(e.getMessage())));
            }
            return Optional.of(new OutboxSync(warehouse).sync(pending, ctx));
        });
    }
}
