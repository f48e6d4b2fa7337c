package com.ja4.workstation.analysis.cluster;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Agreement between a run's clusters and known classes: adjusted Rand index (Hubert & Arabie) and purity. */
final class ClusteringQuality {

    private ClusteringQuality() {
    }

    static double adjustedRandIndex(List<MemberAssignment> members, Function<MemberAssignment, String> truth) {
        Map<String, Map<String, Long>> table = contingency(members, truth);
        Map<String, Long> rows = new HashMap<>();
        Map<String, Long> cols = new HashMap<>();
        double sumCells = 0;
        for (var cluster : table.entrySet()) {
            for (var cell : cluster.getValue().entrySet()) {
                sumCells += pairs(cell.getValue());
                rows.merge(cluster.getKey(), cell.getValue(), Long::sum);
                cols.merge(cell.getKey(), cell.getValue(), Long::sum);
            }
        }
        double sumRows = rows.values().stream().mapToDouble(ClusteringQuality::pairs).sum();
        double sumCols = cols.values().stream().mapToDouble(ClusteringQuality::pairs).sum();
        double expected = sumRows * sumCols / pairs(members.size());
        double max = (sumRows + sumCols) / 2;
        return (sumCells - expected) / (max - expected);
    }

    static double purity(List<MemberAssignment> members, Function<MemberAssignment, String> truth) {
        long majority = 0;
        for (Map<String, Long> cluster : contingency(members, truth).values()) {
            majority += cluster.values().stream().mapToLong(Long::longValue).max().orElse(0);
        }
        return (double) majority / members.size();
    }

    private static Map<String, Map<String, Long>> contingency(List<MemberAssignment> members,
                                                             Function<MemberAssignment, String> truth) {
        Map<String, Map<String, Long>> table = new HashMap<>();
        for (MemberAssignment m : members) {
            table.computeIfAbsent(m.clusterId(), k -> new HashMap<>()).merge(truth.apply(m), 1L, Long::sum);
        }
        return table;
    }

    private static double pairs(long n) {
        return n * (n - 1) / 2.0;
    }
}
