package com.ja4.workstation.ui.shell;

import com.ja4.workstation.ui.common.Theme;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import javafx.stage.Window;

/** The F1 sheet: every shortcut of {@link Shortcuts}, by where it works (generated: it cannot drift from the keys). */
final class ShortcutSheet {

    private final Popup popup = new Popup();
    private final GridPane grid = new GridPane();

    ShortcutSheet() {
        grid.setHgap(14);
        grid.setVgap(4);
        grid.getStyleClass().add("shortcut-sheet");
        grid.setId("shortcutSheet");
        int row = 0;
        for (Shortcut.Scope scope : Shortcut.Scope.values()) {
            Label section = new Label(scope.title());
            section.getStyleClass().add("shortcut-section");
            grid.add(section, 0, row++, 2, 1);
            for (Shortcut s : Shortcuts.of(scope)) {
                Label keys = new Label(s.keysLabel());
                keys.getStyleClass().add("shortcut-keys");
                Label what = new Label(s.what());
                what.getStyleClass().add("shortcut-what");
                grid.addRow(row++, keys, what);
            }
        }
        Label title = new Label("Keyboard shortcuts");
        title.getStyleClass().add("view-title");
        Label close = new Label("F1 or Esc closes this sheet");
        close.getStyleClass().add("palette-hint");
        VBox box = new VBox(8, title, grid, close);
        box.getStyleClass().add("palette");
        box.setFocusTraversable(true);
        popup.getContent().add(box);
        popup.setAutoHide(true);
        box.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.F1 || e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                popup.hide();
            }
        });
    }

    void show(Window owner) {
        popup.show(owner, owner.getX() + 60, owner.getY() + 60);
        Theme.style(popup.getScene());
        popup.getContent().get(0).requestFocus();
    }

    void hide() {
        popup.hide();
    }

    boolean isShowing() {
        return popup.isShowing();
    }
}
