package com.ja4.workstation.ui.cluster;

/**
 * World-to-screen transform of the graph: screen = world * scale + translate. Zooming keeps the
 * world point under the cursor where it is; panning moves by screen pixels.
 */
public final class ViewTransform {

    public static final double MIN_SCALE = 0.1;
    public static final double MAX_SCALE = 8;

    private double scale = 1;
    private double tx;
    private double ty;

    public double scale() {
        return scale;
    }

    public double screenX(double worldX) {
        return worldX * scale + tx;
    }

    public double screenY(double worldY) {
        return worldY * scale + ty;
    }

    public double worldX(double screenX) {
        return (screenX - tx) / scale;
    }

    public double worldY(double screenY) {
        return (screenY - ty) / scale;
    }

    /** Shows the world box (x, y, w, h) whole and centred in a canvas of the given size. */
    public void fit(double x, double y, double w, double h, double canvasW, double canvasH) {
        if (w <= 0 || h <= 0 || canvasW <= 0 || canvasH <= 0) return;
        scale = clamp(Math.min(canvasW / w, canvasH / h));
        tx = (canvasW - w * scale) / 2 - x * scale;
        ty = (canvasH - h * scale) / 2 - y * scale;
    }

    /** Multiplies the scale by {@code factor}, keeping the world point under (sx, sy) fixed. */
    public void zoomAt(double factor, double sx, double sy) {
        double wx = worldX(sx);
        double wy = worldY(sy);
        scale = clamp(scale * factor);
        tx = sx - wx * scale;
        ty = sy - wy * scale;
    }

    public void pan(double dx, double dy) {
        tx += dx;
        ty += dy;
    }

    private static double clamp(double s) {
        return Math.max(MIN_SCALE, Math.min(MAX_SCALE, s));
    }
}
