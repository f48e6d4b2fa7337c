package com.ja4.workstation.domain.analytics;

import java.util.List;

/**
 * The twelve behaviour features the Behavior view can plot (the predecessor's list). The column
 * name is a code constant: the analyst picks an enum value, never types a column.
 */
public enum BehaviorFeature {
    HIT_VELOCITY("hit_velocity", "Hit velocity (req/s)"),
    FUZZING_INDEX("fuzzing_index", "Fuzzing index"),
    POST_RATIO("post_ratio", "POST ratio"),
    ASSET_RATIO("asset_ratio", "Asset ratio"),
    DIRECT_ACCESS_RATIO("direct_access_ratio", "Direct access ratio"),
    TEMPORAL_ENTROPY("temporal_entropy", "Temporal entropy"),
    PATH_DIVERSITY_RATIO("path_diversity_ratio", "Path diversity ratio"),
    MODERN_BROWSER_SCORE("modern_browser_score", "Modern browser score"),
    HEADER_COUNT("header_count", "Header count"),
    IS_UA_ROTATING("is_ua_rotating", "UA rotating"),
    DISTINCT_JA4_COUNT("distinct_ja4_count", "Distinct JA4 count"),
    SRC_PORT_DENSITY("src_port_density", "Source port density");

    /** The six features with a histogram. */
    public static final List<BehaviorFeature> HISTOGRAM = List.of(HIT_VELOCITY, FUZZING_INDEX, POST_RATIO, ASSET_RATIO,
            TEMPORAL_ENTROPY, PATH_DIVERSITY_RATIO);

    private final String column;
    private final String label;

    BehaviorFeature(String column, String label) {
        this.column = column;
        this.label = label;
    }

    /** Column of view_ai_features_1h (an identifier from this whitelist). */
    public String column() {
        return column;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
