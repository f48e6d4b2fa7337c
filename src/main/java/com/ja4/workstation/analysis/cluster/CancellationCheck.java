package com.ja4.workstation.analysis.cluster;

/** Asked between stages and between k-means iterations; the UI's cancel action makes it true. */
@FunctionalInterface
public interface CancellationCheck {

    CancellationCheck NEVER = () -> false;

    boolean isCancelled();

    default void throwIfCancelled() {
        if (isCancelled()) throw new ClusteringCancelledException();
    }
}
