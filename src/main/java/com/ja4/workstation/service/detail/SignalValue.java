package com.ja4.workstation.service.detail;

import com.ja4.workstation.domain.detail.Signal;

/**
 * One column of a row in the detail pane: what it is, its value, and for a behaviour feature the
 * baselines of the window and how far the value is from the human one.
 *
 * @param value      the row's value (String, Long, Double, Instant), null when the row has none
 * @param human      the human average of the window, null for a column that is not a feature
 * @param datacenter the datacenter/hosting average, null for a column that is not a feature
 * @param distance   {@link HumanDistance#of}: NaN when not a feature or without baselines;
 *                   infinite when the feature never varies in the window and the value differs
 */
public record SignalValue(Signal signal, Object value, Double human, Double datacenter, double distance) {

    public static SignalValue plain(Signal signal, Object value) {
        return new SignalValue(signal, value, null, null, Double.NaN);
    }

    /** True when the distance can be ranked (a feature with baselines). */
    public boolean ranked() {
        return !Double.isNaN(distance);
    }
}
