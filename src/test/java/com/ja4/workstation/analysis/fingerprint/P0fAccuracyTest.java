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
     * Measured: 91.0% (192/211). Every miss is a pair of p0f signatures that differ only in option
     * layout, which our data does not keep: FreeBSD 8/9 vs Mac OS X (65535, scale 3/6), OpenBSD 3 vs
     * Linux 2.0 (16384, 0), Linux 2.6 vs the Websense crawler at MSS 1380, XP vs Blackberry at MSS 1452.
     * The test fails 3 points below the measured figure.
     */
    private static final double MEASURED_ACCURACY = 0.910;
    private static final double MARGIN = 0.03;
    private static final int[] PATH_MSS = {1460, 1452, 1400, 1380, 1360};

    record Tuple(TcpObservation observation, OsFamily expected, String label) {
    }

    @Test
    void osFamilyAccuracyOnP0fDerivedTuples() throws IOException {
        List<Tuple> tuples = tuplesFromP0f();
        TcpFingerprinter fingerprinter = new TcpFingerprinter();
        int correct = 0;
        Map<String, Integer> misses = new TreeMap<>();
        for (Tuple t : tuples) {
            TcpVerdict v = fingerprinter.classify(t.observation());
            if (v.family() == t.expected()) {
                correct++;
            } else {
                misses.merge(t.label() + " -> " + v.family(), 1, Integer::sum);
            }
        }
        double accuracy = (double) correct / tuples.size();
        System.out.printf(Locale.ROOT, "p0f-derived OS family accuracy: %.1f%% (%d/%d tuples, %d signatures in use)%n",
                100 * accuracy, correct, tuples.size(), fingerprinter.database().labelCount());
        misses.forEach((k, n) -> System.out.println("  miss: " + k + " x" + n));
        assertTrue(tuples.size() >= 200, "too few tuples derived: " + tuples.size());
        assertTrue(accuracy >= MEASURED_ACCURACY - MARGIN,
                String.format(Locale.ROOT, "accuracy %.3f below %.3f", accuracy, MEASURED_ACCURACY - MARGIN));
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
