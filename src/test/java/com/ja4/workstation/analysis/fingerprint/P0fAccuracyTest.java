package com.ja4.workstation.analysis.fingerprint;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/**
 * OS-family accuracy on tuples instantiated from p0f.fp. The tuples come from the file text with a
 * parser of this test's own (not the production reader), each specific signature taken through
 * the MSS of common paths and 1-30 hops, so a bug in the reader or the rule resolution shows up
 * as misclassifications instead of agreeing with itself.
 */
class P0fAccuracyTest {

    /**
     * Measured: 77.7% (164/211); 91.0% before the verdicts said UNKNOWN where two families send the
     * same SYN. Every miss is a pair of p0f signatures that differ only in option layout, which our
     * data does not keep. Now UNKNOWN (the SYN cannot tell, and neither family is a clear bet):
     * Mac OS X 10.x vs FreeBSD 8.x (65535, scale 1/3), Linux 2.0 vs OpenBSD 3.x and FreeBSD 2-4
     * (16384, 0), Linux 3.1-3.10 vs Android 4 (10 x MSS, scale 5/6). Still named, and wrong: FreeBSD
     * 9 as macOS (65535, scale 6: macOS is the far better bet today) and Linux 2.6 vs the Websense
     * crawler at MSS 1380. The test fails 3 points below the measured figures.
     */
    private static final double MEASURED_ACCURACY = 0.777;
    /** Right when a family is named: 95.9% (164/171); before, 91.0% (every tuple was named). */
    private static final double MEASURED_PRECISION = 0.959;
    private static final double MARGIN = 0.03;
    private static final int[] PATH_MSS = {1460, 1452, 1400, 1380, 1360};

    record Tuple(TcpObservation observation, OsFamily expected, String label) {
    }

    @Test
    void osFamilyAccuracyOnP0fDerivedTuples() throws IOException {
        List<Tuple> tuples = tuplesFromP0f();
        TcpFingerprinter fingerprinter = new TcpFingerprinter();
        int correct = 0;
        int named = 0;
        Map<String, Integer> misses = new TreeMap<>();
        for (Tuple t : tuples) {
            TcpVerdict v = fingerprinter.classify(t.observation());
            if (v.family() != OsFamily.UNKNOWN) named++;
            if (v.family() == t.expected()) {
                correct++;
            } else {
                misses.merge(t.label() + " -> " + v.family(), 1, Integer::sum);
            }
        }
        double accuracy = (double) correct / tuples.size();
        double precision = (double) correct / named;
        System.out.printf(Locale.ROOT, "p0f-derived OS family accuracy: %.1f%% (%d/%d tuples, %d signatures in use); "
                        + "precision %.1f%% (%d/%d named)%n",
                100 * accuracy, correct, tuples.size(), fingerprinter.database().labelCount(), 100 * precision, correct, named);
        misses.forEach((k, n) -> System.out.println("  miss: " + k + " x" + n));
        assertTrue(tuples.size() >= 200, "too few tuples derived: " + tuples.size());
        assertTrue(accuracy >= MEASURED_ACCURACY - MARGIN,
                String.format(Locale.ROOT, "accuracy %.3f below %.3f", accuracy, MEASURED_ACCURACY - MARGIN));
        assertTrue(precision >= MEASURED_PRECISION - MARGIN,
                String.format(Locale.ROOT, "precision %.3f below %.3f", precision, MEASURED_PRECISION - MARGIN));
    }

    private static List<Tuple> tuplesFromP0f() throws IOException {
        List<Tuple> tuples = new ArrayList<>();
        Random hops = new Random(42);
        try (InputStream in = TcpFingerprinter.class.getResourceAsStream("p0f.fp");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            boolean section = false;
            String label = null;
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                if (line.startsWith("[")) section = line.equals("[tcp:request]");
                if (!section || line.startsWith(";")) continue;
                if (line.startsWith("label")) label = line.substring(line.indexOf('=') + 1).strip();
                if (!line.startsWith("sig")) continue;
                OsFamily expected = expectedFamily(label);
                if (expected == null) continue;
                String[] f = line.substring(line.indexOf('=') + 1).strip().split(":");
                int ittl = Integer.parseInt(f[1].replace("-", ""));
                String window = f[4].split(",")[0];
                String scale = f[4].split(",")[1];
                // Catch-alls ('*' window or scale) describe no single SYN; their specific siblings are measured.
                if (window.equals("*") || scale.equals("*") || window.startsWith("%")) continue;
                int[] msses = f[3].equals("*") ? PATH_MSS : new int[] {Integer.parseInt(f[3])};
                for (int mss : msses) {
                    int win = window.startsWith("mss*") ? Integer.parseInt(window.substring(4)) * mss
                            : window.startsWith("mtu*") ? Integer.parseInt(window.substring(4)) * (mss + 40)
                            : Integer.parseInt(window);
                    if (win > 65535) continue;
                    int ttl = ittl - 1 - hops.nextInt(30);
                    tuples.add(new Tuple(new TcpObservation(ttl, win, Integer.parseInt(scale), mss), expected, label));
                }
            }
        }
        return tuples;
    }

    /** The family p0f's label means; null for stacks outside our families (OpenVMS, consoles, p0f's own tool). */
    private static OsFamily expectedFamily(String label) {
        String[] f = label.split(":");
        String name = f[2];
        String flavor = f.length > 3 ? f[3] : "";
        return switch (name) {
            case "Linux" -> flavor.contains("Android") ? OsFamily.ANDROID : OsFamily.LINUX;
            case "Windows" -> OsFamily.WINDOWS;
            case "Mac OS X", "MacOS X", "iOS" -> OsFamily.MACOS_IOS;
            case "FreeBSD" -> OsFamily.FREEBSD;
            case "OpenBSD" -> OsFamily.OPENBSD;
            case "Solaris" -> OsFamily.SOLARIS;
            case "NMap" -> OsFamily.SCANNER;
            default -> null;
        };
    }
}
