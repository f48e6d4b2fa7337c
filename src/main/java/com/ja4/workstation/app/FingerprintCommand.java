package com.ja4.workstation.app;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.ja4.workstation.io.InputFiles;
import com.ja4.workstation.analysis.fingerprint.EvaluationReport;
import com.ja4.workstation.analysis.fingerprint.EvaluationSet;
import com.ja4.workstation.analysis.fingerprint.FingerprintCsv;
import com.ja4.workstation.analysis.fingerprint.SignatureDatabase;
import com.ja4.workstation.analysis.fingerprint.TcpFingerprinter;
import com.ja4.workstation.analysis.fingerprint.TcpObservation;
import com.ja4.workstation.analysis.fingerprint.VerdictFields;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fingerprint --ttl 116 --win 64240 --scale 8 --mss 1460} prints one JSON verdict;
 * {@code fingerprint --input tuples.csv} adds the verdict columns to a CSV on standard output;
 * {@code fingerprint --evaluate labelled.csv} scores the verdicts against known OS families.
 * Exit code 1 when any input was bad (each problem on stderr as one line naming the file and
 * line), 0 otherwise; never a stack trace.
 */
@Command(name = "fingerprint", mixinStandardHelpOptions = true,
        description = "p0f-style OS verdict, Masscan detection, network path and hop count from a TCP SYN's TTL, window, scale and MSS.")
public final class FingerprintCommand implements Callable<Integer> {

    static final int BAD_INPUT = 1;
    /** Past this many, bad lines of an evaluation file are counted instead of listed. */
    static final int LISTED_PROBLEMS = 20;

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @ArgGroup(exclusive = false)
        Tuple tuple;

        @Option(names = "--input", paramLabel = "FILE.csv", required = true,
                description = "CSV with columns ttl,win,scale,mss (other columns are kept); '-' reads standard input.")
        Path input;

        @Option(names = "--evaluate", paramLabel = "FILE.csv", required = true,
                description = "CSV with columns ttl,win,scale,mss,family (optional split): prints accuracy per family, "
                        + "the confusion table, the UNKNOWN rate, precision, scanner flags and calibration.")
        Path evaluate;
    }

    static final class Tuple {
        // Taken as text so a bad value is reported like a bad CSV cell, not as a picocli type error.
        @Option(names = "--ttl", required = true, description = "Observed IP TTL, 1-255.") String ttl;
        @Option(names = "--win", required = true, description = "TCP window in the SYN, 0-65535.") String win;
        @Option(names = "--scale", required = true, description = "Window scale, 0-14 (0 when absent).") String scale;
        @Option(names = "--mss", required = true, description = "MSS, 0-65535 (0 when absent).") String mss;
    }

    @Option(names = "--p0f", paramLabel = "p0f.fp",
            description = "Use this p0f fingerprint database instead of the bundled p0f 3.09b one.")
    Path p0fFile;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            TcpFingerprinter fingerprinter;
            try {
                fingerprinter = new TcpFingerprinter(
                        p0fFile == null ? SignatureDatabase.bundled() : SignatureDatabase.withP0fFile(p0fFile));
            } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
                return fail(err, "cannot use p0f database " + p0fFile + ": " + reason(e));
            }
            if (source.input != null) return annotateCsv(fingerprinter, out, err);
            if (source.evaluate != null) return evaluate(fingerprinter, out, err);
            return printJson(fingerprinter, out, err);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private Integer printJson(TcpFingerprinter fingerprinter, PrintWriter out, PrintWriter err) {
        Tuple t = source.tuple;
        long[] values = new long[4];
        String[] names = {"ttl", "win", "scale", "mss"};
        String[] texts = {t.ttl, t.win, t.scale, t.mss};
        for (int i = 0; i < 4; i++) {
            try {
                values[i] = Long.parseLong(texts[i].trim());
            } catch (NumberFormatException e) {
                return fail(err, names[i] + " '" + texts[i] + "' is not a whole number");
            }
        }
        List<String> problems = TcpObservation.problems(values[0], values[1], values[2], values[3]);
        if (!problems.isEmpty()) return fail(err, String.join("; ", problems));
        TcpObservation o = new TcpObservation((int) values[0], (int) values[1], (int) values[2], (int) values[3]);
        try {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(VerdictFields.of(fingerprinter.classify(o))));
        } catch (IOException e) {
            return fail(err, "cannot write the verdict: " + e.getMessage());
        }
        return 0;
    }

    private Integer annotateCsv(TcpFingerprinter fingerprinter, PrintWriter out, PrintWriter err) {
        Path input = source.input;
        PrintWriter problems = new PrintWriter(new PrefixingWriter(err, input + ": "), true);
        try (Reader reader = open(input)) {
            int bad = new FingerprintCsv(fingerprinter).annotate(reader, out, problems);
            return bad == 0 ? 0 : BAD_INPUT;
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            return fail(err, where(input, e));
        }
    }

    private Integer evaluate(TcpFingerprinter fingerprinter, PrintWriter out, PrintWriter err) {
        Path input = source.evaluate;
        EvaluationSet set;
        try (Reader reader = open(input)) {
            set = EvaluationSet.read(reader);
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            return fail(err, where(input, e));
        }
        if (!set.problems().isEmpty()) {
            // Figures over a file with unreadable rows would describe a set nobody chose.
            set.problems().stream().limit(LISTED_PROBLEMS).forEach(p -> err.println(input + ": " + p));
            if (set.problems().size() > LISTED_PROBLEMS) {
                err.println(input + ": ... and " + (set.problems().size() - LISTED_PROBLEMS) + " more bad lines");
            }
            return BAD_INPUT;
        }
        if (set.samples().isEmpty()) return fail(err, input + ": no row with a family to score");
        EvaluationReport.write(set, fingerprinter, input.toString(), out);
        return 0;
    }

    /** Strict UTF-8: bytes that are not text end the read with a message instead of garbage rows. */
    private static Reader open(Path input) throws IOException {
        if (input.toString().equals("-")) {
            return new InputStreamReader(System.in, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        }
        InputFiles.requireReadableFile(input);
        return Files.newBufferedReader(input, StandardCharsets.UTF_8);
    }

    /** "FILE: reason", or the file check's own sentence (it names the file). */
    private static String where(Path input, Exception e) {
        return e instanceof InputFiles.Unusable ? e.getMessage() : input + ": " + reason(e);
    }

    /** One line an analyst can act on, whatever the exception. */
    static String reason(Exception e) {
        Throwable t = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (t instanceof NoSuchFileException) return "no such file";
        if (t instanceof AccessDeniedException) return "permission denied";
        if (t instanceof CharacterCodingException) return "not a UTF-8 text file";
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
    }

    private static int fail(PrintWriter err, String message) {
        err.println("fingerprint: " + message);
        return BAD_INPUT;
    }

    /** Puts the file name in front of each line the CSV annotator reports ("tuples.csv: line 3: ..."). */
    private static final class PrefixingWriter extends java.io.Writer {
        private final PrintWriter target;
        private final String prefix;
        private boolean atLineStart = true;

        PrefixingWriter(PrintWriter target, String prefix) {
            this.target = target;
            this.prefix = prefix;
        }

        @Override
        public void write(char[] buf, int off, int len) {
            for (int i = off; i < off + len; i++) {
                if (atLineStart && buf[i] != '\n' && buf[i] != '\r') target.print(prefix);
                target.print(buf[i]);
                atLineStart = buf[i] == '\n';
            }
        }

        @Override
        public void flush() {
            target.flush();
        }

        @Override
        public void close() {
            target.flush();
        }
    }
}
