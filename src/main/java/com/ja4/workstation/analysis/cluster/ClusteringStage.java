package com.ja4.workstation.analysis.cluster;

/** The steps of a run, in order, as the progress indicator names them. */
public enum ClusteringStage {
    LOAD("Loading features"),
    SAMPLE("Sampling"),
    VECTORS("Normalising vectors"),
    KMEANS("k-means++"),
    ASSIGN("Assigning every pair"),
    PCA("Placing clusters (PCA)"),
    PROFILES("Naming clusters"),
    EDGES("Linking nearest clusters");

    private final String label;

    ClusteringStage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
