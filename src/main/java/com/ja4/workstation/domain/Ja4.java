package com.ja4.workstation.domain;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A JA4 TLS client fingerprint split into its parts (FoxIO JA4 specification):
 * {@code t13d1516h2_8daaf6152771_e5627efa2ab1} = protocol {@code t} (TCP; {@code q} QUIC,
 * {@code d} DTLS), TLS version {@code 13}, SNI {@code d} (domain; {@code i} IP / none), 15 cipher
 * suites, 16 extensions, ALPN first and last characters {@code h2} ({@code 00} none), then the
 * truncated SHA-256 of the sorted cipher list and of the sorted extension list.
 *
 * <p>{@link #parse} never throws: a malformed string gives {@code valid == false} with the
 * reason in {@code problem}, and the other fields empty.
 */
public record Ja4(String raw, boolean valid, String problem, char protocol, String tlsVersion, boolean sniDomain,
                  int cipherCount, int extensionCount, String alpn, String cipherHash, String extensionHash) {

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{12}");
    private static final Pattern ALPN = Pattern.compile("[0-9A-Za-z]{2}");

    public static Ja4 parse(String text) {
        String raw = text == null ? "" : text.strip();
        if (raw.isEmpty()) return malformed(raw, "empty");
        String[] parts = raw.split("_", -1);
        if (parts.length != 3) return malformed(raw, "expected 3 parts separated by '_', found " + parts.length);
        String a = parts[0];
        if (a.length() != 10) return malformed(raw, "first part must have 10 characters, has " + a.length());
        char protocol = a.charAt(0);
        if (protocol != 't' && protocol != 'q' && protocol != 'd') return malformed(raw, "unknown protocol '" + protocol + "'");
        String version = a.substring(1, 3);
        if (versionLabel(version).isEmpty()) return malformed(raw, "unknown TLS version '" + version + "'");
        char sni = a.charAt(3);
        if (sni != 'd' && sni != 'i') return malformed(raw, "SNI flag must be d or i, is '" + sni + "'");
        String ciphers = a.substring(4, 6);
        String extensions = a.substring(6, 8);
        if (!ciphers.chars().allMatch(Character::isDigit)) return malformed(raw, "cipher count '" + ciphers + "' is not a number");
        if (!extensions.chars().allMatch(Character::isDigit)) return malformed(raw, "extension count '" + extensions + "' is not a number");
        String alpn = a.substring(8, 10);
        if (!ALPN.matcher(alpn).matches()) return malformed(raw, "ALPN '" + alpn + "' is not two letters or digits");
        if (!HASH.matcher(parts[1]).matches()) return malformed(raw, "cipher hash must be 12 lowercase hex digits");
        if (!HASH.matcher(parts[2]).matches()) return malformed(raw, "extension hash must be 12 lowercase hex digits");
        return new Ja4(raw, true, "", protocol, version, sni == 'd', Integer.parseInt(ciphers), Integer.parseInt(extensions),
                alpn, parts[1], parts[2]);
    }

    private static Ja4 malformed(String raw, String problem) {
        return new Ja4(raw, false, problem, '?', "", false, 0, 0, "", "", "");
    }

    /** TLS/SSL/DTLS version of a JA4 version code; empty for an unknown code. */
    public static Optional<String> versionLabel(String code) {
        return Optional.ofNullable(switch (code) {
            case "13" -> "TLS 1.3";
            case "12" -> "TLS 1.2";
            case "11" -> "TLS 1.1";
            case "10" -> "TLS 1.0";
            case "s3" -> "SSL 3.0";
            case "s2" -> "SSL 2.0";
            case "d1" -> "DTLS 1.0";
            case "d2" -> "DTLS 1.2";
            case "d3" -> "DTLS 1.3";
            case "00" -> "unknown version";
            default -> null;
        });
    }

    public String protocolLabel() {
        return switch (protocol) {
            case 't' -> "TCP";
            case 'q' -> "QUIC";
            case 'd' -> "DTLS";
            default -> "?";
        };
    }

    /** ALPN as read: "none" for 00, "h2", "h1" (http/1.1) ... */
    public String alpnLabel() {
        return "00".equals(alpn) ? "no ALPN" : "ALPN " + alpn;
    }

    /** One line for a table cell: "TCP · TLS 1.3 · SNI domain · 15 ciphers · 16 ext · ALPN h2", or the problem. */
    public String summary() {
        if (!valid) return "malformed: " + problem;
        return String.join(" · ", protocolLabel(), versionLabel(tlsVersion).orElse("?"), sniDomain ? "SNI domain" : "no SNI / IP",
                cipherCount + " ciphers", extensionCount + " ext", alpnLabel());
    }
}
