package com.ja4.workstation.analysis.fingerprint;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How the fingerprinter did on a set of labelled SYNs: the figures issue 13 sets targets for.
 * A verdict is right when its family is the label's; UNKNOWN is never right, and it is not a
 * named family for precision.
 */
public final class EvaluationFigures {

    /** Confidence bands of the calibration table, lower bounds; the last band includes 1. */
    static final double[] BANDS = {0, 0.5, 0.6, 0.7, 0.8, 0.9};
    /** "A confidence that means what it says": verdicts at or above this are right this often. */
    public static final double HIGH_CONFIDENCE = 0.9;

    /** Count and right answers of one slice. */
    public record Tally(int total, int right) {
        public double rate() {
            return total == 0 ? Double.NaN : (double) right / total;
        }

        Tally plus(boolean isRight) {
            return new Tally(total + 1, right + (isRight ? 1 : 0));
        }
    }

    /** One band of the calibration table: verdicts whose confidence falls in [from, to). */
    public record Band(double from, double to, Tally verdicts, double meanConfidence) {
    }

    private Tally all = new Tally(0, 0);
    private Tally usualTtl = new Tally(0, 0);
    private Tally named = new Tally(0, 0);
    private Tally highConfidence = new Tally(0, 0);
    private Tally ordinaryFlagged = new Tally(0, 0);
    private Tally scannersFlagged = new Tally(0, 0);
    private int unknown;
    private final Map<OsFamily, Tally> perFamily = new EnumMap<>(OsFamily.class);
    private final Map<OsFamily, Tally> perFamilyUsualTtl = new EnumMap<>(OsFamily.class);
    private final Map<OsFamily, Integer> unknownPerFamily = new EnumMap<>(OsFamily.class);
    private final Map<OsFamily, Map<OsFamily, Integer>> confusion = new EnumMap<>(OsFamily.class);
    private final Tally[] bandTallies = new Tally[BANDS.length];
    private final double[] bandConfidence = new double[BANDS.length];

    private EvaluationFigures() {
        java.util.Arrays.fill(bandTallies, new Tally(0, 0));
    }

    public static EvaluationFigures of(List<EvaluationSet.Sample> samples, TcpFingerprinter fingerprinter) {
        EvaluationFigures f = new EvaluationFigures();
        for (EvaluationSet.Sample s : samples) f.add(s.expected(), s.observation(), fingerprinter.classify(s.observation()));
        return f;
    }

    private void add(OsFamily expected, TcpObservation o, TcpVerdict v) {
        boolean right = v.family() == expected;
        all = all.plus(right);
        perFamily.merge(expected, new Tally(1, right ? 1 : 0), EvaluationFigures::sum);
        confusion.computeIfAbsent(expected, k -> new EnumMap<>(OsFamily.class)).merge(v.family(), 1, Integer::sum);
        if (expected.usualInitialTtl() != 0 && InitialTtl.of(o.ttl()) == expected.usualInitialTtl()) {
            usualTtl = usualTtl.plus(right);
            perFamilyUsualTtl.merge(expected, new Tally(1, right ? 1 : 0), EvaluationFigures::sum);
        }
        if (expected == OsFamily.SCANNER) {
            scannersFlagged = scannersFlagged.plus(v.scanner());
        } else {
            ordinaryFlagged = ordinaryFlagged.plus(v.scanner());
        }
        if (v.family() == OsFamily.UNKNOWN) {
            unknown++;
            unknownPerFamily.merge(expected, 1, Integer::sum);
            return;
        }
        named = named.plus(right);
        if (v.confidence() >= HIGH_CONFIDENCE) highConfidence = highConfidence.plus(right);
        int band = BANDS.length - 1;
        while (band > 0 && v.confidence() < BANDS[band]) band--;
        bandTallies[band] = bandTallies[band].plus(right);
        bandConfidence[band] += v.confidence();
    }

    private static Tally sum(Tally a, Tally b) {
        return new Tally(a.total() + b.total(), a.right() + b.right());
    }

    /** Family accuracy over every scored SYN. */
    public Tally accuracy() {
        return all;
    }

    /** Family accuracy where the SYN's TTL class is its family's usual one (scanners excluded). */
    public Tally accuracyUsualTtl() {
        return usualTtl;
    }

    /** Right when a family is named (UNKNOWN left out). */
    public Tally precision() {
        return named;
    }

    /** Named verdicts at confidence >= 0.9 and how many of them are right. */
    public Tally highConfidence() {
        return highConfidence;
    }

    /** Non-scanner SYNs, and how many of them raised the scanner flag ("right" counts the flagged). */
    public Tally ordinaryFlaggedAsScanner() {
        return ordinaryFlagged;
    }

    /** Scanner SYNs, and how many raised the scanner flag. */
    public Tally scannersFlagged() {
        return scannersFlagged;
    }

    public int unknown() {
        return unknown;
    }

    public double unknownRate() {
        return all.total() == 0 ? Double.NaN : (double) unknown / all.total();
    }

    public Map<OsFamily, Tally> perFamily() {
        return Map.copyOf(perFamily);
    }

    public Map<OsFamily, Tally> perFamilyUsualTtl() {
        return Map.copyOf(perFamilyUsualTtl);
    }

    public int unknown(OsFamily expected) {
        return unknownPerFamily.getOrDefault(expected, 0);
    }

    /** Expected family -> verdict family -> count. */
    public Map<OsFamily, Map<OsFamily, Integer>> confusion() {
        return confusion;
    }

    /** The calibration table over named verdicts, empty bands left out. */
    public List<Band> calibration() {
        List<Band> bands = new ArrayList<>();
        for (int i = 0; i < BANDS.length; i++) {
            Tally t = bandTallies[i];
            if (t.total() == 0) continue;
            double to = i + 1 < BANDS.length ? BANDS[i + 1] : 1.0;
            bands.add(new Band(BANDS[i], to, t, bandConfidence[i] / t.total()));
        }
        return bands;
    }
}
