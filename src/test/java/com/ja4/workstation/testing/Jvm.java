package com.ja4.workstation.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starts another JVM on the test classpath: for what must happen in a process of its own (heap limit, signals, file locks). */
public final class Jvm {

    private Jvm() {
    }

    /** What a finished run printed. */
    public record Result(int code, String out, String err) {
    }

    /** A started JVM running {@code mainClass} with {@code args}, in the data folder {@code home}. */
    public static Process start(Path home, List<String> jvmOptions, String mainClass, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-Dja4.home=" + home);
        cmd.add("-Djava.awt.headless=true");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).start();
    }

    /** Runs the workstation's Main headless and waits (at most two minutes). */
    public static Result runMain(Path home, List<String> jvmOptions, String... args) throws Exception {
        Process p = start(home, jvmOptions, "com.ja4.workstation.app.Main", args);
        p.getOutputStream().close();
        var out = p.getInputStream().readAllBytes();
        var err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("the JVM did not finish");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }
}
