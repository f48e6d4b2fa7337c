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
        int code = new CommandLine(new RootCommand()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
        System.exit(code);
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
