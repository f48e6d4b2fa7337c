package com.ja4.workstation.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Objects;

/**
 * Checks an output file before a command does any work: not a folder, in an existing folder the
 * command may write in, and never one of the command's inputs (writing there would destroy it:
 * symbolic links and relative paths are resolved before comparing).
 */
final class OutputPaths {

    /** An output the command refuses; the message is the sentence shown. */
    static final class Refused extends IOException {
        Refused(String message) {
            super(message);
        }
    }

    private OutputPaths() {
    }

    static void check(String option, Path out, Collection<Path> inputs) throws Refused {
        Path abs = out.toAbsolutePath().normalize();
        if (Files.isDirectory(abs)) throw new Refused(option + " " + out + " is a folder; give a file name in it");
        Path parent = abs.getParent();
        if (parent == null || !Files.exists(parent)) throw new Refused(option + " " + out + ": the folder " + parent + " does not exist");
        if (!Files.isDirectory(parent)) throw new Refused(option + " " + out + ": " + parent + " is not a folder");
        if (!Files.isWritable(parent)) throw new Refused(option + " " + out + ": cannot write in " + parent + " (permission denied)");
        probeWrite(option, out, parent);
        if (Files.exists(abs) && !Files.isWritable(abs)) throw new Refused(option + " " + out + " cannot be replaced (permission denied)");
        for (Path in : inputs) {
            if (in != null && sameFile(abs, in)) {
                throw new Refused(option + " " + out + " is the input " + in + "; writing there would destroy it. Choose another file.");
            }
        }
    }

    /** Creates and deletes a hidden file in the folder: permissions say little to root or on a read-only mount. */
    private static void probeWrite(String option, Path out, Path parent) throws Refused {
        try {
            Files.delete(Files.createTempFile(parent, ".ja4-write-check-", ".tmp"));
        } catch (IOException | RuntimeException e) {
            String reason = e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason()
                    : e.getClass().getSimpleName();
            throw new Refused(option + " " + out + ": cannot write in " + parent + " (" + reason + ")");
        }
    }

    /** True when both names lead to the same file (or would, once {@code a} is created). */
    static boolean sameFile(Path a, Path b) {
        try {
            if (Files.exists(a) && Files.exists(b)) return Files.isSameFile(a, b);
            return Objects.equals(resolved(a), resolved(b));
        } catch (IOException e) {
            return Objects.equals(a.toAbsolutePath().normalize(), b.toAbsolutePath().normalize());
        }
    }

    /** The real path of the folder plus the name: what the file would be once created. */
    private static Path resolved(Path p) throws IOException {
        Path abs = p.toAbsolutePath().normalize();
        if (Files.exists(abs)) return abs.toRealPath();
        Path parent = abs.getParent();
        return parent != null && Files.exists(parent) ? parent.toRealPath().resolve(abs.getFileName()) : abs;
    }
}
