package com.ja4.workstation.service.snapshot;

import com.ja4.workstation.service.AppPaths;
import com.ja4.workstation.io.AtomicOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * This workstation's Ed25519 signing key and the public keys it trusts, in the {@code keys} folder
 * of the data folder. The key pair is created on first use (the first signed export), in a file
 * only the user can read ({@value #OWN_FILE}, mode 600 where the file system has POSIX modes; the
 * folder 700). Trusted keys are lines of {@value #TRUSTED_FILE}: {@code ja4-workstation-ed25519 KEY NAME}.
 */
public final class SnapshotKeys {

    static final String OWN_FILE = "signing-key";
    static final String TRUSTED_FILE = "trusted-keys";

    private final Path dir;

    private SnapshotKeys(Path dir) {
        this.dir = dir;
    }

    public static SnapshotKeys inDataDir() {
        return at(AppPaths.dataDir().resolve("keys"));
    }

    public static SnapshotKeys at(Path dir) {
        return new SnapshotKeys(dir.toAbsolutePath());
    }

    public Path folder() {
        return dir;
    }

    public Path ownKeyFile() {
        return dir.resolve(OWN_FILE);
    }

    public Path trustedFile() {
        return dir.resolve(TRUSTED_FILE);
    }

    /** The own public key, creating the key pair on first call. */
    public synchronized SignerKey ownKey() throws IOException {
        return loadOrCreate().key();
    }

    /** The own public key if the pair was already created. */
    public synchronized Optional<SignerKey> ownKeyIfCreated() throws IOException {
        return Files.exists(ownKeyFile()) ? Optional.of(load().key()) : Optional.empty();
    }

    /** Ed25519 signature (Base64) of {@code message} with the own key, created on first call. */
    public synchronized String sign(byte[] message) throws IOException {
        Own own = loadOrCreate();
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(own.privateKey());
            s.update(message);
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot sign with the key in " + ownKeyFile() + ": " + e.getMessage(), e);
        }
    }

    /** Trusted keys, in the file's order (a line that cannot be read is reported, not skipped). */
    public synchronized List<SignerKey> trusted() throws IOException {
        Path f = trustedFile();
        if (!Files.exists(f)) return List.of();
        List<SignerKey> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            try {
                out.add(SignerKey.parse(line));
            } catch (IllegalArgumentException e) {
                throw new IOException(f + " line " + (i + 1) + ": " + e.getMessage());
            }
        }
        return out;
    }

    /** The trusted key with this public key, if any. */
    public Optional<SignerKey> trustedFor(String publicKey) throws IOException {
        return trusted().stream().filter(k -> k.publicKey().equals(publicKey)).findFirst();
    }

    /**
     * Adds a key to the trusted ones. Refused (with the reason) when it is this workstation's own
     * key, already trusted (under which name), or when the name is taken by another key.
     */
    public synchronized void trust(SignerKey key) throws IOException {
        Optional<SignerKey> own = ownKeyIfCreated();
        if (own.isPresent() && own.get().publicKey().equals(key.publicKey())) {
            throw new IllegalArgumentException("this is this workstation's own key; it is always trusted");
        }
        List<SignerKey> keys = new ArrayList<>(trusted());
        for (SignerKey k : keys) {
            if (k.publicKey().equals(key.publicKey())) {
                throw new IllegalArgumentException("this key is already trusted as '" + k.name() + "' (" + k.fingerprint() + ")");
            }
            if (k.name().equalsIgnoreCase(key.name())) {
                throw new IllegalArgumentException("another key is already trusted as '" + k.name() + "' (" + k.fingerprint()
                        + "); choose another name");
            }
        }
        keys.add(key);
        StringBuilder text = new StringBuilder("# Public keys whose signed snapshots this workstation trusts\n");
        for (SignerKey k : keys) text.append(k.toLine()).append('\n');
        ensureFolder();
        AtomicOutput.write(trustedFile(), tmp -> Files.writeString(tmp, text, StandardCharsets.UTF_8));
    }

    private record Own(SignerKey key, PrivateKey privateKey) {
    }

    private Own loadOrCreate() throws IOException {
        if (Files.exists(ownKeyFile())) return load();
        ensureFolder();
        KeyPair pair;
        try {
            pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IOException("This Java cannot make Ed25519 keys: " + e.getMessage(), e);
        }
        SignerKey pub = SignerKey.of(defaultName(), pair.getPublic());
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", pub.name());
        fields.put("public", pub.publicKey());
        fields.put("private", Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
        StringBuilder text = new StringBuilder("# JA4 workstation snapshot signing key: keep this file private\n");
        fields.forEach((k, v) -> text.append(k).append(' ').append(v).append('\n'));
        Path tmp = dir.resolve(OWN_FILE + ".new-" + ProcessHandle.current().pid());
        try {
            createPrivate(tmp);
            Files.writeString(tmp, text, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            // another process may have made its key meanwhile: keep the first one
            Files.move(tmp, ownKeyFile());
        } catch (FileAlreadyExistsException e) {
            return load();
        } finally {
            Files.deleteIfExists(tmp);
        }
        return load();
    }

    private Own load() throws IOException {
        Path f = ownKeyFile();
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] kv = line.strip().split(" ", 2);
            if (kv.length == 2) fields.put(kv[0], kv[1]);
        }
        try {
            SignerKey pub = new SignerKey(fields.get("name"), fields.get("public"));
            PrivateKey priv = KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(fields.getOrDefault("private", ""))));
            byte[] probe = "ja4-workstation key check".getBytes(StandardCharsets.UTF_8);
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(priv);
            s.update(probe);
            if (!pub.verifies(probe, Base64.getEncoder().encodeToString(s.sign()))) {
                throw new IllegalArgumentException("its public and private halves do not match");
            }
            return new Own(pub, priv);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new IOException("The signing key file " + f + " is damaged (" + e.getMessage()
                    + "); move it aside to make a new key.", e);
        }
    }

    private void ensureFolder() throws IOException {
        if (Files.isDirectory(dir)) return;
        Files.createDirectories(dir);
        if (posix()) Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    }

    /** Creates the file readable by the user only from the start (no window where others could read it). */
    private static void createPrivate(Path f) throws IOException {
        Files.deleteIfExists(f);
        if (posix()) {
            Set<PosixFilePermission> rw = PosixFilePermissions.fromString("rw-------");
            Files.createFile(f, PosixFilePermissions.asFileAttribute(rw));
        } else {
            Files.createFile(f);
        }
    }

    private static boolean posix() {
        return java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** user@host, or user alone when the host has no name in the environment. */
    static String defaultName() {
        String user = System.getProperty("user.name", "analyst");
        String host = System.getenv().getOrDefault("HOSTNAME", System.getenv().getOrDefault("COMPUTERNAME", ""));
        String name = host.isBlank() ? user : user + "@" + host.toLowerCase(Locale.ROOT);
        name = name.replaceAll("[^\\p{L}\\p{N}@._ -]", "_");
        return name.length() > SignerKey.MAX_NAME ? name.substring(0, SignerKey.MAX_NAME) : name;
    }
}
