package com.ja4.workstation.analysis.cluster;

import com.ja4.workstation.domain.cluster.FeatureRow;
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

    static StackVerdict of(List<FeatureRow> members, StackVerdictSource verdicts) {
        if (members.isEmpty()) return StackVerdict.UNKNOWN;
        Map<List<Double>, StackVerdict> cache = new HashMap<>();
        Map<String, Integer> families = new TreeMap<>();
        Map<String, Map<StackVerdict, Integer>> byFamily = new HashMap<>();
        for (FeatureRow r : members) {
            StackVerdict v = cache.computeIfAbsent(List.of(r.ttl(), r.window(), r.scale(), r.mss()),
                    k -> verdicts.verdict(k.get(0), k.get(1), k.get(2), k.get(3)));
            families.merge(v.family(), 1, Integer::sum);
            byFamily.computeIfAbsent(v.family(), f -> new TreeMap<>(
                    java.util.Comparator.comparing(StackVerdict::label).thenComparing(StackVerdict::scanner)))
                    .merge(v, 1, Integer::sum);
        }
        String family = best(families);
        StackVerdict top = best(byFamily.get(family));
        int share = (int) Math.round(100.0 * families.get(family) / members.size());
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
