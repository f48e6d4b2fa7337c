package com.ja4.workstation.service.cluster;

import com.ja4.workstation.analysis.cluster.CancellationCheck;
import com.ja4.workstation.analysis.cluster.ClusterProfile;
import com.ja4.workstation.analysis.cluster.ClusteringParameters;
import com.ja4.workstation.analysis.cluster.ClusteringRun;
import com.ja4.workstation.analysis.cluster.ClusteringRunFile;
import com.ja4.workstation.analysis.cluster.ClusteringCancelledException;
import com.ja4.workstation.analysis.cluster.ClusteringEngine;
import com.ja4.workstation.analysis.cluster.ClusteringStage;
import com.ja4.workstation.analysis.cluster.FeatureSourceException;
import com.ja4.workstation.analysis.cluster.MemberAssignment;
import com.ja4.workstation.analysis.cluster.ProgressListener;
import com.ja4.workstation.analysis.cluster.RunChanges;
import com.ja4.workstation.analysis.cluster.RunComparison;
import com.ja4.workstation.data.cluster.ClusterFeatureQueries;
import com.ja4.workstation.data.warehouse.QueryCancelledException;
import com.ja4.workstation.data.warehouse.QueryContext;
import com.ja4.workstation.data.warehouse.Warehouse;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.cluster.ClusterMemberRow;
import com.ja4.workstation.domain.cluster.FeatureRow;
import com.ja4.workstation.io.AtomicOutput;
import com.ja4.workstation.io.PartialFiles;
import com.ja4.workstation.service.export.CsvCells;
import com.ja4.workstation.service.query.QueryScope;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongConsumer;
import java.util.function.ObjDoubleConsumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * What the Clusters view calls (off the JavaFX thread): a clustering run over the workspace for a
 * time window, pages of a cluster's members sorted by any column, the CSV export of a cluster, and
 * what changed since an earlier run.
 *
 * <p>A run reads every (IP, JA4) pair of its window once; the member pages and the export come
 * from those rows, so they show exactly the pairs and figures the run assigned (the run's own
 * window, never the current global one) without another query.
 *
 * <p>The service remembers the last two runs of its source (a workspace is one source), so that a
 * run can be compared with the previous one; an earlier run can also be loaded from its JSON.
 */
public final class ClusterService {

    /** Columns of the member CSV export. */
    public static final List<String> CSV_HEADER = List.of("cluster_id", "cluster_label", "ip", "ja4", "hits",
            "threat", "anomaly_score", "ttl", "win", "scale", "mss", "country", "asn_org", "fuzzing", "velocity",
            "distance", "fitted", "ua");
    /** Rows of one member page at most. */
    public static final int MAX_MEMBER_PAGE = 500;
    private static final int SORTED_CACHE = 8;

    private final Warehouse warehouse;
    private final ClusterFeatureQueries queries;
    private final ClusteringEngine engine;
    private final Map<String, int[]> sorted = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, int[]> eldest) {
            return size() > SORTED_CACHE;
        }
    };
    private ClusterResult last;
    private ClusterResult previous;

    public ClusterService(Warehouse warehouse, ClusteringEngine engine) {
        this.warehouse = warehouse;
        this.queries = new ClusterFeatureQueries(warehouse);
        this.engine = engine;
    }

    /** A run and the window it was computed for. */
    public record ClusterResult(TimeWindow window, ClusteringRun run) {

        /** Pairs the centroids were fitted on ("fitted on N"). */
        public int fittedPairs() {
            return run.statistics().sampledRows();
        }

        /** Pairs assigned to a cluster: every pair of the window ("assigned M"). */
        public int assignedPairs() {
            return run.statistics().assignedRows();
        }
    }

    /** One page of a cluster's (IP, JA4) pairs, with the total number of pairs of the cluster. */
    public record MemberPage(List<ClusterMemberRow> rows, int offset, int total, MemberOrder order) {
    }

    /**
     * Clusters the (IP, JA4) pairs of the window: fits on a sample of {@code sampleSize}, assigns
     * every pair. The result becomes the service's last run (the one before it, the previous run).
     *
     * @throws FeatureSourceException the features could not be read (reason in the message)
     * @throws com.ja4.workstation.analysis.cluster.ClusteringCancelledException when cancelled
     * @throws IllegalArgumentException invalid k / sample size, or fewer pairs than clusters
     */
    public ClusterResult run(TimeWindow window, int k, int sampleSize, ProgressListener progress,
                             CancellationCheck cancel) throws FeatureSourceException {
        ClusteringParameters p = ClusteringParameters.of(k, sampleSize, ClusteringParameters.DEFAULT_SEED);
        ClusteringRun run = engine.run(new WarehouseFeatureSource(queries, window), p, progress, cancel);
        ClusterResult result = new ClusterResult(window, run);
        remember(result);
        return result;
    }

    /**
     * Clusters the (IP, JA4) pairs of the window on the scope's pool; the scope's cancel stops the
     * run (the future then fails with a {@link CancellationException}).
     *
     * @param progress the stage under way and the overall progress in [0, 1]
     */
    public CompletableFuture<ClusterResult> run(TimeWindow window, int k, int sampleSize,
                                                ObjDoubleConsumer<ClusteringStage> progress, QueryScope scope) {
        return scope.call(() -> {
            try {
                return run(window, k, sampleSize, progress::accept, scope::isCancelled);
            } catch (ClusteringCancelledException e) {
                throw new CancellationException("clustering cancelled");
            }
        });
    }

    /** One page of a cluster's members in the given order, on the scope's pool. */
    public CompletableFuture<MemberPage> members(ClusterResult result, String clusterId, MemberOrder order, int offset,
                                                 int limit, QueryScope scope) {
        return scope.submit(ctx -> members(result, clusterId, order, offset, limit, ctx));
    }

    /** Writes every pair of the cluster to CSV in the given order on the scope's pool; a cancel leaves no file. */
    public CompletableFuture<Long> exportMembers(ClusterResult result, String clusterId, MemberOrder order, Path target,
                                                 LongConsumer progress, QueryScope scope) {
        return scope.submit(ctx -> exportMembers(result, clusterId, order, target, progress, ctx));
    }

    /** The window of the same length just before this one ("yesterday" for a 24 h window). */
    public static TimeWindow windowBefore(TimeWindow window) {
        return window.withAsOf(window.asOf().minus(window.length()));
    }

    private synchronized void remember(ClusterResult result) {
        previous = last;
        last = result;
    }

    /** The last run of this source, if any. */
    public synchronized Optional<ClusterResult> lastResult() {
        return Optional.ofNullable(last);
    }

    /** The run before the last one, if any: what "since the previous run" compares with. */
    public synchronized Optional<ClusterResult> previousResult() {
        return Optional.ofNullable(previous);
    }

    /** What changed between an earlier run and a later one (clusters matched, moved IPs). */
    public RunChanges compare(ClusteringRun earlier, ClusteringRun current) {
        return RunComparison.compare(earlier, current);
    }

    /** What changed since the previous run of this source, when there is one. */
    public Optional<RunChanges> changesSincePrevious() {
        ClusterResult before;
        ClusterResult now;
        synchronized (this) {
            before = previous;
            now = last;
        }
        if (before == null || now == null) return Optional.empty();
        return Optional.of(RunComparison.compare(before.run(), now.run()));
    }

    /**
     * An earlier run written by {@code cluster --out} (or an export of the view), to compare with.
     *
     * @throws IOException unreadable, or not a clustering result of this workstation (one sentence)
     */
    public ClusteringRun loadRun(Path json) throws IOException {
        return ClusteringRunFile.read(json);
    }

    /** One page of the cluster's pairs, busiest first. */
    public MemberPage members(ClusterResult result, String clusterId, int offset, int limit, QueryContext ctx)
            throws QueryCancelledException {
        return members(result, clusterId, MemberOrder.BUSIEST_FIRST, offset, limit, ctx);
    }

    /**
     * One page of the cluster's pairs in the given order, at most {@value #MAX_MEMBER_PAGE} rows,
     * with their traffic and detections over the run's window.
     */
    public MemberPage members(ClusterResult result, String clusterId, MemberOrder order, int offset, int limit,
                              QueryContext ctx) throws QueryCancelledException {
        if (offset < 0 || limit < 0) throw new IllegalArgumentException("offset and limit must not be negative");
        int[] index = sortedMembers(result.run(), clusterId, order);
        int end = (int) Math.min(index.length, (long) offset + Math.min(limit, MAX_MEMBER_PAGE));
        List<ClusterMemberRow> rows = new ArrayList<>(Math.max(0, end - offset));
        for (int i = offset; i < end; i++) rows.add(memberRow(result.run(), index[i]));
        ctx.throwIfCancelled();
        return new MemberPage(rows, offset, index.length, order);
    }

    /** Writes every pair of the cluster to CSV, busiest first (see the overload). */
    public long exportMembers(ClusterResult result, String clusterId, Path target, LongConsumer progress,
                              QueryContext ctx) throws IOException, QueryCancelledException {
        return exportMembers(result, clusterId, MemberOrder.BUSIEST_FIRST, target, progress, ctx);
    }

    /**
     * Writes every pair of the cluster to CSV in the given order. The file appears only when
     * complete (temporary file in the same folder, then an atomic move); a cancelled or failed
     * export leaves nothing.
     *
     * @param progress receives the number of pairs written so far
     * @return pairs written
     */
    public long exportMembers(ClusterResult result, String clusterId, MemberOrder order, Path target,
                              LongConsumer progress, QueryContext ctx) throws IOException, QueryCancelledException {
        ClusterProfile cluster = result.run().cluster(clusterId)
                .orElseThrow(() -> new IllegalArgumentException("no cluster " + clusterId + " in run " + result.run().id()));
        int[] index = sortedMembers(result.run(), clusterId, order);
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = AtomicOutput.temporaryBeside(target, ".part");
        long written = 0;
        try (PartialFiles.Registration ignored = PartialFiles.register(tmp)) {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
                 CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder()
                         .setHeader(CSV_HEADER.toArray(String[]::new)).build())) {
                for (int i : index) {
                    if ((written & 1023) == 0) {
                        ctx.throwIfCancelled();
                        progress.accept(written);
                    }
                    ClusterMemberRow r = memberRow(result.run(), i);
                    // text from the warehouse (user agent, ASN) must not run as a spreadsheet formula
                    csv.printRecord(CsvCells.safe(java.util.Arrays.asList(cluster.id(), cluster.label(), r.ip(), r.ja4(),
                            r.hits(), r.threat() == null ? "" : r.threat().name(), r.anomalyScore(), r.ttl(), r.window(),
                            r.scale(), r.mss(), r.country(), r.asnOrg(), r.fuzzing(), r.velocity(), r.distance(),
                            r.fitted(), r.userAgent())));
                    written++;
                }
            }
            progress.accept(written);
            ctx.throwIfCancelled();
            PartialFiles.throwIfStopping();
            AtomicOutput.moveIntoPlace(tmp, target.toAbsolutePath());
            return written;
        }
    }

    /** Indexes into the run's assignments of the cluster's members, sorted; cached per run, cluster and order. */
    private int[] sortedMembers(ClusteringRun run, String clusterId, MemberOrder order) {
        if (run.cluster(clusterId).isEmpty()) {
            throw new IllegalArgumentException("no cluster " + clusterId + " in run " + run.id());
        }
        if (!run.hasRows()) {
            throw new IllegalArgumentException("run " + run.id() + " was read from a file: it has no member rows");
        }
        String key = run.id() + "|" + clusterId + "|" + order.column() + "|" + order.descending();
        synchronized (sorted) {
            int[] cached = sorted.get(key);
            if (cached != null) return cached;
        }
        List<MemberOrder.Member> members = new ArrayList<>();
        List<MemberAssignment> assignments = run.assignments();
        for (int i = 0; i < assignments.size(); i++) {
            if (assignments.get(i).clusterId().equals(clusterId)) {
                members.add(new MemberOrder.Member(i, assignments.get(i), run.rows().get(i)));
            }
        }
        members.sort(order.comparator());
        int[] index = members.stream().mapToInt(MemberOrder.Member::position).toArray();
        synchronized (sorted) {
            sorted.put(key, index);
        }
        return index;
    }

    private static ClusterMemberRow memberRow(ClusteringRun run, int i) {
        FeatureRow r = run.rows().get(i);
        MemberAssignment a = run.assignments().get(i);
        return new ClusterMemberRow(r.ip(), r.ja4(), (int) r.ttl(), (long) r.window(), (int) r.scale(), (int) r.mss(),
                r.hits(), r.userAgent(), r.anomalyScore(), r.threat(), r.country(), r.asnOrg(), r.fuzzing(),
                r.velocity(), a.distance(), a.fitted());
    }

    public Warehouse warehouse() {
        return warehouse;
    }
}
