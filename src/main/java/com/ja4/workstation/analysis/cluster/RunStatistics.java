package com.ja4.workstation.analysis.cluster;

import java.util.Map;

/**
 * Figures of a run for the status line and the JSON.
 *
 * @param inputRows    pairs offered by the source
 * @param sampledRows  pairs the centroids were fitted on ("fitted on N")
 * @param assignedRows pairs assigned to a cluster ("assigned M"): every pair offered
 * @param clusters     non-empty clusters
 * @param iterations   k-means iterations of the winning restart
 * @param restarts     k-means restarts (the best-separated wins, see KMeansClusterer)
 * @param distortion   sum of squared distances of the fitted pairs to their centroids (normalised space)
 * @param ipCount      distinct IPs assigned
 * @param hitCount     requests of the assigned pairs
 * @param botIps       IPs in clusters of the BOTS group
 * @param suspectIps   IPs in clusters of the SUSPECTS group
 * @param stageMillis  elapsed milliseconds per stage (with fractions), in stage order
 * @param totalMillis  elapsed milliseconds of the whole run
 */
public record RunStatistics(int inputRows, int sampledRows, int assignedRows, int clusters, int iterations,
                            int restarts, double distortion, int ipCount, long hitCount, int botIps, int suspectIps,
                            Map<ClusteringStage, Double> stageMillis, long totalMillis) {
}
