package com.ja4.workstation.ui.shell;

/**
 * The views of the navigation rail, in rail order. Only views that work are listed.
 *
 * <p>The last argument is the view's family in {@code SchemaReport.VIEW_TABLES} (the tables it
 * reads): the one place that ties a view to the schema check of a live server, so a view whose
 * tables or columns are missing is disabled with the reason. null: the view needs no checked table
 * (Feedback: soc_feedback is created when absent).
 */
public enum ViewId {
    OVERVIEW("Overview", "◉", "/fxml/overview.fxml", "overview"),
    DETECTIONS("Detections", "⚑", "/fxml/filtered-table.fxml", "detections"),
    SCORES("Scores", "≣", "/fxml/filtered-table.fxml", "scores"),
    TRAFFIC("Traffic", "⇄", "/fxml/filtered-table.fxml", "traffic"),
    IP("IP drill-down", "⊕", "/fxml/ip.fxml", "ip"),
    FEATURES("Features", "≋", "/fxml/features.fxml", "analytics"),
    GEO("Geo", "◍", "/fxml/geo.fxml", "analytics"),
    FINGERPRINTS("Fingerprints", "⌘", "/fxml/fingerprints.fxml", "analytics"),
    BROWSERS("Browsers", "▣", "/fxml/browsers.fxml", "analytics"),
    BEHAVIOR("Behavior", "∴", "/fxml/behavior.fxml", "behavior"),
    HEATMAP("Heatmap", "▦", "/fxml/heatmap.fxml", "heatmap"),
    MODELS("Models", "⚙", "/fxml/models.fxml", "models"),
    CLUSTERS("Clusters", "◎", "/fxml/clusters.fxml", "clusters"),
    FEEDBACK("Feedback", "✎", "/fxml/feedback.fxml", null);

    private final String title;
    private final String glyph;
    private final String fxml;
    private final String family;

    ViewId(String title, String glyph, String fxml, String family) {
        this.title = title;
        this.glyph = glyph;
        this.fxml = fxml;
        this.family = family;
    }

    /** The schema-check family (key of {@code SchemaReport.VIEW_TABLES}), if the view reads checked tables. */
    public java.util.Optional<String> family() {
        return java.util.Optional.ofNullable(family);
    }

    /** Why this view cannot be used given {@code unavailable} (family -> reason), if it cannot. */
    public java.util.Optional<String> unavailableReason(java.util.Map<String, String> unavailable) {
        return family().map(unavailable::get);
    }

    public String title() {
        return title;
    }

    public String glyph() {
        return glyph;
    }

    public String fxml() {
        return fxml;
    }

    /** Name used on the command line (render --view NAME). */
    public String cliName() {
        return name().toLowerCase();
    }

    public static java.util.Optional<ViewId> fromCliName(String name) {
        for (ViewId v : values()) if (v.cliName().equalsIgnoreCase(name)) return java.util.Optional.of(v);
        return java.util.Optional.empty();
    }
}
