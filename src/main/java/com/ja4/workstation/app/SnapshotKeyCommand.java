package com.ja4.workstation.app;

import com.ja4.workstation.io.AtomicOutput;
import com.ja4.workstation.io.InputFiles;
import com.ja4.workstation.service.snapshot.SignerKey;
import com.ja4.workstation.service.snapshot.SnapshotKeys;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code snapshot key export|import|list}: analysts exchange the public keys their workstations sign
 * snapshots with. A snapshot signed by an imported key opens as "signed by NAME".
 */
@Command(name = "key", mixinStandardHelpOptions = true,
        description = "Signing keys: export this workstation's public key, import (trust) another analyst's, list them.",
        subcommands = {SnapshotKeyCommand.Export.class, SnapshotKeyCommand.Import.class, SnapshotKeyCommand.ListKeys.class})
public final class SnapshotKeyCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Print (or write) this workstation's public key, made on first use, for others to import.")
    static final class Export implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--out", paramLabel = "FILE", description = "Write the key to this file instead of standard output.")
        Path out;

        @Override
        public Integer call() throws IOException {
            SnapshotKeys keys = SnapshotKeys.inDataDir();
            if (out != null) OutputPaths.check("--out", out, List.of(keys.ownKeyFile(), keys.trustedFile()));
            SignerKey own = keys.ownKey();
            PrintWriter w = spec.commandLine().getOut();
            if (out == null) {
                w.println(own.toLine());
            } else {
                AtomicOutput.write(out, tmp -> Files.writeString(tmp, own.toLine() + "\n", StandardCharsets.UTF_8));
                w.println("Wrote the public key of '" + own.name() + "' (" + own.fingerprint() + ") to " + out);
            }
            w.flush();
            spec.commandLine().getErr().println("Fingerprint " + own.fingerprint()
                    + ": tell it to whoever imports the key, so they can check it is yours.");
            return 0;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Trust the public key in FILE (a line 'ja4-workstation-ed25519 KEY NAME'): snapshots it signed open as"
                    + " signed by NAME. Check its fingerprint with its owner first.")
    static final class Import implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "public key file (from 'snapshot key export')")
        Path file;

        @Option(names = "--name", description = "Name to trust the key under (default: the name in the file)")
        String name;

        @Override
        public Integer call() throws IOException {
            SignerKey key;
            try {
                InputFiles.requireReadableFile(file);
                key = SignerKey.readFile(file);
                if (name != null) key = key.withName(name);
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("snapshot key import: " + file + ": " + e.getMessage());
                return CommandFailures.FAILED;
            }
            try {
                SnapshotKeys.inDataDir().trust(key);
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("snapshot key import: " + e.getMessage());
                return CommandFailures.FAILED;
            }
            spec.commandLine().getOut().println("Trusted '" + key.name() + "' (" + key.fingerprint() + ")");
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List this workstation's key and the trusted keys.")
    static final class ListKeys implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            SnapshotKeys keys = SnapshotKeys.inDataDir();
            PrintWriter w = spec.commandLine().getOut();
            Optional<SignerKey> own = keys.ownKeyIfCreated();
            w.println("This workstation: " + own.map(k -> k.name() + "  " + k.fingerprint())
                    .orElse("no key yet (made on the first export, or by 'snapshot key export')"));
            List<SignerKey> trusted = keys.trusted();
            w.println("Trusted keys: " + (trusted.isEmpty() ? "none" : trusted.size()));
            for (SignerKey k : trusted) w.println("  " + k.name() + "  " + k.fingerprint());
            w.flush();
            return 0;
        }
    }
}
