package com.ja4.workstation.analysis.fingerprint;

/**
 * Stacks start their TTL at 32, 64, 128 or 255 and every router decrements it, so the sender's
 * value is the smallest of these that is not below what we observe.
 */
public final class InitialTtl {

    private static final int[] STARTS = {32, 64, 128, 255};

    private InitialTtl() {
    }

    public static int of(int observedTtl) {
        for (int start : STARTS) {
            if (observedTtl <= start) return start;
        }
        return 255;
    }

    public static int hops(int observedTtl) {
        return of(observedTtl) - observedTtl;
    }

    static boolean isStandard(int ttl) {
        return ttl == 32 || ttl == 64 || ttl == 128 || ttl == 255;
    }
}
