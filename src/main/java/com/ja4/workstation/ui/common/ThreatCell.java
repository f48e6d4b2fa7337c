package com.ja4.workstation.ui.common;

import com.ja4.workstation.domain.ThreatLevel;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;

/** A threat level (enum or the warehouse's text) as a coloured badge; unknown text shown safely, uncoloured. */
public final class ThreatCell<S, T> extends TableCell<S, T> {
    @Override
    protected void updateItem(T item, boolean empty) {
        super.updateItem(item, empty);
        setText(null);
        if (empty || item == null || item.toString().isEmpty()) {
            setGraphic(null);
            return;
        }
        String text = item.toString();
        Label badge = SafeText.label(text); // the warehouse's text: a hostile file may put anything there
        badge.getStyleClass().add("threat-badge");
        ThreatLevel.parse(text).ifPresent(l -> badge.getStyleClass().add("threat-" + l.name().toLowerCase()));
        setGraphic(badge);
    }
}
