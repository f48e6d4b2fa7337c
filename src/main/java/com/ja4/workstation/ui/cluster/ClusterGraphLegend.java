package com.ja4.workstation.ui.cluster;

import com.ja4.workstation.analysis.cluster.ClusterEdge;
import com.ja4.workstation.analysis.cluster.ClusterProfile;
import com.ja4.workstation.analysis.cluster.RiskGroup;
import com.ja4.workstation.ui.cluster.GraphGeometry.Box;
import com.ja4.workstation.ui.common.Fx;
import com.ja4.workstation.ui.common.Palette;
import com.ja4.workstation.ui.common.Theme;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/** What the relation graph draws besides its nodes and labels: the edges, the legend strip and the risk columns' headers. */
final class ClusterGraphLegend {

    /** Risk bands of the legend (same thresholds as RiskScore / RiskGroup). */
    static final List<String[]> RISK_LEGEND = List.of(
            new String[] {"#dc2626", "≥ 0.92  scanner / critical"}, new String[] {"#ef4444", "0.70 – 0.92  high"},
            new String[] {"#f97316", "0.45 – 0.70  bots"}, new String[] {"#eab308", "0.25 – 0.45  suspects"},
            new String[] {"#22c55e", "< 0.25  legitimate"});

    private ClusterGraphLegend() {
    }

    /** Edges, wider and darker when more similar, the strongest drawn last (on top). */
    static void drawEdges(GraphicsContext g, List<ClusterEdge> edges, Map<String, GraphGeometry.Node> nodes, ViewTransform view) {
        double min = edges.stream().mapToDouble(ClusterEdge::similarity).min().orElse(0);
        double max = edges.stream().mapToDouble(ClusterEdge::similarity).max().orElse(1);
        List<ClusterEdge> ordered = new ArrayList<>(edges);
        ordered.sort(Comparator.comparingDouble(ClusterEdge::similarity));
        for (ClusterEdge e : ordered) {
            GraphGeometry.Node a = nodes.get(e.source());
            GraphGeometry.Node b = nodes.get(e.target());
            if (a == null || b == null) continue;
            double t = max - min < 1e-9 ? 0.5 : (e.similarity() - min) / (max - min);
            g.setStroke(edge(t));
            g.setLineWidth(1 + 5 * t);
            g.strokeLine(view.screenX(a.x()), view.screenY(a.y()), view.screenX(b.x()), view.screenY(b.y()));
        }
    }

    /** The legend strip: risk bands, edge similarity, node size. */
    static void draw(GraphicsContext g, Box b, List<ClusterProfile> clusters, List<ClusterEdge> edges) {
        Palette p = Theme.palette();
        Color text = Theme.fx(p.legendText());
        g.setFill(Theme.fx(p.legendBackground()));
        g.fillRect(b.x(), b.y(), b.w(), b.h());
        g.setStroke(Theme.fx(p.line()));
        g.setLineWidth(1);
        g.strokeLine(b.x(), b.y() + 0.5, b.x() + b.w(), b.y() + 0.5);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        double y = b.y() + 13;
        double x = 10;
        g.setFont(ClusterGraphCanvas.LABEL_FONT);
        g.setFill(text);
        g.fillText("Risk", x, y);
        x += 40;
        g.setFont(ClusterGraphCanvas.SMALL_FONT);
        for (String[] band : RISK_LEGEND) {
            g.setFill(Color.web(band[0]));
            g.fillOval(x, y - 5, 10, 10);
            g.setFill(text);
            g.fillText(band[1], x + 14, y);
            x += 14 + ClusterGraphCanvas.textWidth(band[1], ClusterGraphCanvas.SMALL_FONT) + 16;
        }
        y = b.y() + 31;
        x = 10;
        g.setFont(ClusterGraphCanvas.LABEL_FONT);
        g.fillText("Edge similarity", x, y);
        x += ClusterGraphCanvas.textWidth("Edge similarity", ClusterGraphCanvas.LABEL_FONT) + 10;
        double min = edges.stream().mapToDouble(ClusterEdge::similarity).min().orElse(0);
        double max = edges.stream().mapToDouble(ClusterEdge::similarity).max().orElse(1);
        g.setFont(ClusterGraphCanvas.SMALL_FONT);
        for (int i = 0; i < 3; i++) {
            double t = i / 2.0;
            g.setStroke(edge(t));
            g.setLineWidth(1 + 5 * t);
            g.strokeLine(x, y, x + 26, y);
            g.setFill(text);
            g.fillText(Fx.decimal(min + t * (max - min), 2), x + 30, y);
            x += 66;
        }
        int lo = clusters.stream().mapToInt(ClusterProfile::ipCount).min().orElse(0);
        int hi = clusters.stream().mapToInt(ClusterProfile::ipCount).max().orElse(0);
        g.fillText("   ·   node area ∝ IPs (" + Fx.count(lo) + " – " + Fx.count(hi) + ")   ·   edges: each cluster to its 2 nearest",
                x, y);
    }

    /** Column headers in the risk-column layout, above each column. */
    static void drawColumnHeaders(GraphicsContext g, ViewTransform view, List<ClusterProfile> clusters) {
        RiskGroup[] groups = RiskGroup.values();
        g.setFont(Font.font("DejaVu Sans", FontWeight.BOLD, 13));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.setFill(Theme.fx(Theme.palette().canvasText()));
        for (int i = 0; i < groups.length; i++) {
            double wx = GraphGeometry.WORLD_WIDTH * (2 * i + 1) / (2.0 * groups.length);
            RiskGroup group = groups[i];
            long n = clusters.stream().filter(c -> c.group() == group).count();
            g.fillText(group.label() + " (" + n + ")", view.screenX(wx), 20);
        }
        g.setTextAlign(TextAlignment.LEFT);
    }

    /** An edge's colour: from the weakest ({@code t} = 0) to the strongest similarity. */
    static Color edge(double t) {
        Palette p = Theme.palette();
        return Theme.fx(p.edgeLow()).interpolate(Theme.fx(p.edgeHigh()), t);
    }
}
