package com.ja4.workstation.ui.common.table;

import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.service.query.QueryScope;
import com.ja4.workstation.service.table.TableService;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.control.ComboBox;

/** Filter choices of a paged table, loaded from the database (most frequent values first). */
public final class Facets {

    public static final int LIMIT = 300;

    /** The threat box's "no filter" entry. */
    public static final String ANY_THREAT = "Any threat";

    private Facets() {
    }

    /**
     * Fills the box with the facet's values; keeps what the analyst typed. A failed facet only
     * leaves the list empty (the box still accepts typed values), so the returned future never fails.
     */
    public static CompletableFuture<?> fill(QueryScope scope, TimeWindow w, TableService<?> table, String key, ComboBox<String> box) {
        CompletableFuture<List<String>> f = table.facet(w, key, LIMIT, scope);
        return f.whenComplete((values, err) -> {
            if (values != null) Platform.runLater(() -> {
                String current = box.getValue();
                box.getItems().setAll(values);
                box.setValue(current);
            });
        }).handle((v, e) -> v);
    }

    /** Fills a threat-level box: "Any threat", then the levels by severity (most severe first). */
    public static void threatChoices(ComboBox<String> box) {
        box.getItems().add(ANY_THREAT);
        com.ja4.workstation.domain.ThreatLevel.bySeverity().forEach(l -> box.getItems().add(l.name()));
        box.setValue(ANY_THREAT);
    }

    /** The chosen threat level, or "" for any. */
    public static String threat(ComboBox<String> box) {
        String v = box.getValue();
        return v == null || ANY_THREAT.equals(v) ? "" : v;
    }

    /** Shows a filter's threat level ("" shows "Any threat"). */
    public static void showThreat(ComboBox<String> box, String level) {
        box.setValue(level.isEmpty() ? ANY_THREAT : level);
    }

    /** The typed or chosen text of a (possibly editable) box. */
    public static String text(ComboBox<String> box) {
        String typed = box.getEditor() != null && box.isEditable() ? box.getEditor().getText() : null;
        String v = typed != null ? typed : box.getValue();
        return v == null ? "" : v;
    }
}
