package com.ja4.workstation.analysis.cluster;

/**
 * What the analyst chose for a clustering run. Invalid values are refused here with a message
 * that names the accepted range, so the command line and the UI report the same thing.
 *
 * @param k             number of clusters, {@value #MIN_K}-{@value #MAX_K}
 * @param sampleSize    (IP, JA4) pairs the centroids are fitted on, {@value #MIN_SAMPLES}-{@value #MAX_SAMPLES}; every pair is then assigned
 * @param seed          seed of the k-means++ draws: the same input and seed give the same clusters
 * @param maxIterations Lloyd iterations at most
 */
public record ClusteringParameters(int k, int sampleSize, long seed, int maxIterations) {

    public static final int MIN_K = 4;
    public static final int MAX_K = 30;
    public static final int DEFAULT_K = 14;
    public static final int MIN_SAMPLES = 500;
    public static final int MAX_SAMPLES = 8_000;
    public static final int DEFAULT_SAMPLES = 3_000;
    public static final long DEFAULT_SEED = 42L;
    public static final int DEFAULT_MAX_ITERATIONS = 100;

    public ClusteringParameters {
        if (k < MIN_K || k > MAX_K) {
            throw new IllegalArgumentException("k must be between " + MIN_K + " and " + MAX_K + " clusters, got " + k);
        }
        if (sampleSize < MIN_SAMPLES || sampleSize > MAX_SAMPLES) {
            throw new IllegalArgumentException("the sample size must be between " + MIN_SAMPLES + " and "
                    + MAX_SAMPLES + " (IP, JA4) pairs, got " + sampleSize);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("at least one k-means iteration is needed, got " + maxIterations);
        }
    }

    public static ClusteringParameters defaults() {
        return new ClusteringParameters(DEFAULT_K, DEFAULT_SAMPLES, DEFAULT_SEED, DEFAULT_MAX_ITERATIONS);
    }

    public static ClusteringParameters of(int k, int sampleSize, long seed) {
        return new ClusteringParameters(k, sampleSize, seed, DEFAULT_MAX_ITERATIONS);
    }
}
