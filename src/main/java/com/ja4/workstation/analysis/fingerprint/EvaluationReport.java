package com.ja4.workstation.analysis.fingerprint;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The text `fingerprint --evaluate` prints: the headline figures, per-family accuracy, the
 * confusion table and the calibration table, for the whole file and then for each split.
 */
public final class EvaluationReport {

    private EvaluationReport() {
    }

    public static void write(EvaluationSet set, TcpFingerprinter fingerprinter, String source, PrintWriter out) {
        out.printf(Locale.ROOT, "Evaluation of %s: %d labelled SYNs scored%n", source, set.samples().size());
        if (!set.unscored().isEmpty()) {
            List<String> parts = new ArrayList<>();
            set.unscored().forEach((label, n) -> parts.add(n + " '" + label + "'"));
            out.println("Not scored (label names no OS family): " + String.join(", ", parts));
        }
        section(out, "all", EvaluationFigures.of(set.samples(), fingerprinter));
        for (String split : set.splits()) {
            section(out, "split " + split, EvaluationFigures.of(set.split(split), fingerprinter));
        }
        out.flush();
    }

    static void section(PrintWriter out, String title, EvaluationFigures f) {
        out.printf(Locale.ROOT, "%n== %s (%d SYNs) ==%n", title, f.accuracy().total());
        line(out, "family accuracy", f.accuracy());
        line(out, "  where the TTL class is the family's usual one", f.accuracyUsualTtl());
        out.printf(Locale.ROOT, "%-50s %s (%d/%d)%n", "verdict UNKNOWN", pct(f.unknownRate()), f.unknown(), f.accuracy().total());
        line(out, "right when a family is named (precision)", f.precision());
        line(out, "right at confidence >= 0.9", f.highConfidence());
        line(out, "ordinary clients flagged as a scanner", f.ordinaryFlaggedAsScanner());
        line(out, "scanners flagged as a scanner", f.scannersFlagged());

        out.printf(Locale.ROOT, "%n%-16s %6s %9s %8s %20s%n", "family", "SYNs", "accuracy", "UNKNOWN", "usual-TTL accuracy");
        for (OsFamily family : OsFamily.values()) {
            EvaluationFigures.Tally t = f.perFamily().get(family);
            if (t == null) continue;
            EvaluationFigures.Tally usual = f.perFamilyUsualTtl().get(family);
            out.printf(Locale.ROOT, "%-16s %6d %9s %8d %20s%n", family.displayName(), t.total(), pct(t.rate()),
                    f.unknown(family), usual == null ? "-" : pct(usual.rate()) + " of " + usual.total());
        }

        Set<OsFamily> columns = EnumSet.noneOf(OsFamily.class);
        f.confusion().values().forEach(m -> columns.addAll(m.keySet()));
        out.printf(Locale.ROOT, "%nconfusion (rows: label, columns: verdict)%n%-16s", "");
        for (OsFamily c : columns) out.printf(Locale.ROOT, " %9s", abbreviate(c.displayName()));
        out.println();
        for (Map.Entry<OsFamily, Map<OsFamily, Integer>> row : f.confusion().entrySet()) {
            out.printf(Locale.ROOT, "%-16s", row.getKey().displayName());
            for (OsFamily c : columns) out.printf(Locale.ROOT, " %9d", row.getValue().getOrDefault(c, 0));
            out.println();
        }

        out.printf(Locale.ROOT, "%ncalibration (named verdicts)%n%-12s %9s %7s %16s%n", "confidence", "verdicts", "right",
                "mean confidence");
        for (EvaluationFigures.Band b : f.calibration()) {
            out.printf(Locale.ROOT, "%.2f-%.2f%s %9d %7s %16.3f%n", b.from(), b.to(), b.to() == 1.0 ? "]" : ")",
                    b.verdicts().total(), pct(b.verdicts().rate()), b.meanConfidence());
        }
    }

    private static void line(PrintWriter out, String label, EvaluationFigures.Tally t) {
        out.printf(Locale.ROOT, "%-50s %s (%d/%d)%n", label, pct(t.rate()), t.right(), t.total());
    }

    static String pct(double rate) {
        return Double.isNaN(rate) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * rate);
    }

    private static String abbreviate(String name) {
        return name.length() <= 9 ? name : name.substring(0, 9);
    }
}
