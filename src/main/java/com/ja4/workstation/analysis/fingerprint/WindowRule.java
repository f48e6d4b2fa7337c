package com.ja4.workstation.analysis.fingerprint;

/**
 * The window part of a p0f signature: a constant, a multiple of the MSS or MTU, a modulo, the
 * "largest multiple of MSS below 65535" rule of Linux and of Windows 10/11, any multiple of the
 * MSS (a family trait), or anything.
 */
public record WindowRule(Kind kind, int value) {

    public enum Kind { ANY, EXACT, MSS_MULTIPLE, MTU_MULTIPLE, MODULO, MSS_FILL, MSS_ANY_MULTIPLE }

    /** MSS values a client's own stack typically derives its window from before a router clamps the MSS. */
    private static final int[] UNCLAMPED_MSS = {1460, 1440};
    /** The largest MSS an Ethernet client starts from; a clamp only ever lowers it. */
    private static final int ETHERNET_MSS = 1460;
    /** "mss*n" below this many segments is not a sized window but a tiny one (scanners send 1-4 x 1024). */
    private static final int MIN_SEGMENTS = 4;

    static WindowRule parse(String text) {
        String t = text.trim();
        if (t.equals("*")) return new WindowRule(Kind.ANY, 0);
        if (t.equals("mss*fill")) return new WindowRule(Kind.MSS_FILL, 0);
        if (t.equals("mss*n")) return new WindowRule(Kind.MSS_ANY_MULTIPLE, 0);
        if (t.startsWith("mss*")) return new WindowRule(Kind.MSS_MULTIPLE, Integer.parseInt(t.substring(4)));
        if (t.startsWith("mtu*")) return new WindowRule(Kind.MTU_MULTIPLE, Integer.parseInt(t.substring(4)));
        if (t.startsWith("%")) return new WindowRule(Kind.MODULO, Integer.parseInt(t.substring(1)));
        return new WindowRule(Kind.EXACT, Integer.parseInt(t));
    }

    boolean isWildcard() {
        return kind == Kind.ANY;
    }

    /** How well the observed window fits, with the sentence an analyst reads. */
    Fit fit(int window, int mss) {
        return switch (kind) {
            case ANY -> Fit.neutral();
            case EXACT -> window == value ? Fit.exact(() -> describeExact(window, mss)) : Fit.miss(() -> "window " + window + " is not " + value);
            case MODULO -> window % value == 0
                    ? Fit.exact(() -> "window " + window + " divisible by " + value) : Fit.miss(() -> "window " + window + " not divisible by " + value);
            case MSS_MULTIPLE -> multipleFit(window, mss, value, "MSS");
            case MTU_MULTIPLE -> mtuFit(window, mss);
            case MSS_FILL -> fillFit(window, mss);
            case MSS_ANY_MULTIPLE -> anyMultipleFit(window, mss);
        };
    }

    private static Fit anyMultipleFit(int window, int mss) {
        if (mss > 0 && window % mss == 0 && window / mss >= MIN_SEGMENTS) {
            return Fit.trait(() -> "window " + window + " = " + window / mss + " x MSS " + mss + " (sized from the MSS)");
        }
        for (int original : UNCLAMPED_MSS) {
            if (original > mss && mss > 0 && window % original == 0 && window / original >= MIN_SEGMENTS) {
                return Fit.partial(() -> "window " + window + " = " + window / original + " x MSS " + original
                        + " (MSS clamped to " + mss + " on the path)");
            }
        }
        return Fit.miss(() -> "window " + window + " is not a multiple of the MSS");
    }

    /** "window 64240 = 44 x MSS 1460": the analyst sees why a constant window looks like a Linux-style one. */
    private static String describeExact(int window, int mss) {
        return mss > 0 && window % mss == 0 && window > mss
                ? "window " + window + " = " + window / mss + " x MSS " + mss : "window " + window;
    }

    private static Fit multipleFit(int window, int mss, int factor, String unit) {
        if (mss > 0 && window == factor * mss) {
            return Fit.exact(() -> "window " + window + " = " + factor + " x " + unit + " " + mss);
        }
        // The client computed its window from its own MSS; a router on the path clamped the MSS
        // afterwards (PPPoE, VPN). The window keeps the client's multiple of the original MSS.
        for (int original : UNCLAMPED_MSS) {
            if (original > mss && mss > 0 && window == factor * original) {
                return Fit.partial(() -> "window " + window + " = " + factor + " x " + unit + " " + original
                        + " (MSS clamped to " + mss + " on the path)");
            }
        }
        return Fit.miss(() -> "window " + window + " is not " + factor + " x " + unit);
    }

    private Fit mtuFit(int window, int mss) {
        for (int header : new int[] {40, 60}) {
            if (mss > 0 && window == value * (mss + header)) {
                return Fit.exact(() -> "window " + window + " = " + value + " x MTU " + (mss + header));
            }
        }
        return Fit.miss(() -> "window " + window + " is not " + value + " x MTU");
    }

    private static Fit fillFit(int window, int mss) {
        if (mss > 0 && window == fill(mss)) {
            return Fit.exact(() -> "window " + window + " = " + window / mss + " x MSS " + mss + " (largest below 65535)");
        }
        // The stack filled its window from its own MSS; a router clamped the MSS afterwards.
        for (int original = mss + 1; mss > 0 && original <= ETHERNET_MSS; original++) {
            if (window == fill(original)) {
                int from = original;
                return Fit.partial(() -> "window " + window + " = " + window / from + " x MSS " + from
                        + " (MSS clamped to " + mss + " on the path)");
            }
        }
        return Fit.miss(() -> "window " + window + " is not the largest multiple of MSS below 65535");
    }

    static int fill(int mss) {
        return 65535 - 65535 % mss;
    }

    /** Resolves the rule to the window a stack with this MSS would send; -1 when the rule has no single value. */
    int resolve(int mss) {
        return switch (kind) {
            case EXACT -> value;
            case MSS_MULTIPLE -> value * mss;
            case MTU_MULTIPLE -> value * (mss + 40);
            case MSS_FILL -> fill(mss);
            case ANY, MODULO, MSS_ANY_MULTIPLE -> -1;
        };
    }

    @Override
    public String toString() {
        return switch (kind) {
            case ANY -> "*";
            case EXACT -> Integer.toString(value);
            case MSS_MULTIPLE -> "mss*" + value;
            case MTU_MULTIPLE -> "mtu*" + value;
            case MODULO -> "%" + value;
            case MSS_FILL -> "mss*fill";
            case MSS_ANY_MULTIPLE -> "mss*n";
        };
    }
}
