package com.ja4.workstation.domain;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the analyst typed in the global search box: an IP, a JA4, free text (ASN organisation or
 * host), or something that looks like an IP but is not one (rejected before any query runs).
 */
public record SearchInput(Kind kind, String text, Optional<ClientIp> ip, String problem) {

    public enum Kind { EMPTY, IP, JA4, TEXT, INVALID_IP }

    /** JA4 (TLS client): protocol, version, SNI, counts, ALPN, then two 12-hex hashes. */
    public static final Pattern JA4 = Pattern.compile("^[tqd][0-9a-z]{2}[di]\\d{4}[0-9a-zA-Z]{2}_[0-9a-f]{12}_[0-9a-f]{12}$");
    private static final Pattern V4_LIKE = Pattern.compile("^\\d{1,4}(\\.\\d{0,4}){1,4}$");
    private static final Pattern V6_LIKE = Pattern.compile("^\\[?[0-9a-fA-F]{0,4}(:[0-9a-fA-F.]{0,15}){2,8}\\]?$");

    public static SearchInput parse(String raw) {
        String s = raw == null ? "" : raw.strip();
        if (s.isEmpty()) return new SearchInput(Kind.EMPTY, s, Optional.empty(), "");
        if (looksLikeIp(s)) {
            Optional<ClientIp> ip = ClientIp.parse(s);
            if (ip.isPresent()) return new SearchInput(Kind.IP, s, ip, "");
            return new SearchInput(Kind.INVALID_IP, s, Optional.empty(),
                    "\"" + s + "\" looks like an IP address but is not a valid IPv4 or IPv6 address");
        }
        if (JA4.matcher(s).matches()) return new SearchInput(Kind.JA4, s, Optional.empty(), "");
        return new SearchInput(Kind.TEXT, s, Optional.empty(), "");
    }

    /** Digits and dots (1.2.3.999, 10.0.0) or hex groups with colons (::ffff:1.2.3.4, 2001:db8::1). */
    static boolean looksLikeIp(String s) {
        return V4_LIKE.matcher(s).matches() || (s.contains(":") && V6_LIKE.matcher(s).matches());
    }
}
