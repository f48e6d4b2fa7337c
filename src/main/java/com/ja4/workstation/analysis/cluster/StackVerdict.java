package com.ja4.workstation.analysis.cluster;

/**
 * What a TCP/IP stack says about the client.
 *
 * @param family  short OS family used in cluster names ("Linux", "Windows", "Masscan", ...)
 * @param label   the verdict as the analyst reads it ("Linux/macOS (initial TTL 64)")
 * @param scanner true when the stack is a raw-packet scanner rather than an operating system
 */
public record StackVerdict(String family, String label, boolean scanner) {

    public static final StackVerdict UNKNOWN = new StackVerdict("Unknown", "Unknown stack", false);
}
