package com.ja4.workstation.service.snapshot;

import com.ja4.workstation.domain.DisplayText;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * An analyst's public Ed25519 key with the name it goes by, as exchanged between workstations in
 * one line: {@code ja4-workstation-ed25519 BASE64 NAME} (BASE64: the key's X.509 encoding).
 */
public record SignerKey(String name, String publicKey) {

    public static final String TAG = "ja4-workstation-ed25519";
    public static final int MAX_NAME = 64;

    public SignerKey {
        name = checkName(name);
        decode(publicKey);
    }

    public static SignerKey of(String name, PublicKey key) {
        return new SignerKey(name, Base64.getEncoder().encodeToString(key.getEncoded()));
    }

    /** Reads one key line; the exception says what is wrong with it. */
    public static SignerKey parse(String line) {
        String s = line == null ? "" : line.strip();
        String[] parts = s.split(" ", 3);
        if (parts.length < 3 || !parts[0].equals(TAG)) {
            throw new IllegalArgumentException("not a workstation public key (expected one line '" + TAG + " KEY NAME')");
        }
        return new SignerKey(parts[2].strip(), parts[1]);
    }

    /** A key file holds one line; anything much longer is not one. */
    public static final int MAX_KEY_FILE = 4096;

    /**
     * The one key line of a small UTF-8 text file (blank and '#' lines skipped), as
     * {@code snapshot key export} writes it; {@link IllegalArgumentException} says what is wrong.
     */
    public static SignerKey readFile(java.nio.file.Path file) throws java.io.IOException {
        if (java.nio.file.Files.size(file) > MAX_KEY_FILE) throw new IllegalArgumentException("too large to be a public key file");
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(java.nio.file.Files.readAllBytes(file))).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalArgumentException("not a text file, so not a public key file");
        }
        java.util.List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        if (lines.size() != 1) throw new IllegalArgumentException("expected one key line, found " + lines.size());
        return parse(lines.get(0));
    }

    public String toLine() {
        return TAG + " " + publicKey + " " + name;
    }

    public SignerKey withName(String newName) {
        return new SignerKey(newName, publicKey);
    }

    public String fingerprint() {
        return fingerprintOf(publicKey);
    }

    /** SHA-256 of the key's encoding, first 16 bytes as eight groups of four hex digits: easy to read aloud. */
    public static String fingerprintOf(String publicKeyBase64) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(publicKeyBase64.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        String hex = HexFormat.of().formatHex(digest, 0, 16);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 4) {
            if (i > 0) out.append(' ');
            out.append(hex, i, i + 4);
        }
        return out.toString();
    }

    public PublicKey toPublicKey() {
        return decode(publicKey);
    }

    /** True when {@code signature} (Base64) is this key's Ed25519 signature of {@code message}. */
    public boolean verifies(byte[] message, String signature) {
        return verifies(publicKey, message, signature);
    }

    /** True when {@code publicKey} (Base64, X.509) is a valid Ed25519 key and {@code signature} its signature of {@code message}. */
    public static boolean verifies(String publicKey, byte[] message, String signature) {
        try {
            Signature v = Signature.getInstance("Ed25519");
            v.initVerify(decode(publicKey));
            v.update(message);
            return v.verify(Base64.getDecoder().decode(signature));
        } catch (IllegalArgumentException | java.security.GeneralSecurityException e) {
            return false;
        }
    }

    private static PublicKey decode(String base64) {
        if (base64 == null || base64.isEmpty() || base64.length() > 200) throw new IllegalArgumentException("the key is missing or too long");
        try {
            PublicKey k = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
            if (!Base64.getEncoder().encodeToString(k.getEncoded()).equals(base64)) throw new IllegalArgumentException("non-canonical");
            return k;
        } catch (IllegalArgumentException | java.security.GeneralSecurityException e) {
            throw new IllegalArgumentException("the key is not a valid Ed25519 public key");
        }
    }

    /** 1 to 64 visible characters, no control or direction-changing character. */
    static String checkName(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) throw new IllegalArgumentException("the key has no name");
        if (n.length() > MAX_NAME) throw new IllegalArgumentException("the key's name is longer than " + MAX_NAME + " characters");
        if (!DisplayText.isPlain(n)) throw new IllegalArgumentException("the key's name holds invisible or control characters");
        return n;
    }
}
