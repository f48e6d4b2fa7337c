package com.ja4.workstation.ui.table;

import com.ja4.workstation.ui.detail.DetailModel;
import com.ja4.workstation.ui.detail.DetailPane;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;

/** A table beside its detail pane: the pane takes the right part while a row is selected and the analyst wants it. */
final class DetailSplit {

    private DetailSplit() {
    }

    static SplitPane of(Node table, DetailModel<?> detail) {
        DetailPane pane = new DetailPane(detail);
        SplitPane split = new SplitPane(table);
        Runnable update = () -> {
            boolean on = detail.visibleProperty().get();
            if (on && !split.getItems().contains(pane)) {
                split.getItems().add(pane);
                SplitPane.setResizableWithParent(pane, false);
                double w = split.getWidth() > 0 ? split.getWidth() : 1400;
                split.setDividerPositions(Math.max(0.35, 1 - DetailPane.WIDTH / w));
            } else if (!on) {
                split.getItems().remove(pane);
            }
        };
        detail.visibleProperty().addListener((o, a, b) -> update.run());
        update.run();
        return split;
    }
}
