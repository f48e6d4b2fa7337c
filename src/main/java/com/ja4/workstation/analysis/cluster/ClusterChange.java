package com.ja4.workstation.analysis.cluster;

/**
 * How one cluster changed between an earlier run and the current one (a card badge, a row of the
 * Changes list). Matched clusters carry both sides; a NEW cluster has no earlier side, a VANISHED
 * one no current side (its fields are null and its counts 0).
 *
 * @param clusterId        current cluster, null when VANISHED
 * @param pairs            pairs assigned to it now
 * @param earlierClusterId the earlier cluster it was matched with, null when NEW
 * @param earlierPairs     pairs assigned to the earlier cluster
 * @param overlap          Jaccard index of the two clusters' (IP, JA4) pairs, 0 when unmatched
 * @param centroidDistance distance between the centroids (normalised space), NaN when unmatched
 * @param similarity       the matching score (see {@link RunComparison}), 0 when unmatched
 */
public record ClusterChange(Kind kind, String clusterId, String label, RiskGroup group, int pairs,
                            String earlierClusterId, String earlierLabel, RiskGroup earlierGroup, int earlierPairs,
                            double overlap, double centroidDistance, double similarity) {

    /** What happened to the cluster. */
    public enum Kind {
        /** no earlier cluster matches it */
        NEW,
        /** an earlier cluster that no current cluster matches */
        VANISHED,
        /** matched, and it holds markedly more pairs than before */
        GROWN,
        /** matched, and it holds markedly fewer pairs than before */
        SHRUNK,
        /** matched, about the same size */
        STABLE
    }

    /** True when the cluster changed risk group (e.g. suspects that are now counted as bots). */
    public boolean groupChanged() {
        return group != null && earlierGroup != null && group != earlierGroup;
    }
}
