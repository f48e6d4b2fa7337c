package com.ja4.workstation.domain;

/**
 * Who made the opened snapshot, as the source indicator says it: what the verifier found, in the
 * analyst's words (the key material stays in the service layer).
 *
 * @param kind        the verdict
 * @param headline    one line: "Signed by NAME (trusted key FINGERPRINT)", "Signed by an unknown key…",
 *                    "Unsigned: its checksum guards against accidental damage only", "Demo data…"
 * @param explanation what the verdict means and does not mean
 * @param signerName  the name this workstation trusts the key under ("" unless trusted)
 * @param fingerprint the signing key's fingerprint ("" when unsigned)
 * @param claimedName the name the signer wrote in the file (a claim; "" when unsigned)
 */
public record SnapshotProvenance(Kind kind, String headline, String explanation, String signerName, String fingerprint,
                                 String claimedName) {

    public enum Kind { TRUSTED_KEY, UNKNOWN_KEY, UNSIGNED, DEMO, NOT_VERIFIED }

    /** "Trust this key…" applies: a valid signature by a key this workstation does not know. */
    public boolean canTrustKey() {
        return kind == Kind.UNKNOWN_KEY && !fingerprint.isEmpty();
    }
}
