package com.ja4.workstation.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A client address as the analyst types it and as the warehouse stores it.
 * IPv4 clients live in IPv6 columns as {@code ::ffff:a.b.c.d}; they are shown as {@code a.b.c.d}.
 * Parsing never touches DNS.
 *
 * @param display what the analyst sees: dotted quad for IPv4 clients, RFC 5952 text for IPv6
 * @param v6Text  the text of the address in an IPv6 column, RFC 5952 (ClickHouse toString(IPv6))
 * @param v4      true when the client is an IPv4 client (so it may also appear in IPv4 columns)
 */
public record ClientIp(String display, String v6Text, boolean v4) {

    private static final Pattern V4 = Pattern.compile(
            "^(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}$");
    private static final Pattern V6_CHARS = Pattern.compile("^[0-9a-fA-F:.]+$");

    /** Text of this client in an IPv4 column, or empty for a real IPv6 client. */
    public Optional<String> v4Text() {
        return v4 ? Optional.of(display) : Optional.empty();
    }

    @Override
    public String toString() {
        return display;
    }

    /** Parses an IPv4, IPv6 or IPv4-mapped IPv6 literal; empty when it is not one. */
    public static Optional<ClientIp> parse(String input) {
        if (input == null) return Optional.empty();
        String s = input.trim();
        if (s.startsWith("[") && s.endsWith("]")) s = s.substring(1, s.length() - 1);
        if (s.isEmpty() || s.length() > 45) return Optional.empty();
        if (V4.matcher(s).matches()) return Optional.of(ofV4(s));
        if (!s.contains(":") || !V6_CHARS.matcher(s).matches()) return Optional.empty();
        int[] groups = parseV6(s);
        if (groups == null) return Optional.empty();
        boolean mapped = groups[0] == 0 && groups[1] == 0 && groups[2] == 0 && groups[3] == 0
                && groups[4] == 0 && groups[5] == 0xffff;
        if (mapped) {
            String v4 = (groups[6] >> 8) + "." + (groups[6] & 0xff) + "." + (groups[7] >> 8) + "." + (groups[7] & 0xff);
            return Optional.of(ofV4(v4));
        }
        String text = formatV6(groups);
        return Optional.of(new ClientIp(text, text, false));
    }

    /** For text read back from a warehouse column (IPv6 or IPv4), which is always well-formed. */
    public static ClientIp fromColumn(String text) {
        return parse(text).orElseGet(() -> new ClientIp(text, text, false));
    }

    /** Strips the IPv4-mapped prefix for display; leaves anything else alone. */
    public static String displayOf(String columnText) {
        if (columnText == null) return "";
        return columnText.startsWith("::ffff:") && columnText.indexOf('.') > 0 ? columnText.substring(7) : columnText;
    }

    private static ClientIp ofV4(String dotted) {
        String canonical = dotted.replaceAll("\\b0+(\\d)", "$1");
        return new ClientIp(canonical, "::ffff:" + canonical, true);
    }

    private static int[] parseV6(String s) {
        int[] out = new int[8];
        String head = s, tail = "";
        int dc = s.indexOf("::");
        if (dc >= 0) {
            if (s.indexOf("::", dc + 1) >= 0) return null;
            head = s.substring(0, dc);
            tail = s.substring(dc + 2);
        }
        int[] h = groups(head), t = groups(tail);
        if (h == null || t == null) return null;
        if (dc < 0 && h.length != 8) return null;
        if (dc >= 0 && h.length + t.length > 7) return null;
        System.arraycopy(h, 0, out, 0, h.length);
        System.arraycopy(t, 0, out, 8 - t.length, t.length);
        return out;
    }

    private static int[] groups(String part) {
        if (part.isEmpty()) return new int[0];
        String[] p = part.split(":", -1);
        int n = p.length;
        boolean embeddedV4 = p[n - 1].contains(".");
        int[] g = new int[embeddedV4 ? n + 1 : n];
        for (int i = 0; i < n; i++) {
            String x = p[i];
            if (i == n - 1 && embeddedV4) {
                if (!V4.matcher(x).matches()) return null;
                String[] o = x.split("\\.");
                g[i] = Integer.parseInt(o[0]) << 8 | Integer.parseInt(o[1]);
                g[i + 1] = Integer.parseInt(o[2]) << 8 | Integer.parseInt(o[3]);
            } else {
                if (x.isEmpty() || x.length() > 4 || x.contains(".")) return null;
                g[i] = Integer.parseInt(x, 16);
            }
        }
        return g;
    }

    /** RFC 5952: lowercase, no leading zeros, longest run (>=2) of zero groups as "::". */
    static String formatV6(int[] g) {
        int bestStart = -1, bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) { i++; continue; }
            int j = i;
            while (j < 8 && g[j] == 0) j++;
            if (j - i > bestLen && j - i >= 2) { bestStart = i; bestLen = j - i; }
            i = j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') sb.append(':');
            sb.append(Integer.toHexString(g[i]).toLowerCase(Locale.ROOT));
        }
        return sb.toString();
    }
}
