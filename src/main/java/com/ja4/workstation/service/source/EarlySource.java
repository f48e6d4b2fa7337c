package com.ja4.workstation.service.source;

import com.ja4.workstation.service.Workspace;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The source the window will show, opened while the window is still being built: the entry point
 * begins it before the toolkit starts (DuckDB's native library, the file's open and its
 * verification then overlap the toolkit's start), the window takes it once. Nothing waits for it
 * on the JavaFX thread.
 */
public final class EarlySource {

    /** What is being opened (the status bar's words) and its result. */
    public record Opening(String what, CompletableFuture<Workspace> result) {
    }

    /** The opening itself (a snapshot's, the demo's). */
    public interface Opener {
        Workspace open() throws Exception;
    }

    private static Opening pending;

    private EarlySource() {
    }

    /** Starts opening on a thread of its own (the common pool may have a single thread on two cores). */
    public static synchronized CompletableFuture<Workspace> begin(String what, Opener opener) {
        CompletableFuture<Workspace> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                f.complete(opener.open());
            } catch (Exception | Error e) {
                f.completeExceptionally(new CompletionException(e));
            }
        }, "ja4-open-source");
        t.setDaemon(true);
        t.start();
        pending = new Opening(what, f);
        return f;
    }

    /** The opening begun at start-up, once: later calls (another window, tests) find none. */
    public static synchronized Optional<Opening> take() {
        Optional<Opening> o = Optional.ofNullable(pending);
        pending = null;
        return o;
    }
}
