package com.ja4.workstation.analysis.fingerprint;

import java.util.Locale;
import java.util.Optional;

/**
 * The operating-system families an analyst filters on. UNKNOWN means either that no signature
 * matched well enough, or that the best match is a stack outside these families (p0f also knows
 * OpenVMS, Nintendo consoles, ...); the verdict's OS label tells which.
 */
public enum OsFamily {
    LINUX("Linux"),
    ANDROID("Android"),
    WINDOWS("Windows"),
    MACOS_IOS("macOS/iOS"),
    FREEBSD("FreeBSD"),
    OPENBSD("OpenBSD"),
    SOLARIS("Solaris"),
    NETWORK_DEVICE("Network device"),
    SCANNER("Scanner"),
    UNKNOWN("Unknown");

    /**
     * The prior of a legacy stack (a signature marked legacy), whatever its family: a Mac OS X 10.4
     * is as rare on today's networks as a FreeBSD 4, so where both send the same SYN neither is
     * the better bet and the verdict says UNKNOWN.
     */
    static final double LEGACY_PRIOR = 0.005;

    private final String displayName;

    OsFamily(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    /**
     * The initial TTL the family's stacks use (Windows 128, the Unix family 64, routers 255), or 0
     * for scanners, which pick any TTL. A SYN whose TTL class differs went through something that
     * rewrote it (a proxy, NAT, a VM host) or comes from an unusual build.
     */
    public int usualInitialTtl() {
        return switch (this) {
            case WINDOWS -> 128;
            case LINUX, ANDROID, MACOS_IOS, FREEBSD, OPENBSD -> 64;
            case SOLARIS, NETWORK_DEVICE -> 255;
            case SCANNER, UNKNOWN -> 0;
        };
    }

    /**
     * The family a label in an evaluation file names: the enum name or the display name in any
     * case, or a common way to write it ("macOS", "iOS", "Windows 11", "ChromeOS"). ChromeOS runs
     * the Linux stack, so it is scored as Linux. Empty for labels that name no family.
     */
    public static Optional<OsFamily> fromLabel(String label) {
        String l = label.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-/.]+", " ").strip();
        for (OsFamily f : values()) {
            if (l.equals(f.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                    || l.equals(f.displayName.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-/.]+", " "))) {
                return Optional.of(f);
            }
        }
        if (l.startsWith("windows")) return Optional.of(WINDOWS);
        if (l.startsWith("android")) return Optional.of(ANDROID);
        if (l.matches("(macos|mac os x|mac os|osx|os x|ios|ipados|iphone|ipad|apple).*")) return Optional.of(MACOS_IOS);
        if (l.matches("(chromeos|chrome os|cros|linux|ubuntu|debian|fedora).*")) return Optional.of(LINUX);
        if (l.matches("(nmap|masscan|zmap|scanner).*")) return Optional.of(SCANNER);
        return Optional.empty();
    }

    /**
     * How often a verdict of this family agrees with the OS the client itself claims, as far as the
     * stack can know: a Linux stack also fronts proxies, VPN servers and virtual machines for users
     * of every OS (in the fit split of the real-SYN set, 10 of 22 Linux verdicts carried another
     * OS's User-Agent), and Android shares the Linux stack. The confidence is scaled by it, so that
     * a confidence of 0.9 means right 9 times in 10 about the client, not only about the kernel.
     */
    double reliability() {
        return switch (this) {
            case LINUX -> 0.7;
            case ANDROID -> 0.9;
            default -> 1.0;
        };
    }

    /** Why {@link #reliability()} is below 1, in the analyst's words. */
    String reliabilityReason() {
        return switch (this) {
            case LINUX -> "Linux stacks also front proxies, VPN exits and VMs for clients of every OS";
            case ANDROID -> "Android shares the Linux stack";
            default -> "";
        };
    }

    /**
     * How common the family is among the clients of a public web site: the prior of the verdict.
     * It matters only where the SYN cannot tell stacks apart (Android and a tuned Linux server both
     * send 65535 with scale 9; macOS and FreeBSD both 65535 with scale 6), and there it says which
     * is the better bet, at a confidence that shows the doubt.
     */
    double prior() {
        return switch (this) {
            case WINDOWS -> 0.30;
            case ANDROID -> 0.28;
            case MACOS_IOS -> 0.24;
            case LINUX -> 0.08;
            case SCANNER -> 0.03;
            case NETWORK_DEVICE -> 0.01;
            case FREEBSD -> 0.008;
            case OPENBSD, SOLARIS -> 0.003;
            case UNKNOWN -> 0.01;
        };
    }
}
