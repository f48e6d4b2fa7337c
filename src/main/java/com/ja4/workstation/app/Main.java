package com.ja4.workstation.app;

import com.ja4.workstation.domain.AppVersion;
import com.ja4.workstation.service.AppPaths;
import com.ja4.workstation.service.source.EarlySource;
import com.ja4.workstation.service.source.SourceOpening;
import com.ja4.workstation.ui.diagnostics.StartupProbe;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import picocli.CommandLine;

/**
 * Entry point of the jar. No arguments (or a snapshot file, as the desktop passes it on
 * double-click) starts the GUI; a command name runs that command headless and exits.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        StartupProbe.mark("main");
        if (startsGui(args) && System.getProperty("java.awt.headless") == null) {
            // no AWT display toolkit (its own X connection and thread, ~0.3 s): JavaFX draws; JFreeChart only asks Swing for defaults
            System.setProperty("java.awt.headless", "true");
        }
        if (startsGui(args) && parallelStart()) {
            // the toolkit starts on this thread meanwhile; the window takes the source when it is ready
            background("ja4-log-init", () -> logStart(args));
            background("ja4-warm-charts", () -> {
                com.ja4.workstation.ui.common.Charts.warmUp();
                StartupProbe.mark("charts_warm");
            });
            Optional<Path> snapshot = snapshotArgument(args);
            var opening = snapshot.isPresent()
                    ? EarlySource.begin("Opening " + snapshot.get().getFileName(), () -> SourceOpening.openSnapshot(snapshot.get()))
                    : EarlySource.begin("Preparing demo data", SourceOpening::openDemo);
            opening.whenComplete((ws, e) -> StartupProbe.mark("source_ready"));
        } else if (!isInfoOnly(args)) {
            logStart(args);
        }
        if (startsGui(args)) {
            com.ja4.workstation.ui.WorkstationApp.launch(args);
            return;
        }
        CommandLine cli = commandLine();
        Thread.setDefaultUncaughtExceptionHandler((thread, t) -> {
            // a background thread's failure (the render's FX thread): one line, never a stack trace
            System.err.println("ja4-workstation: " + CommandFailures.describe(t, null));
            org.slf4j.LoggerFactory.getLogger(Main.class).info("Uncaught in {}", thread.getName(), t);
        });
        int code;
        try {
            code = cli.execute(args);
        } catch (Throwable t) { // an Error (out of memory) escapes picocli's handler
            code = CommandFailures.report(t, cli, null);
        }
        System.exit(code);
    }

    /**
     * The headless commands with the global guard: any failure of any command is one line on
     * standard error and exit code 1 ({@link CommandFailures}).
     */
    public static CommandLine commandLine() {
        return CommandFailures.guard(new CommandLine(new RootCommand()).setCaseInsensitiveEnumValuesAllowed(true));
    }

    /** --version / --help print and exit: no log file for them. */
    static boolean isInfoOnly(String[] args) {
        return args.length > 0 && (args[0].equals("--version") || args[0].equals("-V")
                || args[0].equals("--help") || args[0].equals("-h"));
    }

    /**
     * Start-up in parallel (default): logging and the source (DuckDB's native library, open,
     * verification) begin on their own threads while the JavaFX toolkit starts.
     * -Dja4.startup.parallel=false does one after the other (the start-up benchmark compares both).
     */
    static boolean parallelStart() {
        return !"false".equalsIgnoreCase(System.getProperty("ja4.startup.parallel"));
    }

    /** The snapshot the desktop passes (a file name, or --snapshot FILE). */
    static Optional<Path> snapshotArgument(String[] args) {
        return Arrays.stream(args).filter(a -> !a.startsWith("--")).findFirst().map(Path::of);
    }

    private static void background(String name, Runnable work) {
        Thread t = new Thread(work, name);
        t.setDaemon(true);
        t.start();
    }

    /** One line per start in the log file (AppPaths.logsDir()), to tie an analyst's report to a run. */
    private static void logStart(String[] args) {
        try {
            org.slf4j.LoggerFactory.getLogger(Main.class).info("JA4 Analyst Workstation {} starting ({}), Java {} on {} {}, data folder {}",
                    AppVersion.current(), args.length == 0 ? "gui" : args[0], System.getProperty("java.version"),
                    System.getProperty("os.name"), System.getProperty("os.arch"), AppPaths.dataDir());
        } catch (RuntimeException e) {
            System.err.println("Logging is unavailable: " + e.getMessage());
        }
        StartupProbe.mark("logging_ready");
    }

    static boolean startsGui(String[] args) {
        if (args.length == 0) return true;
        String first = args[0];
        return first.equals("--snapshot") || first.endsWith(".duckdb") || first.endsWith(".ja4snap");
    }
}
