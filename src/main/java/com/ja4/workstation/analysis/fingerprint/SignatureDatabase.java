package com.ja4.workstation.analysis.fingerprint;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The signatures the fingerprinter scores against: p0f's database (bundled, or a p0f.fp the
 * analyst supplies) plus the workstation's additions for stacks newer than p0f 3.09b.
 */
public record SignatureDatabase(List<TcpSignature> signatures) {

    static final String P0F_RESOURCE = "p0f.fp";
    static final String ADDITIONS_RESOURCE = "ja4-tcp-signatures.fp";

    public SignatureDatabase {
        signatures = List.copyOf(signatures);
        if (signatures.isEmpty()) throw new IllegalArgumentException("no tcp:request signatures");
    }

    /** The bundled p0f.fp (LGPL-2.1, see p0f-NOTICE.txt) and the workstation's additions. */
    public static SignatureDatabase bundled() {
        List<TcpSignature> all = new ArrayList<>(resource(P0F_RESOURCE));
        all.addAll(resource(ADDITIONS_RESOURCE));
        return new SignatureDatabase(markLegacy(all));
    }

    /**
     * A p0f.fp given at run time replaces the bundled one; the workstation's additions stay.
     *
     * @throws IllegalArgumentException when the file holds no tcp:request signature (an empty or
     *                                  unrelated file would otherwise silently change verdicts)
     */
    public static SignatureDatabase withP0fFile(Path p0fFile) throws IOException {
        if (Files.isDirectory(p0fFile)) throw new IOException("is a folder, not a p0f.fp file");
        List<TcpSignature> all;
        String name = p0fFile.getFileName() == null ? p0fFile.toString() : p0fFile.getFileName().toString();
        try (Reader reader = Files.newBufferedReader(p0fFile, StandardCharsets.UTF_8)) {
            all = new ArrayList<>(P0fSignatureReader.read(reader, name));
        }
        if (all.isEmpty()) {
            throw new IllegalArgumentException("no [tcp:request] signature in " + name + "; is it a p0f 3 fingerprint file?");
        }
        all.addAll(resource(ADDITIONS_RESOURCE));
        return new SignatureDatabase(markLegacy(all));
    }

    /** Marks p0f's signatures of stacks from before about 2010, as the additions' [ja4:legacy] section names them. */
    private static List<TcpSignature> markLegacy(List<TcpSignature> signatures) {
        Set<String> legacy = legacyLabels();
        return signatures.stream().map(s -> legacy.contains(s.label()) && !s.legacy() ? s.asLegacy() : s).toList();
    }

    private static Set<String> legacyLabels() {
        try (InputStream in = SignatureDatabase.class.getResourceAsStream(ADDITIONS_RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + ADDITIONS_RESOURCE);
            return P0fSignatureReader.legacyLabels(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Distinct labels, the count an analyst means by "OS signatures". */
    public long labelCount() {
        return signatures.stream().map(TcpSignature::label).distinct().count();
    }

    static List<TcpSignature> resource(String name) {
        try (InputStream in = SignatureDatabase.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return P0fSignatureReader.read(new InputStreamReader(in, StandardCharsets.UTF_8), name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
