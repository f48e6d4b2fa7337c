package com.ja4.workstation.ui.shell;

import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * One keyboard shortcut: where it works, its keys, what it does (in the analyst's words) and the
 * command it runs. {@code view} is the view a "go to view" shortcut shows; {@code keysText}
 * overrides the keys' display where a combination alone does not say it ("↑ ↓", "Page Down on the
 * last row").
 */
public record Shortcut(Scope scope, KeyCombination keys, String keysText, String what, Command command, ViewId view) {

    /** Where a shortcut works. */
    public enum Scope {
        WINDOW("Anywhere in the window"),
        TABLE("In a table"),
        PALETTE("In the command palette (Ctrl+K)");

        private final String title;

        Scope(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    /** What a shortcut runs; {@code BUILT_IN} is done by the control itself and only listed on the sheet. */
    public enum Command {
        SHOW_VIEW, PALETTE, SEARCH, WINDOW, REFRESH, CANCEL_WORK, SHEET, TOGGLE_THEME,
        OPEN_ROW, COPY_CELL, NEXT_PAGE, PREVIOUS_PAGE, PALETTE_NEXT, PALETTE_PREVIOUS, PALETTE_RUN, PALETTE_CLOSE, BUILT_IN
    }

    /** The keys as the sheet and the palette show them ("Ctrl+1"). */
    public String keysLabel() {
        return keysText != null ? keysText : keys.getDisplayText();
    }

    public boolean matches(KeyEvent e) {
        return keys != null && command != Command.BUILT_IN && keys.match(e);
    }
}
