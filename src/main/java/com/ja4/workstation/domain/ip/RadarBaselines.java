package com.ja4.workstation.domain.ip;

import java.util.Map;

/**
 * The baselines of a time window, per behaviour feature: the human windows (asn_label = 'human')
 * and the datacenter/hosting windows (asn_label IN ('datacenter', 'hosting')) of
 * view_ai_features_1h, each with its number of windows, averages and population variances. The IP
 * radar draws the averages; the detail pane also measures distances in {@link #spread}.
 */
public record RadarBaselines(Group humanGroup, Group datacenterGroup) {

    /** One group of windows: how many, and per feature the average and the population variance. */
    public record Group(long windows, Map<String, Double> mean, Map<String, Double> variance) {
        public static final Group EMPTY = new Group(0, Map.of(), Map.of());

        public Group {
            mean = Map.copyOf(mean);
            variance = Map.copyOf(variance);
        }
    }

    /** Average of each feature over the human windows. */
    public Map<String, Double> human() {
        return humanGroup.mean();
    }

    public long humanWindows() {
        return humanGroup.windows();
    }

    /** Average of each feature over the datacenter/hosting windows. */
    public Map<String, Double> datacenter() {
        return datacenterGroup.mean();
    }

    public long datacenterWindows() {
        return datacenterGroup.windows();
    }

    /**
     * The spread of a feature in the window: the population standard deviation over every baseline
     * window, human and datacenter/hosting together (the total variance is the windows' variance
     * within each group plus the groups' distance from the overall mean). 0 when the feature has
     * one value in every baseline window, or there are none.
     */
    public double spread(String feature) {
        long nh = humanGroup.windows(), nd = datacenterGroup.windows();
        long n = nh + nd;
        if (n == 0) return 0;
        double mh = humanGroup.mean().getOrDefault(feature, 0.0), md = datacenterGroup.mean().getOrDefault(feature, 0.0);
        double mean = (nh * mh + nd * md) / n;
        double within = nh * humanGroup.variance().getOrDefault(feature, 0.0) + nd * datacenterGroup.variance().getOrDefault(feature, 0.0);
        double between = nh * (mh - mean) * (mh - mean) + nd * (md - mean) * (md - mean);
        return Math.sqrt(Math.max(0, (within + between) / n));
    }
}
