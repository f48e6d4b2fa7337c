package com.ja4.workstation.analysis.cluster;

/** Receives progress of a run; called on the worker thread, so a UI must hop to its own thread. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (stage, fraction) -> { };

    /**
     * @param stage    the stage under way
     * @param fraction overall progress of the run in [0, 1]
     */
    void progress(ClusteringStage stage, double fraction);
}
