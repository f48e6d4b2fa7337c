package com.ja4.workstation.ui.cluster;

import com.ja4.workstation.analysis.cluster.ClusterProfile;
import com.ja4.workstation.analysis.cluster.RiskGroup;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The geometry of the cluster graph, without JavaFX so it can be tested without a display:
 * node radius, node placement (PCA or risk columns, then pushed apart so nodes never overlap),
 * and greedy label placement (no two labels overlap).
 */
public final class GraphGeometry {

    /** Radius of the smallest and of the largest cluster of a run, in world pixels. */
    public static final double MIN_RADIUS = 14;
    public static final double MAX_RADIUS = 60;
    /** World size the positions are computed in; the view transform fits it into the canvas. */
    public static final double WORLD_WIDTH = 1000;
    public static final double WORLD_HEIGHT = 700;
    static final double MARGIN = 70;
    /** Space kept between two nodes: room for a label between them. */
    static final double GAP = 44;

    public enum Layout { PCA, RISK_COLUMNS }

    /** A node in world coordinates. */
    public record Node(String id, double x, double y, double r) {
        Node at(double nx, double ny) {
            return new Node(id, nx, ny, r);
        }
    }

    /** An axis-aligned box (labels, circles' bounds). */
    public record Box(double x, double y, double w, double h) {
        public boolean intersects(Box o) {
            return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h;
        }

        public boolean inside(Box o) {
            return x >= o.x && y >= o.y && x + w <= o.x + o.w && y + h <= o.y + o.h;
        }
    }

    /** A circle on screen. */
    public record Circle(String id, double x, double y, double r) {
        Box bounds() {
            return new Box(x - r, y - r, 2 * r, 2 * r);
        }
    }

    /** Where a label is drawn: its box on screen and its lines. */
    public record PlacedLabel(String id, Box box, List<String> lines) {
    }

    private GraphGeometry() {
    }

    /**
     * Radius proportional to sqrt(IPs), scaled so that the run's smallest cluster gets
     * {@link #MIN_RADIUS} and its largest {@link #MAX_RADIUS} (area follows the IP count).
     */
    public static double radius(int ips, int minIps, int maxIps) {
        double lo = Math.sqrt(Math.max(0, minIps));
        double hi = Math.sqrt(Math.max(0, maxIps));
        if (hi - lo < 1e-9) return (MIN_RADIUS + MAX_RADIUS) / 2;
        double t = (Math.sqrt(Math.max(0, ips)) - lo) / (hi - lo);
        t = Math.max(0, Math.min(1, t));
        return MIN_RADIUS + t * (MAX_RADIUS - MIN_RADIUS);
    }

    /** Nodes of the run in world coordinates; no two nodes overlap. */
    public static List<Node> layout(List<ClusterProfile> clusters, Layout layout) {
        if (clusters.isEmpty()) return List.of();
        int min = clusters.stream().mapToInt(ClusterProfile::ipCount).min().orElse(0);
        int max = clusters.stream().mapToInt(ClusterProfile::ipCount).max().orElse(0);
        List<Node> nodes = new ArrayList<>();
        if (layout == Layout.PCA) {
            for (ClusterProfile c : clusters) {
                nodes.add(new Node(c.id(), MARGIN + c.x() * (WORLD_WIDTH - 2 * MARGIN),
                        MARGIN + c.y() * (WORLD_HEIGHT - 2 * MARGIN), radius(c.ipCount(), min, max)));
            }
        } else {
            RiskGroup[] groups = RiskGroup.values();
            for (int g = 0; g < groups.length; g++) {
                RiskGroup group = groups[g];
                List<ClusterProfile> column = clusters.stream().filter(c -> c.group() == group)
                        .sorted(Comparator.comparingDouble(ClusterProfile::risk).reversed()).toList();
                double x = WORLD_WIDTH * (2 * g + 1) / (2.0 * groups.length);
                for (int i = 0; i < column.size(); i++) {
                    ClusterProfile c = column.get(i);
                    // two staggered sub-columns keep a long column readable
                    double dx = column.size() > 4 ? (i % 2 == 0 ? -45 : 45) : 0;
                    nodes.add(new Node(c.id(), x + dx, MARGIN + (i + 0.5) * (WORLD_HEIGHT - 2 * MARGIN) / column.size(),
                            radius(c.ipCount(), min, max)));
                }
            }
        }
        return separate(nodes);
    }

    /** Pushes overlapping nodes apart (deterministic, a few hundred passes at most). */
    static List<Node> separate(List<Node> in) {
        List<Node> nodes = new ArrayList<>(in);
        for (int pass = 0; pass < 400; pass++) {
            boolean moved = false;
            for (int i = 0; i < nodes.size(); i++) {
                for (int j = i + 1; j < nodes.size(); j++) {
                    Node a = nodes.get(i);
                    Node b = nodes.get(j);
                    double dx = b.x() - a.x();
                    double dy = b.y() - a.y();
                    double d = Math.hypot(dx, dy);
                    double need = a.r() + b.r() + GAP;
                    if (d >= need) continue;
                    if (d < 1e-6) {  // same point: split along a fixed direction per pair
                        double angle = (i * 7 + j * 13) % 360 * Math.PI / 180;
                        dx = Math.cos(angle);
                        dy = Math.sin(angle);
                        d = 1;
                    }
                    double push = (need - d) / 2 + 0.5;
                    double ux = dx / d;
                    double uy = dy / d;
                    nodes.set(i, a.at(a.x() - ux * push, a.y() - uy * push));
                    nodes.set(j, b.at(b.x() + ux * push, b.y() + uy * push));
                    moved = true;
                }
            }
            if (!moved) break;
        }
        return nodes;
    }

    /** Smallest box holding every node, with room for labels around it. */
    public static Box bounds(List<Node> nodes) {
        double x0 = Double.MAX_VALUE, y0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE, y1 = -Double.MAX_VALUE;
        for (Node n : nodes) {
            x0 = Math.min(x0, n.x() - n.r());
            y0 = Math.min(y0, n.y() - n.r());
            x1 = Math.max(x1, n.x() + n.r());
            y1 = Math.max(y1, n.y() + n.r());
        }
        if (nodes.isEmpty()) return new Box(0, 0, WORLD_WIDTH, WORLD_HEIGHT);
        return new Box(x0 - MARGIN, y0 - MARGIN / 2, x1 - x0 + 2 * MARGIN, y1 - y0 + MARGIN);
    }

    /**
     * Greedy label placement: labels are placed in the given order (most important first); each
     * tries positions around its node (below, above, right, left, then the diagonals, then further
     * out) and takes the first whose box stays inside {@code area} and overlaps no placed label, no
     * obstacle and no other node; failing that, the same with the name alone on one shortened line.
     * A label that fits nowhere is skipped (the node keeps its tooltip and the sidebar).
     *
     * @param lines      text lines of each label, by node id
     * @param textWidth  width of a line in pixels
     * @param lineHeight height of a line in pixels
     * @param obstacles  boxes no label may cover (the legend)
     */
    public static List<PlacedLabel> placeLabels(List<Circle> circles, Map<String, List<String>> lines,
                                                ToDoubleFunction<String> textWidth, double lineHeight, Box area,
                                                List<Box> obstacles) {
        List<PlacedLabel> placed = new ArrayList<>();
        Map<String, Circle> byId = new LinkedHashMap<>();
        circles.forEach(c -> byId.put(c.id(), c));
        for (Circle c : circles) {
            List<String> text = lines.getOrDefault(c.id(), List.of());
            if (text.isEmpty()) continue;
            // the full label, else its name on one shortened line: never over another label or node
            for (List<String> variant : List.of(text, compact(text))) {
                double w = 0;
                for (String l : variant) w = Math.max(w, textWidth.applyAsDouble(l));
                w += 8;
                double h = variant.size() * lineHeight + 4;
                Box chosen = null;
                for (Box candidate : candidates(c, w, h)) {
                    if (!candidate.inside(area)) continue;
                    if (placed.stream().anyMatch(p -> p.box().intersects(candidate))) continue;
                    if (obstacles.stream().anyMatch(o -> o.intersects(candidate))) continue;
                    if (byId.values().stream().anyMatch(o -> o != c && o.bounds().intersects(candidate))) continue;
                    chosen = candidate;
                    break;
                }
                if (chosen != null) {
                    placed.add(new PlacedLabel(c.id(), chosen, variant));
                    break;
                }
            }
        }
        return placed;
    }

    /** First line only, shortened to {@value #COMPACT} characters. */
    static List<String> compact(List<String> lines) {
        String first = lines.get(0);
        return List.of(first.length() <= COMPACT ? first : first.substring(0, COMPACT - 1).trim() + "…");
    }

    static final int COMPACT = 22;

    private static List<Box> candidates(Circle c, double w, double h) {
        List<Box> out = new ArrayList<>();
        for (double gap : new double[] {4, 22, 48, 84, 124}) {
            double d = c.r() + gap;
            out.add(new Box(c.x() - w / 2, c.y() + d, w, h));            // below
            out.add(new Box(c.x() - w / 2, c.y() - d - h, w, h));        // above
            out.add(new Box(c.x() + d, c.y() - h / 2, w, h));            // right
            out.add(new Box(c.x() - d - w, c.y() - h / 2, w, h));        // left
            double diag = d * 0.72;
            out.add(new Box(c.x() + diag, c.y() + diag, w, h));          // below right
            out.add(new Box(c.x() - diag - w, c.y() + diag, w, h));      // below left
            out.add(new Box(c.x() + diag, c.y() - diag - h, w, h));      // above right
            out.add(new Box(c.x() - diag - w, c.y() - diag - h, w, h));  // above left
        }
        return out;
    }

    /** Splits a label into lines of at most {@code max} characters at spaces (two lines at most). */
    public static List<String> wrap(String text, int max) {
        if (text.length() <= max) return List.of(text);
        int cut = text.lastIndexOf(' ', max);
        if (cut <= 0) cut = max;
        String first = text.substring(0, cut).trim();
        String rest = text.substring(cut).trim();
        if (rest.length() > max) rest = rest.substring(0, max - 1) + "…";
        return List.of(first, rest);
    }

    /** Node ids by position in the list, for lookups. */
    static Map<String, Node> byId(List<Node> nodes) {
        Map<String, Node> m = new HashMap<>();
        nodes.forEach(n -> m.put(n.id(), n));
        return m;
    }
}
