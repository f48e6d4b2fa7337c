package com.ja4.workstation.data.snapshot;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a snapshot file says about itself (DESIGN section 5), stored as key/value rows in the
 * {@value SnapshotFormat#MANIFEST_TABLE} table, and what the workstation found when it verified it.
 *
 * @param source     where the rows came from ("demo seed 42", "clickhouse prod-eu", ...)
 * @param asOf       end of the captured window
 * @param window     length of the captured window
 * @param filters    human-readable filters applied at capture ("" for none)
 * @param rowCounts  rows per table
 * @param appVersion version of the workstation that wrote it
 * @param checksum   content checksum over every table and every other manifest entry (see
 *                   {@link SnapshotFormat#contentDigest})
 * @param signature  the signer's name, public key and Ed25519 signature of the checksum, when signed
 * @param provenance the verdict of the verification (not stored in the file)
 */
public record SnapshotManifest(String source, Instant asOf, Duration window, String filters,
                               Map<String, Long> rowCounts, String appVersion, String checksum,
                               Optional<Signature> signature, Provenance provenance) {

    /**
     * A signature as stored in the manifest; every field Base64 or plain text.
     *
     * @param signerName what the signer calls itself (covered by the checksum, but only a claim)
     * @param publicKey  Base64 of the Ed25519 public key (X.509 encoding), covered by the checksum
     * @param value      Base64 of the signature of {@link SnapshotFormat#signedMessage}; "" before signing
     */
    public record Signature(String signerName, String publicKey, String value) {
        public Signature withValue(String v) {
            return new Signature(signerName, publicKey, v);
        }
    }

    public SnapshotManifest {
        rowCounts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rowCounts));
        signature = signature == null ? Optional.empty() : signature;
        provenance = provenance == null ? Provenance.notVerified() : provenance;
    }

    /** An unsigned manifest, not verified. */
    public SnapshotManifest(String source, Instant asOf, Duration window, String filters, Map<String, Long> rowCounts,
                            String appVersion, String checksum) {
        this(source, asOf, window, filters, rowCounts, appVersion, checksum, Optional.empty(), Provenance.notVerified());
    }

    public SnapshotManifest withChecksum(String c) {
        return new SnapshotManifest(source, asOf, window, filters, rowCounts, appVersion, c, signature, provenance);
    }

    public SnapshotManifest withSignature(Signature s) {
        return new SnapshotManifest(source, asOf, window, filters, rowCounts, appVersion, checksum, Optional.ofNullable(s), provenance);
    }

    public SnapshotManifest withProvenance(Provenance p) {
        return new SnapshotManifest(source, asOf, window, filters, rowCounts, appVersion, checksum, signature, p);
    }

    public boolean isSigned() {
        return signature.isPresent();
    }
}
