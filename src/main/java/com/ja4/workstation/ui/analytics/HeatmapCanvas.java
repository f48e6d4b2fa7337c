package com.ja4.workstation.ui.analytics;

import com.ja4.workstation.ui.common.Fx;
import com.ja4.workstation.ui.common.Theme;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;

/**
 * Day-of-week (rows, Monday first) x hour (columns, UTC) grid on a Canvas, a sequential colour
 * scale with its legend, and hover read-out. Empty cells are hatched, visibly different from
 * the palest colour of a low count.
 */
public final class HeatmapCanvas extends Region {

    static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final double LEFT = 48, TOP = 26, RIGHT = 16, LEGEND = 58, CELL_H_MAX = 40;

    private final Canvas canvas = new Canvas();
    private final Tooltip tip = new Tooltip();
    private final ReadOnlyStringWrapper hover = new ReadOnlyStringWrapper("");
    private long[][] counts = new long[7][24];
    private long max;
    /** Redraws in the new theme's colours (held here: the theme holds it weakly). */
    private final javafx.beans.InvalidationListener themeChanged = o -> draw();

    public HeatmapCanvas() {
        getChildren().add(canvas);
        com.ja4.workstation.ui.common.Theme.modeProperty().addListener(new javafx.beans.WeakInvalidationListener(themeChanged));
        getStyleClass().add("heatmap-canvas");
        tip.setShowDelay(Duration.millis(80));
        setMinHeight(TOP + 7 * 22 + LEGEND);
        setPrefHeight(TOP + 7 * CELL_H_MAX + LEGEND);
        canvas.setOnMouseMoved(e -> {
            int[] cell = cellAt(e.getX(), e.getY());
            if (cell == null) {
                hover.set("");
                tip.hide();
                return;
            }
            String text = describe(cell[0], cell[1]);
            hover.set(text);
            tip.setText(text);
            if (getScene() != null && getScene().getWindow() != null) tip.show(canvas, e.getScreenX() + 14, e.getScreenY() + 10);
        });
        canvas.setOnMouseExited(e -> {
            hover.set("");
            tip.hide();
        });
    }

    /** counts[isoDay - 1][hour]. */
    public void setCounts(long[][] counts) {
        this.counts = counts;
        long m = 0;
        for (long[] row : counts) for (long v : row) m = Math.max(m, v);
        this.max = m;
        draw();
    }

    public ReadOnlyStringProperty hoverTextProperty() {
        return hover.getReadOnlyProperty();
    }

    /** "Thu 14:00–15:00 UTC: 1,234 requests" for a day index 0-6 and an hour. */
    public String describe(int day, int hour) {
        long v = counts[day][hour];
        return String.format("%s %02d:00–%02d:00 UTC: %s", DAYS[day], hour, (hour + 1) % 24, v == 0 ? "no requests" : Fx.count(v) + " requests");
    }

    /** {day 0-6, hour} under a canvas position, or null outside the grid. */
    public int[] cellAt(double x, double y) {
        double cw = cellW(), ch = cellH();
        if (x < LEFT || y < TOP || x >= LEFT + 24 * cw || y >= TOP + 7 * ch) return null;
        return new int[] {(int) ((y - TOP) / ch), (int) ((x - LEFT) / cw)};
    }

    /** Canvas position of a cell's centre (tests). */
    public double[] centreOf(int day, int hour) {
        return new double[] {LEFT + (hour + 0.5) * cellW(), TOP + (day + 0.5) * cellH()};
    }

    public Canvas canvas() {
        return canvas;
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private double cellW() {
        return Math.max(8, (canvas.getWidth() - LEFT - RIGHT) / 24);
    }

    private double cellH() {
        return Math.max(12, Math.min(CELL_H_MAX, (canvas.getHeight() - TOP - LEGEND) / 7));
    }

    /** Colour of a non-zero count: the palest step is clearly tinted, never white. */
    static Color colour(long v, long max) {
        Color[] scale = scale();
        double t = max <= 1 ? 1 : (double) (v - 1) / (max - 1);
        double pos = t * (scale.length - 1);
        int i = (int) Math.min(scale.length - 2, Math.floor(pos));
        return scale[i].interpolate(scale[i + 1], pos - i);
    }

    /** The theme's sequential scale, low to high count (on a dark background the busiest hours are the brightest). */
    private static Color[] scale() {
        return Theme.palette().heatScale().stream().map(Theme::fx).toArray(Color[]::new);
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth(), h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        if (w <= 0 || h <= 0) return;
        double cw = cellW(), ch = cellH();
        g.setFont(Font.font("DejaVu Sans", 11));
        g.setFill(Theme.fx(Theme.palette().canvasBackground()));
        g.fillRect(0, 0, w, h);
        g.setFill(Theme.fx(Theme.palette().canvasText()));
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.CENTER);
        for (int hr = 0; hr < 24; hr++) g.fillText(String.format("%02d", hr), LEFT + (hr + 0.5) * cw, TOP - 11);
        g.setTextAlign(TextAlignment.RIGHT);
        for (int d = 0; d < 7; d++) g.fillText(DAYS[d], LEFT - 8, TOP + (d + 0.5) * ch);
        for (int d = 0; d < 7; d++) {
            for (int hr = 0; hr < 24; hr++) {
                double x = LEFT + hr * cw, y = TOP + d * ch;
                long v = counts[d][hr];
                if (v == 0) emptyCell(g, x, y, cw, ch);
                else {
                    g.setFill(colour(v, max));
                    g.fillRect(x + 1, y + 1, cw - 2, ch - 2);
                }
            }
        }
        drawLegend(g, TOP + 7 * ch + 18, cw, ch);
    }

    /**
     * A white cell hatched with 45-degree lines. Each line is cut to the cell here rather than with a
     * canvas clip: a clip per cell made the software renderer take over half a second per frame.
     */
    private static void emptyCell(GraphicsContext g, double x, double y, double cw, double ch) {
        g.setFill(Theme.fx(Theme.palette().emptyCell()));
        g.fillRect(x + 1, y + 1, cw - 2, ch - 2);
        g.save();
        g.setStroke(Theme.fx(Theme.palette().hatch()));
        g.setLineWidth(1);
        g.setLineCap(StrokeLineCap.BUTT);
        double left = x + 1, right = x + cw - 1, top = y + 1, bottom = y + ch - 1;
        for (double k = -ch; k < cw; k += 6) {
            // the line (x + k + t*ch, y + ch - t*ch), t in [0, 1], kept where it lies inside the cell
            double from = Math.max(0, Math.max((left - x - k) / ch, (y + ch - bottom) / ch));
            double to = Math.min(1, Math.min((right - x - k) / ch, (y + ch - top) / ch));
            if (from < to) g.strokeLine(x + k + from * ch, y + ch - from * ch, x + k + to * ch, y + ch - to * ch);
        }
        g.restore();
        g.setStroke(Theme.fx(Theme.palette().hatch()));
        g.strokeRect(x + 1.5, y + 1.5, cw - 3, ch - 3);
    }

    private void drawLegend(GraphicsContext g, double y, double cw, double ch) {
        double x = LEFT;
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(Theme.fx(Theme.palette().canvasText()));
        g.fillText("Requests per hour:", x, y + 8);
        x += 130;
        emptyCell(g, x, y, 22, 16);
        g.setFill(Theme.fx(Theme.palette().canvasText()));
        g.fillText("none", x + 28, y + 8);
        x += 80;
        double barW = 240;
        Color[] scale = scale();
        Stop[] stops = new Stop[scale.length];
        for (int i = 0; i < scale.length; i++) stops[i] = new Stop((double) i / (scale.length - 1), scale[i]);
        g.setFill(new LinearGradient(x, 0, x + barW, 0, false, CycleMethod.NO_CYCLE, stops));
        g.fillRect(x, y + 1, barW, 14);
        g.setFill(Theme.fx(Theme.palette().canvasText()));
        g.fillText("1", x, y + 26);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(max > 0 ? Fx.count(max) : "–", x + barW, y + 26);
        g.setTextAlign(TextAlignment.CENTER);
        if (max > 2) g.fillText(Fx.count((max + 1) / 2), x + barW / 2, y + 26);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText("hours in UTC; rows are ISO days (Monday first)", x + barW + 24, y + 8);
    }
}
