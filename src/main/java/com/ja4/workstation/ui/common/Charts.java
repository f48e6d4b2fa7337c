package com.ja4.workstation.ui.common;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.text.SimpleDateFormat;
import java.util.TimeZone;
import java.util.function.Function;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.labels.StandardXYToolTipGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.TimeSeriesCollection;

/**
 * JFreeChart charts with one consistent look. Every chart sits in a ChartViewer, whose context
 * menu exports PNG and SVG (JFreeSVG is on the class path). Category labels, legend entries and
 * tooltips show their text through {@link SafeText}, while the datasets keep the raw keys that
 * clicks hand on (a country, a JA4).
 */
public final class Charts {

    public static final Font LABEL_FONT = new Font("DejaVu Sans", Font.PLAIN, 11);
    public static final Font TICK_FONT = new Font("DejaVu Sans", Font.PLAIN, 10);
    /** Colours a chart is made with (the light palette); {@link ChartTheme} recolours it to the theme in use. */
    public static final Color GRID = ChartTheme.awt(Palette.LIGHT.grid());
    public static final Color ACCENT = ChartTheme.awt(Palette.LIGHT.accent());

    private Charts() {
    }

    /**
     * Refills a chart's data with a single change event. JFreeChart redraws the chart on every
     * addValue/setValue of a dataset it shows, so filling N values one by one costs N full redraws on
     * the JavaFX thread (Geo's stacked bars: hundreds, over a second on the x10 demo).
     */
    public static <D extends org.jfree.data.general.AbstractDataset> void refill(D data, java.util.function.Consumer<D> fill) {
        data.setNotify(false);
        try {
            fill.accept(data);
        } finally {
            data.setNotify(true); // one event, one redraw
        }
    }

    /**
     * Loads and initialises the chart stack (JFreeChart's classes, whose first chart asks Swing for
     * its defaults, and AWT's font manager, which reads the system's fonts) so that the overview's
     * first charts do not pay for it on the JavaFX thread. Plain Java: the entry point runs it on a
     * thread of its own while the toolkit starts. -Dja4.startup.warmup=false skips it.
     */
    public static void warmUp() {
        if ("false".equalsIgnoreCase(System.getProperty("ja4.startup.warmup"))) return;
        LABEL_FONT.getFamily(); // the font manager
        TICK_FONT.getLineMetrics("0", new java.awt.font.FontRenderContext(null, true, true));
        bars(new DefaultCategoryDataset(), "", true, null);
        hourlyBars(new TimeSeriesCollection(), "");
    }

    public static ChartViewer viewer(JFreeChart chart) {
        ChartViewer v = new ChartViewer(chart);
        v.setMinSize(200, 160);
        v.setPrefSize(480, 260);
        return v;
    }

    /**
     * Bars along categories; {@code paint} colours each category (e.g. threat colours).
     * Horizontal bars keep long labels (ASN, browser) readable.
     */
    public static JFreeChart bars(DefaultCategoryDataset data, String valueLabel, boolean horizontal, Function<String, Paint> paint) {
        CategoryAxis cat = new SafeCategoryAxis();
        cat.setTickLabelFont(TICK_FONT);
        cat.setMaximumCategoryLabelWidthRatio(horizontal ? 0.45f : 0.9f);
        cat.setCategoryMargin(0.15);
        NumberAxis val = valueAxis(valueLabel);
        val.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        BarRenderer r = new BarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                if (paint == null) return super.getItemPaint(row, column);
                return paint.apply(String.valueOf(data.getColumnKey(column)));
            }
        };
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setSeriesPaint(0, ACCENT);
        r.setMaximumBarWidth(0.08);
        safeLabels(r, safeTips(false));
        CategoryPlot plot = new CategoryPlot(data, cat, val, r);
        plot.setOrientation(horizontal ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL);
        JFreeChart chart = finish(new JFreeChart(null, LABEL_FONT, plot, false));
        if (horizontal) chart.setPadding(new org.jfree.chart.ui.RectangleInsets(4, 4, 4, 22)); // room for the last tick label
        return chart;
    }

    /**
     * A value axis whose tick labels stay apart: text drawn through FXGraphics2D runs wider than AWT
     * measures it, so JFreeChart's estimate alone packs labels such as "2,800" into each other.
     */
    private static NumberAxis valueAxis(String label) {
        NumberAxis val = new NumberAxis(label) {
            @Override
            protected double estimateMaximumTickLabelWidth(java.awt.Graphics2D g2, org.jfree.chart.axis.TickUnit unit) {
                return super.estimateMaximumTickLabelWidth(g2, unit) * 1.6;
            }
        };
        val.setLabelFont(LABEL_FONT);
        val.setTickLabelFont(TICK_FONT);
        return val;
    }

    /**
     * Horizontal bars with one series per row key and a legend: grouped side by side, or stacked.
     * {@code tips} gives each bar's tooltip (e.g. the raw value behind a scaled bar); null for "{0}, {1}: {2}".
     */
    public static JFreeChart seriesBars(DefaultCategoryDataset data, String valueLabel, boolean stacked, boolean integers,
                                        org.jfree.chart.labels.CategoryToolTipGenerator tips) {
        CategoryAxis cat = new SafeCategoryAxis();
        cat.setTickLabelFont(TICK_FONT);
        cat.setMaximumCategoryLabelWidthRatio(0.4f);
        cat.setCategoryMargin(stacked ? 0.2 : 0.25);
        NumberAxis val = valueAxis(valueLabel);
        if (integers) val.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        BarRenderer r = stacked ? new org.jfree.chart.renderer.category.StackedBarRenderer() : new BarRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setItemMargin(0.02);
        r.setMaximumBarWidth(0.12);
        for (int i = 0; i < SERIES.length; i++) r.setSeriesPaint(i, SERIES[i]);
        safeLabels(r, tips != null ? tips : safeTips(true));
        CategoryPlot plot = new CategoryPlot(data, cat, val, r);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        JFreeChart chart = finish(new JFreeChart(null, LABEL_FONT, plot, true));
        chart.getLegend().setItemFont(TICK_FONT);
        chart.getLegend().setFrame(org.jfree.chart.block.BlockBorder.NONE);
        chart.getLegend().setItemLabelPadding(LEGEND_PADDING);
        chart.setPadding(new org.jfree.chart.ui.RectangleInsets(4, 4, 4, 22)); // room for the last tick label
        return chart;
    }

    /**
     * Room after each legend entry: JFreeChart lays entries out with AWT's text widths, and text drawn
     * through FXGraphics2D runs wider (see {@link #valueAxis}), most on long entries.
     */
    private static final org.jfree.chart.ui.RectangleInsets LEGEND_PADDING = new org.jfree.chart.ui.RectangleInsets(2, 4, 2, 30);

    /** Colours of successive series (colour-blind friendly, Okabe-Ito based). */
    public static final Color[] SERIES = Palette.LIGHT.series().stream().map(ChartTheme::awt).toArray(Color[]::new);

    /** Counts per hour on a UTC time axis. */
    public static JFreeChart hourlyBars(TimeSeriesCollection data, String valueLabel) {
        DateAxis time = new DateAxis();
        time.setTimeZone(TimeZone.getTimeZone("UTC"));
        SimpleDateFormat fmt = new SimpleDateFormat("dd MMM HH:mm");
        fmt.setTimeZone(TimeZone.getTimeZone("UTC"));
        time.setDateFormatOverride(fmt);
        time.setTickLabelFont(TICK_FONT);
        NumberAxis val = new NumberAxis(valueLabel);
        val.setLabelFont(LABEL_FONT);
        val.setTickLabelFont(TICK_FONT);
        val.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYBarRenderer r = new XYBarRenderer(0.15);
        r.setBarPainter(new StandardXYBarPainter());
        r.setShadowVisible(false);
        r.setSeriesPaint(0, ACCENT);
        SimpleDateFormat tip = new SimpleDateFormat("yyyy-MM-dd HH:mm 'UTC'");
        tip.setTimeZone(TimeZone.getTimeZone("UTC"));
        r.setDefaultToolTipGenerator(new StandardXYToolTipGenerator("{1}: {2}", tip, java.text.NumberFormat.getIntegerInstance()));
        XYPlot plot = new XYPlot(data, time, val, r);
        return finish(new JFreeChart(null, LABEL_FONT, plot, false));
    }

    /** Points only (no lines), a legend below; the caller sets per-series shapes and paints. */
    public static JFreeChart scatter(org.jfree.data.xy.XYDataset data, String xLabel, String yLabel,
                                     org.jfree.chart.renderer.xy.XYItemRenderer renderer) {
        NumberAxis x = new NumberAxis(xLabel);
        NumberAxis y = new NumberAxis(yLabel);
        for (NumberAxis a : new NumberAxis[] {x, y}) {
            a.setLabelFont(LABEL_FONT);
            a.setTickLabelFont(TICK_FONT);
            a.setAutoRangeIncludesZero(false);
        }
        if (renderer instanceof org.jfree.chart.renderer.xy.AbstractXYItemRenderer r) {
            r.setLegendItemLabelGenerator((d, series) -> SafeText.legend(d.getSeriesKey(series)));
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        JFreeChart chart = finish(new JFreeChart(null, LABEL_FONT, plot, true));
        plot.setDomainGridlinesVisible(true);
        plot.setDomainGridlinePaint(GRID);
        chart.getLegend().setItemFont(LABEL_FONT);
        chart.getLegend().setFrame(org.jfree.chart.block.BlockBorder.NONE);
        chart.getLegend().setItemLabelPadding(LEGEND_PADDING);
        return chart;
    }

    /** Equal-width bins as adjacent bars on a numeric axis; tooltips give the interval and count. */
    public static JFreeChart histogram(org.jfree.data.xy.IntervalXYDataset data, String xLabel, String valueLabel) {
        NumberAxis x = new NumberAxis(xLabel);
        x.setLabelFont(LABEL_FONT);
        x.setTickLabelFont(TICK_FONT);
        x.setAutoRangeIncludesZero(false);
        XYBarRenderer r = new XYBarRenderer(0.06);
        r.setBarPainter(new StandardXYBarPainter());
        r.setShadowVisible(false);
        r.setSeriesPaint(0, ACCENT);
        java.text.NumberFormat n = java.text.NumberFormat.getIntegerInstance();
        r.setDefaultToolTipGenerator((d, s, i) -> "[" + trim(((org.jfree.data.xy.IntervalXYDataset) d).getStartXValue(s, i)) + ", "
                + trim(((org.jfree.data.xy.IntervalXYDataset) d).getEndXValue(s, i)) + "): " + n.format(d.getYValue(s, i)));
        XYPlot plot = new XYPlot(data, x, countAxis(valueLabel, false), r);
        return finish(new JFreeChart(null, LABEL_FONT, plot, false));
    }

    /**
     * Switches a histogram's count axis between linear and logarithmic: on a skewed feature a few
     * huge bins flatten the others, which a log scale shows again. Bars then start at 0.5 (log 0 is
     * undefined); empty bins should hold NaN, which is not drawn.
     */
    public static void logCounts(JFreeChart histogram, boolean log) {
        XYPlot plot = histogram.getXYPlot();
        plot.setRangeAxis(countAxis(plot.getRangeAxis().getLabel(), log));
        ((XYBarRenderer) plot.getRenderer()).setBase(log ? 0.5 : 0);
    }

    private static org.jfree.chart.axis.ValueAxis countAxis(String label, boolean log) {
        org.jfree.chart.axis.ValueAxis axis;
        if (log) {
            org.jfree.chart.axis.LogAxis a = new org.jfree.chart.axis.LogAxis(label + " (log)");
            a.setSmallestValue(0.5);
            a.setNumberFormatOverride(java.text.NumberFormat.getIntegerInstance());
            a.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            axis = a;
        } else {
            NumberAxis a = new NumberAxis(label.replace(" (log)", ""));
            a.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            axis = a;
        }
        axis.setLabelFont(LABEL_FONT);
        axis.setTickLabelFont(TICK_FONT);
        ChartTheme.styleAxis(axis);
        return axis;
    }

    /** A bin edge without floating-point noise (0.30000000000000004 -> 0.3). */
    public static String trim(double v) {
        return java.math.BigDecimal.valueOf(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }

    /**
     * How a radar is drawn: the IP drill-down's (large labels, outlined series) or the compact one of
     * the cluster sidebar (small grey labels, the legend below).
     */
    public record RadarStyle(Font labelFont, Paint labelPaint, double interiorGap, Paint axisLine, boolean outlineSeries,
                             Font legendFont) {
        public static final RadarStyle FULL = new RadarStyle(LABEL_FONT, null, 0.22, GRID, true, LABEL_FONT);
        public static final RadarStyle COMPACT = new RadarStyle(new Font("DejaVu Sans", Font.PLAIN, 9),
                ChartTheme.awt(Palette.LIGHT.mutedText()), 0.14, GRID, false, new Font("DejaVu Sans", Font.PLAIN, 10));
    }

    /**
     * A radar (spider web) of series over the same axes, values already scaled to 0-1;
     * {@code tooltip} gives the hover text of (series, axis).
     */
    public static JFreeChart radar(DefaultCategoryDataset data, java.util.List<Paint> seriesPaints,
                                   java.util.function.BiFunction<Integer, Integer, String> tooltip) {
        return radar(data, seriesPaints, tooltip, RadarStyle.FULL);
    }

    /** A radar drawn in {@code style}; {@link #paintRadarSeries} recolours a series later (a new selection). */
    public static JFreeChart radar(DefaultCategoryDataset data, java.util.List<Paint> seriesPaints,
                                   java.util.function.BiFunction<Integer, Integer, String> tooltip, RadarStyle style) {
        org.jfree.chart.plot.SpiderWebPlot plot = new org.jfree.chart.plot.SpiderWebPlot(data);
        plot.setMaxValue(1.0);
        plot.setWebFilled(true);
        plot.setLabelFont(style.labelFont());
        plot.setLabelPaint(style.labelPaint() != null ? style.labelPaint() : ChartTheme.awt(Palette.LIGHT.text()));
        plot.setInteriorGap(style.interiorGap());
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setAxisLinePaint(style.axisLine());
        plot.setAxisLineStroke(new BasicStroke(1f));
        for (int i = 0; i < seriesPaints.size(); i++) {
            plot.setSeriesPaint(i, seriesPaints.get(i));
            if (style.outlineSeries()) {
                plot.setSeriesOutlinePaint(i, seriesPaints.get(i));
                plot.setSeriesOutlineStroke(i, new BasicStroke(i == 0 ? 2.5f : 1.5f));
            }
        }
        plot.setToolTipGenerator((dataset, series, category) -> SafeText.tip(tooltip.apply(series, category)));
        plot.setLabelGenerator(new org.jfree.chart.labels.StandardCategoryItemLabelGenerator() {
            @Override
            public String generateColumnLabel(org.jfree.data.category.CategoryDataset d, int column) {
                return SafeText.cell(d.getColumnKey(column));
            }
        });
        JFreeChart chart = new JFreeChart(null, LABEL_FONT, plot, true);
        chart.getLegend().setItemFont(style.legendFont());
        chart.getLegend().setFrame(org.jfree.chart.block.BlockBorder.NONE);
        // the viewer draws text a little wider than JFreeChart measures it: room so items do not run into the next
        chart.getLegend().setItemLabelPadding(new org.jfree.chart.ui.RectangleInsets(2, 4, 2, 40));
        return finish(chart);
    }

    /**
     * "series, category: count" (or "category: count") from the keys cut to a cell's length first.
     * JFreeChart's own generator formats the raw keys, for every bar at every redraw: on hostile text
     * (100 KB categories) that held the JavaFX thread 100-170 ms per redraw of the Geo view.
     */
    private static org.jfree.chart.labels.CategoryToolTipGenerator safeTips(boolean withSeries) {
        java.text.NumberFormat counts = java.text.NumberFormat.getIntegerInstance();
        return (d, row, column) -> {
            Number v = d.getValue(row, column);
            String item = SafeText.cell(d.getColumnKey(column)) + ": " + (v == null ? "-" : counts.format(v));
            return withSeries ? SafeText.cell(d.getRowKey(row)) + ", " + item : item;
        };
    }

    /** Legend entries and item tooltips of a category renderer shown safely. */
    private static void safeLabels(BarRenderer r, org.jfree.chart.labels.CategoryToolTipGenerator tips) {
        r.setLegendItemLabelGenerator((d, series) -> SafeText.legend(d.getRowKey(series)));
        r.setDefaultToolTipGenerator((d, row, column) -> SafeText.tip(tips.generateToolTip(d, row, column)));
    }

    /** A category axis whose tick labels are the categories shown safely (bounded, markers for invisible characters). */
    static final class SafeCategoryAxis extends CategoryAxis {
        @Override
        protected org.jfree.chart.text.TextBlock createLabel(Comparable category, float width, org.jfree.chart.ui.RectangleEdge edge,
                                                             java.awt.Graphics2D g2) {
            return super.createLabel(SafeText.cell(category), width, edge, g2);
        }
    }

    /** Gives a radar's series another colour (a palette colour: {@link Theme#palette()}). */
    public static void paintRadarSeries(JFreeChart radar, int series, Paint paint) {
        ((org.jfree.chart.plot.SpiderWebPlot) radar.getPlot()).setSeriesPaint(series, paint);
    }

    private static JFreeChart finish(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setBorderVisible(false);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        if (chart.getPlot() instanceof CategoryPlot p) {
            p.setBackgroundPaint(Color.WHITE);
            p.setOutlineVisible(false);
            p.setRangeGridlinePaint(GRID);
            p.setRangeGridlineStroke(new BasicStroke(1f));
        } else if (chart.getPlot() instanceof XYPlot p) {
            p.setBackgroundPaint(Color.WHITE);
            p.setOutlineVisible(false);
            p.setRangeGridlinePaint(GRID);
            p.setDomainGridlinesVisible(false);
        }
        return ChartTheme.adopt(chart);
    }

    public static Color awt(String hex) {
        return Color.decode(hex);
    }
}
