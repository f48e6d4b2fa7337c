package com.ja4.workstation.ui.cluster;

import com.ja4.workstation.analysis.cluster.ClusterChange;
import com.ja4.workstation.ui.common.Palette;
import com.ja4.workstation.ui.common.Theme;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * The relation graph's outline for a cluster that changed since the baseline: a ring just outside
 * the node, dashed for a new cluster, thick for a grown one, dotted for a shrunk one (the card badges'
 * colours in the light theme, lighter on the dark canvas), and its legend row.
 */
final class ChangeOutlines {

    // lighter rings on the dark canvas, where the light theme's violet, blue and slate fade out
    private static Color colour(ClusterChange.Kind kind) {
        boolean dark = Theme.palette() == Palette.DARK;
        return Color.web(switch (kind) {
            case NEW -> dark ? "#a78bfa" : "#7c3aed";
            case GROWN -> dark ? "#58a6ff" : "#1d4ed8";
            default -> dark ? "#9da5ae" : "#475569";
        });
    }

    private ChangeOutlines() {
    }

    /** True for the kinds that get an outline. */
    static boolean outlined(ClusterChange.Kind kind) {
        return kind == ClusterChange.Kind.NEW || kind == ClusterChange.Kind.GROWN || kind == ClusterChange.Kind.SHRUNK;
    }

    /** Draws the ring of {@code kind} around a node of radius {@code r} centred at (x, y). */
    static void draw(GraphicsContext g, double x, double y, double r, ClusterChange.Kind kind) {
        if (!outlined(kind)) return;
        double gap = 5;
        stroke(g, kind);
        g.strokeOval(x - r - gap, y - r - gap, 2 * (r + gap), 2 * (r + gap));
        g.setLineDashes();
    }

    private static void stroke(GraphicsContext g, ClusterChange.Kind kind) {
        switch (kind) {
            case NEW -> {
                g.setStroke(colour(kind));
                g.setLineWidth(3);
                g.setLineDashes(8, 5);
            }
            case GROWN -> {
                g.setStroke(colour(kind));
                g.setLineWidth(5);
                g.setLineDashes();
            }
            default -> {
                g.setStroke(colour(kind));
                g.setLineWidth(2.5);
                g.setLineDashes(2, 4);
            }
        }
    }

    /** The legend row: "Since the window before: ◌ new  ◯ grown  ⋯ shrunk". Returns the x after it. */
    static double drawLegend(GraphicsContext g, double x, double y, String baseline) {
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(ClusterGraphCanvas.LABEL_FONT);
        Palette p = Theme.palette();
        g.setFill(Theme.fx(p.legendText()));
        String title = "Outline: changed since " + baseline;
        g.fillText(title, x, y);
        x += ClusterGraphCanvas.textWidth(title, ClusterGraphCanvas.LABEL_FONT) + 14;
        g.setFont(ClusterGraphCanvas.SMALL_FONT);
        for (ClusterChange.Kind kind : new ClusterChange.Kind[] {ClusterChange.Kind.NEW, ClusterChange.Kind.GROWN,
                ClusterChange.Kind.SHRUNK}) {
            g.setFill(Theme.fx(p.edgeLow()));
            g.fillOval(x + 3, y - 5, 10, 10);
            stroke(g, kind);
            g.strokeOval(x, y - 8, 16, 16);
            g.setLineDashes();
            g.setFill(Theme.fx(p.legendText()));
            String name = kind.name().toLowerCase(java.util.Locale.ROOT);
            g.fillText(name, x + 22, y);
            x += 22 + ClusterGraphCanvas.textWidth(name, ClusterGraphCanvas.SMALL_FONT) + 18;
        }
        return x;
    }
}
