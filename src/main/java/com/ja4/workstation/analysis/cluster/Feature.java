package com.ja4.workstation.analysis.cluster;

import com.ja4.workstation.domain.cluster.FeatureRow;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The 21 dimensions of a clustering vector (DESIGN section 7), each normalised to [0, 1]: the
 * transform is applied to the raw value and to both bounds, then the result is clamped. Values
 * beyond a bound saturate rather than stretch the scale for everyone else.
 *
 * <table>
 * <caption>Features, their source column and normalisation</caption>
 * <tr><th>feature</th><th>source column</th><th>lower</th><th>upper</th><th>transform</th></tr>
 * <tr><td>initial TTL</td><td>ttl</td><td>0</td><td>255</td><td>observed TTL rounded up to the initial TTL 32/64/128/255</td></tr>
 * <tr><td>MSS</td><td>mss</td><td>0</td><td>1460</td><td>linear (1460 = Ethernet; jumbo saturates)</td></tr>
 * <tr><td>window scale</td><td>scale</td><td>0</td><td>14</td><td>linear (14 = RFC 7323 maximum)</td></tr>
 * <tr><td>TCP window</td><td>win</td><td>0</td><td>65535</td><td>log(1 + x)</td></tr>
 * <tr><td>velocity</td><td>avg_velocity</td><td>0</td><td>100</td><td>log(1 + x), hits/s: bots span decades</td></tr>
 * <tr><td>POST ratio</td><td>avg_post</td><td>0</td><td>1</td><td>linear</td></tr>
 * <tr><td>fuzzing</td><td>avg_fuzzing</td><td>0</td><td>1</td><td>linear (share of probe requests)</td></tr>
 * <tr><td>asset ratio</td><td>asset_ratio</td><td>0</td><td>1</td><td>linear</td></tr>
 * <tr><td>direct access</td><td>direct_ratio</td><td>0</td><td>1</td><td>linear</td></tr>
 * <tr><td>anomaly score</td><td>avg_score</td><td>0</td><td>1</td><td>|x|, linear</td></tr>
 * <tr><td>IP-ID zero</td><td>ip_id_zero</td><td>0</td><td>1</td><td>linear</td></tr>
 * <tr><td>ALPN mismatch</td><td>alpn_mismatch</td><td>0</td><td>1</td><td>linear</td></tr>
 * <tr><td>ALPN missing</td><td>alpn_missing</td><td>0</td><td>1</td><td>linear</td></tr>
 * <tr><td>H2 efficiency</td><td>h2_eff</td><td>0</td><td>1</td><td>linear</td></tr>
 * <tr><td>modern browser score</td><td>browser_score</td><td>0</td><td>1</td><td>linear</td></tr>
 * <tr><td>headless</td><td>pct_headless</td><td>0</td><td>1</td><td>linear</td></tr>
 * <tr><td>header-order confidence</td><td>hdr_conf</td><td>0</td><td>1</td><td>linear</td></tr>
 * <tr><td>UA-CH mismatch</td><td>ua_ch_mismatch</td><td>0</td><td>1</td><td>linear</td></tr>
 * <tr><td>temporal entropy</td><td>entropy</td><td>0</td><td>1</td><td>linear (normalised Shannon entropy of request gaps)</td></tr>
 * <tr><td>JA4 diversity</td><td>ja4_count</td><td>1</td><td>20</td><td>log(1 + x): one JA4 is normal</td></tr>
 * <tr><td>UA rotation</td><td>ua_rotating</td><td>0</td><td>1</td><td>linear</td></tr>
 * </table>
 *
 * <p>Ranges follow the detection pipeline as the demo generator models it: ratios, scores and
 * the normalised entropy in [0, 1], velocity in hits per second.
 *
 * <p>NaN and infinite inputs count as the lower bound, so one broken row cannot poison a centroid.
 */
public enum Feature {
    INITIAL_TTL("Initial TTL", "ttl", 0, 255, Transform.INITIAL_TTL, FeatureRow::ttl),
    MSS("MSS", "mss", 0, 1460, Transform.LINEAR, FeatureRow::mss),
    WINDOW_SCALE("Window scale", "scale", 0, 14, Transform.LINEAR, FeatureRow::scale),
    TCP_WINDOW("TCP window", "win", 0, 65535, Transform.LOG1P, FeatureRow::window),
    VELOCITY("Velocity", "avg_velocity", 0, 100, Transform.LOG1P, FeatureRow::velocity),
    POST_RATIO("POST ratio", "avg_post", 0, 1, Transform.LINEAR, FeatureRow::postRatio),
    FUZZING("Fuzzing", "avg_fuzzing", 0, 1, Transform.LINEAR, FeatureRow::fuzzing),
    ASSET_RATIO("Asset ratio", "asset_ratio", 0, 1, Transform.LINEAR, FeatureRow::assetRatio),
    DIRECT_ACCESS("Direct access", "direct_ratio", 0, 1, Transform.LINEAR, FeatureRow::directAccessRatio),
    ANOMALY_SCORE("Anomaly score", "avg_score", 0, 1, Transform.ABS_LINEAR, FeatureRow::anomalyScore),
    IP_ID_ZERO("IP-ID zero", "ip_id_zero", 0, 1, Transform.LINEAR, FeatureRow::ipIdZero),
    ALPN_MISMATCH("ALPN mismatch", "alpn_mismatch", 0, 1, Transform.LINEAR, FeatureRow::alpnMismatch),
    ALPN_MISSING("ALPN missing", "alpn_missing", 0, 1, Transform.LINEAR, FeatureRow::alpnMissing),
    H2_EFFICIENCY("H2 efficiency", "h2_eff", 0, 1, Transform.LINEAR, FeatureRow::h2Efficiency),
    BROWSER_SCORE("Modern browser score", "browser_score", 0, 1, Transform.LINEAR, FeatureRow::browserScore),
    HEADLESS("Headless", "pct_headless", 0, 1, Transform.LINEAR, FeatureRow::headless),
    HEADER_ORDER_CONFIDENCE("Header-order confidence", "hdr_conf", 0, 1, Transform.LINEAR, FeatureRow::headerOrderConfidence),
    UA_CH_MISMATCH("UA-CH mismatch", "ua_ch_mismatch", 0, 1, Transform.LINEAR, FeatureRow::uaChMismatch),
    TEMPORAL_ENTROPY("Temporal entropy", "entropy", 0, 1, Transform.LINEAR, FeatureRow::entropy),
    JA4_DIVERSITY("JA4 diversity", "ja4_count", 1, 20, Transform.LOG1P, FeatureRow::ja4Count),
    UA_ROTATION("UA rotation", "ua_rotating", 0, 1, Transform.LINEAR, FeatureRow::uaRotating);

    /** Number of dimensions of a vector. */
    public static final int COUNT = values().length;
    private static final List<Feature> ALL = List.of(values());
    private static final Feature[] BY_ORDINAL = values();

    private final String label;
    private final String sourceColumn;
    private final double lower;
    private final double upper;
    private final Transform transform;
    private final ToDoubleFunction<FeatureRow> raw;
    // transformed bounds, computed once: normalise() runs 21 times per row
    private final double transformedLower;
    private final double transformedSpan;

    Feature(String label, String sourceColumn, double lower, double upper, Transform transform,
            ToDoubleFunction<FeatureRow> raw) {
        this.label = label;
        this.sourceColumn = sourceColumn;
        this.lower = lower;
        this.upper = upper;
        this.transform = transform;
        this.raw = raw;
        this.transformedLower = transform.apply(lower);
        this.transformedSpan = transform.apply(upper) - transformedLower;
    }

    public static List<Feature> all() {
        return ALL;
    }

    /** Name shown on radar axes and card metrics. */
    public String label() {
        return label;
    }

    /** Column of the feature query (and of the CSV input) that this dimension reads. */
    public String sourceColumn() {
        return sourceColumn;
    }

    public double lower() {
        return lower;
    }

    public double upper() {
        return upper;
    }

    /** The row's value before normalisation, as the analyst reads it (e.g. a TTL of 57). */
    public double raw(FeatureRow row) {
        return raw.applyAsDouble(row);
    }

    /** The row's value in [0, 1]. */
    public double normalise(FeatureRow row) {
        return normalise(raw(row));
    }

    /** A raw value in [0, 1] following this feature's bounds and transform. */
    public double normalise(double value) {
        if (!Double.isFinite(value)) return 0.0;
        double v = (transform.apply(value) - transformedLower) / transformedSpan;
        return v < 0 ? 0.0 : Math.min(v, 1.0);
    }

    /**
     * Every feature's raw value of a row, in feature order, by direct accessor calls: the per-feature
     * function above is megamorphic at one call site and costs a tenth of a second over 100,000 rows
     * ({@code FeatureNormalisationTest} checks that both agree).
     */
    static void rawValues(FeatureRow r, double[] out) {
        out[0] = r.ttl();
        out[1] = r.mss();
        out[2] = r.scale();
        out[3] = r.window();
        out[4] = r.velocity();
        out[5] = r.postRatio();
        out[6] = r.fuzzing();
        out[7] = r.assetRatio();
        out[8] = r.directAccessRatio();
        out[9] = r.anomalyScore();
        out[10] = r.ipIdZero();
        out[11] = r.alpnMismatch();
        out[12] = r.alpnMissing();
        out[13] = r.h2Efficiency();
        out[14] = r.browserScore();
        out[15] = r.headless();
        out[16] = r.headerOrderConfidence();
        out[17] = r.uaChMismatch();
        out[18] = r.entropy();
        out[19] = r.ja4Count();
        out[20] = r.uaRotating();
    }

    /** Normalises raw values in feature order into {@code out}, with the transforms inlined. */
    static void normaliseAll(double[] raw, double[] out) {
        for (int j = 0; j < COUNT; j++) {
            Feature f = BY_ORDINAL[j];
            double x = raw[j];
            if (!Double.isFinite(x)) {
                out[j] = 0.0;
                continue;
            }
            double t = switch (f.transform) {
                case LINEAR -> x;
                case ABS_LINEAR -> Math.abs(x);
                case LOG1P -> log1p(x);
                case INITIAL_TTL -> initialTtl(x);
            };
            double v = (t - f.transformedLower) / f.transformedSpan;
            out[j] = v < 0 ? 0.0 : Math.min(v, 1.0);
        }
    }

    /**
     * {@code Math.log1p(max(0, x))}, read from a table for whole numbers up to 65,535: the TCP window
     * and the JA4 count always are, and Math.log1p cost 12 ns a call, a fifth of the vector pass.
     */
    static double log1p(double x) {
        double v = Math.max(0.0, x);
        int whole = (int) v;
        double[] table = Log1pOfWhole.VALUES;
        return whole == v && whole < table.length ? table[whole] : Math.log1p(v);
    }

    /** A holder, so that the table exists when the constants' constructors first call {@link #log1p}. */
    private static final class Log1pOfWhole {
        static final double[] VALUES = new double[65_536];

        static {
            for (int i = 0; i < VALUES.length; i++) VALUES[i] = Math.log1p(i);
        }
    }

    /** Observed TTL to the initial TTL the stack most likely sent (the next of 32/64/128/255). */
    public static int initialTtl(double observedTtl) {
        if (!(observedTtl > 0)) return 0;
        if (observedTtl <= 32) return 32;
        if (observedTtl <= 64) return 64;
        if (observedTtl <= 128) return 128;
        return 255;
    }

    private enum Transform {
        LINEAR {
            @Override double apply(double x) { return x; }
        },
        ABS_LINEAR {
            @Override double apply(double x) { return Math.abs(x); }
        },
        LOG1P {
            @Override double apply(double x) { return log1p(x); }
        },
        INITIAL_TTL {
            @Override double apply(double x) { return initialTtl(x); }
        };

        abstract double apply(double x);
    }
}
