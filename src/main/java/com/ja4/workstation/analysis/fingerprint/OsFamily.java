package com.ja4.workstation.analysis.fingerprint;

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

    private final String displayName;

    OsFamily(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    /**
     * How common the family is among web clients; only breaks exact score ties, where the
     * signals cannot tell two stacks apart (macOS and FreeBSD both send 65535 with scale 3).
     */
    int prevalence() {
        return switch (this) {
            case WINDOWS, LINUX -> 9;
            case ANDROID, MACOS_IOS -> 8;
            case SCANNER -> 6;
            case NETWORK_DEVICE -> 5;
            case FREEBSD -> 4;
            case OPENBSD, SOLARIS -> 3;
            case UNKNOWN -> 0;
        };
    }
}
