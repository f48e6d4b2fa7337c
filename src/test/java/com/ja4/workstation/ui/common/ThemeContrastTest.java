package com.ja4.workstation.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Text is readable in both themes: the WCAG 2 contrast ratio of every text colour against the
 * background it is drawn on is at least 4.5:1 (AA for normal text). The colours are read from the
 * stylesheets (the looked-up colours of workstation.css, redefined by workstation-dark.css), from
 * AtlantaFX's Primer theme (text of controls we do not style) and from the {@link Palette} drawn in
 * code (charts, canvases). The ratio is computed here from the WCAG definition, independently of
 * the application's own helper.
 */
class ThemeContrastTest {

    static final double AA = 4.5;

    /** Text colour -> the backgrounds it is drawn on (beyond the rules that name both). */
    static final Map<String, List<String>> DRAWN_ON = new LinkedHashMap<>();
    static {
        List<String> surfaces = List.of("-ws-bg", "-ws-surface", "-ws-surface-alt");
        for (String t : List.of("-ws-text", "-ws-text-2", "-ws-text-3", "-ws-muted")) DRAWN_ON.put(t, surfaces);
        for (String t : List.of("-ws-danger-text", "-ws-ok-text", "-ws-critical-text", "-ws-high-text", "-ws-legit-text")) {
            DRAWN_ON.put(t, List.of("-ws-bg", "-ws-surface"));
        }
        DRAWN_ON.put("-ws-accent-text", List.of("-ws-selected-bg", "-ws-surface", "-ws-bg"));
        List<String> rows = List.of("-ws-surface-hover", "-ws-pending-bg", "-ws-row-selected-bg", "-ws-new-bg", "-ws-selected-soft",
                "-ws-selected-bg");
        DRAWN_ON.merge("-ws-text", rows, ThemeContrastTest::concat);
        DRAWN_ON.merge("-ws-danger-text", List.of("-ws-danger-bg"), ThemeContrastTest::concat);
        DRAWN_ON.put("-ws-danger-strong", List.of("-ws-danger-bg"));
        DRAWN_ON.put("-ws-toolbar-text", List.of("-ws-toolbar-bg", "-ws-toolbar-field"));
        DRAWN_ON.put("-ws-toolbar-muted", List.of("-ws-toolbar-bg", "-ws-toolbar-field"));
        DRAWN_ON.put("-ws-toolbar-field-text", List.of("-ws-toolbar-field"));
        DRAWN_ON.put("-ws-live-text", List.of("-ws-live-bg", "-ws-toolbar-field"));
        DRAWN_ON.put("-ws-on-badge", List.of("-ws-critical", "-ws-high", "-ws-medium", "-ws-low", "-ws-normal", "-ws-legit", "-ws-badge-bg"));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> l = new ArrayList<>(a);
        l.addAll(b);
        return l;
    }

    @ParameterizedTest
    @EnumSource(ThemeMode.class)
    void stylesheetTextReadsOnItsBackgrounds(ThemeMode mode) throws IOException {
        Map<String, String> colours = lookedUp(mode);
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (var e : DRAWN_ON.entrySet()) {
            for (String bg : e.getValue()) {
                checked++;
                check(failures, e.getKey() + " on " + bg, resolve(colours, e.getKey()), resolve(colours, bg));
            }
        }
        // a rule naming both its text and its background colour
        for (Rule r : rules(mode)) {
            String fg = r.props().get("-fx-text-fill");
            String bg = r.props().get("-fx-background-color");
            if (fg == null || bg == null || bg.contains(",") || bg.equals("transparent")) continue;
            checked++;
            check(failures, r.selector() + " (" + fg + " on " + bg + ")", resolve(colours, fg), resolve(colours, bg));
        }
        assertTrue(checked > 60, "pairs checked: " + checked);
        report(mode + " stylesheets", checked);
        assertTrue(failures.isEmpty(), mode + ": text below " + AA + ":1\n" + String.join("\n", failures));
    }

    @ParameterizedTest
    @EnumSource(ThemeMode.class)
    void controlsTextOfAtlantaFxReadsOnOurSurfaces(ThemeMode mode) throws IOException {
        Map<String, String> ours = lookedUp(mode);
        String css = resource(mode == ThemeMode.DARK ? "/atlantafx/base/theme/primer-dark.css" : "/atlantafx/base/theme/primer-light.css");
        List<String> failures = new ArrayList<>();
        for (String fg : List.of("-color-fg-default", "-color-fg-muted")) {
            Matcher m = Pattern.compile(Pattern.quote(fg) + ":\\s*(#[0-9a-fA-F]{6})").matcher(css);
            assertTrue(m.find(), fg + " in AtlantaFX's theme");
            for (String bg : List.of("-ws-bg", "-ws-surface", "-ws-surface-alt")) {
                check(failures, "AtlantaFX " + fg + " on " + bg, m.group(1), resolve(ours, bg));
            }
        }
        report(mode + " AtlantaFX control text", 6);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @ParameterizedTest
    @EnumSource(ThemeMode.class)
    void chartAndCanvasTextReadsOnItsBackground(ThemeMode mode) {
        Palette p = Palette.of(mode);
        List<String> failures = new ArrayList<>();
        p.textPairs().forEach((what, pair) -> check(failures, what, pair[0], pair[1]));
        assertEquals(8, p.textPairs().size());
        report(mode + " charts and canvases", p.textPairs().size());
        assertTrue(failures.isEmpty(), mode + ": " + String.join("\n", failures));
    }

    @ParameterizedTest
    @EnumSource(ThemeMode.class)
    void seriesKeepTheirRoleAcrossThemes(ThemeMode mode) {
        Palette p = Palette.of(mode);
        List<String> roles = new ArrayList<>(p.series());
        roles.add(p.neutral());
        roles.add(p.ink());
        Set<String> distinct = new HashSet<>(roles);
        assertEquals(roles.size(), distinct.size(),
                "each series colour has one role (a chart recoloured between themes keeps its meaning): " + roles);
        Palette other = Palette.of(mode.other());
        p.seriesRolesTo(other).forEach((from, to) -> assertEquals(from, other.seriesRolesTo(p).get(to), "round trip of " + from));
    }

    /** Badges on data colours (a cluster's risk, a threat level) pick black or white text: always readable. */
    @org.junit.jupiter.api.Test
    void badgeTextOnDataColoursReads() {
        List<String> failures = new ArrayList<>();
        List<String> data = new ArrayList<>(List.of("#dc2626", "#ef4444", "#f97316", "#eab308", "#22c55e", "#ffffff", "#000000", "#777777"));
        for (var t : com.ja4.workstation.domain.ThreatLevel.values()) data.add(t.colour());
        for (String bg : data) check(failures, "badge on " + bg, Palette.textOn(bg), bg);
        report("badges on data colours", data.size());
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /** Every colour of a rule is a looked-up colour of the theme, so that both themes set it (and this test sees it). */
    @ParameterizedTest
    @EnumSource(ThemeMode.class)
    void rulesUseTheThemesColoursOnly(ThemeMode mode) throws IOException {
        List<String> raw = new ArrayList<>();
        for (Rule r : rules(mode)) {
            for (var p : r.props().entrySet()) {
                if (!p.getKey().matches("-fx-(text-fill|background-color|border-color|prompt-text-fill)")) continue;
                for (String v : p.getValue().replace("!important", "").split("[,\\s]+")) {
                    if (!v.isBlank() && !v.startsWith("-ws-") && !v.equals("transparent")) raw.add(r.selector() + " { " + p.getKey() + ": " + v + " }");
                }
            }
        }
        assertTrue(raw.isEmpty(), "use a -ws- colour (defined in .root of both stylesheets):\n" + String.join("\n", raw));
        Map<String, String> light = lookedUp(ThemeMode.LIGHT);
        Map<String, String> dark = lookedUp(ThemeMode.DARK);
        assertEquals(light.keySet(), dark.keySet());
    }

    // ---- the stylesheets ----

    record Rule(String selector, Map<String, String> props) {
    }

    private static final Pattern RULE = Pattern.compile("([^{}]+)\\{([^}]*)\\}");

    /** Rules other than .root, of the theme's stylesheets. */
    static List<Rule> rules(ThemeMode mode) throws IOException {
        List<Rule> l = new ArrayList<>();
        for (String css : sheets(mode)) {
            Matcher m = RULE.matcher(stripComments(css));
            while (m.find()) {
                String sel = m.group(1).strip();
                if (sel.equals(".root")) continue;
                l.add(new Rule(sel, props(m.group(2))));
            }
        }
        return l;
    }

    /** The looked-up colours of .root, the dark stylesheet's on top of the base one. */
    static Map<String, String> lookedUp(ThemeMode mode) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        for (String css : sheets(mode)) {
            Matcher r = RULE.matcher(stripComments(css));
            while (r.find()) {
                if (!r.group(1).strip().equals(".root")) continue;
                props(r.group(2)).forEach((k, v) -> {
                    if (k.startsWith("-ws-")) m.put(k, v);
                });
            }
        }
        return m;
    }

    private static List<String> sheets(ThemeMode mode) throws IOException {
        return mode == ThemeMode.DARK ? List.of(resource("/css/workstation.css"), resource("/css/workstation-dark.css"))
                : List.of(resource("/css/workstation.css"));
    }

    private static Map<String, String> props(String body) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String decl : body.split(";")) {
            int c = decl.indexOf(':');
            if (c > 0) m.put(decl.substring(0, c).strip(), decl.substring(c + 1).strip());
        }
        return m;
    }

    private static String stripComments(String css) {
        return css.replaceAll("(?s)/\\*.*?\\*/", "");
    }

    private static String resolve(Map<String, String> colours, String value) {
        String v = value.replace("!important", "").strip();
        for (int i = 0; i < 5 && v.startsWith("-"); i++) {
            String next = colours.get(v);
            assertTrue(next != null, "undefined looked-up colour " + v);
            v = next;
        }
        return v;
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = ThemeContrastTest.class.getResourceAsStream(path)) {
            assertTrue(in != null, path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    // ---- WCAG 2 ----

    /** The weakest pair checked since the last report (printed: the figure the issue asks for). */
    private static double lowest = Double.MAX_VALUE;
    private static String lowestPair = "";

    private static synchronized void report(String what, int pairs) {
        System.out.printf(Locale.ROOT, "contrast %s: %d pairs, lowest %.2f:1 (%s)%n", what, pairs, lowest, lowestPair);
        lowest = Double.MAX_VALUE;
        lowestPair = "";
    }

    private static synchronized void check(List<String> failures, String what, String fg, String bg) {
        double r = contrast(fg, bg);
        if (r < lowest) {
            lowest = r;
            lowestPair = String.format(Locale.ROOT, "%s: %s on %s", what, fg, bg);
        }
        if (r < AA) failures.add(String.format(Locale.ROOT, "%s: %s on %s = %.2f:1", what, fg, bg, r));
    }

    static double contrast(String a, String b) {
        double la = luminance(a), lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    static double luminance(String hex) {
        String h = hex.strip().toLowerCase(Locale.ROOT);
        if (h.equals("white")) h = "#ffffff";
        if (h.equals("black")) h = "#000000";
        assertTrue(h.matches("#[0-9a-f]{6}"), "a #rrggbb colour: " + hex);
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double s = Integer.parseInt(h.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            c[i] = s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }
}
