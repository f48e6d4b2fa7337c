package com.ja4.workstation.domain.cluster;

import com.ja4.workstation.domain.ThreatLevel;

/**
 * One row of a cluster's member list: what the analyst needs to decide whether to open the IP.
 *
 * @param distance distance to the cluster's centroid (normalised space)
 * @param fitted   true when the centroids were fitted on this pair, false when it was only assigned
 */
public record ClusterMemberRow(String ip, String ja4, int ttl, long window, int scale, int mss, long hits,
                               String userAgent, double anomalyScore, ThreatLevel threat, String country,
                               String asnOrg, double fuzzing, double velocity, double distance, boolean fitted) {
}
