package com.ja4.workstation.service.analytics;

import com.ja4.workstation.data.analytics.FeatureQueries;
import com.ja4.workstation.data.analytics.FeatureQueries.Group;
import com.ja4.workstation.data.analytics.FeatureQueries.GroupMoments;
import com.ja4.workstation.data.analytics.FeatureQueries.Moments;
import com.ja4.workstation.data.schema.WarehouseSchema;
import com.ja4.workstation.data.warehouse.Warehouse;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.analytics.ViewTotals;
import com.ja4.workstation.service.query.QueryScope;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Features view: human vs bot profiles and a feature importance that compares standardised
 * features (the predecessor ranked raw variances of features on different scales).
 *
 * <p>Importance of a behaviour feature = |Cohen's d| between bot and human windows:
 * |mean_bot - mean_human| / pooled SD, pooled SD = sqrt(((n_b - 1) s_b² + (n_h - 1) s_h²) / (n_b + n_h - 2))
 * with sample variances s². It is unit-free, so a ratio in [0, 1] and a velocity in hits/s compare.
 */
public final class FeaturesService {

    /** The features of the human vs bot profile, in chart order. */
    public static final java.util.List<String> PROFILE_FEATURES = FeatureQueries.PROFILE_FEATURES;

    private final FeatureQueries queries;

    public FeaturesService(Warehouse warehouse) {
        this.queries = new FeatureQueries(warehouse);
    }

    /** Profiles and importance, both from one query of per-group moments. */
    public CompletableFuture<FeatureComparison> comparison(TimeWindow w, QueryScope scope) {
        return scope.submit(ctx -> compare(queries.groupMoments(w, ctx)));
    }

    /** Totals of view_ai_features_1h and view_thesis_features_1h, queried in parallel. */
    public CompletableFuture<List<ViewTotals>> totals(TimeWindow w, QueryScope scope) {
        var ai = scope.submit(ctx -> queries.totals(WarehouseSchema.AI_FEATURES_TABLE, w, ctx));
        var thesis = scope.submit(ctx -> queries.totals(WarehouseSchema.THESIS_FEATURES_TABLE, w, ctx));
        return ai.thenCombine(thesis, List::of);
    }

    static FeatureComparison compare(List<GroupMoments> groups) {
        GroupMoments human = groups.stream().filter(g -> g.group() == Group.HUMAN).findFirst().orElse(null);
        GroupMoments bot = groups.stream().filter(g -> g.group() == Group.BOT).findFirst().orElse(null);
        List<ProfileRow> profile = new ArrayList<>();
        for (String f : FeatureQueries.PROFILE_FEATURES) {
            profile.add(new ProfileRow(f, human == null ? Double.NaN : human.mean(f), bot == null ? Double.NaN : bot.mean(f)));
        }
        List<Importance> importance = new ArrayList<>();
        List<String> undefined = new ArrayList<>();
        if (human != null && bot != null) {
            for (String f : WarehouseSchema.BEHAVIOUR_FEATURES) {
                double d = cohensD(human.windows(), human.features().get(f), bot.windows(), bot.features().get(f));
                if (Double.isNaN(d)) undefined.add(f);
                else importance.add(new Importance(f, d, human.mean(f), bot.mean(f)));
            }
            importance.sort(Comparator.comparingDouble(Importance::effectSize).reversed().thenComparing(Importance::feature));
        }
        return new FeatureComparison(human == null ? 0 : human.windows(), bot == null ? 0 : bot.windows(), profile,
                importance, undefined);
    }

    /**
     * |Cohen's d| with the pooled sample SD; NaN when undefined (fewer than 3 windows, or no spread
     * in either group while the means differ). Equal constant groups give 0.
     */
    public static double cohensD(long nh, Moments h, long nb, Moments b) {
        if (nh + nb < 3 || nh == 0 || nb == 0) return Double.NaN;
        double diff = Math.abs(b.mean() - h.mean());
        // (n - 1) * sample variance = n * population variance
        double pooledVar = (nh * h.popVariance() + nb * b.popVariance()) / (nh + nb - 2);
        double sd = Math.sqrt(Math.max(0, pooledVar));
        if (sd < 1e-12) return diff < 1e-12 ? 0.0 : Double.NaN;
        return diff / sd;
    }

    /** One of the 12 profile features: the average over human and over bot windows (NaN: no window). */
    public record ProfileRow(String feature, double human, double bot) {
        /** Larger of the two averages, the scale the chart divides by (so features of any unit compare). */
        public double scale() {
            double m = Math.max(Math.abs(nz(human)), Math.abs(nz(bot)));
            return m == 0 ? 1 : m;
        }

        private static double nz(double v) {
            return Double.isNaN(v) ? 0 : v;
        }
    }

    public record Importance(String feature, double effectSize, double humanMean, double botMean) {
    }

    public record FeatureComparison(long humanWindows, long botWindows, List<ProfileRow> profile,
                                    List<Importance> importance, List<String> undefinedImportance) {
        public boolean isEmpty() {
            return humanWindows == 0 && botWindows == 0;
        }
    }
}
