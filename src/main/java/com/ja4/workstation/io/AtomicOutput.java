package com.ja4.workstation.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file through a hidden temporary file in the same folder, moved over the target only once
 * complete: a failure, a cancel or Ctrl-C leaves the previous file (or nothing), never half a file.
 */
public final class AtomicOutput {

    /** Writes the whole content to the given temporary path. */
    @FunctionalInterface
    public interface Body {
        void write(Path temporary) throws IOException;
    }

    private AtomicOutput() {
    }

    public static void write(Path target, Body body) throws IOException {
        Path abs = target.toAbsolutePath();
        Path tmp = temporaryBeside(abs, ".partial");
        try (PartialFiles.Registration ignored = PartialFiles.register(tmp)) {
            body.write(tmp);
            PartialFiles.throwIfStopping();
            moveIntoPlace(tmp, abs);
        }
    }

    /** A new empty hidden file beside {@code target} ({@code .NAME-1234.suffix}). */
    public static Path temporaryBeside(Path target, String suffix) throws IOException {
        Path abs = target.toAbsolutePath();
        return Files.createTempFile(abs.getParent(), "." + abs.getFileName() + "-", suffix);
    }

    /** Replaces {@code target} by {@code tmp} in one step where the file system can. */
    public static void moveIntoPlace(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
