package com.ja4.workstation.analysis.cluster;

/** Which cluster of a run an (IP, JA4) pair belongs to. */
public record MemberAssignment(String ip, String ja4, String clusterId) {
}
