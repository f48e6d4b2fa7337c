package com.ja4.workstation.ui.common.table;

import com.ja4.workstation.data.table.PagedTable;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.service.query.QueryScope;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.control.ComboBox;

/** Filter choices of a paged table, loaded from the database (most frequent values first). */
public final class Facets {

    public static final int LIMIT = 300;

    private Facets() {
    }

    /**
     * Fills the box with the facet's values; keeps what the analyst typed. A failed facet only
     * leaves the list empty (the box still accepts typed values), so the returned future never fails.
     */
    public static CompletableFuture<?> fill(QueryScope scope, TimeWindow w, PagedTable<?, ?> table, String key, ComboBox<String> box) {
        CompletableFuture<List<String>> f = scope.submit(ctx -> table.facet(w, key, LIMIT, ctx));
        return f.whenComplete((values, err) -> {
            if (values != null) Platform.runLater(() -> {
                String current = box.getValue();
                box.getItems().setAll(values);
                box.setValue(current);
            });
        }).handle((v, e) -> v);
    }

    /** The typed or chosen text of a (possibly editable) box. */
    public static String text(ComboBox<String> box) {
        String typed = box.getEditor() != null && box.isEditable() ? box.getEditor().getText() : null;
        String v = typed != null ? typed : box.getValue();
        return v == null ? "" : v;
    }
}
