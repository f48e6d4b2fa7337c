package com.ja4.workstation.ui.overview;

import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** One key figure: a caption and a large number; clickable when it leads somewhere. */
public final class KpiCard extends VBox {
    private final Label value = new Label("–");

    public KpiCard(String caption, String styleClass, Runnable onClick) {
        super(2);
        Label c = new Label(caption);
        c.getStyleClass().add("kpi-caption");
        value.getStyleClass().add("kpi-value");
        getChildren().addAll(c, value);
        getStyleClass().addAll("kpi-card", styleClass);
        if (onClick != null) {
            getStyleClass().add("clickable");
            setOnMouseClicked(e -> onClick.run());
        }
    }

    public void set(String text) {
        value.setText(text);
    }

    public String text() {
        return value.getText();
    }
}
