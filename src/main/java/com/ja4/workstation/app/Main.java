package com.ja4.workstation.app;

import picocli.CommandLine;

/**
 * Entry point of the jar. No arguments (or a snapshot file, as the desktop passes it on
 * double-click) starts the GUI; a command name runs that command headless and exits.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (startsGui(args)) {
            GuiLauncher.launch(args);
            return;
        }
        int code = new CommandLine(new RootCommand()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
        System.exit(code);
    }

    static boolean startsGui(String[] args) {
        if (args.length == 0) return true;
        String first = args[0];
        return first.equals("--snapshot") || first.endsWith(".duckdb") || first.endsWith(".ja4snap");
    }
}
