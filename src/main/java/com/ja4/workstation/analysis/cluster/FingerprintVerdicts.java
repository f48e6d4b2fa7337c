package com.ja4.workstation.analysis.cluster;

import com.ja4.workstation.analysis.fingerprint.OsFamily;
import com.ja4.workstation.analysis.fingerprint.TcpFingerprinter;
import com.ja4.workstation.analysis.fingerprint.TcpObservation;
import com.ja4.workstation.analysis.fingerprint.TcpVerdict;
import java.util.Locale;

/**
 * Stack verdicts from the p0f-style {@link TcpFingerprinter}: OS family and label (with the
 * fingerprinter's confidence and hop count), and the scanner flag for Masscan-style or p0f scanner
 * signatures. Cluster means are fractional: they are rounded and clamped to valid SYN values.
 * Thread-safe (the fingerprinter is immutable).
 */
public final class FingerprintVerdicts implements StackVerdictSource {

    /** Below this the fingerprinter's scanner call is a hint, not a reason to name a cluster "scanner". */
    static final double SCANNER_CONFIDENCE = 0.6;

    private static final FingerprintVerdicts BUNDLED = new FingerprintVerdicts(new TcpFingerprinter());

    private final TcpFingerprinter fingerprinter;

    public FingerprintVerdicts(TcpFingerprinter fingerprinter) {
        this.fingerprinter = fingerprinter;
    }

    /** Backed by the bundled signature database; shared, created once. */
    public static FingerprintVerdicts bundled() {
        return BUNDLED;
    }

    @Override
    public StackVerdict verdict(double ttl, double window, double scale, double mss) {
        if (!(ttl >= 0.5)) return StackVerdict.UNKNOWN;  // also NaN: no SYN seen
        TcpVerdict v = fingerprinter.classify(new TcpObservation(clamp(ttl, 1, 255), clamp(window, 0, 65535),
                clamp(scale, 0, 14), clamp(mss, 0, 65535)));
        boolean scanner = v.scanner() && v.scannerConfidence() >= SCANNER_CONFIDENCE;
        // no hop count nor confidence: they vary from member to member, and members are tallied by label
        String label = String.format(Locale.ROOT, "%s (initial TTL %d)", v.os(), v.initialTtl());
        if (scanner) {
            boolean masscan = v.os().toLowerCase(Locale.ROOT).contains("masscan");
            return new StackVerdict(masscan ? "Masscan" : "Scanner", label, true);
        }
        if (v.family() == OsFamily.UNKNOWN) {
            return new StackVerdict("Unknown", label, false);
        }
        return new StackVerdict(v.family().displayName(), label, false);
    }

    private static int clamp(double v, int min, int max) {
        if (!Double.isFinite(v)) return min;
        return (int) Math.max(min, Math.min(max, Math.round(v)));
    }
}
