package com.ja4.workstation.analysis.cluster;

import com.ja4.workstation.domain.cluster.FeatureRow;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
 * The result is in input-independent order (by stratum, then rank), so the same rows give the same sample.
 */
public final class StratifiedSampler {

    /** Share of the sample reserved for detections. */
    public static final double DETECTION_SHARE = 0.6;
    /** Share of the sample for the highest-traffic pairs (plus whatever detections left unused). */
    public static final double TRAFFIC_SHARE = 0.25;

    private static final Comparator<FeatureRow> BY_IDENTITY =
            Comparator.comparing(FeatureRow::ip).thenComparing(FeatureRow::ja4);
    private static final Comparator<FeatureRow> BY_SCORE = Comparator
            .comparingDouble((FeatureRow r) -> Math.abs(r.anomalyScore())).reversed()
            .thenComparing(Comparator.comparingLong(FeatureRow::hits).reversed())
            .thenComparing(BY_IDENTITY);
    private static final Comparator<FeatureRow> BY_HITS = Comparator
            .comparingLong(FeatureRow::hits).reversed().thenComparing(BY_IDENTITY);
    private static final Comparator<FeatureRow> BY_FILL_HASH = Comparator
            .comparingLong(StratifiedSampler::fillHash).thenComparing(BY_IDENTITY);

    private StratifiedSampler() {
    }

    public static List<FeatureRow> sample(List<FeatureRow> rows, int size) {
        if (rows.size() <= size) {
            List<FeatureRow> all = new ArrayList<>(rows);
            all.sort(BY_IDENTITY);
            return all;
        }
        List<FeatureRow> detections = new ArrayList<>();
        List<FeatureRow> others = new ArrayList<>();
        for (FeatureRow r : rows) (r.isAnomalous() ? detections : others).add(r);
        detections.sort(BY_SCORE);
        others.sort(BY_HITS);

        Set<FeatureRow> chosen = new LinkedHashSet<>();
        int detectionRoom = (int) Math.round(size * DETECTION_SHARE);
        take(detections, detectionRoom, chosen);
        int trafficRoom = (int) Math.round(size * (DETECTION_SHARE + TRAFFIC_SHARE)) - chosen.size();
        take(others, trafficRoom, chosen);

        List<FeatureRow> rest = new ArrayList<>(rows.size() - chosen.size());
        for (FeatureRow r : rows) if (!chosen.contains(r)) rest.add(r);
        rest.sort(BY_FILL_HASH);
        take(rest, size - chosen.size(), chosen);
        return List.copyOf(chosen);
    }

    private static void take(List<FeatureRow> ranked, int room, Set<FeatureRow> chosen) {
        for (int i = 0; i < ranked.size() && room > 0; i++) {
            if (chosen.add(ranked.get(i))) room--;
        }
    }

    /** CRC-32 of "ip|ja4": stable across runs and JVMs, unlike String.hashCode spreading. */
    static long fillHash(FeatureRow r) {
        CRC32 crc = new CRC32();
        crc.update((r.ip() + "|" + r.ja4()).getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }
}
