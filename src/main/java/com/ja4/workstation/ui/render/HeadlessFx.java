package com.ja4.workstation.ui.render;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;

/** Starts JavaFX without a display (Monocle headless, software rendering) for headless commands. */
public final class HeadlessFx {

    private static volatile boolean started;

    private HeadlessFx() {
    }

    public static synchronized void start() {
        if (started) return;
        System.setProperty("java.awt.headless", "true");
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("headless.geometry", "1920x1200-32");
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.lcdtext", "false");
        CompletableFuture<Void> up = new CompletableFuture<>();
        try {
            Platform.startup(() -> up.complete(null));
        } catch (IllegalStateException e) {
            // the toolkit is already up (tests, or a second render in one process): fine
            if (!String.valueOf(e.getMessage()).contains("already initialized")) throw e;
            up.complete(null);
        }
        up.join();
        Platform.setImplicitExit(false);
        com.ja4.workstation.ui.common.Theme.applyUserAgent();
        started = true;
    }

    /** Runs on the FX thread and waits for the result. */
    public static <T> T onFx(Supplier<T> work) {
        if (Platform.isFxApplicationThread()) return work.get();
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.get());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        try {
            return f.get(2, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException("JavaFX work failed: " + e.getMessage(), e);
        }
    }
}
