package com.ja4.workstation.domain.detail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The catalogue of signals: every column of a detection and of a scored window with a short label
 * and a one-line meaning, read from the plain-text file {@code signals.txt} beside this class (one
 * place to edit the wording), and the behaviour features of DESIGN section 2.
 */
public final class Signals {

    /** The 19 behaviour features, in the pipeline's column order (ml_detected_anomalies and the 1 h feature views). */
    public static final List<String> BEHAVIOUR_FEATURES = List.of(
            "hit_velocity", "fuzzing_index", "post_ratio", "asset_ratio", "direct_access_ratio",
            "temporal_entropy", "path_diversity_ratio", "modern_browser_score", "header_count",
            "is_headless", "ip_id_zero_ratio", "alpn_http_mismatch", "is_alpn_missing",
            "multiplexing_efficiency", "header_order_confidence", "ua_ch_mismatch",
            "distinct_ja4_count", "is_ua_rotating", "src_port_density");

    private static final Map<String, Signal> BY_COLUMN = load();

    private Signals() {
    }

    /** Every signal of the catalogue, in file order. */
    public static List<Signal> all() {
        return List.copyOf(BY_COLUMN.values());
    }

    public static Optional<Signal> of(String column) {
        return Optional.ofNullable(BY_COLUMN.get(column));
    }

    /** The signal of a column; a column missing from the catalogue is shown under its own name. */
    public static Signal describe(String column) {
        return of(column).orElseGet(() -> new Signal(column, SignalGroup.IDENTITY, column, ""));
    }

    /** The short label of a column ("Velocity" for hit_velocity). */
    public static String label(String column) {
        return describe(column).label();
    }

    static Map<String, Signal> parse(List<String> lines) {
        Map<String, Signal> out = new LinkedHashMap<>();
        int n = 0;
        for (String line : lines) {
            n++;
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] p = line.split("\\|", -1);
            if (p.length != 4) throw new IllegalStateException("signals.txt line " + n + ": expected column | group | label | meaning");
            String column = p[0].strip();
            SignalGroup group = SignalGroup.valueOf(p[1].strip().toUpperCase(Locale.ROOT));
            if (out.put(column, new Signal(column, group, p[2].strip(), p[3].strip())) != null) {
                throw new IllegalStateException("signals.txt line " + n + ": " + column + " twice");
            }
        }
        return out;
    }

    private static Map<String, Signal> load() {
        try (InputStream in = Signals.class.getResourceAsStream("signals.txt")) {
            if (in == null) throw new IllegalStateException("signals.txt is missing from the build");
            List<String> lines = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String l = r.readLine(); l != null; l = r.readLine()) lines.add(l);
            }
            return parse(lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
