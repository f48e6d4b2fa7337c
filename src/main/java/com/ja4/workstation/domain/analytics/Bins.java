package com.ja4.workstation.domain.analytics;

/**
 * Equal-width histogram bins: bin i covers [origin + i*width, origin + (i+1)*width); the
 * maximum value goes to the last bin. The width is a "nice" number (1, 2, 2.5 or 5 x 10^k)
 * giving at most about {@link #TARGET} bins over the observed range.
 */
public record Bins(double origin, double width, int count) {

    public static final int TARGET = 20;

    public Bins {
        if (!(width > 0) || count < 1) throw new IllegalArgumentException("bins need a positive width and count");
    }

    /** Bins covering [min, max]. */
    public static Bins covering(double min, double max) {
        if (!(max > min)) {
            double w = niceWidth(Math.max(Math.abs(min), 1) / TARGET);
            return new Bins(Math.floor(min / w) * w, w, 1);
        }
        double width = niceWidth((max - min) / TARGET);
        double origin = Math.floor(min / width) * width;
        int count = (int) Math.max(1, Math.ceil((max - origin) / width));
        return new Bins(origin, width, count);
    }

    static double niceWidth(double raw) {
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * mag >= raw * (1 - 1e-12)) return m * mag;
        }
        return 10 * mag;
    }

    /** The bin of a value, exactly as the SQL computes it: least(floor((v - origin) / width), count - 1). */
    public int indexOf(double value) {
        return (int) Math.min(Math.floor((value - origin) / width), count - 1);
    }

    public double lower(int bin) {
        return origin + bin * width;
    }

    public double upper(int bin) {
        return origin + (bin + 1) * width;
    }
}
