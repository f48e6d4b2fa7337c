package com.ja4.workstation.app;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
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
 * {@code fingerprint --input tuples.csv} adds the verdict columns to a CSV on standard output.
 * Exit code 1 when any value was invalid (each one reported on stderr), 0 otherwise.
 */
@Command(name = "fingerprint", mixinStandardHelpOptions = true,
        description = "p0f-style OS verdict, Masscan detection, network path and hop count from a TCP SYN's TTL, window, scale and MSS.")
public final class FingerprintCommand implements Callable<Integer> {

    static final int BAD_INPUT = 1;

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
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TcpFingerprinter fingerprinter;
        try {
            fingerprinter = new TcpFingerprinter(
                    p0fFile == null ? SignatureDatabase.bundled() : SignatureDatabase.withP0fFile(p0fFile));
        } catch (IOException | IllegalArgumentException e) {
            err.println("cannot use p0f database " + p0fFile + ": " + e.getMessage());
            err.flush();
            return BAD_INPUT;
        }
        return source.input != null ? annotateCsv(fingerprinter, out, err) : printJson(fingerprinter, out, err);
    }

    private Integer printJson(TcpFingerprinter fingerprinter, PrintWriter out, PrintWriter err) throws IOException {
        Tuple t = source.tuple;
        long[] values = new long[4];
        String[] names = {"ttl", "win", "scale", "mss"};
        String[] texts = {t.ttl, t.win, t.scale, t.mss};
        for (int i = 0; i < 4; i++) {
            try {
                values[i] = Long.parseLong(texts[i].trim());
            } catch (NumberFormatException e) {
                err.println(names[i] + " '" + texts[i] + "' is not a number");
                err.flush();
                return BAD_INPUT;
            }
        }
        List<String> problems = TcpObservation.problems(values[0], values[1], values[2], values[3]);
        if (!problems.isEmpty()) {
            problems.forEach(err::println);
            err.flush();
            return BAD_INPUT;
        }
        TcpObservation o = new TcpObservation((int) values[0], (int) values[1], (int) values[2], (int) values[3]);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        out.println(json.writeValueAsString(VerdictFields.of(fingerprinter.classify(o))));
        out.flush();
        return 0;
    }

    private Integer annotateCsv(TcpFingerprinter fingerprinter, PrintWriter out, PrintWriter err) throws IOException {
        Path input = source.input;
        try (Reader reader = input.toString().equals("-")
                ? new InputStreamReader(System.in, StandardCharsets.UTF_8)
                : Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
            int bad = new FingerprintCsv(fingerprinter).annotate(reader, out, err);
            out.flush();
            return bad == 0 ? 0 : BAD_INPUT;
        } catch (IllegalArgumentException e) {
            err.println(input + ": " + e.getMessage());
            err.flush();
            return BAD_INPUT;
        }
    }
}
