package com.ja4.workstation.data.demo;

import java.time.Instant;

/**
 * What to generate.
 *
 * @param scale multiplier of the default size (about 2,000 IPs and 200,000 HTTP log rows per unit)
 * @param seed  the only source of randomness: the same seed and as-of give the same file content
 * @param asOf  end of the 24 h window; fixed by default so that the demo never depends on the clock
 */
public record DemoOptions(int scale, long seed, Instant asOf) {

    public static final long DEFAULT_SEED = 42L;
    public static final Instant DEFAULT_AS_OF = Instant.parse("2026-11-20T12:00:00Z");
    public static final int MAX_SCALE = 200;

    public DemoOptions {
        if (scale < 1 || scale > MAX_SCALE) {
            throw new IllegalArgumentException("scale must be between 1 and " + MAX_SCALE + ", got " + scale);
        }
        if (asOf == null) throw new IllegalArgumentException("asOf is required");
    }

    public static DemoOptions defaults() {
        return new DemoOptions(1, DEFAULT_SEED, DEFAULT_AS_OF);
    }

    public DemoOptions withScale(int newScale) {
        return new DemoOptions(newScale, seed, asOf);
    }

    public DemoOptions withSeed(long newSeed) {
        return new DemoOptions(scale, newSeed, asOf);
    }

    public DemoOptions withAsOf(Instant newAsOf) {
        return new DemoOptions(scale, seed, newAsOf);
    }

    /** The manifest's source line. */
    public String source() {
        return "demo seed " + seed + " scale " + scale;
    }
}
