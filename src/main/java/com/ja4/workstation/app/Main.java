package com.ja4.workstation.app;

import com.ja4.workstation.domain.AppVersion;
import com.ja4.workstation.service.AppPaths;
import picocli.CommandLine;

/**
 * Entry point of the jar. No arguments (or a snapshot file, as the desktop passes it on
 * double-click) starts the GUI; a command name runs that command headless and exits.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (!isInfoOnly(args)) logStart(args);
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

    /** One line per start in the log file (AppPaths.logsDir()), to tie an analyst's report to a run. */
    private static void logStart(String[] args) {
        try {
            org.slf4j.LoggerFactory.getLogger(Main.class).info("JA4 Analyst Workstation {} starting ({}), Java {} on {} {}, data folder {}",
                    AppVersion.current(), args.length == 0 ? "gui" : args[0], System.getProperty("java.version"),
                    System.getProperty("os.name"), System.getProperty("os.arch"), AppPaths.dataDir());
        } catch (RuntimeException e) {
            System.err.println("Logging is unavailable: " + e.getMessage());
        }
    }

    static boolean startsGui(String[] args) {
        if (args.length == 0) return true;
        String first = args[0];
        return first.equals("--snapshot") || first.endsWith(".duckdb") || first.endsWith(".ja4snap");
    }
}
