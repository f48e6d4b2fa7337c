package com.ja4.workstation.data.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Example model metadata files for the demo models (the names the demo's scores carry), in the
 * shape the pipeline writes. Deterministic: the same bytes every time.
 */
public final class DemoModels {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private static final List<String> BEHAVIOUR = List.of("hit_velocity", "fuzzing_index", "post_ratio", "asset_ratio",
            "direct_access_ratio", "temporal_entropy", "path_diversity_ratio", "modern_browser_score", "header_count",
            "is_headless", "ip_id_zero_ratio", "alpn_http_mismatch", "is_alpn_missing", "multiplexing_efficiency",
            "header_order_confidence", "ua_ch_mismatch", "distinct_ja4_count", "is_ua_rotating", "src_port_density");

    private DemoModels() {
    }

    /** The demo's model names, in the order the files are written. */
    public static List<String> names() {
        return ModelVerdict.MODELS;
    }

    /** Writes one {@code NAME.json} per demo model into {@code folder} (created if needed). */
    public static List<Path> writeTo(Path folder) throws IOException {
        Files.createDirectories(folder);
        List<Path> written = new ArrayList<>();
        for (Map<String, Object> m : List.of(iforest(), xgb(), autoencoder())) {
            Path p = folder.resolve(m.get("name") + ".json");
            Files.writeString(p, JSON.writeValueAsString(m) + "\n");
            written.add(p);
        }
        return written;
    }

    private static Map<String, Object> iforest() {
        Map<String, Object> m = base("iforest_v3", "IsolationForest", "2026-11-02T03:15:00Z", BEHAVIOUR);
        m.put("hyperparameters", ordered("n_estimators", 300, "max_samples", 4096, "contamination", 0.04, "random_state", 42));
        m.put("metrics", ordered("precision_at_100", 0.93, "recall_known_bots", 0.81, "auc_roc", 0.912,
                "contamination_observed", 0.038));
        m.put("training_rows", 1_284_311);
        m.put("threshold", -0.05);
        return m;
    }

    private static Map<String, Object> xgb() {
        List<String> f = new ArrayList<>(BEHAVIOUR);
        f.addAll(List.of("tcp_ttl_initial", "tcp_mss", "tcp_window_scale", "tcp_window"));
        Map<String, Object> m = base("xgb_hybrid_v2", "XGBoost (supervised, SOC feedback labels)", "2026-11-09T04:40:00Z", f);
        m.put("hyperparameters", ordered("max_depth", 6, "eta", 0.1, "n_rounds", 450, "scale_pos_weight", 7.5));
        m.put("metrics", ordered("auc_roc", 0.967, "auc_pr", 0.884, "f1", 0.861, "precision", 0.902, "recall", 0.824,
                "logloss", 0.173));
        m.put("labels", ordered("bot", 18_204, "legitimate", 96_551, "suspicious", 3_117));
        m.put("training_rows", 117_872);
        return m;
    }

    private static Map<String, Object> autoencoder() {
        Map<String, Object> m = base("autoencoder_v1", "Autoencoder (dense 19-12-6-12-19)", "2026-10-21T22:05:00Z", BEHAVIOUR);
        m.put("hyperparameters", ordered("epochs", 60, "batch_size", 512, "learning_rate", 0.001, "latent_dim", 6));
        m.put("metrics", ordered("val_reconstruction_mse", 0.0143, "threshold_p99", 0.0621, "auc_roc", 0.871));
        m.put("training_rows", 2_004_117);
        m.put("framework", "pytorch 2.3");
        return m;
    }

    private static Map<String, Object> base(String name, String algorithm, String trainedAt, List<String> features) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("algorithm", algorithm);
        m.put("version", name.substring(name.lastIndexOf('_') + 2));
        m.put("trained_at", trainedAt);
        m.put("features", features);
        return m;
    }

    private static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }
}
