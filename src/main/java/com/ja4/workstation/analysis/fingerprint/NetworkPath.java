package com.ja4.workstation.analysis.fingerprint;

/**
 * The link the client sits behind, read from its MSS: the MSS is the path MTU minus 40 bytes of
 * IPv4+TCP headers (60 for IPv6), and every encapsulation eats into the MTU.
 */
public enum NetworkPath {
    ETHERNET("Ethernet"),
    PPPOE("PPPoE (DSL)"),
    VPN_IPSEC("VPN / IPsec"),
    TUNNEL("GRE / tunnel"),
    JUMBO("Jumbo frames (datacenter)"),
    LOOPBACK("Loopback"),
    MINIMUM("Minimum MSS (no path MTU discovery)"),
    NO_MSS("No MSS option"),
    UNKNOWN("Unknown");

    private final String label;

    NetworkPath(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static NetworkPath fromMss(int mss) {
        return switch (mss) {
            case 0 -> NO_MSS;
            case 1460, 1440 -> ETHERNET;           // MTU 1500 over IPv4 / IPv6
            case 1452, 1432 -> PPPOE;              // MTU 1492: 8 bytes of PPPoE header
            case 1436, 1420 -> TUNNEL;             // GRE (MTU 1476), IP-in-IP / 6in4 style tunnels
            case 8960, 8940 -> JUMBO;              // MTU 9000
            case 16344, 16324, 65495, 65476 -> LOOPBACK; // Linux lo, MTU 16384 (old) and 65536
            case 536 -> MINIMUM;                   // RFC 879 default when the MTU is not known
            default -> mss >= 1350 && mss <= 1410 ? VPN_IPSEC : UNKNOWN; // ESP/OpenVPN/WireGuard overheads
        };
    }

    /** "MSS 1452 -> PPPoE (DSL)", the line the IP drill-down shows. */
    public static String explain(int mss) {
        NetworkPath path = fromMss(mss);
        return mss == 0 ? "no MSS option: path unknown (hand-built SYN or options stripped)" : "MSS " + mss + " -> " + path.label();
    }
}
