package com.ja4.workstation.analysis.fingerprint;

import java.util.List;

/**
 * What the TCP SYN says about a client, as the IP drill-down shows it.
 *
 * @param os                 "Windows 10 or 11", "Linux 3.11 and newer", "Unknown"
 * @param family             the family the analyst filters on
 * @param confidence         0-1; lowered when signals disagree or another family comes close
 * @param initialTtl         32, 64, 128 or 255
 * @param hops               initial TTL minus observed TTL
 * @param path               the link type read from the MSS
 * @param scanner            a raw-packet scanner (Masscan-style, or Nmap by p0f's signatures)
 * @param scannerConfidence  0-1
 * @param reasons            which signals matched which signature, in the analyst's words
 * @param stackConfidence    0-1, how sure the SYN is of the stack itself; {@code confidence} is
 *                           this scaled by how often such a stack is the client's own OS (a Linux
 *                           stack also fronts proxies and VMs), so the UA/stack mismatch uses this
 */
public record TcpVerdict(String os, OsFamily family, double confidence, int initialTtl, int hops,
                         NetworkPath path, boolean scanner, double scannerConfidence, List<String> reasons,
                         double stackConfidence) {

    public TcpVerdict {
        reasons = List.copyOf(reasons);
    }
}
