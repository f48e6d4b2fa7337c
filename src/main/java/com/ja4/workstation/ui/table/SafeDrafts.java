package com.ja4.workstation.ui.table;

import com.ja4.workstation.ui.common.SafeText;
import javafx.beans.property.StringProperty;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.util.StringConverter;

/**
 * Filter controls bound to a filter's raw value (the model's draft) while they show it safely. A
 * value from the data ("Filter by this value", a facet choice) may be 100 KB long, hold bidi
 * controls, or hold line breaks that a TextField silently strips: the field shows it through
 * {@link SafeText} and the draft keeps the raw value, so the filter selects exactly its rows.
 * What the analyst types becomes the draft as typed.
 */
final class SafeDrafts {

    private SafeDrafts() {
    }

    /** A text field showing the draft safely; typing replaces the draft. */
    static void bind(TextField field, StringProperty draft) {
        boolean[] filling = {false};
        field.setText(SafeText.cell(draft.get()));
        field.textProperty().addListener((o, a, text) -> {
            if (!filling[0]) draft.set(text);
        });
        draft.addListener((o, a, v) -> {
            if (v != null && v.equals(field.getText())) return; // typed: leave the caret alone
            filling[0] = true;
            field.setText(SafeText.cell(v));
            filling[0] = false;
        });
    }

    /**
     * An editable facet box: its list and editor show values safely; choosing an item sets the
     * draft to the item's raw value (not the editor's text), typing sets it to the typed text.
     */
    static void bindEditable(ComboBox<String> box, StringProperty draft) {
        showSafely(box);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(String v) {
                return SafeText.cell(v);
            }

            @Override
            public String fromString(String text) {
                return rawOf(box, text);
            }
        });
        boolean[] filling = {false};
        box.getEditor().setText(SafeText.cell(draft.get()));
        box.valueProperty().addListener((o, a, v) -> {
            if (!filling[0] && v != null && box.getItems().contains(v)) draft.set(v);
        });
        box.getEditor().textProperty().addListener((o, a, text) -> {
            if (!filling[0]) draft.set(rawOf(box, text));
        });
        draft.addListener((o, a, v) -> {
            if (v != null && v.equals(rawOf(box, box.getEditor().getText()))) return; // the box's own entry
            filling[0] = true;
            box.getEditor().setText(SafeText.cell(v));
            filling[0] = false;
        });
    }

    /** The raw value an editor's text stands for: the chosen item (or another item) shown as this text, else the text. */
    private static String rawOf(ComboBox<String> box, String text) {
        if (text == null) return "";
        String chosen = box.getValue();
        if (chosen != null && SafeText.cell(chosen).equals(text)) return chosen;
        for (String item : box.getItems()) if (SafeText.cell(item).equals(text)) return item;
        return text;
    }

    /** List and button cells that show values safely (a non-editable choice box, or the list of an editable one). */
    static void showSafely(ComboBox<String> box) {
        box.setCellFactory(l -> new SafeCell());
        box.setButtonCell(new SafeCell());
    }

    private static final class SafeCell extends ListCell<String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            SafeText.show(this, empty ? null : item);
        }
    }
}
