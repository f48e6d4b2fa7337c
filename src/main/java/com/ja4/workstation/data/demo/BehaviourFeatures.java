package com.ja4.workstation.data.demo;

import com.ja4.workstation.data.schema.WarehouseSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The behaviour features of one window, in {@link WarehouseSchema#BEHAVIOUR_FEATURES} order.
 * Ratios are in [0, 1], velocity in hits per second, header count in headers per request.
 */
record BehaviourFeatures(double[] values) {

    static BehaviourFeatures measure(DemoClient client, Agent agent, Traffic t, int distinctJa4, boolean uaRotating,
                                     SplittableRandom rng) {
        Profile p = client.profile();
        int n = t.hits();
        boolean h2 = agent.httpVersion().equals(Catalog.H2);
        // an ALPN that announces one protocol followed by requests in another is a replayed ClientHello
        boolean alpnMismatch = agent.alpn().equals("h2") != h2 && !agent.alpn().equals("00");
        Map<String, Double> f = new LinkedHashMap<>();
        f.put("hit_velocity", round(n / Math.max(1.0, t.spanSeconds())));
        f.put("fuzzing_index", ratio(t.probes(), n));
        f.put("post_ratio", ratio(t.posts(), n));
        f.put("asset_ratio", ratio(t.assets(), n));
        f.put("direct_access_ratio", jitter(p.directAccess(), 0.05, rng));
        f.put("temporal_entropy", round(t.temporalEntropy()));
        f.put("path_diversity_ratio", ratio(t.distinctPaths(), n));
        f.put("modern_browser_score", jitter(p.modernBrowser(), 0.03, rng));
        f.put("header_count", Math.max(1, Math.round((p.headerCount() + (rng.nextDouble() - 0.5)) * 10) / 10.0));
        f.put("is_headless", agent.headless() ? 1.0 : 0.0);
        f.put("ip_id_zero_ratio", jitter(p.ipIdZero(), 0.04, rng));
        f.put("alpn_http_mismatch", alpnMismatch ? 1.0 : 0.0);
        f.put("is_alpn_missing", agent.alpn().equals("00") ? 1.0 : 0.0);
        f.put("multiplexing_efficiency", h2 && n > 1 ? round(1 - (double) t.connections() / n) : 0.0);
        f.put("header_order_confidence", jitter(p.headerOrder(), 0.03, rng));
        f.put("ua_ch_mismatch", p.uaChMismatch() == 0 ? 0.0 : jitter(p.uaChMismatch(), 0.05, rng));
        f.put("distinct_ja4_count", (double) distinctJa4);
        f.put("is_ua_rotating", uaRotating ? 1.0 : 0.0);
        f.put("src_port_density", ratio(t.connections(), n));
        List<String> names = WarehouseSchema.BEHAVIOUR_FEATURES;
        if (!List.copyOf(f.keySet()).equals(names)) {
            throw new IllegalStateException("Demo features out of step with the schema: " + f.keySet());
        }
        double[] v = new double[names.size()];
        int i = 0;
        for (double x : f.values()) v[i++] = x;
        return new BehaviourFeatures(v);
    }

    double get(String name) {
        return values[WarehouseSchema.BEHAVIOUR_FEATURES.indexOf(name)];
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 0 : round((double) part / whole);
    }

    private static double jitter(double base, double spread, SplittableRandom rng) {
        return round(Math.min(1, Math.max(0, base + (rng.nextDouble() * 2 - 1) * spread)));
    }

    static double round(double x) {
        return Math.round(x * 10_000) / 10_000.0;
    }
}
