package com.ja4.workstation.analysis.cluster;

import java.util.List;
import java.util.Optional;

/**
 * What changed between an earlier run and the current one: a change per current cluster (in the
 * current run's order), then the vanished earlier clusters, and the IPs that moved into bots.
 */
public record RunChanges(String earlierRunId, String currentRunId, List<ClusterChange> clusters,
                         List<MovedIp> movedToBots) {

    public RunChanges {
        clusters = List.copyOf(clusters);
        movedToBots = List.copyOf(movedToBots);
    }

    /** The change of a current cluster (every current cluster has one). */
    public Optional<ClusterChange> of(String currentClusterId) {
        return clusters.stream().filter(c -> currentClusterId.equals(c.clusterId())).findFirst();
    }

    public List<ClusterChange> ofKind(ClusterChange.Kind kind) {
        return clusters.stream().filter(c -> c.kind() == kind).toList();
    }

    public long count(ClusterChange.Kind kind) {
        return clusters.stream().filter(c -> c.kind() == kind).count();
    }
}
