package com.ja4.workstation.analysis.cluster;

import com.ja4.workstation.domain.cluster.FeatureRow;
import java.util.List;

/**
 * Feature rows with their true population, for judging a clustering with the adjusted Rand index.
 *
 * @param rows  the (IP, JA4) pairs
 * @param truth population of each row, an index into {@code names}
 * @param names population names
 */
record LabelledRows(String name, List<FeatureRow> rows, int[] truth, List<String> names) {

    /** The truth of the rows whose IPs are given, in that order (rows are looked up by ip|ja4). */
    int[] truthOf(List<MemberAssignment> members) {
        java.util.Map<String, Integer> byPair = new java.util.HashMap<>(rows.size() * 2);
        for (int i = 0; i < rows.size(); i++) byPair.put(rows.get(i).ip() + "|" + rows.get(i).ja4(), truth[i]);
        int[] out = new int[members.size()];
        for (int i = 0; i < out.length; i++) {
            MemberAssignment m = members.get(i);
            Integer t = byPair.get(m.ip() + "|" + m.ja4());
            if (t == null) throw new IllegalArgumentException("no truth for " + m.ip() + " " + m.ja4());
            out[i] = t;
        }
        return out;
    }
}
