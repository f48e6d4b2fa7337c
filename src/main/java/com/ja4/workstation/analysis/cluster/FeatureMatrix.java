package com.ja4.workstation.analysis.cluster;

import com.ja4.workstation.domain.cluster.FeatureRow;
import java.util.List;

/**
 * The raw and the normalised feature values of rows, computed once per run: the vectors feed
 * k-means and the assignment, the raw values the clusters' means.
 *
 * @param raw     raw values in {@link Feature} order, one array per row
 * @param vectors the same normalised to [0, 1]
 */
record FeatureMatrix(double[][] raw, double[][] vectors) {

    static FeatureMatrix of(List<FeatureRow> rows) {
        int n = rows.size();
        double[][] raw = new double[n][Feature.COUNT];
        double[][] vectors = new double[n][Feature.COUNT];
        // each row writes its own arrays: safe in parallel, and the same result on any number of cores
        java.util.stream.IntStream.range(0, n).parallel().forEach(i -> {
            Feature.rawValues(rows.get(i), raw[i]);
            Feature.normaliseAll(raw[i], vectors[i]);
        });
        return new FeatureMatrix(raw, vectors);
    }

    /** The vectors of the given rows, in that order (shared arrays, not copies). */
    double[][] vectorsOf(int[] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) out[i] = vectors[rows[i]];
        return out;
    }
}
