package com.ja4.workstation.analysis.cluster;

import com.ja4.workstation.domain.cluster.FeatureRow;
import com.ja4.workstation.domain.ThreatLevel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.StringJoiner;

/** Deterministic feature rows from a few traffic archetypes (browsers, headless, stuffing, Masscan...). */
final class SyntheticRows {

    private SyntheticRows() {
    }

    static List<FeatureRow> generate(int n, long seed) {
        Random rnd = new Random(seed);
        List<FeatureRow> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int archetype = i % 6;
            String ip = "10." + (archetype + 1) + "." + ((i / 250) % 250) + "." + (i % 250);
            rows.add(switch (archetype) {
                case 0 -> row(ip, "t13d1516h2_windows", 117 + rnd.nextInt(11), 64240, 8, 1460, 40 + rnd.nextInt(400),
                        rnd, 0.05, 0.5, 0.05, 0.0, 0.05, 0.0, 0.7, 0.85, 0.0, 0.0, 0.8, 0.9, 0.0, 0.6, 0.2, 1, 0,
                        ThreatLevel.LEGITIMATE_BROWSER, "FR", "Orange");
                case 1 -> row(ip, "t13d1516h2_headless", 50 + rnd.nextInt(14), 29200, 7, 1460, 200 + rnd.nextInt(800),
                        rnd, 0.6, 20, 0.3, 0.9, 0.1, 0.0, 0.2, 0.3, 0.6, 0.0, 0.2, 0.3, 0.7, 0.05, 0.9, 2, 0,
                        ThreatLevel.HIGH, "US", "Amazon");
                case 2 -> row(ip, "t13d0000h1_stuffing", 110 + rnd.nextInt(18), 8192, 2, 1460, 100 + rnd.nextInt(300),
                        rnd, 0.7, 50, 0.1, 0.1, 0.9, 0.0, 0.3, 0.2, 0.3, 0.5, 0.0, 0.4, 0.4, 0.0, 1.0, 5, 1,
                        ThreatLevel.CRITICAL, "RU", "Hosting");
                case 3 -> row(ip, "t00d0000na_masscan", 240 + rnd.nextInt(15), 1024, 0, 0, 1 + rnd.nextInt(2),
                        rnd, 0.97, 1, 0.0, 0.0, 0.0, 1.0, 0.0, 0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 1.0, 1, 0,
                        ThreatLevel.CRITICAL, "CN", "Scanner Net");
                case 4 -> row(ip, "t13d1516h2_macos", 52 + rnd.nextInt(12), 65535, 6, 1460, 30 + rnd.nextInt(300),
                        rnd, 0.0, 0.3, 0.02, 0.0, 0.02, 0.0, 0.75, 0.9, 0.0, 0.0, 0.85, 0.95, 0.0, 0.7, 0.1, 1, 0,
                        null, "DE", "Telekom");
                default -> row(ip, "t12d1207h1_fuzzer", 55 + rnd.nextInt(9), 5840, 2, 1380, 500 + rnd.nextInt(5000),
                        rnd, 0.85, 80, 0.7, 0.0, 0.1, 0.3, 0.1, 0.05, 0.5, 0.8, 0.0, 0.2, 0.5, 0.0, 0.95, 3, 1,
                        ThreatLevel.HIGH, "NL", "VPS Inc");
            });
        }
        return rows;
    }

    @SuppressWarnings("checkstyle:ParameterNumber")
    private static FeatureRow row(String ip, String ja4, double ttl, double win, double scale, double mss, long hits,
                                  Random rnd, double score, double velocity, double fuzzing, double headless, double post,
                                  double ipIdZero, double entropy, double browser, double alpnMismatch, double alpnMissing,
                                  double h2, double hdrConf, double uaCh, double asset, double direct, double ja4Count,
                                  double uaRot, ThreatLevel threat, String country, String asn) {
        return new FeatureRow(ip, ja4, ttl, win, scale, mss, "UA-" + ja4, hits, r(rnd, score), j(rnd, velocity),
                r(rnd, fuzzing), r(rnd, headless), r(rnd, post), r(rnd, ipIdZero), r(rnd, entropy), r(rnd, browser),
                r(rnd, alpnMismatch), r(rnd, alpnMissing), r(rnd, h2), r(rnd, hdrConf), r(rnd, uaCh), r(rnd, asset),
                r(rnd, direct), ja4Count, uaRot, threat, country, asn);
    }

    /** Value with +-10 % noise, never negative. */
    private static double j(Random rnd, double v) {
        return Math.max(0.0, v * (0.9 + 0.2 * rnd.nextDouble()));
    }

    /** A ratio or score with +-10 % noise, kept in [0, 1] as the detection pipeline writes it. */
    private static double r(Random rnd, double v) {
        return Math.min(1.0, j(rnd, v));
    }

    /** Writes rows as a CSV with the predecessor's column names. */
    static void writeCsv(List<FeatureRow> rows, Path file) throws IOException {
        StringBuilder sb = new StringBuilder(String.join(",", FeatureRow.COLUMNS)).append('\n');
        for (FeatureRow r : rows) {
            StringJoiner j = new StringJoiner(",");
            j.add(r.ip()).add(r.ja4()).add(d(r.ttl())).add(d(r.window())).add(d(r.scale())).add(d(r.mss()))
                    .add('"' + r.userAgent() + '"').add(Long.toString(r.hits())).add(d(r.anomalyScore()))
                    .add(d(r.velocity())).add(d(r.fuzzing())).add(d(r.headless())).add(d(r.postRatio()))
                    .add(d(r.ipIdZero())).add(d(r.entropy())).add(d(r.browserScore())).add(d(r.alpnMismatch()))
                    .add(d(r.alpnMissing())).add(d(r.h2Efficiency())).add(d(r.headerOrderConfidence()))
                    .add(d(r.uaChMismatch())).add(d(r.assetRatio())).add(d(r.directAccessRatio()))
                    .add(d(r.ja4Count())).add(d(r.uaRotating())).add(r.threat() == null ? "" : r.threat().name())
                    .add(r.country()).add('"' + r.asnOrg() + '"');
            sb.append(j).append('\n');
        }
        Files.writeString(file, sb.toString());
    }

    private static String d(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }
}
