import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

/**
 * Draws the application icon (no downloads, no external tools): a dark rounded tile with a small
 * cluster graph (the workstation's signature view) and the letters "JA4".
 *
 * Run with the JDK's single-file launcher:  java installer/MakeIcon.java installer/resources/ja4-workstation.png [size]
 * The PNG is committed; re-run only to change the design.
 */
public final class MakeIcon {
    public static void main(String[] args) throws Exception {
        File out = new File(args.length > 0 ? args[0] : "ja4-workstation.png");
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 256;
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        double s = size / 256.0;
        g.scale(s, s);

        // tile
        g.setPaint(new GradientPaint(0, 0, new Color(0x1f2a44), 0, 256, new Color(0x0b1020)));
        g.fill(new RoundRectangle2D.Double(8, 8, 240, 240, 48, 48));
        g.setStroke(new BasicStroke(4f));
        g.setColor(new Color(0x3b82f6));
        g.draw(new RoundRectangle2D.Double(10, 10, 236, 236, 46, 46));

        // cluster graph: nodes coloured by risk, edges to near neighbours
        double[][] nodes = {{62, 66, 22}, {138, 46, 14}, {198, 84, 18}, {100, 112, 12}, {170, 130, 10}};
        Color[] colors = {new Color(0xef4444), new Color(0xf59e0b), new Color(0x22c55e), new Color(0xf59e0b), new Color(0x22c55e)};
        int[][] edges = {{0, 1}, {0, 3}, {1, 2}, {1, 3}, {2, 4}, {3, 4}};
        g.setStroke(new BasicStroke(5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(new Color(0x94a3b8));
        for (int[] e : edges) g.draw(new Line2D.Double(nodes[e[0]][0], nodes[e[0]][1], nodes[e[1]][0], nodes[e[1]][1]));
        for (int i = 0; i < nodes.length; i++) {
            double[] n = nodes[i];
            g.setColor(colors[i]);
            g.fill(new Ellipse2D.Double(n[0] - n[2], n[1] - n[2], 2 * n[2], 2 * n[2]));
            g.setColor(new Color(0x0b1020));
            g.setStroke(new BasicStroke(3f));
            g.draw(new Ellipse2D.Double(n[0] - n[2], n[1] - n[2], 2 * n[2], 2 * n[2]));
        }

        // "JA4" as outlines (the same on any machine whatever fonts it has: logical SansSerif, bold)
        Font font = new Font(Font.SANS_SERIF, Font.BOLD, 72);
        GlyphVector gv = font.createGlyphVector(new FontRenderContext(null, true, true), "JA4");
        var bounds = gv.getVisualBounds();
        double x = 128 - bounds.getCenterX();
        double y = 222 - bounds.getMaxY();
        var shape = gv.getOutline((float) x, (float) y);
        g.setColor(Color.WHITE);
        g.fill(shape);
        g.dispose();
        ImageIO.write(img, "png", out);
        System.out.println("icon " + size + "x" + size + " -> " + out);
    }
}
