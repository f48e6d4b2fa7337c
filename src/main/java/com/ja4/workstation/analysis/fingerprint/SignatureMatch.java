package com.ja4.workstation.analysis.fingerprint;

import java.util.ArrayList;
import java.util.List;

/**
 * How well one observation fits one signature. Each signal is weighted by how much it tells
 * stacks apart: the window most, then TTL class and scale (TTL less than its reputation: tethering
 * tricks and middleboxes rewrite it, the stack's window and scale they leave alone), and MSS,
 * mostly a property of the path, not of the OS.
 */
record SignatureMatch(TcpSignature signature, double score, Fit ttl, Fit window, Fit scale, Fit mss) {

    static final double TTL_WEIGHT = 0.28;
    static final double WINDOW_WEIGHT = 0.40;
    static final double SCALE_WEIGHT = 0.26;
    static final double MSS_WEIGHT = 0.06;
    /** A p0f catch-all is a weaker claim than a specific signature with the same fits. */
    static final double GENERIC_FACTOR = 0.95;
    static final double FIXED_MSS_MISS_FACTOR = 0.5;

    static SignatureMatch of(TcpSignature s, TcpObservation o) {
        Fit ttl = ttlFit(s, o.ttl());
        Fit window = s.window().fit(o.window(), o.mss());
        Fit scale = s.scale() == TcpSignature.ANY ? Fit.neutral()
                : s.scale() == o.scale() ? Fit.exact(() -> "scale " + o.scale())
                : Fit.miss(() -> "scale " + o.scale() + ", expected " + s.scale());
        Fit mss = s.mss() == TcpSignature.ANY ? Fit.neutral()
                : s.mss() == o.mss() ? Fit.exact(() -> "MSS " + o.mss())
                : Fit.miss(() -> "MSS " + o.mss() + ", expected " + s.mss());
        double score = TTL_WEIGHT * ttl.credit() + WINDOW_WEIGHT * window.credit()
                + SCALE_WEIGHT * scale.credit() + MSS_WEIGHT * mss.credit();
        if (s.generic()) score *= GENERIC_FACTOR;
        // A scanner's SYN is hand-built: its window is the tool's constant. Without it, TTL <= 64,
        // no scaling and MSS 1460 describe half the Internet, not nmap.
        if (s.family() == OsFamily.SCANNER && window.contradicts()) score = 0;
        // A signature that fixes the MSS describes one machine or tool (a crawler, a console); with
        // another MSS it describes something else, whatever the window says.
        if (s.mss() != TcpSignature.ANY && mss.contradicts()) score *= FIXED_MSS_MISS_FACTOR;
        return new SignatureMatch(s, score, ttl, window, scale, mss);
    }

    private static Fit ttlFit(TcpSignature s, int observed) {
        int start = s.initialTtl();
        if (s.ttlAtMost()) {
            return observed <= start ? Fit.exact(() -> "TTL " + observed + " at or below " + start + " (tool-chosen TTL)")
                    : Fit.miss(() -> "TTL " + observed + " above " + start);
        }
        if (InitialTtl.isStandard(start)) {
            int inferred = InitialTtl.of(observed);
            return inferred == start ? Fit.exact(() -> "initial TTL " + start)
                    : Fit.miss(() -> "initial TTL " + inferred + ", expected " + start);
        }
        // Unusual starting TTLs (p0f's sendsyn uses 192): reachable within a plausible hop count.
        int hops = start - observed;
        return hops >= 0 && hops <= 35 ? Fit.exact(() -> "initial TTL " + start + " (" + hops + " hops)")
                : Fit.miss(() -> "TTL " + observed + " not reachable from " + start);
    }

    /** Supporting and contradicting signals, each tagged with the signature, for the drill-down. */
    List<String> reasons() {
        List<String> reasons = new ArrayList<>();
        String tag = " (" + signature.label() + ")";
        for (Fit fit : List.of(window, scale, mss, ttl)) {
            if (fit.reason() == null) continue;
            if (fit.matched()) reasons.add(fit.reason() + tag);
            else reasons.add("disagrees: " + fit.reason() + tag);
        }
        return reasons;
    }
}
