package com.ja4.workstation.analysis.fingerprint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The verdict as named fields, in one order, for every export (JSON and CSV use the same names so
 * a script written against one reads the other).
 */
public final class VerdictFields {

    public static final List<String> NAMES = List.of("os", "family", "confidence", "stack_confidence", "initial_ttl", "hops", "path",
            "scanner", "scanner_confidence", "reasons");

    private VerdictFields() {
    }

    public static Map<String, Object> of(TcpVerdict v) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("os", v.os());
        fields.put("family", v.family().name());
        fields.put("confidence", round(v.confidence()));
        fields.put("stack_confidence", round(v.stackConfidence()));
        fields.put("initial_ttl", v.initialTtl());
        fields.put("hops", v.hops());
        fields.put("path", v.path().name());
        fields.put("scanner", v.scanner());
        fields.put("scanner_confidence", round(v.scannerConfidence()));
        fields.put("reasons", v.reasons());
        return fields;
    }

    /** Three decimals: more would suggest a precision the scoring does not have. */
    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
