package com.ja4.workstation.analysis.fingerprint;

/**
 * How one signal of an observation fits one signature field: credit 1 for a match, 0 for a
 * contradiction, in between for a wildcard (no evidence either way) or a near match.
 */
record Fit(double credit, String reason) {

    /** A wildcard neither supports nor contradicts; a small credit keeps the score of catch-alls low. */
    static final double NEUTRAL = 0.25;
    /** A window that matches once a path MSS clamp is undone is good, not perfect, evidence. */
    static final double PARTIAL = 0.7;

    static Fit exact(String reason) {
        return new Fit(1, reason);
    }

    static Fit partial(String reason) {
        return new Fit(PARTIAL, reason);
    }

    static Fit miss(String reason) {
        return new Fit(0, reason);
    }

    static Fit neutral() {
        return new Fit(NEUTRAL, null);
    }

    boolean matched() {
        return credit >= PARTIAL;
    }

    boolean contradicts() {
        return credit == 0;
    }
}
