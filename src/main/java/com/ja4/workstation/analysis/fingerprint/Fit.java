package com.ja4.workstation.analysis.fingerprint;

import java.util.function.Supplier;

/**
 * How one signal of an observation fits one signature field: credit 1 for a match, 0 for a
 * contradiction, in between for a wildcard (no evidence either way) or a near match. The sentence
 * is built only for the signatures the verdict explains: every observation is scored against
 * every signature, and building ~400 strings per row would dominate the cost.
 */
record Fit(double credit, Supplier<String> explanation) {

    /** A wildcard neither supports nor contradicts; a small credit keeps the score of catch-alls low. */
    static final double NEUTRAL = 0.25;
    /** A window that matches once a path MSS clamp is undone is good, not perfect, evidence. */
    static final double PARTIAL = 0.7;
    /** A trait a whole family shares ("some multiple of the MSS") says less than an exact value. */
    static final double TRAIT = 0.8;

    static Fit exact(Supplier<String> reason) {
        return new Fit(1, reason);
    }

    static Fit partial(Supplier<String> reason) {
        return new Fit(PARTIAL, reason);
    }

    static Fit trait(Supplier<String> reason) {
        return new Fit(TRAIT, reason);
    }

    /**
     * A signal the signature rules out counts against it, not just for nothing: a catch-all that
     * leaves the scale open must beat a specific signature whose scale is wrong.
     */
    static final double MISS = -0.5;

    static Fit miss(Supplier<String> reason) {
        return new Fit(MISS, reason);
    }

    static Fit neutral() {
        return new Fit(NEUTRAL, null);
    }

    /** The sentence for the drill-down; null for a wildcard, which has nothing to say. */
    String reason() {
        return explanation == null ? null : explanation.get();
    }

    boolean matched() {
        return credit >= PARTIAL;
    }

    boolean contradicts() {
        return credit < 0;
    }
}
