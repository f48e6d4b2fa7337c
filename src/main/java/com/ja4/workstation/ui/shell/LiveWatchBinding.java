package com.ja4.workstation.ui.shell;

import com.ja4.workstation.ui.common.Fx;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.util.StringConverter;

/** The live watch's widgets: the auto-refresh box (live sources only), the count on Detections' rail entry, typing. */
final class LiveWatchBinding {

    private LiveWatchBinding() {
    }

    static void bind(LiveWatch watch, ComboBox<LiveWatch.Interval> box, ToggleButton detections, Node root) {
        box.getItems().setAll(LiveWatch.Interval.values());
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(LiveWatch.Interval i) {
                return i == null ? "" : i.label();
            }

            @Override
            public LiveWatch.Interval fromString(String s) {
                return LiveWatch.Interval.OFF;
            }
        });
        box.valueProperty().bindBidirectional(watch.intervalProperty());
        box.visibleProperty().bind(watch.availableProperty());
        box.managedProperty().bind(watch.availableProperty());
        Tooltip tip = new Tooltip("Keeps the window's end at now and marks what arrived since the last refresh");
        box.setTooltip(tip);
        watch.stateProperty().addListener((o, a, s) -> tip.setText(s.isEmpty()
                ? "Keeps the window's end at now and marks what arrived since the last refresh" : s));

        Label badge = new Label();
        badge.getStyleClass().add("rail-badge");
        badge.setId("newDetectionsBadge");
        badge.textProperty().bind(watch.newCountProperty().asString("+%d"));
        badge.visibleProperty().bind(watch.newCountProperty().greaterThan(0));
        detections.setGraphic(badge);
        detections.setContentDisplay(ContentDisplay.RIGHT);
        detections.setGraphicTextGap(8);
        watch.newCountProperty().addListener((o, a, n) -> detections.setTooltip(n.longValue() > 0
                ? new Tooltip(Fx.count(n.longValue()) + " detections arrived since the last refresh (marked in the table)") : null));

        // a keystroke in a text field (search box, a filter, the window selector) holds the next refresh back
        root.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            if (e.getTarget() instanceof TextInputControl || e.getTarget() instanceof ComboBox<?>) watch.noteTyping();
        });
    }

    /** The auto-refresh choices, in the command palette while a live source is open. */
    static List<PaletteEntry> paletteEntries(LiveWatch watch) {
        List<PaletteEntry> l = new ArrayList<>();
        if (!watch.availableProperty().get()) return l;
        for (LiveWatch.Interval i : LiveWatch.Interval.values()) {
            String title = i == LiveWatch.Interval.OFF ? "Auto-refresh off" : "Auto-refresh " + i.label().toLowerCase();
            l.add(new PaletteEntry(title, "Live", "", () -> watch.intervalProperty().set(i)));
        }
        return l;
    }
}
