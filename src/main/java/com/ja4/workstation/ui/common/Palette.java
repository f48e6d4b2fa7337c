package com.ja4.workstation.ui.common;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The colours drawn in code (JFreeChart charts, the heatmap and cluster-graph canvases), one set
 * per theme; what CSS styles is in {@code css/workstation.css} (light) and
 * {@code css/workstation-dark.css}. Colours are hex text so that the same value serves JavaFX,
 * AWT (JFreeChart) and the contrast test ({@link #textPairs()}).
 *
 * @param chartBackground  behind a chart and its plot
 * @param text             axis labels, tick labels, legends, radar labels
 * @param mutedText        secondary text (compact radar labels, the graph's hint line)
 * @param grid             gridlines
 * @param axisLine         axis lines and tick marks
 * @param series           successive series (Okabe-Ito based, colour-blind friendly); [0] is the accent
 * @param neutral          a reference series (human baseline, run mean)
 * @param ink              a marker that must stand out of every series (named bots in Behavior)
 * @param canvasBackground behind the heatmap and the cluster graph
 * @param canvasText       canvas labels (hours, days, legends)
 * @param line             leader lines, borders of the canvas legends
 * @param emptyCell        an hour without requests, hatched with {@code hatch}
 * @param heatScale        the heatmap's sequential scale, low to high count
 * @param edgeLow          the weakest cluster-graph edge; {@code edgeHigh} the strongest
 * @param labelBackground  a cluster label's box; {@code labelText} / {@code labelMuted} on it
 * @param selectedLabelBackground the selected cluster's label box; {@code selectedLabelText} on it
 * @param legendBackground the cluster graph's legend strip; {@code legendText} on it
 * @param halo             around the selected cluster node (drawn at 15 % opacity)
 */
public record Palette(String name, String chartBackground, String text, String mutedText, String grid, String axisLine,
                      List<String> series, String neutral, String ink,
                      String canvasBackground, String canvasText, String line, String emptyCell, String hatch,
                      List<String> heatScale, String edgeLow, String edgeHigh,
                      String labelBackground, String labelText, String labelMuted,
                      String selectedLabelBackground, String selectedLabelText,
                      String legendBackground, String legendText, String halo) {

    public static final Palette LIGHT = new Palette("light", "#ffffff", "#334155", "#64748b", "#e5e7eb", "#94a3b8",
            List.of("#2563eb", "#e69f00", "#009e73", "#d55e00", "#cc79a7", "#56b4e9", "#6b7280"), "#475569", "#0f172a",
            "#ffffff", "#475569", "#94a3b8", "#ffffff", "#e2e8f0",
            List.of("#dbeafe", "#93c5fd", "#3b82f6", "#1d4ed8", "#172554"), "#cbd5e1", "#1e40af",
            "#ffffff", "#0f172a", "#475569", "#0f172a", "#ffffff", "#f8fafc", "#334155", "#0f172a");

    /** GitHub's dark palette (AtlantaFX Primer Dark): text stays well above 4.5:1 on every surface. */
    public static final Palette DARK = new Palette("dark", "#161b22", "#c9d1d9", "#8b949e", "#30363d", "#6e7681",
            List.of("#58a6ff", "#e3b341", "#3fb950", "#f0883e", "#db61a2", "#79c0ff", "#9da5ae"), "#b1bac4", "#f0f6fc",
            "#161b22", "#c9d1d9", "#6e7681", "#0d1117", "#30363d",
            List.of("#0c2d6b", "#1158c7", "#388bfd", "#79c0ff", "#cae8ff"), "#30363d", "#79c0ff",
            "#0d1117", "#e6edf3", "#8b949e", "#e6edf3", "#0d1117", "#0d1117", "#c9d1d9", "#ffffff");

    public static Palette of(ThemeMode mode) {
        return mode == ThemeMode.DARK ? DARK : LIGHT;
    }

    public String accent() {
        return series.get(0);
    }

    /** Every text colour drawn in code with the background it is drawn on: name -> {text, background}. */
    public Map<String, String[]> textPairs() {
        Map<String, String[]> m = new LinkedHashMap<>();
        m.put("chart text on chart", new String[] {text, chartBackground});
        m.put("chart muted text on chart", new String[] {mutedText, chartBackground});
        m.put("canvas text on canvas", new String[] {canvasText, canvasBackground});
        m.put("graph hint on canvas", new String[] {mutedText, canvasBackground});
        m.put("cluster label", new String[] {labelText, labelBackground});
        m.put("cluster label, second line", new String[] {labelMuted, labelBackground});
        m.put("selected cluster label", new String[] {selectedLabelText, selectedLabelBackground});
        m.put("graph legend", new String[] {legendText, legendBackground});
        return m;
    }

    /**
     * The series colours of this palette mapped to the same role in {@code other}: a chart drawn in
     * one theme is recoloured in place when the theme changes.
     */
    public Map<String, String> seriesRolesTo(Palette other) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < series.size(); i++) m.put(series.get(i), other.series.get(i));
        m.put(neutral, other.neutral);
        m.put(ink, other.ink);
        return m;
    }

    /** Black or white, whichever reads better on {@code background} (always at least 4.58:1). */
    public static String textOn(String background) {
        double l = luminance(background);
        return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? "#000000" : "#ffffff";
    }

    /** WCAG relative luminance of a #rrggbb colour. */
    static double luminance(String hex) {
        int rgb = Integer.parseInt(hex.substring(1, 7), 16);
        return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
    }

    private static double channel(int v) {
        double c = (v & 0xff) / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
