package com.ja4.workstation.ui.common;

import java.awt.Color;
import java.awt.Paint;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.IntFunction;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.SpiderWebPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.AbstractRenderer;
import org.jfree.chart.title.LegendTitle;

/**
 * The theme's colours on JFreeChart charts: backgrounds, axes, gridlines, legends and series. Every
 * chart made by {@link Charts} is adopted (held weakly: a chart no longer shown is collected) and
 * recoloured in place when the theme changes; a series keeps its role (accent, n-th series,
 * reference) across themes, colours outside the palette (threat levels, ASN labels) stay.
 */
public final class ChartTheme {

    /** How many series a renderer is looked at for recolouring (no chart here has more). */
    private static final int MAX_SERIES = 64;
    private static final Set<JFreeChart> CHARTS = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    private ChartTheme() {
    }

    /** A chart drawn in the light palette's colours, now in the theme in use and following it. */
    static JFreeChart adopt(JFreeChart chart) {
        CHARTS.add(chart);
        restyle(chart, Palette.LIGHT, Theme.palette());
        return chart;
    }

    static void restyleAll(Palette from, Palette to) {
        JFreeChart[] all;
        synchronized (CHARTS) {
            all = CHARTS.toArray(new JFreeChart[0]);
        }
        for (JFreeChart c : all) restyle(c, from, to);
    }

    /** Recolours one chart from one palette to another (series by role). */
    public static void restyle(JFreeChart chart, Palette from, Palette to) {
        Map<String, String> roles = from.seriesRolesTo(to);
        chart.setNotify(false);
        try {
            chart.setBackgroundPaint(awt(to.chartBackground()));
            for (int i = 0; i < chart.getSubtitleCount(); i++) {
                if (chart.getSubtitle(i) instanceof LegendTitle l) {
                    l.setBackgroundPaint(awt(to.chartBackground()));
                    l.setItemPaint(awt(to.text()));
                }
            }
            Plot plot = chart.getPlot();
            plot.setBackgroundPaint(awt(to.chartBackground()));
            if (plot instanceof CategoryPlot p) {
                p.setRangeGridlinePaint(awt(to.grid()));
                p.setDomainGridlinePaint(awt(to.grid()));
                axesAndSeries(p.getDomainAxisCount(), p::getDomainAxis, p.getRangeAxisCount(), p::getRangeAxis,
                        p.getRendererCount(), p::getRenderer, to, roles);
            } else if (plot instanceof XYPlot p) {
                p.setRangeGridlinePaint(awt(to.grid()));
                p.setDomainGridlinePaint(awt(to.grid()));
                axesAndSeries(p.getDomainAxisCount(), p::getDomainAxis, p.getRangeAxisCount(), p::getRangeAxis,
                        p.getRendererCount(), p::getRenderer, to, roles);
            } else if (plot instanceof SpiderWebPlot p) {
                // the compact radar (cluster sidebar) draws its labels muted; the full one in text colour
                boolean muted = Palette.LIGHT.mutedText().equals(hex(p.getLabelPaint())) || from.mutedText().equals(hex(p.getLabelPaint()));
                p.setLabelPaint(awt(muted ? to.mutedText() : to.text()));
                p.setAxisLinePaint(awt(to.grid()));
                for (int i = 0; i < MAX_SERIES; i++) {
                    Paint s = p.getSeriesPaint(i);
                    if (s != null) p.setSeriesPaint(i, mapped(s, roles));
                    Paint o = p.getSeriesOutlinePaint(i);
                    if (o != null) p.setSeriesOutlinePaint(i, mapped(o, roles));
                }
            }
        } finally {
            chart.setNotify(true);
        }
    }

    /** Axis colours of the theme in use (a chart that replaces an axis, such as a log scale). */
    public static void styleAxis(Axis a) {
        axis(a, Theme.palette());
    }

    /** Category and XY plots share no interface for their axes and renderers: each passes its getters. */
    private static void axesAndSeries(int domains, IntFunction<? extends Axis> domain, int ranges, IntFunction<? extends Axis> range,
                                      int renderers, IntFunction<?> renderer, Palette to, Map<String, String> roles) {
        for (int i = 0; i < domains; i++) axis(domain.apply(i), to);
        for (int i = 0; i < ranges; i++) axis(range.apply(i), to);
        for (int i = 0; i < renderers; i++) {
            if (renderer.apply(i) instanceof AbstractRenderer r) series(r, roles);
        }
    }

    private static void axis(Axis a, Palette to) {
        if (a == null) return;
        a.setLabelPaint(awt(to.text()));
        a.setTickLabelPaint(awt(to.text()));
        a.setAxisLinePaint(awt(to.axisLine()));
        a.setTickMarkPaint(awt(to.axisLine()));
    }

    private static void series(AbstractRenderer r, Map<String, String> roles) {
        if (r == null) return;
        for (int i = 0; i < MAX_SERIES; i++) {
            Paint s = r.getSeriesPaint(i);
            if (s != null) r.setSeriesPaint(i, mapped(s, roles), false);
        }
    }

    private static Paint mapped(Paint p, Map<String, String> roles) {
        if (!(p instanceof Color c)) return p;
        String to = roles.get(hex(c));
        if (to == null) return p;
        Color t = awt(to);
        return c.getAlpha() == 255 ? t : new Color(t.getRed(), t.getGreen(), t.getBlue(), c.getAlpha());
    }

    static Color awt(String hex) {
        return Color.decode(hex);
    }

    private static String hex(Paint p) {
        if (!(p instanceof Color c)) return "";
        return String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }
}
