package com.ja4.workstation.analysis.cluster;

import com.ja4.workstation.domain.cluster.FeatureRow;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The stack verdict of a cluster: each member's own SYN is classified and the most common family
 * wins (then its most common label). The verdict of the mean SYN would name nothing real when a
 * cluster mixes stacks: the mean of a Windows window (64240) and a Linux one (29200) fits neither.
 */
final class StackVotes {

    private StackVotes() {
    }

    /** The vote of rows classified one by one (the pipeline counts by SYN in {@link RowFacts} instead). */
    static StackVerdict of(List<FeatureRow> members, StackVerdictSource verdicts) {
        // count per verdict object first (a handful of shared instances), then fold
        Map<StackVerdict, int[]> counts = new java.util.IdentityHashMap<>();
        for (FeatureRow r : members) {
            counts.computeIfAbsent(verdicts.verdict(r.ttl(), r.window(), r.scale(), r.mss()), v -> new int[1])[0]++;
        }
        return of(counts, members.size());
    }

    /**
     * @param counts  members per verdict (equal verdicts may be distinct objects: the ordered maps
     *                below merge them)
     * @param members how many members in all
     */
    static StackVerdict of(Map<StackVerdict, int[]> counts, int members) {
        if (members == 0) return StackVerdict.UNKNOWN;
        Map<String, Integer> families = new TreeMap<>();
        Map<String, Map<StackVerdict, Integer>> byFamily = new HashMap<>();
        counts.forEach((v, n) -> {
            families.merge(v.family(), n[0], Integer::sum);
            byFamily.computeIfAbsent(v.family(), f -> new TreeMap<>(
                    Comparator.comparing(StackVerdict::label).thenComparing(StackVerdict::scanner)))
                    .merge(v, n[0], Integer::sum);
        });
        String family = best(families);
        StackVerdict top = best(byFamily.get(family));
        int share = (int) Math.round(100.0 * families.get(family) / members);
        if (share >= 100) return top;
        return new StackVerdict(top.family(), String.format(Locale.ROOT, "%s, %d%% of pairs", top.label(), share),
                top.scanner());
    }

    /** The key with the highest count; ties go to the first key in order (deterministic). */
    private static <K> K best(Map<K, Integer> counts) {
        K best = null;
        int n = -1;
        for (Map.Entry<K, Integer> e : counts.entrySet()) {
            if (e.getValue() > n) {
                best = e.getKey();
                n = e.getValue();
            }
        }
        return best;
    }
}
