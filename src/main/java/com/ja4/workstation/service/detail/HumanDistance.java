package com.ja4.workstation.service.detail;

import com.ja4.workstation.domain.ip.RadarBaselines;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How far a behaviour value is from the human baseline of the window, and "why it fired": the
 * features furthest from it first.
 *
 * <p>distance = |value − human average| ÷ spread, where the spread is the population standard
 * deviation of the feature over every baseline window of the window, human and
 * datacenter/hosting together ({@link RadarBaselines#spread}). A distance of 3 is three
 * standard deviations from the average human. The pooled spread rather than the human one: many
 * features are 0 or 1 for nearly every human (headless, ALPN missing, UA rotation), so a human
 * spread of almost 0 would make any deviation look infinite; the pooled spread is the variation
 * the window actually shows. A feature with a single value in every baseline window has no spread:
 * a value equal to it is at distance 0, any other is infinitely far (ranked first). Without
 * baseline windows the distance is unknown (NaN) and not ranked.
 */
public final class HumanDistance {

    /** Signals listed under "why it fired". */
    public static final int WHY_COUNT = 5;

    private HumanDistance() {
    }

    public static double of(double value, double human, double spread, boolean hasBaselines) {
        if (!hasBaselines || Double.isNaN(value)) return Double.NaN;
        double gap = Math.abs(value - human);
        if (spread > 0) return gap / spread;
        return gap < 1e-12 ? 0 : Double.POSITIVE_INFINITY;
    }

    /** The value of one feature against the baselines. */
    public static double of(String feature, double value, RadarBaselines b) {
        boolean has = b.humanWindows() > 0;
        return of(value, b.human().getOrDefault(feature, 0.0), b.spread(feature), has);
    }

    /**
     * The ranked signals furthest from the human baseline, largest distance first (ties in the
     * catalogue's order), at most {@code limit}, leaving out those at distance 0.
     */
    public static List<SignalValue> whyItFired(List<SignalValue> values, int limit) {
        List<SignalValue> ranked = new ArrayList<>();
        for (SignalValue v : values) if (v.ranked() && v.distance() > 0) ranked.add(v);
        ranked.sort(Comparator.comparingDouble(SignalValue::distance).reversed()); // stable: catalogue order on ties
        return List.copyOf(ranked.subList(0, Math.min(limit, ranked.size())));
    }
}
