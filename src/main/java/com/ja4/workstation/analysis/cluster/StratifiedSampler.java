package com.ja4.workstation.analysis.cluster;

import com.ja4.workstation.domain.cluster.FeatureRow;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.zip.CRC32;

/**
 * Picks the (IP, JA4) pairs to cluster, in three strata filled in order:
 * <ol>
 *   <li><b>detections</b> (anomalous pairs) by anomaly score, then hits, up to
 *       {@value #DETECTION_SHARE} of the sample; a Masscan IP scoring 0.97 with 1-2 hits is ranked by
 *       its score, not its traffic, so it is never sampled out;</li>
 *   <li><b>traffic</b>: the remaining pairs by hits, up to {@value #TRAFFIC_SHARE} of the sample,
 *       so that the bulk of legitimate browsing is represented;</li>
 *   <li><b>fill</b>: the rest of the sample from what is left, ordered by a hash of (IP, JA4), a
 *       deterministic stand-in for a random draw that reaches the low-traffic tail.</li>
 * </ol>
 * A stratum that runs short hands its room to the next, so the sample is always full when the
 * input allows. Sampling lives in Java rather than SQL so that the warehouse and CSV inputs share it.
 * The result is in input-independent order (by stratum, then rank; ties by IP then JA4), so the
 * same rows give the same sample in any order.
 */
public final class StratifiedSampler {

    /** Share of the sample reserved for detections. */
    public static final double DETECTION_SHARE = 0.6;
    /** Share of the sample for the highest-traffic pairs (plus whatever detections left unused). */
    public static final double TRAFFIC_SHARE = 0.25;

    private StratifiedSampler() {
    }

    public static List<FeatureRow> sample(List<FeatureRow> rows, int size) {
        int[] picked = sampleIndices(rows, size);
        List<FeatureRow> out = new ArrayList<>(picked.length);
        for (int i : picked) out.add(rows.get(i));
        return out;
    }

    /**
     * The sample as indexes into {@code rows}. Ranks are computed on primitive arrays and ties go
     * to the (IP, JA4) order, so 100,000 rows are sampled in tens of milliseconds.
     */
    public static int[] sampleIndices(List<FeatureRow> rows, int size) {
        return sampleIndices(rows, identityOrder(rows), size);
    }

    /** {@link #sampleIndices} of rows known to be in (IP, JA4) order ({@link #inIdentityOrder}): no second check. */
    static int[] sampleIndicesOfOrdered(List<FeatureRow> orderedRows, int size) {
        return sampleIndices(orderedRows, IntStream.range(0, orderedRows.size()).toArray(), size);
    }

    private static int[] sampleIndices(List<FeatureRow> rows, int[] canon, int size) {
        int n = canon.length;
        if (n <= size) return canon;
        // from here on, a row is its position p in (IP, JA4) order: ties broken by p are broken by identity
        double[] score = new double[n];
        long[] hits = new long[n];
        List<Integer> detections = new ArrayList<>();
        List<Integer> others = new ArrayList<>();
        for (int p = 0; p < n; p++) {
            FeatureRow r = rows.get(canon[p]);
            score[p] = Math.abs(r.anomalyScore());
            hits[p] = r.hits();
            (r.isAnomalous() ? detections : others).add(p);
        }
        detections.sort((a, b) -> {
            int c = Double.compare(score[b], score[a]);
            if (c == 0) c = Long.compare(hits[b], hits[a]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        others = byHitsDescending(others, hits);

        boolean[] chosen = new boolean[n];
        int[] order = new int[size];
        int taken = take(detections, (int) Math.round(size * DETECTION_SHARE), chosen, order, 0);
        taken = take(others, (int) Math.round(size * (DETECTION_SHARE + TRAFFIC_SHARE)) - taken, chosen, order, taken);

        // the fill: what is left, by CRC-32 of "ip|ja4" (then identity), packed into one sortable long
        // (the hashes in parallel: each position writes its own slot)
        long[] keyOf = new long[n];
        IntStream.range(0, n).parallel().forEach(p -> keyOf[p] = chosen[p] ? -1 : (fillHash(rows.get(canon[p])) << 31) | p);
        long[] rest = new long[n - taken];
        int m = 0;
        for (long key : keyOf) if (key >= 0) rest[m++] = key;
        java.util.Arrays.sort(rest);
        for (int i = 0; i < rest.length && taken < size; i++) order[taken++] = (int) (rest[i] & Integer.MAX_VALUE);
        int[] out = new int[taken];
        for (int i = 0; i < taken; i++) out[i] = canon[order[i]];
        return out;
    }

    /** Busiest first, ties by position: packed as (max - hits, position) into sortable longs when they fit. */
    private static List<Integer> byHitsDescending(List<Integer> positions, long[] hits) {
        final int positionBits = 21;
        final long maxHits = (1L << (63 - positionBits)) - 1;
        boolean fits = hits.length < (1 << positionBits);
        for (int p : positions) fits &= hits[p] >= 0 && hits[p] <= maxHits;
        if (!fits) {
            List<Integer> sorted = new ArrayList<>(positions);
            sorted.sort((a, b) -> {
                int c = Long.compare(hits[b], hits[a]);
                return c != 0 ? c : Integer.compare(a, b);
            });
            return sorted;
        }
        long[] keys = new long[positions.size()];
        for (int i = 0; i < keys.length; i++) {
            int p = positions.get(i);
            keys[i] = ((maxHits - hits[p]) << positionBits) | p;
        }
        java.util.Arrays.sort(keys);
        List<Integer> sorted = new ArrayList<>(keys.length);
        for (long key : keys) sorted.add((int) (key & ((1 << positionBits) - 1)));
        return sorted;
    }

    private static int take(List<Integer> ranked, int room, boolean[] chosen, int[] order, int taken) {
        for (int i = 0; i < ranked.size() && room > 0; i++) {
            int p = ranked.get(i);
            if (chosen[p]) continue;
            chosen[p] = true;
            order[taken++] = p;
            room--;
        }
        return taken;
    }

    /** The rows in (IP, JA4) order: the same list when they already are (the warehouse sorts them). */
    public static List<FeatureRow> inIdentityOrder(List<FeatureRow> rows) {
        int[] order = identityOrder(rows);
        boolean same = true;
        for (int i = 0; i < order.length && same; i++) same = order[i] == i;
        if (same) return rows;
        List<FeatureRow> out = new ArrayList<>(order.length);
        for (int i : order) out.add(rows.get(i));
        return out;
    }

    /** Indexes of the rows in (IP, JA4) order; the identity when they already are (the warehouse sorts them). */
    static int[] identityOrder(List<FeatureRow> rows) {
        int n = rows.size();
        if (IntStream.range(1, Math.max(1, n)).parallel().allMatch(i -> compare(rows.get(i - 1), rows.get(i)) <= 0)) {
            return IntStream.range(0, n).toArray();
        }
        return IntStream.range(0, n).boxed().sorted((a, b) -> compare(rows.get(a), rows.get(b)))
                .mapToInt(Integer::intValue).toArray();
    }

    private static int compare(FeatureRow a, FeatureRow b) {
        int c = a.ip().compareTo(b.ip());
        return c != 0 ? c : a.ja4().compareTo(b.ja4());
    }

    /** CRC-32 of "ip|ja4": stable across runs and JVMs, unlike String.hashCode spreading. */
    static long fillHash(FeatureRow r) {
        CRC32 crc = new CRC32();
        crc.update(r.ip().getBytes(StandardCharsets.UTF_8));
        crc.update('|');
        crc.update(r.ja4().getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }
}
