package com.ja4.workstation.analysis.fingerprint;

import java.util.ArrayList;
import java.util.List;

/**
 * Masscan builds its SYN by hand: window 1024, TTL 255, no TCP options at all (so no MSS and no
 * window scale). Each trait alone occurs in real stacks; together they do not.
 */
final class MasscanDetector {

    static final double WINDOW_WEIGHT = 0.40;
    static final double TTL_WEIGHT = 0.25;
    static final double NO_MSS_WEIGHT = 0.20;
    static final double NO_SCALE_WEIGHT = 0.12;
    /** All four traits give 0.97, not 1: any stack can be made to send this SYN. */
    static final double THRESHOLD = 0.60;

    private MasscanDetector() {
    }

    record Assessment(double confidence, List<String> reasons) {
        boolean detected() {
            return confidence >= THRESHOLD;
        }
    }

    static Assessment assess(TcpObservation o) {
        double confidence = 0;
        List<String> reasons = new ArrayList<>(4);
        if (o.window() == 1024) {
            confidence += WINDOW_WEIGHT;
            reasons.add("window 1024 (Masscan default)");
        }
        if (o.ttl() > 200) {
            confidence += TTL_WEIGHT;
            reasons.add("TTL " + o.ttl() + " near 255 (Masscan sends 255)");
        } else if (o.ttl() > 128) {
            confidence += TTL_WEIGHT / 2;
        }
        if (!o.hasMss()) {
            confidence += NO_MSS_WEIGHT;
            reasons.add("no MSS option (hand-built SYN without options)");
        }
        if (o.scale() == 0) {
            confidence += NO_SCALE_WEIGHT;
            reasons.add("window scale 0 (no options)");
        }
        if (confidence < THRESHOLD) reasons.clear();  // traits alone are common; only report a detection
        return new Assessment(confidence, List.copyOf(reasons));
    }
}
