package com.ja4.workstation.ui.shell;

import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;

/** Binds the toolbar's provenance label and the Trust this key… item to a {@link ProvenanceModel}. */
final class ProvenanceIndicator {

    private ProvenanceIndicator() {
    }

    /** Who made the snapshot beside the source, coloured by verdict; the tooltip says what it means. */
    static void bind(Label label, MenuItem trustKeyItem, ProvenanceModel p, Runnable trustKey) {
        label.textProperty().bind(p.textProperty());
        label.visibleProperty().bind(p.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        p.styleProperty().addListener((o, a, style) -> {
            label.getStyleClass().removeIf(c -> c.startsWith("provenance-") && !c.equals("provenance-indicator"));
            if (!style.isEmpty()) label.getStyleClass().add(style);
        });
        p.detailsProperty().addListener((o, a, d) -> {
            Tooltip t = new Tooltip(d);
            t.setWrapText(true);
            t.setMaxWidth(520);
            label.setTooltip(d.isEmpty() ? null : t);
        });
        trustKeyItem.disableProperty().bind(p.canTrustProperty().not());
        label.setOnMouseClicked(e -> {
            if (p.canTrustProperty().get()) trustKey.run();
        });
    }
}
