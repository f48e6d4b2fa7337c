package com.ja4.workstation.analysis.fingerprint;

import java.util.Set;

/**
 * The operating system a User-Agent says its client runs, and the TCP stack families that OS can
 * legitimately show: iOS and macOS share Apple's stack; Android, ChromeOS and desktop Linux all run
 * the Linux kernel, whose SYN differs only by buffer sizes (so each accepts the other two's).
 */
public enum ClaimedOs {
    WINDOWS("Windows", Set.of(OsFamily.WINDOWS)),
    MACOS("macOS", Set.of(OsFamily.MACOS_IOS)),
    IOS("iOS", Set.of(OsFamily.MACOS_IOS)),
    /** CFNetwork/Darwin apps: Apple, without saying which device. */
    APPLE("macOS or iOS", Set.of(OsFamily.MACOS_IOS)),
    ANDROID("Android", Set.of(OsFamily.ANDROID, OsFamily.LINUX)),
    LINUX("Linux", Set.of(OsFamily.LINUX, OsFamily.ANDROID)),
    CHROMEOS("ChromeOS", Set.of(OsFamily.LINUX, OsFamily.ANDROID)),
    /** No OS claimed, several claimed, or a client (bot, library) whose claim is not its own. */
    UNKNOWN("Unknown", Set.of());

    private final String displayName;
    private final Set<OsFamily> stacks;

    ClaimedOs(String displayName, Set<OsFamily> stacks) {
        this.displayName = displayName;
        this.stacks = stacks;
    }

    public String displayName() {
        return displayName;
    }

    /** True when a stack of this family is what this OS sends (or may send, for shared kernels). */
    public boolean runsOn(OsFamily stack) {
        return stacks.contains(stack);
    }
}
