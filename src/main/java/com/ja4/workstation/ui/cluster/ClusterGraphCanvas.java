package com.ja4.workstation.ui.cluster;

import com.ja4.workstation.analysis.cluster.ClusterChange;
import com.ja4.workstation.analysis.cluster.ClusterEdge;
import com.ja4.workstation.analysis.cluster.ClusterProfile;
import com.ja4.workstation.ui.cluster.GraphGeometry.Box;
import com.ja4.workstation.ui.cluster.GraphGeometry.Circle;
import com.ja4.workstation.ui.cluster.GraphGeometry.Layout;
import com.ja4.workstation.ui.cluster.GraphGeometry.Node;
import com.ja4.workstation.ui.cluster.GraphGeometry.PlacedLabel;
import com.ja4.workstation.ui.common.Fx;
import com.ja4.workstation.ui.common.Palette;
import com.ja4.workstation.ui.common.Theme;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;

/**
 * The cluster relation graph: nodes placed by PCA (or in risk columns), area proportional to the
 * IP count, coloured by risk; edges to each cluster's nearest clusters, wider and darker when more
 * similar; a dashed, thick or dotted ring around a cluster that is new, grown or shrunk since the
 * compared run; a legend. Wheel zooms around the cursor, dragging the background pans, dragging a node
 * moves it, a click selects. Labels are placed greedily so that they never overlap.
 */
public final class ClusterGraphCanvas extends Region {

    static final Font LABEL_FONT = Font.font("DejaVu Sans", FontWeight.BOLD, 11);
    static final Font SMALL_FONT = Font.font("DejaVu Sans", 10.5);
    static final double LINE_HEIGHT = 14;
    static final int WRAP = 26;

    private final Canvas canvas = new Canvas();
    private final ViewTransform view = new ViewTransform();
    private final Tooltip tooltip = new Tooltip();
    private List<ClusterProfile> clusters = List.of();
    private List<ClusterEdge> edges = List.of();
    private Map<String, ClusterChange.Kind> changes = Map.of();
    private String baseline = "";
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private Layout layout = Layout.PCA;
    private String selected;
    private Consumer<String> onSelect = id -> { };
    private List<PlacedLabel> labels = List.of();
    private boolean fitted;
    private double pressX, pressY, lastX, lastY;
    private String dragging;
    private boolean moved;
    /** Redraws in the new theme's colours (held here: the theme holds it weakly). */
    private final javafx.beans.InvalidationListener themeChanged = o -> redraw();

    public ClusterGraphCanvas() {
        getChildren().add(canvas);
        Theme.modeProperty().addListener(new javafx.beans.WeakInvalidationListener(themeChanged));
        getStyleClass().add("cluster-graph");
        setMinSize(200, 200);
        tooltip.setShowDelay(Duration.millis(150));
        canvas.setOnMousePressed(e -> {
            pressX = lastX = e.getX();
            pressY = lastY = e.getY();
            dragging = e.getButton() == MouseButton.PRIMARY ? nodeAt(e.getX(), e.getY()).orElse(null) : null;
            moved = false;
        });
        canvas.setOnMouseDragged(e -> {
            double dx = e.getX() - lastX;
            double dy = e.getY() - lastY;
            lastX = e.getX();
            lastY = e.getY();
            if (Math.hypot(e.getX() - pressX, e.getY() - pressY) > 3) moved = true;
            if (dragging != null) {
                Node n = nodes.get(dragging);
                nodes.put(dragging, n.at(n.x() + dx / view.scale(), n.y() + dy / view.scale()));
            } else {
                view.pan(dx, dy);
            }
            redraw();
        });
        canvas.setOnMouseReleased(e -> {
            if (!moved && e.getButton() == MouseButton.PRIMARY) {
                nodeAt(e.getX(), e.getY()).ifPresent(id -> {
                    select(id);
                    onSelect.accept(id);
                });
            }
            dragging = null;
        });
        canvas.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && nodeAt(e.getX(), e.getY()).isEmpty()) fit();
        });
        canvas.setOnScroll(e -> {
            if (e.getDeltaY() == 0) return;
            zoomAt(Math.pow(1.0015, e.getDeltaY()), e.getX(), e.getY());
            e.consume();
        });
        canvas.setOnMouseMoved(e -> {
            Optional<String> id = nodeAt(e.getX(), e.getY());
            canvas.setCursor(id.isPresent() ? Cursor.HAND : Cursor.DEFAULT);
            if (id.isPresent()) {
                ClusterProfile c = profile(id.get());
                tooltip.setText(com.ja4.workstation.ui.common.SafeText.cell(c.label()) + "\n" + Fx.count(c.ipCount()) + " IPs · " + Fx.count(c.hitCount())
                        + " hits · risk " + ClusterGraphCanvas.riskText(c.risk()) + "\n" + c.stack().label());
                Tooltip.install(canvas, tooltip);
            } else {
                Tooltip.uninstall(canvas, tooltip);
            }
        });
    }

    /** Shows a run's clusters and edges; the view is fitted to them. */
    public void setRun(List<ClusterProfile> clusters, List<ClusterEdge> edges) {
        this.clusters = List.copyOf(clusters);
        this.edges = List.copyOf(edges);
        if (selected != null && clusters.stream().noneMatch(c -> c.id().equals(selected))) selected = null;
        relayout();
    }

    /** Outlines the clusters that changed since {@code baseline} (empty: no comparison). */
    public void setChanges(Map<String, ClusterChange.Kind> changes, String baseline) {
        this.changes = Map.copyOf(changes);
        this.baseline = baseline;
        requestLayout();
        if (getWidth() > 0) fit();
    }

    /** The outline drawn around a node, if any. */
    public Optional<ClusterChange.Kind> outline(String id) {
        return Optional.ofNullable(changes.get(id)).filter(ChangeOutlines::outlined);
    }

    public void setLayout(Layout layout) {
        this.layout = layout;
        relayout();
    }

    public Layout layoutMode() {
        return layout;
    }

    private void relayout() {
        nodes.clear();
        GraphGeometry.layout(clusters, layout).forEach(n -> nodes.put(n.id(), n));
        fitted = false;
        requestLayout();
        if (getWidth() > 0) {
            fit();
        }
    }

    public void setOnSelect(Consumer<String> onSelect) {
        this.onSelect = onSelect;
    }

    /** Marks a cluster selected (without calling the select handler). */
    public void select(String id) {
        selected = id;
        redraw();
    }

    public String selected() {
        return selected;
    }

    public int nodeCount() {
        return nodes.size();
    }

    /** Centre of a node in this canvas's coordinates, as currently drawn. */
    public Optional<Point2D> nodeCentre(String id) {
        Node n = nodes.get(id);
        return n == null ? Optional.empty() : Optional.of(new Point2D(view.screenX(n.x()), view.screenY(n.y())));
    }

    /** Radius of a node on screen. */
    public double nodeRadius(String id) {
        Node n = nodes.get(id);
        return n == null ? 0 : n.r() * view.scale();
    }

    /** Labels drawn at the last redraw. */
    public List<PlacedLabel> labels() {
        return labels;
    }

    public ViewTransform transform() {
        return view;
    }

    public void zoomAt(double factor, double x, double y) {
        view.zoomAt(factor, x, y);
        redraw();
    }

    /** Shows every node. */
    public void fit() {
        if (getWidth() <= 0 || getHeight() <= 0) return;
        Box b = GraphGeometry.bounds(new ArrayList<>(nodes.values()));
        view.fit(b.x(), b.y(), b.w(), b.h(), getWidth(), getHeight() - legendHeight() - TOP_BAND);
        view.pan(0, TOP_BAND);
        fitted = true;
        redraw();
    }

    /** The cluster whose node contains the point (the nearest centre when nodes touch). */
    public Optional<String> nodeAt(double x, double y) {
        String best = null;
        double bestD = Double.MAX_VALUE;
        for (Node n : nodes.values()) {
            double d = Math.hypot(view.screenX(n.x()) - x, view.screenY(n.y()) - y);
            if (d <= n.r() * view.scale() + 2 && d < bestD) {
                best = n.id();
                bestD = d;
            }
        }
        return Optional.ofNullable(best);
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            if (!fitted || w > 0) fit();
        }
        if (!fitted) fit();
        redraw();
    }

    @Override
    protected double computePrefWidth(double height) {
        return 800;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 600;
    }

    private ClusterProfile profile(String id) {
        return clusters.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    /** The lines of a node's label: its name (wrapped) and its size and risk. */
    static List<String> labelLines(ClusterProfile c) {
        List<String> lines = new ArrayList<>(GraphGeometry.wrap(c.label(), WRAP));
        lines.add(Fx.count(c.ipCount()) + " IPs · risk " + ClusterGraphCanvas.riskText(c.risk()));
        return lines;
    }

    /**
     * A risk rounded down to two decimals: 0.449 reads 0.44, not 0.45, so that the figure never
     * contradicts its group (bots from 0.45).
     */
    public static String riskText(double risk) {
        return Fx.decimal(Math.floor(risk * 100 + 1e-9) / 100, 2);
    }

    static double textWidth(String s, Font font) {
        Text t = new Text(s);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    /** Height of the legend strip along the bottom edge (a row more with outlines); nodes are fitted above it. */
    double legendHeight() {
        return changes.values().stream().anyMatch(ChangeOutlines::outlined) ? 62 : 44;
    }
    /** Height of the hint line (and column headers) along the top edge. */
    static final double TOP_BAND = 40;

    /** Legend strip in canvas coordinates (bottom, full width). */
    Box legendBox() {
        return new Box(0, getHeight() - legendHeight(), getWidth(), legendHeight());
    }

    private void redraw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        Palette p = Theme.palette();
        g.setFill(Theme.fx(p.canvasBackground()));
        g.fillRect(0, 0, w, h);
        if (nodes.isEmpty()) {
            labels = List.of();
            return;
        }
        if (layout == Layout.RISK_COLUMNS) ClusterGraphLegend.drawColumnHeaders(g, view, clusters);
        ClusterGraphLegend.drawEdges(g, edges, nodes, view);
        drawNodes(g);
        drawLabels(g, w, h);
        ClusterGraphLegend.draw(g, legendBox(), clusters, edges);
        if (legendHeight() > 44) ChangeOutlines.drawLegend(g, 10, legendBox().y() + 49, baseline);
        g.setFill(Theme.fx(p.mutedText()));
        g.setFont(SMALL_FONT);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.TOP);
        g.fillText("wheel: zoom · drag: pan · drag a node: move · click: select · double-click: fit", w - 10, 5);
        g.setTextAlign(TextAlignment.LEFT);
    }

    private void drawNodes(GraphicsContext g) {
        List<Node> ordered = new ArrayList<>(nodes.values());
        ordered.sort(Comparator.comparingDouble(Node::r).reversed());
        for (Node n : ordered) {
            ClusterProfile c = profile(n.id());
            double x = view.screenX(n.x());
            double y = view.screenY(n.y());
            double r = n.r() * view.scale();
            Color colour = Color.web(c.colour());
            if (n.id().equals(selected)) {
                g.setFill(Theme.fx(Theme.palette().halo(), 0.15));
                g.fillOval(x - r - 8, y - r - 8, 2 * r + 16, 2 * r + 16);
            }
            g.setFill(colour.deriveColor(0, 1, 1, 0.88));
            g.fillOval(x - r, y - r, 2 * r, 2 * r);
            boolean sel = n.id().equals(selected);
            g.setStroke(sel ? Theme.fx(Theme.palette().labelText()) : colour.darker());
            g.setLineWidth(sel ? 3 : 1.2);
            g.strokeOval(x - r, y - r, 2 * r, 2 * r);
            outline(n.id()).ifPresent(kind -> ChangeOutlines.draw(g, x, y, r, kind));
            if (r >= 15) {
                g.setFill(Theme.fx(Palette.textOn(c.colour())));
                g.setFont(Font.font("DejaVu Sans", FontWeight.BOLD, Math.min(14, Math.max(9, r / 2.4))));
                g.setTextAlign(TextAlignment.CENTER);
                g.setTextBaseline(VPos.CENTER);
                g.fillText(String.valueOf(c.ipCount()), x, y);
                g.setTextAlign(TextAlignment.LEFT);
            }
        }
    }

    private void drawLabels(GraphicsContext g, double w, double h) {
        List<ClusterProfile> order = new ArrayList<>(clusters);
        order.sort(Comparator.comparing((ClusterProfile c) -> !c.id().equals(selected))
                .thenComparing(Comparator.comparingDouble(ClusterProfile::risk).reversed())
                .thenComparing(Comparator.comparingInt(ClusterProfile::ipCount).reversed()));
        List<Circle> circles = new ArrayList<>();
        Map<String, List<String>> lines = new LinkedHashMap<>();
        for (ClusterProfile c : order) {
            Node n = nodes.get(c.id());
            circles.add(new Circle(c.id(), view.screenX(n.x()), view.screenY(n.y()), n.r() * view.scale()));
            lines.put(c.id(), labelLines(c));
        }
        labels = GraphGeometry.placeLabels(circles, lines, s -> textWidth(s, LABEL_FONT), LINE_HEIGHT,
                new Box(2, 20, w - 4, h - 22), List.of(legendBox(), new Box(0, 0, w, layout == Layout.RISK_COLUMNS ? 38 : 20)));
        for (PlacedLabel p : labels) {
            ClusterProfile c = profile(p.id());
            Box b = p.box();
            Node n = nodes.get(p.id());
            double nx = view.screenX(n.x());
            double ny = view.screenY(n.y());
            double r = n.r() * view.scale();
            double cx = Math.max(b.x(), Math.min(nx, b.x() + b.w()));
            double cy = Math.max(b.y(), Math.min(ny, b.y() + b.h()));
            double d = Math.hypot(cx - nx, cy - ny);
            if (d > r + 8) {  // leader line from the node's rim to the label
                g.setStroke(Theme.fx(Theme.palette().line()));
                g.setLineWidth(1);
                g.strokeLine(nx + (cx - nx) * r / d, ny + (cy - ny) * r / d, cx, cy);
            }
            boolean sel = p.id().equals(selected);
            Palette pal = Theme.palette();
            g.setFill(Theme.fx(sel ? pal.selectedLabelBackground() : pal.labelBackground(), sel ? 0.92 : 0.9));
            g.fillRoundRect(b.x(), b.y(), b.w(), b.h(), 6, 6);
            g.setStroke(Color.web(c.colour()));
            g.setLineWidth(sel ? 2 : 1);
            g.strokeRoundRect(b.x(), b.y(), b.w(), b.h(), 6, 6);
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.TOP);
            for (int i = 0; i < p.lines().size(); i++) {
                boolean last = p.lines().size() > 1 && i == p.lines().size() - 1;  // the IPs · risk line
                g.setFont(last ? SMALL_FONT : LABEL_FONT);
                g.setFill(Theme.fx(sel ? pal.selectedLabelText() : last ? pal.labelMuted() : pal.labelText()));
                g.fillText(p.lines().get(i), b.x() + 4, b.y() + 2 + i * LINE_HEIGHT);
            }
        }
    }
}
