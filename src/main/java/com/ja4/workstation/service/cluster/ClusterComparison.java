package com.ja4.workstation.service.cluster;

import com.ja4.workstation.analysis.cluster.ClusteringRun;
import com.ja4.workstation.analysis.cluster.RunChanges;
import com.ja4.workstation.domain.TimeWindow;
import java.util.Optional;

/**
 * A run compared with an earlier one: what it was compared with and what changed.
 *
 * @param baseline      what the analyst chose to compare with
 * @param earlier       the earlier run (read back from a file it has no member rows)
 * @param earlierWindow the earlier run's window; null for a run read from a file
 * @param changes       clusters new, vanished, grown, shrunk; IPs moved into bots
 */
public record ClusterComparison(RunBaseline baseline, ClusteringRun earlier, TimeWindow earlierWindow, RunChanges changes) {

    public Optional<TimeWindow> window() {
        return Optional.ofNullable(earlierWindow);
    }
}
