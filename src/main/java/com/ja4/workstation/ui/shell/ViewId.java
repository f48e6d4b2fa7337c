package com.ja4.workstation.ui.shell;

/** The views of the navigation rail, in rail order. Only views that work are listed. */
public enum ViewId {
    OVERVIEW("Overview", "◉", "/fxml/overview.fxml"),
    DETECTIONS("Detections", "⚑", "/fxml/detections.fxml"),
    SCORES("Scores", "≣", "/fxml/scores.fxml"),
    TRAFFIC("Traffic", "⇄", "/fxml/traffic.fxml"),
    IP("IP drill-down", "⌖", "/fxml/ip.fxml"),
    FEATURES("Features", "≋", "/fxml/features.fxml"),
    GEO("Geo", "◍", "/fxml/geo.fxml"),
    FINGERPRINTS("Fingerprints", "⌘", "/fxml/fingerprints.fxml"),
    BROWSERS("Browsers", "▣", "/fxml/browsers.fxml"),
    BEHAVIOR("Behavior", "∴", "/fxml/behavior.fxml"),
    HEATMAP("Heatmap", "▦", "/fxml/heatmap.fxml"),
    MODELS("Models", "⚙", "/fxml/models.fxml"),
    CLUSTERS("Clusters", "◎", "/fxml/clusters.fxml"),
    FEEDBACK("Feedback", "✎", "/fxml/feedback.fxml");

    private final String title;
    private final String glyph;
    private final String fxml;

    ViewId(String title, String glyph, String fxml) {
        this.title = title;
        this.glyph = glyph;
        this.fxml = fxml;
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
