package com.ja4.workstation.analysis.fingerprint;

import java.util.Optional;

/**
 * What the workstation knows about one client's OS: its stack verdict, the OS its User-Agent
 * claims, and whether the two contradict. The OS column, the `OS mismatch` column and filter, the
 * per-cluster mismatch share and the drill-down's TCP panel all read this one record.
 *
 * @param verdict  the verdict of the client's dominant SYN, or null when it sent none we could read
 * @param claim    the OS its User-Agent claims
 * @param mismatch present when both sides are confident and contradict
 */
public record OsFinding(TcpVerdict verdict, UserAgentOs.Claim claim, Optional<OsMismatch> mismatch) {

    public static OsFinding of(TcpVerdict verdict, String userAgent) {
        return new OsFinding(verdict, UserAgentOs.of(userAgent), OsMismatch.of(userAgent, verdict));
    }

    /** True when both sides were confident enough to be compared (mismatch or agreement). */
    public boolean comparable() {
        return verdict != null && claim.confident() && verdict.family() != OsFamily.UNKNOWN
                && Math.max(verdict.stackConfidence(), verdict.scannerConfidence()) >= OsMismatch.MIN_STACK_CONFIDENCE;
    }

    /** The mismatch column's text: the mismatch label, or "" when there is none. */
    public String mismatchLabel() {
        return mismatch.map(OsMismatch::label).orElse("");
    }
}
