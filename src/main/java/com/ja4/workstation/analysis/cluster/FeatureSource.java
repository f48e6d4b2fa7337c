package com.ja4.workstation.analysis.cluster;

import com.ja4.workstation.domain.cluster.FeatureRow;
import java.util.List;

/** Where a run's (IP, JA4) feature rows come from: the warehouse, a CSV file, or a test. */
@FunctionalInterface
public interface FeatureSource {

    /**
     * Every (IP, JA4) pair of the source: the run fits its centroids on a sample of
     * {@code sampleSize} of them and assigns all of them to a cluster.
     *
     * @throws FeatureSourceException when the rows cannot be read, with a reason for the analyst
     */
    List<FeatureRow> load(int sampleSize, CancellationCheck cancel) throws FeatureSourceException;

    static FeatureSource of(List<FeatureRow> rows) {
        List<FeatureRow> copy = List.copyOf(rows);
        return (sampleSize, cancel) -> copy;
    }
}
