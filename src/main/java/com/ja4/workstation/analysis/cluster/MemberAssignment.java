package com.ja4.workstation.analysis.cluster;

/**
 * Which cluster of a run an (IP, JA4) pair belongs to.
 *
 * @param distance Euclidean distance from the pair's vector to its cluster's centroid (normalised space)
 * @param fitted   true when the pair was in the sample the centroids were fitted on; false when it
 *                 was only assigned to its nearest centroid afterwards
 */
public record MemberAssignment(String ip, String ja4, String clusterId, double distance, boolean fitted) {

    /** "ip|ja4": the pair's identity across runs. */
    public String pairKey() {
        return ip + "|" + ja4;
    }
}
