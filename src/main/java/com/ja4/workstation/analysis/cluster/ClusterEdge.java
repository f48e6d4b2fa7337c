package com.ja4.workstation.analysis.cluster;

/**
 * A link from a cluster to one of its two nearest clusters in feature space.
 *
 * @param distance   Euclidean distance between the centroids (normalised features)
 * @param similarity 1 / (1 + distance), in (0, 1]
 */
public record ClusterEdge(String source, String target, double distance, double similarity) {
}
