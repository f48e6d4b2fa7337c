package com.ja4.workstation.analysis.cluster;

import java.util.Map;

/**
 * Figures of a run for the status line and the JSON.
 *
 * @param inputRows   pairs offered by the source
 * @param sampledRows pairs clustered
 * @param clusters    non-empty clusters
 * @param iterations  k-means iterations run
 * @param distortion  sum of squared distances to the centroids (normalised space)
 * @param ipCount     distinct IPs clustered
 * @param hitCount    requests of the clustered pairs
 * @param botIps      IPs in clusters of the BOTS group
 * @param suspectIps  IPs in clusters of the SUSPECTS group
 * @param stageMillis elapsed milliseconds per stage, in stage order
 * @param totalMillis elapsed milliseconds of the whole run
 */
public record RunStatistics(int inputRows, int sampledRows, int clusters, int iterations, double distortion,
                            int ipCount, long hitCount, int botIps, int suspectIps,
                            Map<ClusteringStage, Long> stageMillis, long totalMillis) {
}
