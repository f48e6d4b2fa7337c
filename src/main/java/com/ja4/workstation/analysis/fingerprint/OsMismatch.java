package com.ja4.workstation.analysis.fingerprint;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * The client claims one OS in its User-Agent and its TCP stack is another's: a "Windows" browser
 * sending a Linux SYN is a proxy, a VPN exit, a bot with a borrowed UA, or a VM behind its host's
 * NAT. Raised only where both sides are confident, and never between OSes that share a stack
 * (iOS/macOS; Android, ChromeOS and Linux). A scanner's SYN under a browser's UA is a mismatch too.
 *
 * @param claimed    the OS the User-Agent claims
 * @param uaEvidence the token that claims it ("Windows NT 10.0")
 * @param stack      the stack verdict
 */
public record OsMismatch(ClaimedOs claimed, String uaEvidence, TcpVerdict stack) {

    /** Below this the stack verdict is a guess, and a mismatch against a guess is noise (stack confidence). */
    public static final double MIN_STACK_CONFIDENCE = 0.8;

    /** The mismatch between this UA and this SYN's verdict, if both are confident and they contradict. */
    public static Optional<OsMismatch> of(String userAgent, TcpVerdict verdict) {
        if (verdict == null) return Optional.empty();
        UserAgentOs.Claim claim = UserAgentOs.of(userAgent);
        if (!claim.confident()) return Optional.empty();
        boolean scanner = verdict.family() == OsFamily.SCANNER || verdict.scanner();
        double confidence = scanner ? Math.max(verdict.stackConfidence(), verdict.scannerConfidence()) : verdict.stackConfidence();
        if (verdict.family() == OsFamily.UNKNOWN || confidence < MIN_STACK_CONFIDENCE) return Optional.empty();
        if (!scanner && claim.os().runsOn(verdict.family())) return Optional.empty();
        return Optional.of(new OsMismatch(claim.os(), claim.evidence(), verdict));
    }

    /** "UA claims Windows, SYN is Linux 4.x and newer (91%)": the cell text and the drill-down's flag. */
    public String label() {
        return String.format(Locale.ROOT, "UA claims %s, SYN is %s (%d%%)", claimed.displayName(), stackName(),
                Math.round(100 * stack.stackConfidence()));
    }

    /**
     * The stack's label, led by its family where the label does not name one: p0f files some
     * clients by product ("BaiduSpider" is a Linux 2.6 stack), which alone would read as an OS.
     */
    private String stackName() {
        if (stack.family() == OsFamily.SCANNER) return stack.os();
        String os = stack.os().toLowerCase(Locale.ROOT);
        for (String name : stack.family().displayName().split("/")) {
            if (os.startsWith(name.toLowerCase(Locale.ROOT))) return stack.os();
        }
        return stack.family().displayName() + " (" + stack.os() + ")";
    }

    /** The two sides in the analyst's words, for a tooltip or the drill-down. */
    public String explanation() {
        return "User-Agent token \"" + uaEvidence + "\" claims " + claimed.displayName() + "; the TCP SYN says "
                + stack.family().displayName() + " (" + stack.os() + ", stack confidence "
                + String.format(Locale.ROOT, "%.2f", stack.stackConfidence()) + ")";
    }

    /** Share of clients with a mismatch among those where both sides could be compared; NaN for none. */
    public static double share(Collection<OsFinding> findings) {
        long comparable = findings.stream().filter(OsFinding::comparable).count();
        long mismatched = findings.stream().filter(f -> f.mismatch().isPresent()).count();
        return comparable == 0 ? Double.NaN : (double) mismatched / comparable;
    }
}
