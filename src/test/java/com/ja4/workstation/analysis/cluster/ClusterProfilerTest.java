package com.ja4.workstation.analysis.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ja4.workstation.domain.ThreatLevel;
import com.ja4.workstation.domain.cluster.FeatureRow;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a cluster's card says about its members, checked against sums done by hand. */
class ClusterProfilerTest {

    @Test
    void everySynIsFingerprintedOnceAndCountedForItsCluster() {
        // 3,000 rows, 700 distinct SYNs (more than the first table holds), 3,000 networks, two clusters; the
        // fingerprinter names each SYN by its window and counts its calls
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        StackVerdictSource byWindow = (ttl, window, scale, mss) -> {
            calls.incrementAndGet();
            return new StackVerdict("family " + ((int) window % 3), "window " + (int) window, false);
        };
        List<FeatureRow> rows = new java.util.ArrayList<>();
        int[] labels = new int[3_000];
        for (int i = 0; i < labels.length; i++) {
            rows.add(row(String.format("10.%d.%d.%d", i / 65536, i / 256 % 256, i % 256), 64, 1000 + i % 700, 0.1, 1,
                    null, i % 2 == 0 ? "FR" : "DE", "AS" + i));
            labels[i] = i % 7 == 0 ? 1 : 0;
        }
        ClusterProfiler profiler = new ClusterProfiler(byWindow, rows, FeatureMatrix.of(rows));
        ClusterProfiler.Tally[] tallies = profiler.tallies(labels, 2);
        int fingerprints = calls.get();
        // a window too large to copy its raw values: read from the rows, the same sums bit for bit
        ClusterProfiler.Tally[] fromRows = profiler.tallies(labels, 2, RowFacts.of(rows, byWindow, 1_000));
        for (int c = 0; c < 2; c++) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(tallies[c].rawSums(), fromRows[c].rawSums(), 0.0);
            org.junit.jupiter.api.Assertions.assertArrayEquals(tallies[c].bySeverity(), fromRows[c].bySeverity());
        }
        for (int c = 0; c < 2; c++) {
            java.util.Map<String, Integer> expected = new java.util.TreeMap<>();
            java.util.Map<String, Integer> countries = new java.util.TreeMap<>();
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] != c) continue;
                expected.merge("window " + (int) rows.get(i).window(), 1, Integer::sum);
                countries.merge(rows.get(i).country(), 1, Integer::sum);
            }
            java.util.Map<String, Integer> counted = new java.util.TreeMap<>();
            tallies[c].stacks().forEach((v, n) -> counted.merge(v.label(), n[0], Integer::sum));
            assertEquals(expected, counted, "cluster " + c);
            java.util.Map<String, Integer> countedCountries = new java.util.TreeMap<>();
            tallies[c].countries().forEach((v, n) -> countedCountries.put(v, n[0]));
            assertEquals(countries, countedCountries, "cluster " + c);
            // a network per row (as a crafted window may have): each counted once, in its own cluster
            assertEquals(expected.values().stream().mapToInt(Integer::intValue).sum(), tallies[c].networks().size());
            assertTrue(tallies[c].networks().values().stream().allMatch(count -> count[0] == 1));
        }
        assertEquals(700, fingerprints, "one fingerprint per SYN");
    }

    @Test
    void theKthLargestHitsAreWhatSortingGives() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
        for (int n : new int[]{1, 5, 31, 32, 33, 100, 2_000}) {
            for (int k : new int[]{1, 32, 128, 512}) {
                // few distinct values, so that ties straddle the k-th place
                long[] hits = rnd.longs(n, 0, n < 50 ? 4 : 40).toArray();
                long[] sorted = hits.clone();
                java.util.Arrays.sort(sorted);
                assertEquals(sorted[Math.max(0, n - k)], ClusterProfiler.largest(hits.clone(), k), n + " values, k = " + k);
            }
        }
    }

    @Test
    void meansThreatCountriesAndNetworksComeFromTheMembersOnly() {
        List<FeatureRow> rows = List.of(
                row("10.0.0.1", 64, 29200, 0.2, 40, ThreatLevel.CRITICAL, "FR", "OVH"),
                row("10.0.0.2", 64, 29200, 0.4, 10, ThreatLevel.LOW, "DE", "Hetzner"),
                row("10.0.0.3", 128, 64240, Double.NaN, 5, null, "DE", "Hetzner"),
                row("10.0.0.4", 128, 64240, 0.9, 1, ThreatLevel.LOW, "", "OVH"),
                row("10.0.0.5", 57, 5840, 0.8, 99, ThreatLevel.CRITICAL, "US", "AWS"));
        ClusterProfiler profiler = new ClusterProfiler(InitialTtlVerdicts.INSTANCE, rows, FeatureMatrix.of(rows));
        // rows 0-3 are the cluster; row 4 is not, and nothing of it may show
        ClusterProfile p = profile(profiler, new int[]{0, 0, 0, 0, 1}, 0);

        Map<String, Double> means = p.rawMeans();
        assertEquals((64 + 64 + 128 + 128) / 4.0, means.get("ttl"));
        assertEquals((29200 + 29200 + 64240 + 64240) / 4.0, means.get("win"));
        // a missing value counts as nothing, over every member (as the card always read it)
        assertEquals((0.2 + 0.4 + 0.9) / 4, means.get("avg_score"), 1e-15);
        assertEquals(Feature.COUNT, means.size());

        // 1 CRITICAL among 3 detected pairs reaches a quarter: the cluster reads CRITICAL
        assertEquals(ThreatLevel.CRITICAL, p.dominantThreat());
        // most frequent first, ties by name; an empty country is no country
        assertEquals(List.of("DE", "FR"), p.topCountries());
        assertEquals(List.of("Hetzner", "OVH"), p.topAsnOrgs());
        assertEquals(4, p.pairCount());
        assertEquals(40 + 10 + 5 + 1, p.hitCount());
        assertEquals(List.of("10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4"), p.sampleIps());

        // two members on each stack: the vote names one, with its share
        assertTrue(p.stack().label().endsWith("50% of pairs"), p.stack().label());

        ClusterProfile other = profile(profiler, new int[]{0, 0, 0, 0, 1}, 1);
        assertEquals(InitialTtlVerdicts.INSTANCE.verdict(57, 5840, 7, 1460), other.stack());
        assertEquals(List.of("US"), other.topCountries());
        assertEquals(57.0, other.rawMeans().get("ttl"));
        ClusterProfile quiet = profile(profiler, new int[]{1, 1, 0, 1, 1}, 0);
        assertNull(quiet.dominantThreat(), "no detected pair: no dominant threat");
        assertEquals(0.0, quiet.rawMeans().get("avg_score"), "a missing value alone: a mean of 0");
        ClusterProfile mostlyLow = profile(profiler, new int[]{0, 1, 0, 1, 0}, 1);
        assertEquals(ThreatLevel.LOW, mostlyLow.dominantThreat());
    }

    /** The profile of cluster {@code c} when the rows carry {@code labels}. */
    private static ClusterProfile profile(ClusterProfiler profiler, int[] labels, int c) {
        int[] members = java.util.stream.IntStream.range(0, labels.length).filter(i -> labels[i] == c).toArray();
        ClusterProfiler.Tally[] tallies = profiler.tallies(labels, 2);
        return profiler.profile("r/c" + c, c, members, members.length, new double[Feature.COUNT], new double[]{0.5, 0.5},
                tallies[c]);
    }

    private static FeatureRow row(String ip, double ttl, double win, double score, long hits, ThreatLevel threat,
                                  String country, String asn) {
        return new FeatureRow(ip, "t13d1516h2_8daaf6152771_02713d6af862", ttl, win, 7, 1460, "ua", hits, score, 0, 0, 0,
                0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, threat, country, asn);
    }
}
