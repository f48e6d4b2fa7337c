package com.ja4.workstation.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks on a file named by the analyst before it is opened, each failure worded in one sentence. */
public final class InputFiles {

    private InputFiles() {
    }

    /** A file that cannot be used, with the reason as its message. */
    public static final class Unusable extends IOException {
        public Unusable(String message) {
            super(message);
        }
    }

    /** Fails unless {@code file} is an existing, readable, regular file. */
    public static void requireReadableFile(Path file) throws Unusable {
        if (Files.isDirectory(file)) throw new Unusable(file + " is a folder, not a file");
        if (!Files.exists(file)) {
            Path parent = file.toAbsolutePath().getParent();
            throw new Unusable(parent != null && !Files.isDirectory(parent)
                    ? file + " not found (the folder " + parent + " does not exist)" : file + " not found");
        }
        if (!Files.isRegularFile(file)) throw new Unusable(file + " is not a regular file (a device or a pipe?)");
        if (!Files.isReadable(file)) throw new Unusable(file + " cannot be read (permission denied)");
    }

    /** The first {@code n} bytes of the file (fewer when it is shorter). */
    public static byte[] head(Path file, int n) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(n);
        }
    }
}
