package com.ja4.workstation.analysis.cluster;

import com.ja4.workstation.domain.cluster.FeatureRow;
import com.ja4.workstation.domain.ThreatLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A harder labelled set than the demo: ten populations whose feature distributions overlap, as
 * the clustering benchmark and the quality test use it. Written for the tests, independently of
 * the demo generator (nothing here reads or bends it).
 *
 * <p>What makes it hard, on purpose:
 * <ul>
 *   <li>Only a share of each population was detected (20 % of browsers, 50 % of good bots, 80-95 %
 *       of attackers); an undetected pair has every behaviour feature at 0, exactly as the
 *       warehouse query returns it, so undetected good bots, scrapers, headless browsers, fuzzers
 *       and spoofers sharing a datacenter Linux stack are indistinguishable.</li>
 *   <li>Four bot populations share that stack; their behaviour means are close (anomaly score
 *       0.50-0.80) and every ratio gets Gaussian noise of sd 0.15, clamped to [0, 1].</li>
 *   <li>Binary signals (headless, ALPN mismatch / missing, UA rotation) are per-pair draws with
 *       the population's rate, so a third of the scrapers rotate UAs and most do not.</li>
 *   <li>Credential stuffers come from Windows and Linux stacks (60/40); sizes are unequal
 *       (24 % Windows browsers down to 5 % good bots).</li>
 * </ul>
 * Deterministic for a seed (one {@link SplittableRandom}); IPs are unique per row; rows come in
 * (IP, JA4) order, as the warehouse returns them.
 */
final class OverlappingPopulations {

    enum Stack { WINDOWS, APPLE, ANDROID, LINUX_DC, SCANNER }

    /**
     * Behaviour means in this order: anomaly score, velocity (hits/s), fuzzing, headless, POST,
     * IP-ID zero, entropy, browser score, ALPN mismatch, ALPN missing, H2 efficiency, header-order
     * confidence, UA-CH mismatch, asset ratio, direct access, JA4 count, UA rotation.
     */
    private record Population(String name, double share, double detected, Stack stack, double altStackShare,
                              Stack altStack, String ja4, int hitsMedian, double[] means, ThreatLevel threat) {
    }

    private static final int BINARY_HEADLESS = 3;
    private static final int BINARY_ALPN_MISMATCH = 8;
    private static final int BINARY_ALPN_MISSING = 9;
    private static final int BINARY_UA_ROTATION = 16;
    private static final int VELOCITY = 1;
    private static final int JA4_COUNT = 15;
    private static final double NOISE = 0.15;

    private static final List<Population> POPULATIONS = List.of(
            new Population("residential_windows", 0.24, 0.20, Stack.WINDOWS, 0, null, "t13d1516h2_8daaf6152771_02713d6af862", 40,
                    new double[]{0.30, 0.5, 0.01, 0.0, 0.05, 0.0, 0.70, 0.90, 0.0, 0.0, 0.75, 0.92, 0.0, 0.55, 0.15, 1, 0.0}, ThreatLevel.LOW),
            new Population("residential_apple", 0.14, 0.20, Stack.APPLE, 0, null, "t13d2014h2_a09f3c656075_14788d8d241b", 35,
                    new double[]{0.30, 0.5, 0.01, 0.0, 0.05, 0.0, 0.70, 0.85, 0.0, 0.0, 0.70, 0.90, 0.0, 0.50, 0.20, 1, 0.0}, ThreatLevel.LOW),
            new Population("residential_android", 0.10, 0.25, Stack.ANDROID, 0, null, "t13d1516h2_8daaf6152771_e5627efa2ab1", 25,
                    new double[]{0.32, 0.6, 0.01, 0.0, 0.04, 0.0, 0.65, 0.88, 0.0, 0.0, 0.70, 0.88, 0.0, 0.45, 0.25, 1, 0.0}, ThreatLevel.LOW),
            new Population("good_bot", 0.05, 0.50, Stack.LINUX_DC, 0, null, "t13d1715h2_5b57614c22b0_3d5424432f57", 300,
                    new double[]{0.35, 3.0, 0.02, 0.0, 0.00, 0.0, 0.40, 0.20, 0.0, 0.0, 0.30, 0.60, 0.0, 0.05, 0.95, 1, 0.0}, ThreatLevel.LOW),
            new Population("scraper", 0.10, 0.85, Stack.LINUX_DC, 0, null, "t13d1715h1_5b57614c22b0_7baf387fc6ff", 600,
                    new double[]{0.55, 6.0, 0.03, 0.1, 0.02, 0.05, 0.30, 0.35, 0.1, 0.2, 0.20, 0.50, 0.2, 0.03, 0.70, 2, 0.35}, ThreatLevel.MEDIUM),
            new Population("headless_browser", 0.08, 0.85, Stack.LINUX_DC, 0, null, "t13d1516h2_8daaf6152771_b1ff8ab2d16f", 300,
                    new double[]{0.60, 4.0, 0.02, 0.85, 0.05, 0.0, 0.35, 0.60, 0.1, 0.0, 0.50, 0.55, 0.5, 0.25, 0.60, 1.5, 0.1}, ThreatLevel.HIGH),
            new Population("credential_stuffer", 0.07, 0.90, Stack.WINDOWS, 0.4, Stack.LINUX_DC, "t13d1516h2_8daaf6152771_02713d6af862", 200,
                    new double[]{0.72, 5.0, 0.05, 0.1, 0.80, 0.05, 0.25, 0.40, 0.2, 0.1, 0.20, 0.45, 0.3, 0.02, 0.85, 3, 0.7}, ThreatLevel.CRITICAL),
            new Population("fuzzer", 0.06, 0.95, Stack.LINUX_DC, 0, null, "t12d1207h1_0d4ac9ec8e5b_3b8bf1c8c2a5", 1500,
                    new double[]{0.80, 15.0, 0.60, 0.0, 0.10, 0.1, 0.15, 0.10, 0.2, 0.4, 0.10, 0.30, 0.1, 0.00, 0.90, 1.5, 0.2}, ThreatLevel.HIGH),
            new Population("ja4_spoofer", 0.08, 0.80, Stack.LINUX_DC, 0, null, "t13d1516h2_8daaf6152771_02713d6af862", 150,
                    new double[]{0.50, 2.0, 0.02, 0.05, 0.05, 0.0, 0.45, 0.70, 0.8, 0.0, 0.10, 0.40, 0.6, 0.30, 0.50, 1, 0.05}, ThreatLevel.MEDIUM),
            new Population("masscan", 0.08, 0.90, Stack.SCANNER, 0, null, "t00d0000na_000000000000_000000000000", 2,
                    new double[]{0.95, 1.0, 0.00, 0.0, 0.00, 1.0, 0.00, 0.00, 0.0, 1.0, 0.00, 0.00, 0.0, 0.00, 1.00, 1, 0.0}, ThreatLevel.CRITICAL));

    static final List<String> NAMES = POPULATIONS.stream().map(Population::name).toList();

    private OverlappingPopulations() {
    }

    static LabelledRows generate(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<FeatureRow> rows = new ArrayList<>(n);
        int[] truth = new int[n];
        double[] cumulative = new double[POPULATIONS.size()];
        double sum = 0;
        for (int p = 0; p < cumulative.length; p++) cumulative[p] = sum += POPULATIONS.get(p).share();
        for (int i = 0; i < n; i++) {
            double u = rnd.nextDouble() * sum;
            int p = 0;
            while (p < cumulative.length - 1 && u >= cumulative[p]) p++;
            truth[i] = p;
            rows.add(row(i, POPULATIONS.get(p), rnd));
        }
        // in (IP, JA4) order, as the warehouse returns pairs
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        java.util.Arrays.sort(order, java.util.Comparator.comparing((Integer i) -> rows.get(i).ip())
                .thenComparing(i -> rows.get(i).ja4()));
        List<FeatureRow> sorted = new ArrayList<>(n);
        int[] sortedTruth = new int[n];
        for (int i = 0; i < n; i++) {
            sorted.add(rows.get(order[i]));
            sortedTruth[i] = truth[order[i]];
        }
        return new LabelledRows("overlapping " + n, List.copyOf(sorted), sortedTruth, NAMES);
    }

    private static FeatureRow row(int i, Population p, SplittableRandom rnd) {
        String ip = (10 + i / 16_777_216) + "." + (i / 65_536 % 256) + "." + (i / 256 % 256) + "." + (i % 256);
        Stack stack = p.altStack() != null && rnd.nextDouble() < p.altStackShare() ? p.altStack() : p.stack();
        double[] tcp = tcp(stack, rnd);
        long hits = Math.max(1, Math.round(p.hitsMedian() * Math.exp(rnd.nextGaussian() * 0.8)));
        double[] b = new double[p.means().length];
        boolean detected = rnd.nextDouble() < p.detected();
        if (detected) {
            for (int j = 0; j < b.length; j++) b[j] = behaviour(j, p.means()[j], rnd);
        }
        return new FeatureRow(ip, p.ja4(), tcp[0], tcp[1], tcp[2], tcp[3], "UA " + p.name(), hits,
                b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14],
                b[15], b[16], detected ? p.threat() : null, "ZZ", "AS " + p.name());
    }

    private static double behaviour(int j, double mean, SplittableRandom rnd) {
        return switch (j) {
            case BINARY_HEADLESS, BINARY_ALPN_MISMATCH, BINARY_ALPN_MISSING, BINARY_UA_ROTATION ->
                    rnd.nextDouble() < mean ? 1.0 : 0.0;
            case VELOCITY -> mean * Math.exp(rnd.nextGaussian() * 0.6);
            case JA4_COUNT -> Math.max(1, Math.round(mean + rnd.nextGaussian() * 0.8));
            default -> Math.min(1.0, Math.max(0.0, mean + rnd.nextGaussian() * NOISE));
        };
    }

    /** ttl (observed: initial minus 5-20 hops), window, scale, mss. */
    private static double[] tcp(Stack stack, SplittableRandom rnd) {
        int hops = rnd.nextInt(5, 21);
        return switch (stack) {
            case WINDOWS -> new double[]{128 - hops, rnd.nextDouble() < 0.8 ? 64240 : 65535, 8, pick(rnd, 1460, 1452, 1400)};
            case APPLE -> new double[]{64 - hops, 65535, 6, pick(rnd, 1460, 1440)};
            case ANDROID -> new double[]{64 - hops, 65535, rnd.nextDouble() < 0.7 ? 9 : 8, pick(rnd, 1400, 1380, 1460)};
            case LINUX_DC -> new double[]{64 - hops, rnd.nextDouble() < 0.7 ? 64240 : 29200, 7, 1460};
            case SCANNER -> new double[]{255 - hops, 1024, 0, 0};
        };
    }

    private static double pick(SplittableRandom rnd, double... values) {
        return values[rnd.nextInt(values.length)];
    }
}
