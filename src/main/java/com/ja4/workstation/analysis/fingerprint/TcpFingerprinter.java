package com.ja4.workstation.analysis.fingerprint;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * p0f-style OS verdicts from TTL, window, scale and MSS. Create once and share: it holds only the
 * immutable signature list, so it is thread-safe and every call depends on its input alone.
 */
public final class TcpFingerprinter {

    /** Below this best score the signals do not name a stack: two of four signals, or TTL alone. */
    static final double MIN_SCORE = 0.55;
    /** A rival family this far behind no longer lowers the confidence. */
    static final double CLEAR_MARGIN = 0.25;
    /** Four matching signals still leave room for a stack tuned to look like another one. */
    static final double MAX_CONFIDENCE = 0.97;
    /** An UNKNOWN verdict never claims more than this. */
    static final double UNKNOWN_CAP = 0.25;

    private final SignatureDatabase database;

    public TcpFingerprinter() {
        this(SignatureDatabase.bundled());
    }

    public TcpFingerprinter(SignatureDatabase database) {
        this.database = database;
    }

    public SignatureDatabase database() {
        return database;
    }

    public TcpVerdict classify(TcpObservation o) {
        Map<OsFamily, SignatureMatch> bestPerFamily = bestPerFamily(o);
        SignatureMatch best = null;
        SignatureMatch runnerUp = null;
        for (SignatureMatch m : bestPerFamily.values()) {
            if (best == null || beats(m, best)) {
                runnerUp = best;
                best = m;
            } else if (runnerUp == null || beats(m, runnerUp)) {
                runnerUp = m;
            }
        }
        int initialTtl = InitialTtl.of(o.ttl());
        int hops = initialTtl - o.ttl();
        double margin = runnerUp == null ? 1 : best.score() - runnerUp.score();
        double confidence = Math.min(MAX_CONFIDENCE, best.score() * (0.5 + 0.5 * Math.min(1, margin / CLEAR_MARGIN)));

        List<String> reasons = new ArrayList<>();
        MasscanDetector.Assessment masscan = MasscanDetector.assess(o);
        String os;
        OsFamily family;
        if (masscan.detected() && masscan.confidence() >= confidence) {
            os = "Masscan-style SYN scanner";
            family = OsFamily.SCANNER;
            confidence = masscan.confidence();
            reasons.addAll(masscan.reasons());
        } else if (best.score() < MIN_SCORE) {
            os = "Unknown";
            family = OsFamily.UNKNOWN;
            confidence = Math.min(confidence, UNKNOWN_CAP);
            reasons.add(String.format(Locale.ROOT, "no signature fits: closest is %s (%s) at score %.2f",
                    best.signature().label(), best.signature().shape(), best.score()));
        } else {
            os = best.signature().label();
            family = best.signature().family();
            reasons.addAll(best.reasons());
            if (runnerUp != null && margin < CLEAR_MARGIN) {
                reasons.add(String.format(Locale.ROOT, "close runner-up: %s at score %.2f vs %.2f",
                        labelWithFamily(runnerUp.signature()), runnerUp.score(), best.score()));
            }
        }
        reasons.add("initial TTL " + initialTtl + " -> " + hops + " hops");
        reasons.add(NetworkPath.explain(o.mss()));

        boolean scanner = family == OsFamily.SCANNER || masscan.detected();
        double scannerConfidence = family == OsFamily.SCANNER ? Math.max(confidence, masscan.confidence())
                : masscan.confidence();
        return new TcpVerdict(os, family, confidence, initialTtl, hops, NetworkPath.fromMss(o.mss()),
                scanner, scannerConfidence, reasons);
    }

    /** "Blackberry [Unknown]", but not "Linux (Android) [Android]". */
    private static String labelWithFamily(TcpSignature s) {
        String family = s.family().displayName();
        return s.label().contains(family) ? s.label() : s.label() + " [" + family + "]";
    }

    private Map<OsFamily, SignatureMatch> bestPerFamily(TcpObservation o) {
        Map<OsFamily, SignatureMatch> best = new EnumMap<>(OsFamily.class);
        for (TcpSignature s : database.signatures()) {
            SignatureMatch m = SignatureMatch.of(s, o);
            best.merge(s.family(), m, (a, b) -> beats(b, a) ? b : a);
        }
        return best;
    }

    /**
     * Higher score wins; on a tie a specific signature beats a catch-all, then the more common
     * family wins (the signals cannot separate them, the prior can).
     */
    private static boolean beats(SignatureMatch a, SignatureMatch b) {
        if (a.score() != b.score()) return a.score() > b.score();
        if (a.signature().generic() != b.signature().generic()) return !a.signature().generic();
        return a.signature().family().prevalence() > b.signature().family().prevalence();
    }
}
