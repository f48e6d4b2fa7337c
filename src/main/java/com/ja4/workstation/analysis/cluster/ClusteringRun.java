package com.ja4.workstation.analysis.cluster;

import com.ja4.workstation.domain.cluster.FeatureRow;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The immutable result of one clustering run. Cluster ids are {@code id/c{n}}, so an id taken
 * from this run means the same cluster for as long as the run is shown; a second run with another
 * k gets another id and cannot be confused with it (no process-wide cache).
 *
 * <p>The centroids are fitted on a sample ({@link RunStatistics#sampledRows()}); every pair the
 * source offered is then assigned to its nearest centroid ({@link RunStatistics#assignedRows()}).
 *
 * @param id          short hash of the input, k, seed and time of run
 * @param parameters  what the analyst chose
 * @param startedAt   time of run
 * @param clusters    non-empty clusters, by index
 * @param edges       links to each cluster's 2 nearest clusters, each pair once
 * @param assignments every (IP, JA4) pair of the source and its cluster
 * @param rows        the feature row of each assignment, same order; empty for a run read back
 *                    from JSON (which keeps the assignments only)
 * @param statistics  counts and timings
 */
public record ClusteringRun(String id, ClusteringParameters parameters, Instant startedAt,
                            List<ClusterProfile> clusters, List<ClusterEdge> edges,
                            List<MemberAssignment> assignments, List<FeatureRow> rows, RunStatistics statistics) {

    public ClusteringRun {
        clusters = List.copyOf(clusters);
        edges = List.copyOf(edges);
        assignments = List.copyOf(assignments);
        rows = List.copyOf(rows);
        if (!rows.isEmpty() && rows.size() != assignments.size()) {
            throw new IllegalArgumentException(rows.size() + " rows for " + assignments.size() + " assignments");
        }
    }

    public Optional<ClusterProfile> cluster(String clusterId) {
        return clusters.stream().filter(c -> c.id().equals(clusterId)).findFirst();
    }

    /** The cluster's pairs in the source's order, one page (the service sorts them for display). */
    public List<MemberAssignment> membersOf(String clusterId, int offset, int limit) {
        if (offset < 0 || limit < 0) throw new IllegalArgumentException("offset and limit must not be negative");
        return assignments.stream().filter(a -> a.clusterId().equals(clusterId)).skip(offset).limit(limit).toList();
    }

    /** Pairs assigned to the cluster (0 for an id not of this run). */
    public int memberCount(String clusterId) {
        return cluster(clusterId).map(ClusterProfile::pairCount).orElse(0);
    }

    /** True when the feature rows are at hand (a run computed here, not read back from JSON). */
    public boolean hasRows() {
        return !rows.isEmpty() || assignments.isEmpty();
    }

    public List<ClusterProfile> clustersIn(RiskGroup group) {
        return clusters.stream().filter(c -> c.group() == group).toList();
    }
}
