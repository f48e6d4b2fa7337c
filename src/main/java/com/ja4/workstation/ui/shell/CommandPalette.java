package com.ja4.workstation.ui.shell;

import com.ja4.workstation.ui.common.Theme;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import javafx.stage.Window;

/** The command palette's widgets (a popup over the window) bound to its {@link CommandPaletteModel}. */
final class CommandPalette {

    static final double WIDTH = 620;

    private final CommandPaletteModel model;
    private final Popup popup = new Popup();
    private final TextField field = new TextField();
    private final ListView<PaletteEntry> list = new ListView<>();

    CommandPalette(CommandPaletteModel model) {
        this.model = model;
        field.setId("paletteField");
        field.setPromptText("Go to a view, an IP or a JA4, or run an action…");
        field.textProperty().bindBidirectional(model.queryProperty());
        list.setId("paletteResults");
        list.getStyleClass().add("palette-results");
        list.setItems(model.results());
        list.setFocusTraversable(false);
        list.setPrefHeight(12 * 30 + 4);
        list.setCellFactory(v -> new EntryCell());
        model.selectedProperty().addListener((o, a, i) -> {
            if (i.intValue() >= 0) {
                list.getSelectionModel().select(i.intValue());
                list.scrollTo(Math.max(0, i.intValue() - 5));
            } else {
                list.getSelectionModel().clearSelection();
            }
        });
        list.setOnMouseClicked(e -> {
            int i = list.getSelectionModel().getSelectedIndex();
            if (i >= 0) {
                model.selectedProperty().set(i);
                if (model.runSelected()) hide();
            }
        });
        Label note = new Label();
        note.getStyleClass().add("palette-hint");
        note.textProperty().bind(model.noteProperty());
        Label hint = new Label("↑ ↓ choose · Enter run · Esc close · F1 every shortcut");
        hint.getStyleClass().add("palette-hint");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        VBox box = new VBox(field, list, new HBox(8, note, gap, hint));
        box.getStyleClass().add("palette");
        box.setId("commandPalette");
        box.setPrefWidth(WIDTH);
        popup.getContent().add(box);
        popup.setAutoHide(true);
        popup.setHideOnEscape(false); // Esc is the palette's own shortcut (below)
        popup.setOnHidden(e -> model.close());
        field.addEventFilter(KeyEvent.KEY_PRESSED, e -> Shortcuts.find(Shortcut.Scope.PALETTE, e).ifPresent(s -> {
            e.consume();
            switch (s.command()) {
                case PALETTE_NEXT -> model.next();
                case PALETTE_PREVIOUS -> model.previous();
                case PALETTE_RUN -> {
                    if (model.runSelected()) hide();
                }
                case PALETTE_CLOSE -> hide();
                default -> { }
            }
        }));
    }

    /** Opens over the top of {@code owner}, the text field focused. */
    void show(Window owner) {
        model.open();
        popup.show(owner, owner.getX() + Math.max(0, (owner.getWidth() - WIDTH) / 2), owner.getY() + 70);
        Theme.style(popup.getScene());
        field.requestFocus();
    }

    void hide() {
        popup.hide();
    }

    boolean isShowing() {
        return popup.isShowing();
    }

    /** An entry: its title, what it is, and the keys that do the same. */
    private static final class EntryCell extends ListCell<PaletteEntry> {
        @Override
        protected void updateItem(PaletteEntry e, boolean empty) {
            super.updateItem(e, empty);
            setText(null);
            if (empty || e == null) {
                setGraphic(null);
                return;
            }
            Label title = new Label(e.title());
            title.getStyleClass().add("palette-title");
            Label kind = new Label(e.kind() + (e.keys().isEmpty() ? "" : "  ·  " + e.keys()));
            kind.getStyleClass().add("palette-kind");
            kind.setMinWidth(Region.USE_PREF_SIZE);
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            HBox row = new HBox(8, title, gap, kind);
            row.setAlignment(Pos.CENTER_LEFT);
            setGraphic(row);
        }
    }
}
