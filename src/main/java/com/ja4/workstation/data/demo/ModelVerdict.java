package com.ja4.workstation.data.demo;

import com.ja4.workstation.domain.ThreatLevel;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What the scoring models said about one window: the model, its scores and the threat level,
 * after the pipeline's post-scoring rule that turns a consistent known browser into
 * LEGITIMATE_BROWSER.
 */
record ModelVerdict(String model, double anomalyScore, double rawScore, double xgbProb, double aeReconError,
                    ThreatLevel threat) {

    static final List<String> MODELS = List.of("iforest_v3", "xgb_hybrid_v2", "autoencoder_v1");
    private static final double[] MODEL_WEIGHTS = {0.5, 0.35, 0.15};

    static ModelVerdict score(DemoClient client, Agent agent, SplittableRandom rng) {
        Profile p = client.profile();
        ThreatLevel level = p.threats().get(pickWeighted(p.threatWeights(), rng));
        // post-scoring (A9): known browser JA4 + consistency >= 4 + NORMAL/LOW -> legitimate browser
        if (agent.knownBrowser() && p.consistency() >= 4 && (level == ThreatLevel.NORMAL || level == ThreatLevel.LOW)) {
            level = ThreatLevel.LEGITIMATE_BROWSER;
        }
        double score = client.population() == DemoPopulation.MASSCAN
                ? 0.95 + rng.nextDouble() * 0.04
                : band(level, rng);
        String model = MODELS.get(pickWeighted(MODEL_WEIGHTS, rng));
        // Isolation Forest's decision function: negative is anomalous, about -0.25 to 0.25
        double raw = BehaviourFeatures.round((0.5 - score) * 0.5 + (rng.nextDouble() - 0.5) * 0.02);
        double xgb = BehaviourFeatures.round(clamp(score + (rng.nextDouble() - 0.5) * 0.1));
        double ae = BehaviourFeatures.round(0.01 + Math.pow(score, 3) * 0.6 + rng.nextDouble() * 0.02);
        return new ModelVerdict(model, BehaviourFeatures.round(score), raw, xgb, ae, level);
    }

    private static double band(ThreatLevel level, SplittableRandom rng) {
        double lo, hi;
        switch (level) {
            case CRITICAL -> { lo = 0.90; hi = 0.99; }
            case HIGH -> { lo = 0.75; hi = 0.90; }
            case MEDIUM -> { lo = 0.58; hi = 0.75; }
            case LOW -> { lo = 0.45; hi = 0.58; }
            case NORMAL -> { lo = 0.12; hi = 0.45; }
            default -> { lo = 0.02; hi = 0.30; }
        }
        return lo + rng.nextDouble() * (hi - lo);
    }

    private static int pickWeighted(double[] weights, SplittableRandom rng) {
        double total = 0;
        for (double w : weights) total += w;
        double r = rng.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            if ((r -= weights[i]) < 0) return i;
        }
        return weights.length - 1;
    }

    private static double clamp(double x) {
        return Math.min(1, Math.max(0, x));
    }
}
