package com.ja4.workstation.analysis.cluster;

/** The analyst cancelled a clustering run; nothing of it is kept. */
public final class ClusteringCancelledException extends RuntimeException {
    public ClusteringCancelledException() {
        super("Clustering cancelled");
    }
}
