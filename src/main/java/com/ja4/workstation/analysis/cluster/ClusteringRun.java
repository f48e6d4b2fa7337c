package com.ja4.workstation.analysis.cluster;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The immutable result of one clustering run. Cluster ids are {@code id/c{n}}, so an id taken
 * from this run means the same cluster for as long as the run is shown; a second run with another
 * k gets another id and cannot be confused with it (no process-wide cache).
 *
 * @param id          short hash of the input, k, seed and time of run
 * @param parameters  what the analyst chose
 * @param startedAt   time of run
 * @param clusters    non-empty clusters, by index
 * @param edges       links to each cluster's 2 nearest clusters, each pair once
 * @param assignments every clustered (IP, JA4) pair and its cluster
 * @param statistics  counts and timings
 */
public record ClusteringRun(String id, ClusteringParameters parameters, Instant startedAt,
                            List<ClusterProfile> clusters, List<ClusterEdge> edges,
                            List<MemberAssignment> assignments, RunStatistics statistics) {

    public ClusteringRun {
        clusters = List.copyOf(clusters);
        edges = List.copyOf(edges);
        assignments = List.copyOf(assignments);
    }

    public Optional<ClusterProfile> cluster(String clusterId) {
        return clusters.stream().filter(c -> c.id().equals(clusterId)).findFirst();
    }

    /** The cluster's pairs in input order (busiest first when the source sorted them), one page. */
    public List<MemberAssignment> membersOf(String clusterId, int offset, int limit) {
        if (offset < 0 || limit < 0) throw new IllegalArgumentException("offset and limit must not be negative");
        return assignments.stream().filter(a -> a.clusterId().equals(clusterId)).skip(offset).limit(limit).toList();
    }

    public int memberCount(String clusterId) {
        return (int) assignments.stream().filter(a -> a.clusterId().equals(clusterId)).count();
    }

    public List<ClusterProfile> clustersIn(RiskGroup group) {
        return clusters.stream().filter(c -> c.group() == group).toList();
    }
}
