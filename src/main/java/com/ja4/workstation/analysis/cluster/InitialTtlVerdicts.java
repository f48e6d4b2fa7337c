package com.ja4.workstation.analysis.cluster;

/**
 * The simplest stack verdict: the initial TTL (64 Linux/macOS, 128 Windows, 255 network gear),
 * with Masscan recognised by its raw SYN (TTL near 255, window 1024, no MSS option).
 */
public final class InitialTtlVerdicts implements StackVerdictSource {

    public static final InitialTtlVerdicts INSTANCE = new InitialTtlVerdicts();

    @Override
    public StackVerdict verdict(double ttl, double window, double scale, double mss) {
        int initial = Feature.initialTtl(ttl);
        boolean masscanSyn = Math.abs(window - 1024) < 1 && mss < 1;
        if (initial == 255 && masscanSyn) {
            return new StackVerdict("Masscan", "Masscan raw SYN (TTL 255, window 1024, no MSS)", true);
        }
        return switch (initial) {
            case 64 -> new StackVerdict("Linux", "Linux/macOS (initial TTL 64)", false);
            case 128 -> new StackVerdict("Windows", "Windows (initial TTL 128)", false);
            case 255 -> new StackVerdict("Network device", "Network device or Solaris (initial TTL 255)", false);
            case 32 -> new StackVerdict("Legacy", "Legacy or embedded stack (initial TTL 32)", false);
            default -> StackVerdict.UNKNOWN;
        };
    }
}
