package com.ja4.workstation.service.cluster;

import com.ja4.workstation.analysis.cluster.CancellationCheck;
import com.ja4.workstation.analysis.cluster.ClusterProfile;
import com.ja4.workstation.analysis.cluster.ClusteringCancelledException;
import com.ja4.workstation.analysis.cluster.ClusteringEngine;
import com.ja4.workstation.analysis.cluster.ClusteringParameters;
import com.ja4.workstation.analysis.cluster.ClusteringRun;
import com.ja4.workstation.analysis.cluster.ClusteringStage;
import com.ja4.workstation.analysis.cluster.FeatureSourceException;
import com.ja4.workstation.analysis.cluster.MemberAssignment;
import com.ja4.workstation.analysis.cluster.ProgressListener;
import com.ja4.workstation.data.cluster.ClusterFeatureQueries;
import com.ja4.workstation.data.warehouse.QueryContext;
import com.ja4.workstation.data.warehouse.Warehouse;
import com.ja4.workstation.data.warehouse.WarehouseException;
import com.ja4.workstation.domain.ClientIp;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.cluster.ClusterMemberRow;
import com.ja4.workstation.service.query.QueryScope;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongConsumer;
import java.util.function.ObjDoubleConsumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Clustering for the Clusters view: a run of the {@link ClusteringEngine} over the warehouse's
 * (IP, JA4) pairs of a time window, one page of a cluster's members and the CSV export of a
 * cluster. Members are
 * always read for the window of their run ({@link ClusterResult}), never the current global one,
 * and their IPs are bound parameters (see {@link ClusterFeatureQueries#members}).
 */
public final class ClusterService {

    /** Columns of the member CSV export. */
    public static final List<String> CSV_HEADER = List.of("cluster_id", "cluster_label", "ip", "ja4", "hits",
            "threat", "anomaly_score", "ttl", "win", "scale", "mss", "country", "asn_org", "fuzzing", "velocity", "ua");

    private final ClusterFeatureQueries queries;
    private final ClusteringEngine engine;

    public ClusterService(Warehouse warehouse, ClusteringEngine engine) {
        this.queries = new ClusterFeatureQueries(warehouse);
        this.engine = engine;
    }

    /** A run and the window it was computed for: member queries use that window. */
    public record ClusterResult(TimeWindow window, ClusteringRun run) {
    }

    /** One page of a cluster's (IP, JA4) pairs, with the total number of pairs of the cluster. */
    public record MemberPage(List<ClusterMemberRow> rows, int offset, int total) {
    }

    /**
     * Clusters the (IP, JA4) pairs of the window.
     *
     * @throws FeatureSourceException the features could not be read (reason in the message)
     * @throws com.ja4.workstation.analysis.cluster.ClusteringCancelledException when cancelled
     * @throws IllegalArgumentException invalid k / sample size, or fewer pairs than clusters
     */
    public ClusterResult run(TimeWindow window, int k, int sampleSize, ProgressListener progress,
                             CancellationCheck cancel) throws FeatureSourceException {
        ClusteringParameters p = ClusteringParameters.of(k, sampleSize, ClusteringParameters.DEFAULT_SEED);
        ClusteringRun run = engine.run(new WarehouseFeatureSource(queries, window), p, progress, cancel);
        return new ClusterResult(window, run);
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

    /** One page of a cluster's members, on the scope's pool. */
    public CompletableFuture<MemberPage> members(ClusterResult result, String clusterId, int offset, int limit, QueryScope scope) {
        return scope.submit(ctx -> members(result, clusterId, offset, limit, ctx));
    }

    /** Writes every pair of the cluster to CSV on the scope's pool; a cancel leaves no file. */
    public CompletableFuture<Long> exportMembers(ClusterResult result, String clusterId, Path target, LongConsumer progress,
                                                 QueryScope scope) {
        return scope.submit(ctx -> exportMembers(result, clusterId, target, progress, ctx));
    }

    /**
     * One page of the cluster's pairs, busiest first (the run's order), with their traffic and
     * detections over the run's window. At most {@link ClusterFeatureQueries#MAX_MEMBER_PAGE} pairs.
     */
    public MemberPage members(ClusterResult result, String clusterId, int offset, int limit, QueryContext ctx)
            throws WarehouseException {
        int size = Math.min(limit, ClusterFeatureQueries.MAX_MEMBER_PAGE);
        List<MemberAssignment> page = result.run().membersOf(clusterId, offset, size);
        return new MemberPage(rowsOf(result.window(), page, ctx), offset, result.run().memberCount(clusterId));
    }

    /**
     * Writes every pair of the cluster to CSV. The file appears only when complete (temporary
     * file in the same folder, then an atomic move); a cancelled or failed export leaves nothing.
     *
     * @param progress receives the number of pairs written so far
     * @return pairs written
     */
    public long exportMembers(ClusterResult result, String clusterId, Path target, LongConsumer progress,
                              QueryContext ctx) throws WarehouseException, IOException {
        ClusterProfile cluster = result.run().cluster(clusterId)
                .orElseThrow(() -> new IllegalArgumentException("no cluster " + clusterId + " in run " + result.run().id()));
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".part");
        long written = 0;
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
                 CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder()
                         .setHeader(CSV_HEADER.toArray(String[]::new)).build())) {
                int total = result.run().memberCount(clusterId);
                for (int offset = 0; offset < total; offset += ClusterFeatureQueries.MAX_MEMBER_PAGE) {
                    ctx.throwIfCancelled();
                    List<MemberAssignment> page = result.run().membersOf(clusterId, offset, ClusterFeatureQueries.MAX_MEMBER_PAGE);
                    for (ClusterMemberRow r : rowsOf(result.window(), page, ctx)) {
                        // text from the warehouse (user agent, ASN) must not run as a spreadsheet formula
                        csv.printRecord(com.ja4.workstation.service.export.CsvCells.safe(java.util.Arrays.asList(cluster.id(),
                                cluster.label(), r.ip(), r.ja4(), r.hits(), r.threat() == null ? "" : r.threat().name(),
                                r.anomalyScore(), r.ttl(), r.window(), r.scale(), r.mss(), r.country(), r.asnOrg(), r.fuzzing(),
                                r.velocity(), r.userAgent())));
                        written++;
                    }
                    progress.accept(written);
                }
            }
            ctx.throwIfCancelled();
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return written;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * The member rows of these pairs, in the pairs' order. The query returns every JA4 of the
     * IPs; only the pairs of the cluster are kept (an IP may sit in two clusters with two JA4s).
     */
    private List<ClusterMemberRow> rowsOf(TimeWindow window, List<MemberAssignment> pairs, QueryContext ctx)
            throws WarehouseException {
        if (pairs.isEmpty()) return List.of();
        Map<String, ClientIp> ips = new LinkedHashMap<>();
        Set<String> wanted = new HashSet<>();
        for (MemberAssignment a : pairs) {
            ips.computeIfAbsent(a.ip(), ClientIp::fromColumn);
            wanted.add(a.ip() + "|" + a.ja4());
        }
        Map<String, ClusterMemberRow> byPair = new LinkedHashMap<>();
        for (ClusterMemberRow r : queries.members(window, ips.values(), ctx)) {
            String key = r.ip() + "|" + r.ja4();
            if (wanted.contains(key)) byPair.putIfAbsent(key, r);
        }
        List<ClusterMemberRow> rows = new ArrayList<>(pairs.size());
        for (MemberAssignment a : pairs) {
            ClusterMemberRow r = byPair.get(a.ip() + "|" + a.ja4());
            if (r != null) rows.add(r);
        }
        return rows;
    }

}
