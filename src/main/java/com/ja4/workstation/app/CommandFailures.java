package com.ja4.workstation.app;

import com.ja4.workstation.service.AppPaths;
import com.ja4.workstation.data.warehouse.WarehouseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/**
 * The global guard of the headless commands: whatever a command throws becomes one line on standard
 * error (the command, the file when known, the reason) and exit code {@value #FAILED}; the stack
 * trace goes to the log file only. No command can print a stack trace to the analyst.
 */
final class CommandFailures {

    static final int FAILED = 1;

    private CommandFailures() {
    }

    /** Installs the guard on a command line (the root and every subcommand). */
    static CommandLine guard(CommandLine cli) {
        cli.setExecutionExceptionHandler((ex, cl, parsed) -> report(ex, cl, parsed));
        return cli;
    }

    static int report(Throwable t, CommandLine cl, ParseResult parsed) {
        String command = commandName(cl);
        String line = command + ": " + describe(t, parsed);
        cl.getErr().println(line);
        cl.getErr().flush();
        LOG.info("{} failed", command, t); // the file only: the console shows warnings and above
        return FAILED;
    }

    /** "render", "snapshot verify": the command path without the program name. */
    static String commandName(CommandLine cl) {
        String q = cl.getCommandSpec().qualifiedName(" ");
        int sp = q.indexOf(' ');
        return sp > 0 ? q.substring(sp + 1) : q;
    }

    /** The reason in one line. */
    static String describe(Throwable thrown, ParseResult parsed) {
        Throwable t = unwrap(thrown);
        if (t instanceof OutOfMemoryError) {
            return "not enough memory: this Java may use " + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                    + " MB. Give it more (java -Xmx4g -jar ja4-workstation.jar …) or ask for less.";
        }
        if (t instanceof NoSuchFileException e) return e.getFile() + " not found";
        if (t instanceof AccessDeniedException e) return e.getFile() + ": permission denied";
        if (t instanceof NotDirectoryException e) return e.getFile() + " is not a folder";
        if (t instanceof FileSystemException e) {
            String reason = e.getReason() == null ? e.getClass().getSimpleName() : e.getReason();
            return e.getFile() + (e.getOtherFile() == null ? "" : " -> " + e.getOtherFile()) + ": " + reason;
        }
        if (t instanceof CharacterCodingException) {
            List<String> files = fileArguments(parsed);
            return (files.isEmpty() ? "the input" : String.join(", ", files))
                    + " is not UTF-8 text (binary data, or another encoding?)";
        }
        if (t instanceof IOException || t instanceof WarehouseException) {
            String m = oneLine(t.getMessage(), t);
            // a bare reason ("Is a directory") gets the file it is about
            List<String> files = fileArguments(parsed);
            boolean named = files.stream().anyMatch(f -> m.contains(f.substring(f.lastIndexOf(' ') + 1)));
            return named || files.isEmpty() || !(t instanceof IOException) ? m : String.join(", ", files) + ": " + m;
        }
        return "internal error (" + t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + oneLine(t.getMessage(), t))
                + "); the log in " + logsDir() + " has the details";
    }

    private static Throwable unwrap(Throwable t) {
        Throwable cur = t;
        while ((cur instanceof UncheckedIOException || cur instanceof CompletionException || cur instanceof ExecutionException
                || cur instanceof CommandLine.ExecutionException) && cur.getCause() != null) {
            cur = cur.getCause();
        }
        return cur;
    }

    /** "--input x.csv", "FILE y.duckdb": the file arguments the command was given. */
    static List<String> fileArguments(ParseResult parsed) {
        List<String> out = new ArrayList<>();
        for (ParseResult pr = parsed; pr != null; pr = pr.subcommand()) {
            for (OptionSpec o : pr.matchedOptions()) {
                if (o.type() == Path.class) out.add(o.longestName() + " " + o.getValue());
            }
            for (PositionalParamSpec p : pr.matchedPositionals()) {
                if (p.type() == Path.class) out.add(String.valueOf(p.getValue()));
            }
        }
        return out;
    }

    private static String oneLine(String message, Throwable t) {
        if (message == null || message.isBlank()) return t.getClass().getSimpleName();
        String m = message.strip();
        int nl = m.indexOf('\n');
        return nl > 0 ? m.substring(0, nl).strip() : m;
    }

    private static String logsDir() {
        try {
            return AppPaths.logsDir().toString();
        } catch (RuntimeException e) {
            return "data folder";
        }
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CommandFailures.class);
}
