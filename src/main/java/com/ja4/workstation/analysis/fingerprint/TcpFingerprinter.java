package com.ja4.workstation.analysis.fingerprint;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * p0f-style OS verdicts from TTL, window, scale and MSS. Create once and share: it holds only the
 * immutable signature list, so it is thread-safe and every call depends on its input alone.
 *
 * <p>Each family is represented by its best-fitting signature (p0f's, or the workstation's
 * additions for stacks newer than p0f). The fits become a probability: a family's weight is its
 * prior (how common it is among web clients) times {@code exp(SHARPNESS * score)}, set against a
 * "stack no signature describes" that scores {@link #NO_MATCH_SCORE}. The confidence is the
 * winner's share, so two families that fit alike share it, and a weak fit loses it to "no
 * signature". SHARPNESS and NO_MATCH_SCORE were chosen on the fit part of the real-SYN evaluation
 * set (src/test/resources/.../real-syns); the share is then scaled by how often the family's
 * verdicts agree with the OS the client claims ({@link OsFamily#reliability()}), so that a
 * confidence of 0.9 is right about 9 times in 10.
 */
public final class TcpFingerprinter {

    /** How strongly a better fit outweighs a worse one: 0.1 more score is e^1.4 = 4 times the weight. */
    static final double SHARPNESS = 14;
    /** The score of "a stack none of the signatures describes", with its prior. */
    static final double NO_MATCH_SCORE = 0.58;
    static final double NO_MATCH_PRIOR = 0.05;
    /** Below this share no family is named: UNKNOWN is better than a coin toss called a verdict. */
    static final double MIN_CONFIDENCE = 0.5;
    /**
     * Where a signature of another family fits the SYN exactly as well, only the priors decide
     * (Android 4 and a small-memory Linux 3.x both send 10 x MSS with scale 6): a family is then
     * named only when the priors make it this clear a bet, as for today's macOS over FreeBSD.
     */
    static final double PRIOR_DECIDED_MIN = 0.9;
    /** A rival family with at least this share is named in the reasons. */
    static final double RIVAL_SHARE = 0.1;
    /** Four matching signals still leave room for a stack tuned to look like another one. */
    static final double MAX_CONFIDENCE = 0.97;
    /** An UNKNOWN verdict never claims more than this. */
    static final double UNKNOWN_CAP = 0.25;

    private final SignatureDatabase database;
    private final double sharpness;
    private final double noMatchScore;

    public TcpFingerprinter() {
        this(SignatureDatabase.bundled());
    }

    public TcpFingerprinter(SignatureDatabase database) {
        this(database, SHARPNESS, NO_MATCH_SCORE);
    }

    /** For calibrating the two constants against a labelled set. */
    TcpFingerprinter(SignatureDatabase database, double sharpness, double noMatchScore) {
        this.database = database;
        this.sharpness = sharpness;
        this.noMatchScore = noMatchScore;
    }

    public SignatureDatabase database() {
        return database;
    }

    public TcpVerdict classify(TcpObservation o) {
        Map<OsFamily, SignatureMatch> bestPerFamily = bestPerFamily(o);
        Map<OsFamily, Double> weights = new EnumMap<>(OsFamily.class);
        double total = NO_MATCH_PRIOR * Math.exp(sharpness * noMatchScore);
        SignatureMatch best = null;
        SignatureMatch runnerUp = null;
        for (SignatureMatch m : bestPerFamily.values()) {
            double w = m.signature().prior() * Math.exp(sharpness * m.score());
            weights.put(m.signature().family(), w);
            total += w;
            if (best == null || heavier(m, w, best, weights.get(best.signature().family()))) {
                runnerUp = best;
                best = m;
            } else if (runnerUp == null || heavier(m, w, runnerUp, weights.get(runnerUp.signature().family()))) {
                runnerUp = m;
            }
        }
        double share = weights.get(best.signature().family()) / total;
        double rivalShare = runnerUp == null ? 0 : weights.get(runnerUp.signature().family()) / total;
        int initialTtl = InitialTtl.of(o.ttl());
        int hops = initialTtl - o.ttl();
        // Two families fit the SYN exactly as well (and it fits them: a tie of two misfits says nothing).
        boolean sameFit = runnerUp != null && runnerUp.score() >= best.score() && best.window().matched();

        List<String> reasons = new ArrayList<>();
        MasscanDetector.Assessment masscan = MasscanDetector.assess(o);
        String os;
        OsFamily family;
        double confidence;
        double stackConfidence;
        if (masscan.detected() && masscan.confidence() >= Math.min(MAX_CONFIDENCE, share)) {
            os = "Masscan-style SYN scanner";
            family = OsFamily.SCANNER;
            confidence = masscan.confidence();
            stackConfidence = confidence;
            reasons.addAll(masscan.reasons());
        } else if (sameFit && share < PRIOR_DECIDED_MIN) {
            os = "Unknown";
            family = OsFamily.UNKNOWN;
            confidence = Math.min(share, UNKNOWN_CAP);
            stackConfidence = confidence;
            reasons.add(String.format(Locale.ROOT, "%s and %s send the same SYN (%s); neither is a clear bet (%.0f%%)",
                    labelWithFamily(best.signature()), labelWithFamily(runnerUp.signature()), best.signature().shape(),
                    100 * share));
            reasons.addAll(best.reasons());
        } else if (share < MIN_CONFIDENCE) {
            os = "Unknown";
            family = OsFamily.UNKNOWN;
            confidence = Math.min(share, UNKNOWN_CAP);
            stackConfidence = confidence;
            reasons.add(String.format(Locale.ROOT, "no family is likely enough: closest is %s (%s) at %.0f%%",
                    labelWithFamily(best.signature()), best.signature().shape(), 100 * share));
            reasons.addAll(best.reasons());
        } else {
            os = best.signature().label();
            family = best.signature().family();
            stackConfidence = Math.min(MAX_CONFIDENCE, share);
            confidence = stackConfidence * family.reliability();
            reasons.addAll(best.reasons());
            if (family.reliability() < 1) {
                reasons.add(String.format(Locale.ROOT, "stack %.0f%% sure; as the client's own OS %.0f%%: %s",
                        100 * stackConfidence, 100 * confidence, family.reliabilityReason()));
            }
        }
        boolean rivalsToName = family != OsFamily.SCANNER && !(family == OsFamily.UNKNOWN && sameFit);
        if (rivalsToName && sameFit) {
            // Same fit, decided by the prior alone: the analyst should know the SYN cannot tell.
            reasons.add(String.format(Locale.ROOT, "%s sends the same SYN; %s is the more common web client",
                    labelWithFamily(runnerUp.signature()), best.signature().family().displayName()));
        } else if (rivalsToName && runnerUp != null && rivalShare >= RIVAL_SHARE) {
            reasons.add(String.format(Locale.ROOT, "runner-up: %s at %.0f%% (%s)",
                    labelWithFamily(runnerUp.signature()), 100 * rivalShare, runnerUp.signature().shape()));
        }
        reasons.add("initial TTL " + initialTtl + " -> " + hops + " hops");
        reasons.add(NetworkPath.explain(o.mss()));

        boolean scanner = family == OsFamily.SCANNER || masscan.detected();
        double scannerConfidence = family == OsFamily.SCANNER ? Math.max(confidence, masscan.confidence())
                : masscan.confidence();
        return new TcpVerdict(os, family, confidence, initialTtl, hops, NetworkPath.fromMss(o.mss()),
                scanner, scannerConfidence, reasons, stackConfidence);
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
            best.merge(s.family(), m, (a, b) -> fitsBetter(b, a) ? b : a);
        }
        return best;
    }

    /** Within a family: higher score wins; on a tie a specific signature beats a catch-all. */
    private static boolean fitsBetter(SignatureMatch a, SignatureMatch b) {
        if (a.score() != b.score()) return a.score() > b.score();
        return !a.signature().generic() && b.signature().generic();
    }

    /** Across families: the heavier weight wins; on an exact tie, the specific signature. */
    private static boolean heavier(SignatureMatch a, double wa, SignatureMatch b, double wb) {
        if (wa != wb) return wa > wb;
        return !a.signature().generic() && b.signature().generic();
    }
}
