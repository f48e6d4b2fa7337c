package com.ja4.workstation.service.diagnostics;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * One look at the JavaFX thread while it stalled: its state and stack, and how long this sample
 * stands for (the time since the previous sample).
 */
public record StallSample(long weightMillis, Thread.State state, StackTraceElement[] stack) {

    /**
     * True when the thread was doing the application's or JavaFX's work (a runLater, a pulse, an
     * event handler) rather than sitting in the toolkit's event loop: the loop itself has only
     * JDK and glass frames on its stack.
     */
    public boolean isWork() {
        for (StackTraceElement f : stack) {
            String c = f.getClassName();
            if (!(c.startsWith("java.") || c.startsWith("jdk.") || c.startsWith("sun.") || c.startsWith("com.sun.glass."))) return true;
        }
        return false;
    }

    /**
     * Work while waiting (a lock, a future, I/O on a lock): time the user waits although the thread uses
     * no CPU. Waiting for the renderer to finish the previous frame is not counted here: the renderer's
     * own CPU time stands for it (a starved renderer is not the application's doing).
     */
    public boolean isWaitingInWork() {
        return isWork() && !isWaitingForRenderer()
                && (state == Thread.State.BLOCKED || state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING);
    }

    /** Waiting in a pulse for the render thread to finish painting. */
    public boolean isWaitingForRenderer() {
        for (StackTraceElement f : stack) {
            if (f.getClassName().equals("com.sun.javafx.tk.quantum.PaintCollector") && f.getMethodName().equals("waitForRenderingToComplete")) return true;
        }
        return false;
    }

    /** The innermost frame of the workstation's own code, else the innermost non-JDK frame: where to look. */
    public String where() {
        for (StackTraceElement f : stack) if (f.getClassName().startsWith("com.ja4.")) return frame(f);
        for (StackTraceElement f : stack) {
            String c = f.getClassName();
            if (!(c.startsWith("java.") || c.startsWith("jdk.") || c.startsWith("sun."))) return frame(f);
        }
        return stack.length == 0 ? "(no stack)" : frame(stack[0]);
    }

    /** The top {@code depth} frames, one per line. */
    public String stackText(int depth) {
        return Arrays.stream(stack).limit(depth).map(f -> "    at " + f).collect(Collectors.joining("\n"));
    }

    private static String frame(StackTraceElement f) {
        String cls = f.getClassName();
        return cls.substring(cls.lastIndexOf('.') + 1) + "." + f.getMethodName() + (f.getLineNumber() > 0 ? ":" + f.getLineNumber() : "");
    }
}
