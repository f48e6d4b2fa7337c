package com.ja4.workstation.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Files being written under a temporary name (a snapshot, a CSV, a PNG before its final move). If
 * the JVM is stopped (Ctrl-C, SIGTERM, System.exit) while one is registered, a shutdown hook asks
 * the writers to stop ({@link #stopping()}), gives them a moment to clean up, then deletes what is
 * left, so that an interrupted run leaves no {@code .partial} file behind.
 */
public final class PartialFiles {

    private static final Set<Registration> OPEN = ConcurrentHashMap.newKeySet();
    private static volatile boolean stopping;
    private static final long GRACE_MILLIS = 3_000;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(PartialFiles::onShutdown, "delete-partial-files"));
    }

    private PartialFiles() {
    }

    /** Registers temporary files until the returned registration is closed (after the move, or after deleting them). */
    public static Registration register(Path... files) {
        Registration r = new Registration(List.of(files));
        OPEN.add(r);
        return r;
    }

    /** True once the JVM is shutting down: a long writer should stop and delete its temporary files. */
    public static boolean stopping() {
        return stopping;
    }

    /** Throws when the JVM is shutting down (checked by long writers between steps). */
    public static void throwIfStopping() throws IOException {
        if (stopping) throw new IOException("stopped before completion (interrupted)");
    }

    private static void onShutdown() {
        stopping = true;
        long deadline = System.currentTimeMillis() + GRACE_MILLIS;
        while (!OPEN.isEmpty() && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                break;
            }
        }
        for (Registration r : OPEN) r.deleteFiles();
    }

    /**
     * Registered temporary files. Closing deletes whichever of them still exist (none after a
     * successful move) before forgetting them, so the shutdown hook never sees a registration gone
     * while its file is still on disk.
     */
    public static final class Registration implements AutoCloseable {
        private final List<Path> files;

        private Registration(List<Path> files) {
            this.files = files;
        }

        void deleteFiles() {
            for (Path p : files) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException | RuntimeException ignored) {
                    // best effort while the JVM stops
                }
            }
        }

        @Override
        public void close() {
            deleteFiles();
            OPEN.remove(this);
        }
    }
}
