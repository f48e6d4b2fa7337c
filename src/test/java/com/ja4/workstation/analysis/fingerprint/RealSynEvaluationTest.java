package com.ja4.workstation.analysis.fingerprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The verdicts on SYNs that real stacks sent, labelled by the OS their host is known to run
 * (real-syns/README.md: public captures, zardaxt's web visitors, Satori's database, lab scanner
 * captures). Thresholds are issue 13's targets. The held-out split (sources the rules were not
 * looked at on), the fit split and the whole set must meet every target. The whole set includes
 * the ua-contradicted split: SYNs whose capture shows that the User-Agent does not describe the
 * sending stack (a proxy header, Android's captive-portal probe; README), reported apart but never
 * dropped. The Satori database is a list of signatures, not a sample of clients, and is held to
 * what it gets.
 */
class RealSynEvaluationTest {

    static final double USUAL_TTL_ACCURACY = 0.80;
    static final double ACCURACY = 0.70;
    static final double PRECISION = 0.90;
    static final double HIGH_CONFIDENCE_RIGHT = 0.90;
    static final double ORDINARY_FLAGGED = 0.005;
    /**
     * Measured on the database split: 78.4% accuracy, 89.4% precision (issue 13's first pass:
     * 79.9%/83.6%; the four Mac OS X 10.x signatures that FreeBSD shares are UNKNOWN now).
     */
    static final double DATABASE_ACCURACY = 0.78;
    static final double DATABASE_PRECISION = 0.88;
    /** SYNs set apart because their capture contradicts the User-Agent: a handful, never a bin for misses. */
    static final int MAX_UA_CONTRADICTED = 10;

    private static EvaluationSet set;
    private static final TcpFingerprinter FINGERPRINTER = new TcpFingerprinter();

    @BeforeAll
    static void load() throws IOException {
        try (Reader r = new InputStreamReader(RealSynEvaluationTest.class.getResourceAsStream("real-syns/real-syns.csv"),
                StandardCharsets.UTF_8)) {
            set = EvaluationSet.read(r);
        }
        assertTrue(set.problems().isEmpty(), set.problems().toString());
    }

    @Test
    void theSetCoversTheFamiliesOfTheIssueWithEnoughSyns() {
        assertTrue(set.samples().size() >= 500, "SYNs: " + set.samples().size());
        assertEquals(List.of("fit", "ua-contradicted", "held-out", "database"), set.splits());
        assertTrue(set.split("ua-contradicted").size() <= MAX_UA_CONTRADICTED, "ua-contradicted: " + set.split("ua-contradicted").size());
        for (OsFamily f : List.of(OsFamily.WINDOWS, OsFamily.ANDROID, OsFamily.MACOS_IOS, OsFamily.LINUX, OsFamily.SCANNER)) {
            long n = set.samples().stream().filter(s -> s.expected() == f).count();
            assertTrue(n >= 15, f + ": " + n);
        }
    }

    @Test
    void heldOutSplitMeetsEveryTarget() {
        EvaluationFigures f = figures("held-out");
        assertTargets(f, PRECISION);
        assertEquals(1.0, f.scannersFlagged().rate(), "scanners flagged: " + f.scannersFlagged());
    }

    @Test
    void fitSplitMeetsEveryTarget() {
        EvaluationFigures f = figures("fit");
        assertTargets(f, PRECISION);
        assertEquals(1.0, f.scannersFlagged().rate(), "scanners flagged: " + f.scannersFlagged());
    }

    @Test
    void theWholeSetWithTheUaContradictedSynsMeetsEveryTarget() {
        EvaluationFigures f = EvaluationFigures.of(set.samples(), FINGERPRINTER);
        assertTargets(f, PRECISION);
        assertEquals(1.0, f.scannersFlagged().rate(), "scanners flagged: " + f.scannersFlagged());
    }

    @Test
    void databaseSplitDoesNotRegress() {
        EvaluationFigures f = figures("database");
        assertTrue(f.accuracy().rate() >= DATABASE_ACCURACY, "accuracy " + f.accuracy());
        assertTrue(f.precision().rate() >= DATABASE_PRECISION, "precision " + f.precision());
        assertEquals(0, f.ordinaryFlaggedAsScanner().right(), "flagged: " + f.ordinaryFlaggedAsScanner());
    }

    @Test
    void reportNamesEveryFigureTheIssueAsksFor() {
        StringWriter out = new StringWriter();
        EvaluationReport.write(set, FINGERPRINTER, "real-syns.csv", new PrintWriter(out));
        String report = out.toString();
        System.out.println(report);
        for (String part : List.of("family accuracy", "where the TTL class is the family's usual one", "verdict UNKNOWN",
                "right when a family is named (precision)", "right at confidence >= 0.9", "ordinary clients flagged as a scanner",
                "confusion (rows: label, columns: verdict)", "calibration (named verdicts)", "== split held-out")) {
            assertTrue(report.contains(part), part);
        }
    }

    private static EvaluationFigures figures(String split) {
        return EvaluationFigures.of(set.split(split), FINGERPRINTER);
    }

    private static void assertTargets(EvaluationFigures f, double precision) {
        List<String> misses = new ArrayList<>();
        check(misses, "accuracy where the TTL class is usual", f.accuracyUsualTtl(), USUAL_TTL_ACCURACY);
        check(misses, "accuracy", f.accuracy(), ACCURACY);
        check(misses, "precision", f.precision(), precision);
        check(misses, "right at confidence >= 0.9", f.highConfidence(), HIGH_CONFIDENCE_RIGHT);
        if (f.ordinaryFlaggedAsScanner().rate() > ORDINARY_FLAGGED) {
            misses.add("ordinary clients flagged " + f.ordinaryFlaggedAsScanner());
        }
        assertTrue(misses.isEmpty(), String.join("; ", misses));
    }

    private static void check(List<String> misses, String name, EvaluationFigures.Tally t, double target) {
        if (!(t.rate() >= target)) {
            misses.add(String.format(Locale.ROOT, "%s %.3f (%d/%d) below %.3f", name, t.rate(), t.right(), t.total(), target));
        }
    }
}
