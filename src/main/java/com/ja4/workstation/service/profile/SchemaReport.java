package com.ja4.workstation.service.profile;

import com.ja4.workstation.data.schema.WarehouseSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the server lacks of the data model: per table, missing entirely or the missing columns.
 * {@link #unavailableViews()} tells the UI which view families to disable and why.
 */
public record SchemaReport(List<String> missingTables, Map<String, List<String>> missingColumns) {

    /** Tables each view family reads (soc_feedback is created by the workstation when absent). */
    public static final Map<String, List<String>> VIEW_TABLES = viewTables();

    private static Map<String, List<String>> viewTables() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("overview", List.of(WarehouseSchema.DETECTED_ANOMALIES, WarehouseSchema.ALL_SCORES, WarehouseSchema.HTTP_LOGS));
        m.put("detections", List.of(WarehouseSchema.DETECTED_ANOMALIES));
        m.put("scores", List.of(WarehouseSchema.ALL_SCORES));
        m.put("traffic", List.of(WarehouseSchema.HTTP_LOGS));
        m.put("ip", List.of(WarehouseSchema.DETECTED_ANOMALIES, WarehouseSchema.ALL_SCORES, WarehouseSchema.IP_RECURRENCE,
                WarehouseSchema.AGG_HOST_IP_JA4_1H, WarehouseSchema.HTTP_LOGS));
        m.put("analytics", List.of(WarehouseSchema.AI_FEATURES_1H, WarehouseSchema.THESIS_FEATURES_1H));
        m.put("behavior", List.of(WarehouseSchema.AI_FEATURES_1H));
        m.put("heatmap", List.of(WarehouseSchema.HTTP_LOGS));
        m.put("models", List.of(WarehouseSchema.ALL_SCORES));
        m.put("clusters", List.of(WarehouseSchema.AGG_HOST_IP_JA4_1H, WarehouseSchema.DETECTED_ANOMALIES));
        return Map.copyOf(m);
    }

    public boolean complete() {
        return missingTables.isEmpty() && missingColumns.isEmpty();
    }

    /** Reason a table cannot be used, if any. soc_feedback missing is not a problem: it is created. */
    public Optional<String> problem(String table) {
        if (missingTables.contains(table)) return Optional.of("table " + table + " is missing");
        List<String> cols = missingColumns.get(table);
        if (cols != null && !cols.isEmpty()) return Optional.of("table " + table + " lacks column(s) " + String.join(", ", cols));
        return Optional.empty();
    }

    /** View family -> why it is unavailable; families not listed work. */
    public Map<String, String> unavailableViews() {
        Map<String, String> out = new LinkedHashMap<>();
        VIEW_TABLES.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            List<String> reasons = e.getValue().stream().map(this::problem).flatMap(Optional::stream).toList();
            if (!reasons.isEmpty()) out.put(e.getKey(), String.join("; ", reasons));
        });
        return out;
    }

    public String describe() {
        if (complete()) return "All tables and columns of the data model are present.";
        StringBuilder sb = new StringBuilder();
        for (String t : missingTables) sb.append("Missing table ").append(t).append(". ");
        missingColumns.forEach((t, c) -> sb.append("Table ").append(t).append(" lacks ").append(String.join(", ", c)).append(". "));
        return sb.toString().strip();
    }
}
