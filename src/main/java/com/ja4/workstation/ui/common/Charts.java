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
import org.jfree.chart.labels.StandardCategoryToolTipGenerator;
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
 * menu exports PNG and SVG (JFreeSVG is on the class path).
 */
public final class Charts {

    public static final Font LABEL_FONT = new Font("DejaVu Sans", Font.PLAIN, 11);
    public static final Font TICK_FONT = new Font("DejaVu Sans", Font.PLAIN, 10);
    public static final Color GRID = new Color(0xE5, 0xE7, 0xEB);
    public static final Color ACCENT = new Color(0x25, 0x63, 0xEB);

    private Charts() {
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
        CategoryAxis cat = new CategoryAxis();
        cat.setTickLabelFont(TICK_FONT);
        cat.setMaximumCategoryLabelWidthRatio(horizontal ? 0.45f : 0.9f);
        cat.setCategoryMargin(0.15);
        NumberAxis val = new NumberAxis(valueLabel);
        val.setLabelFont(LABEL_FONT);
        val.setTickLabelFont(TICK_FONT);
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
        r.setDefaultToolTipGenerator(new StandardCategoryToolTipGenerator("{1}: {2}", java.text.NumberFormat.getIntegerInstance()));
        CategoryPlot plot = new CategoryPlot(data, cat, val, r);
        plot.setOrientation(horizontal ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL);
        return finish(new JFreeChart(null, LABEL_FONT, plot, false));
    }

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

    /**
     * A radar (spider web) of series over the same axes, values already scaled to 0-1;
     * {@code tooltip} gives the hover text of (series, axis).
     */
    public static JFreeChart radar(DefaultCategoryDataset data, java.util.List<Paint> seriesPaints,
                                   java.util.function.BiFunction<Integer, Integer, String> tooltip) {
        org.jfree.chart.plot.SpiderWebPlot plot = new org.jfree.chart.plot.SpiderWebPlot(data);
        plot.setMaxValue(1.0);
        plot.setWebFilled(true);
        plot.setLabelFont(LABEL_FONT);
        plot.setInteriorGap(0.22);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setAxisLinePaint(GRID);
        plot.setAxisLineStroke(new BasicStroke(1f));
        for (int i = 0; i < seriesPaints.size(); i++) {
            plot.setSeriesPaint(i, seriesPaints.get(i));
            plot.setSeriesOutlinePaint(i, seriesPaints.get(i));
            plot.setSeriesOutlineStroke(i, new BasicStroke(i == 0 ? 2.5f : 1.5f));
        }
        plot.setToolTipGenerator((dataset, series, category) -> tooltip.apply(series, category));
        JFreeChart chart = new JFreeChart(null, LABEL_FONT, plot, true);
        chart.getLegend().setItemFont(LABEL_FONT);
        chart.getLegend().setFrame(org.jfree.chart.block.BlockBorder.NONE);
        return finish(chart);
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
        return chart;
    }

    public static Color awt(String hex) {
        return Color.decode(hex);
    }
}
