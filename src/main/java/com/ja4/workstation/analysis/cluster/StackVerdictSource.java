package com.ja4.workstation.analysis.cluster;

/**
 * Names the TCP/IP stack behind SYN values, for cluster names. The default looks at the initial
 * TTL only; the p0f-style fingerprinter (branch {@code fingerprint}) plugs in through this interface.
 */
@FunctionalInterface
public interface StackVerdictSource {

    /**
     * @param ttl    observed IP TTL (a cluster mean may be fractional)
     * @param window TCP window of the SYN
     * @param scale  window scale option
     * @param mss    maximum segment size option, 0 when absent
     */
    StackVerdict verdict(double ttl, double window, double scale, double mss);
}
