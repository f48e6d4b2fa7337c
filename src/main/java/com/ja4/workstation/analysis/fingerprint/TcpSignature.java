package com.ja4.workstation.analysis.fingerprint;

/**
 * One p0f-style SYN signature, reduced to what the warehouse keeps.
 *
 * @param label      "Linux 3.11 and newer", what the analyst reads
 * @param family     the family the label belongs to
 * @param generic    a p0f catch-all ("g:") rather than a specific ("s:") signature
 * @param initialTtl the TTL the stack starts at
 * @param ttlAtMost  p0f's "64-": the tool sends a TTL at or below this one (randomised by scanners)
 * @param mss        the MSS the stack always sends, or -1 for any
 * @param window     the window rule
 * @param scale      the window scale, or -1 for any
 * @param source     "p0f.fp line 42", so an analyst can look the signature up
 * @param legacy     a stack from before about 2010 (Mac OS X 10.0-10.8, FreeBSD 4-8, Linux 2.0,
 *                   Android 4 on Linux 3.x): rare on today's networks whatever its family, so the
 *                   family's prior does not make it the better bet over another legacy stack
 */
public record TcpSignature(String label, OsFamily family, boolean generic, int initialTtl, boolean ttlAtMost,
                           int mss, WindowRule window, int scale, String source, boolean legacy) {

    public static final int ANY = -1;

    /** How common this stack is among today's clients: the family's prior, or the legacy one. */
    double prior() {
        return legacy ? OsFamily.LEGACY_PRIOR : family.prior();
    }

    TcpSignature asLegacy() {
        return new TcpSignature(label, family, generic, initialTtl, ttlAtMost, mss, window, scale, source, true);
    }

    /** "64:mss*20,10:*", compact enough for a reason line. */
    public String shape() {
        return initialTtl + (ttlAtMost ? "-" : "") + ":" + window + "," + (scale == ANY ? "*" : scale)
                + ":" + (mss == ANY ? "*" : mss);
    }
}
