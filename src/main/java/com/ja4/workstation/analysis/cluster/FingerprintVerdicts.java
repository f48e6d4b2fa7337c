package com.ja4.workstation.analysis.cluster;

import com.ja4.workstation.analysis.fingerprint.OsFamily;
import com.ja4.workstation.analysis.fingerprint.TcpFingerprinter;
import com.ja4.workstation.analysis.fingerprint.TcpObservation;
import com.ja4.workstation.analysis.fingerprint.TcpVerdict;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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

    /**
     * Verdicts remembered at most: a window holds a few hundred distinct SYNs and an analyst reruns it;
     * a crafted source with millions cannot grow the memo past this (its verdicts are then computed).
     */
    static final int MEMO_LIMIT = 1 << 14;

    private final TcpFingerprinter fingerprinter;
    /**
     * Verdict by SYN (the four rounded, clamped values packed in a long). A fingerprint costs about
     * 35 us (every signature of the database is scored), so 8,000 pairs with ~300 distinct
     * SYNs cost ~10 ms, as much as the k-means; a rerun or a later window finds them here.
     */
    private final Map<Long, StackVerdict> memo = new ConcurrentHashMap<>();
    private final int memoLimit;

    public FingerprintVerdicts(TcpFingerprinter fingerprinter) {
        this(fingerprinter, MEMO_LIMIT);
    }

    /** @param memoLimit verdicts remembered at most (tests use a small one) */
    FingerprintVerdicts(TcpFingerprinter fingerprinter, int memoLimit) {
        this.fingerprinter = fingerprinter;
        this.memoLimit = memoLimit;
    }

    /** Verdicts remembered so far. */
    int remembered() {
        return memo.size();
    }

    /** Backed by the bundled signature database; shared, created once. */
    public static FingerprintVerdicts bundled() {
        return BUNDLED;
    }

    @Override
    public StackVerdict verdict(double ttl, double window, double scale, double mss) {
        if (!(ttl >= 0.5)) return StackVerdict.UNKNOWN;  // also NaN: no SYN seen
        int t = clamp(ttl, 1, 255);
        int w = clamp(window, 0, 65535);
        int s = clamp(scale, 0, 14);
        int m = clamp(mss, 0, 65535);
        long key = ((long) t << 40) | ((long) w << 24) | ((long) s << 16) | m;
        StackVerdict known = memo.get(key);
        if (known != null) return known;
        StackVerdict verdict = classify(new TcpObservation(t, w, s, m));
        if (memo.size() < memoLimit) memo.putIfAbsent(key, verdict);
        return verdict;
    }

    private StackVerdict classify(TcpObservation observation) {
        TcpVerdict v = fingerprinter.classify(observation);
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
